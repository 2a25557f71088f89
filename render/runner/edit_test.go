package runner_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/pattern"
	"colife/life/sim"
	"colife/render/runner"
)

// gridOf returns the picture of a frame's grid.
func gridOf(f *runner.Frame) string { return f.Grid.String() }

func picture(t *testing.T, rows ...string) string {
	t.Helper()
	g, err := life.ParseGrid(rows...)
	require.NoError(t, err)
	return g.String()
}

func TestUndoRedoEveryEdit(t *testing.T) {
	start4 := []string{".O..", "....", "....", "...."}
	highlife, err := life.ParseRule("highlife")
	require.NoError(t, err)
	tests := []struct {
		name  string
		edit  []runner.Command
		after []string
		rule  life.Rule
	}{
		{"stroke", []runner.Command{runner.Stroke{}, runner.Edit{X: 0, Y: 0, State: life.Alive}, runner.Edit{X: 0, Y: 1, State: life.Alive}},
			[]string{"OO..", "O...", "....", "...."}, life.Conway},
		{"erase", []runner.Command{runner.Stroke{}, runner.Edit{X: 1, Y: 0, State: life.Empty}},
			[]string{"....", "....", "....", "...."}, life.Conway},
		{"toggle", []runner.Command{runner.Toggle{X: 3, Y: 3}},
			[]string{".O..", "....", "....", "...O"}, life.Conway},
		{"clear", []runner.Command{runner.Clear{}},
			[]string{"....", "....", "....", "...."}, life.Conway},
		{"paste", []runner.Command{runner.Paste{At: life.Point{X: 2, Y: 2}, Cells: []life.Point{{X: 0, Y: 0}, {X: 1, Y: 1}, {X: 5, Y: 5}}}},
			[]string{".O..", "....", "..O.", "...O"}, life.Conway},
		{"clear rect", []runner.Command{runner.ClearRect{Rect: life.RectOf(life.Point{}, 2, 2)}},
			[]string{"....", "....", "....", "...."}, life.Conway},
		{"rule", []runner.Command{runner.SetRule{Rule: highlife}},
			start4, highlife},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := start(t, runner.Config{}, start4...)
			waitFor(t, r, func(f *runner.Frame) bool { return f.Started })
			r.Do(tt.edit...)
			n := uint64(len(tt.edit))
			f := waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == n })
			assert.Equal(t, picture(t, tt.after...), gridOf(f))
			assert.Equal(t, tt.rule, f.Options.Rule)
			assert.Equal(t, 1, f.Undos, "one edit")

			r.Do(runner.Undo{})
			f = waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == n+1 })
			assert.Equal(t, picture(t, start4...), gridOf(f), "undone")
			assert.Equal(t, life.Conway, f.Options.Rule)
			assert.Equal(t, [2]int{0, 1}, [2]int{f.Undos, f.Redos})

			r.Do(runner.Redo{})
			f = waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == n+2 })
			assert.Equal(t, picture(t, tt.after...), gridOf(f), "redone")
			assert.Equal(t, tt.rule, f.Options.Rule)
		})
	}
}

func TestUndoGoesBackGenerationsAndStepsOfManyEdits(t *testing.T) {
	r := start(t, runner.Config{}, glider...)
	var cmds []runner.Command
	for i := range 150 {
		cmds = append(cmds, runner.Toggle{X: i % 8, Y: 5})
	}
	r.Do(cmds...)
	f := waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 150 })
	require.Equal(t, 150, f.Undos, "at least 100 edits kept")
	r.Do(runner.Step{N: 2})
	waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == 2 })
	r.Do(runner.Clear{})
	var undo []runner.Command
	for range 151 {
		undo = append(undo, runner.Undo{})
	}
	r.Do(undo...)
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 152+151 })
	assert.Equal(t, picture(t, glider...), gridOf(f), "every edit undone")
	assert.Equal(t, 0, f.Generation, "the generation of the first edit")
	assert.Equal(t, 0, f.Undos)
	assert.Equal(t, 151, f.Redos)
	r.Do(runner.Undo{}) // nothing left: does nothing
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 152+152 })
	assert.Equal(t, picture(t, glider...), gridOf(f))
	r.Do(runner.Redo{}, runner.Toggle{X: 7, Y: 0})
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 152+154 })
	assert.Equal(t, 0, f.Redos, "a new edit drops what was undone")
	assert.Equal(t, 2, f.Undos)
}

func TestSetRuleRefusedOnTheUnboundedPlane(t *testing.T) {
	r := start(t, runner.Config{Options: sim.Options{Topology: life.Unbounded}}, glider...)
	b0, err := life.ParseRule("B0/S8")
	require.NoError(t, err)
	r.Do(runner.SetRule{Rule: b0})
	f := waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 1 })
	assert.Equal(t, life.Conway, f.Options.Rule, "the rule is kept")
	assert.Equal(t, uint64(1), f.Notes)
	assert.Contains(t, f.Note, "B0")
	assert.Equal(t, 0, f.Undos, "nothing to undo")
}

func TestSetRuleRunsTheNewRule(t *testing.T) {
	for _, e := range engines {
		t.Run(e.String(), func(t *testing.T) {
			seeds, err := life.ParseRule("seeds")
			require.NoError(t, err)
			r := start(t, runner.Config{Options: sim.Options{Engine: e}}, glider...)
			r.Do(runner.Step{N: 1}, runner.SetRule{Rule: seeds}, runner.Step{N: 2})
			f := waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 3 && f.Generation == 3 })
			want := reference(t, sim.Options{Rule: seeds}, 2, strings.Split(strings.TrimSpace(reference(t, sim.Options{}, 1, glider...).String()), "\n")...)
			assert.Equal(t, want.String(), gridOf(f))
			assert.Equal(t, seeds, f.Options.Rule)
		})
	}
}

// TestSwitchTransport switches the engine's transport in the middle of a
// run, on every topology: the glider goes on from the generation it had
// reached, on a coroutine a cell, then on a generator a shard, and back on
// channels, as the reference has it, and the history kept from before the
// switches still steps back.
func TestSwitchTransport(t *testing.T) {
	for _, top := range []life.Topology{life.Torus, life.Plane, life.Unbounded} {
		t.Run(top.String(), func(t *testing.T) {
			opt := sim.Options{Rule: life.Conway, Topology: top}
			r := start(t, runner.Config{Options: opt}, glider...)
			r.Do(runner.Step{N: 3}, runner.SwitchTransport{}, runner.Step{N: 2})
			f := waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 3 && f.Generation == 5 })
			assert.Equal(t, sim.Coroutine, f.Options.Engine)
			assert.Equal(t, life.Conway, f.Options.Rule)
			assertGeneration(t, opt, f, 5)
			r.Do(runner.SwitchTransport{}, runner.Step{N: 4})
			f = waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 5 && f.Generation == 9 })
			assert.Equal(t, sim.Generator, f.Options.Engine)
			assertGeneration(t, opt, f, 9)
			r.Do(runner.SwitchTransport{}, runner.Step{N: 1})
			f = waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 7 && f.Generation == 10 })
			assert.Equal(t, sim.Goroutine, f.Options.Engine)
			assertGeneration(t, opt, f, 10)
			r.Do(runner.Back{})
			f = waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 8 })
			assert.Equal(t, 9, f.Generation, "the history is kept")
			assertGeneration(t, opt, f, 9)
		})
	}
}

// TestSwitchTransportDense: the dense engine's cells go onto coroutines,
// the dense-coroutine engine's back onto channels.
func TestSwitchTransportDense(t *testing.T) {
	r := start(t, runner.Config{Options: sim.Options{Rule: life.Conway, Engine: sim.Dense}}, glider...)
	r.Do(runner.SwitchTransport{})
	f := waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 1 })
	assert.Equal(t, sim.DenseCoroutine, f.Options.Engine, "dense goes to dense-coroutine")
	r.Do(runner.SwitchTransport{})
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 2 })
	assert.Equal(t, sim.Dense, f.Options.Engine, "and back")
}

// assertGeneration checks the frame's board against generation gen of the
// glider under opt, as the direct engine runs it.
func assertGeneration(t *testing.T, opt sim.Options, f *runner.Frame, gen int) {
	t.Helper()
	if opt.Topology == life.Unbounded {
		opt.Engine = sim.Direct
		want := reference2(t, opt, gen, glider...)
		assert.True(t, universeOf(f).Equal(want), "generation %d:\n%s\nwant:\n%s", gen, universeOf(f), want)
		return
	}
	assert.Equal(t, reference(t, opt, gen, glider...).String(), gridOf(f), "generation %d", gen)
}

func TestLoad(t *testing.T) {
	blinker, err := pattern.Read(stringsReader("#N blinker\nx = 3, y = 1, rule = B36/S23\n3o!\n"), "blinker.rle")
	require.NoError(t, err)
	r := start(t, runner.Config{}, "....", "....", "....")
	r.Do(runner.Step{N: 1}, runner.Load{Pattern: blinker})
	f := waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 2 })
	assert.Equal(t, picture(t, "....", "OOO.", "...."), gridOf(f))
	assert.Equal(t, 0, f.Generation)
	assert.Equal(t, "B36/S23", f.Options.Rule.String(), "the pattern's rule")
	r.Do(runner.Step{N: 1}, runner.Reset{})
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 4 })
	assert.Equal(t, picture(t, "....", "OOO.", "...."), gridOf(f), "Reset comes back to it")

	big, err := pattern.Builtin("gosper")
	require.NoError(t, err)
	r.Do(runner.Load{Pattern: big})
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 5 })
	assert.Equal(t, picture(t, "....", "OOO.", "...."), gridOf(f), "a pattern too large is refused")
	assert.Contains(t, f.Note, "larger than the 4x3 grid")
	assert.Equal(t, "B36/S23", f.Options.Rule.String())
}

func TestLoadOnThePlaneAtItsPosition(t *testing.T) {
	p, err := pattern.Read(stringsReader("#CXRLE Pos=-100,7\nx = 2, y = 1\n2o!\n"), "two.rle")
	require.NoError(t, err)
	r := start(t, runner.Config{Options: sim.Options{Topology: life.Unbounded}}, glider...)
	r.Do(runner.Load{Pattern: p})
	f := waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 1 })
	assert.Equal(t, life.Rect{Min: life.Point{X: -100, Y: 7}, Max: life.Point{X: -98, Y: 8}}, f.Bounds)
}

func TestStepExponent(t *testing.T) {
	r := start(t, runner.Config{Speed: runner.MaxSpeed}, glider...)
	r.Do(runner.Bigger{}, runner.Bigger{}, runner.Bigger{}, runner.Smaller{}, runner.Bigger{}, runner.Play{})
	f := waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 6 && f.Generation >= 40 })
	assert.Equal(t, 3, f.StepExp)
	r.Do(runner.Pause{})
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 7 })
	assert.Zero(t, f.Generation%8, "8 generations a step: generation %d", f.Generation)
	assert.Equal(t, reference(t, sim.Options{}, f.Generation, glider...).String(), gridOf(f))
	// Smaller stops at one generation.
	r.Do(runner.Smaller{}, runner.Smaller{}, runner.Smaller{}, runner.Smaller{})
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 11 })
	assert.Equal(t, 0, f.StepExp)
}

func TestPopulations(t *testing.T) {
	r := start(t, runner.Config{}, ".......", "..OOO..", ".......", ".......")
	r.Do(runner.Step{N: 3}, runner.Toggle{X: 0, Y: 3})
	f := waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 2 })
	assert.Equal(t, []int{3, 3, 3, 4}, f.Populations, "generations 0 to 3, the last edited")
	r.Do(runner.Back{})
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 3 })
	assert.Equal(t, []int{3, 3, 3}, f.Populations, "back to generation 2")
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }

func TestPopulationsAtLeastTheHistory(t *testing.T) {
	r := start(t, runner.Config{History: 700, Options: sim.Options{Engine: sim.Direct}}, glider...)
	r.Do(runner.Step{N: 800})
	f := waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == 800 })
	assert.Len(t, f.Populations, 700, "as many as the history keeps, more than PopulationHistory")
	r2 := start(t, runner.Config{History: 2, Options: sim.Options{Engine: sim.Direct}}, glider...)
	r2.Do(runner.Step{N: 600})
	f = waitFor(t, r2, func(f *runner.Frame) bool { return f.Generation == 600 })
	assert.Len(t, f.Populations, runner.PopulationHistory, "at least PopulationHistory")
	assert.Equal(t, 5, f.Populations[0])
}
