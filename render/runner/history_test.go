package runner_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/sim"
	"colife/render/runner"
)

// runTo steps r to generation gen and returns that frame.
func runTo(t *testing.T, r *runner.Runner, from, gen int) *runner.Frame {
	t.Helper()
	r.Do(runner.Step{N: gen - from})
	return waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == gen && !f.Running })
}

func TestBackAndForward(t *testing.T) {
	type move struct {
		cmds         []runner.Command
		gen          int // the generation shown after them
		older, newer int
	}
	back, forward := runner.Back{}, runner.Forward{}
	tests := []struct {
		name    string
		history int
		steps   int
		moves   []move
	}{
		{"back two, forward one, then a new one", 0, 5, []move{
			{[]runner.Command{back, back}, 3, 3, 2},
			{[]runner.Command{forward}, 4, 4, 1},
			{[]runner.Command{forward, forward}, 6, 6, 0},
		}},
		{"back past the oldest kept", 3, 10, []move{
			{[]runner.Command{back, back, back, back, back}, 8, 0, 2},
			{[]runner.Command{forward}, 9, 1, 1},
		}},
		{"back from generation 0", 0, 0, []move{
			{[]runner.Command{back}, 0, 0, 0},
			{[]runner.Command{forward}, 1, 1, 0},
			{[]runner.Command{back}, 0, 0, 1},
		}},
	}
	for _, e := range engines {
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%v %s", e, tt.name), func(t *testing.T) {
				opt := sim.Options{Rule: life.Conway, Topology: life.Plane, Engine: e}
				r := start(t, runner.Config{Options: opt, History: tt.history}, glider...)
				if tt.steps > 0 {
					runTo(t, r, 0, tt.steps)
				}
				for _, m := range tt.moves {
					r.Do(m.cmds...)
					f := waitFor(t, r, func(f *runner.Frame) bool {
						return f.Generation == m.gen && f.Older == m.older && f.Newer == m.newer
					})
					assert.False(t, f.Running)
					assert.Equal(t, reference(t, opt, m.gen, glider...).String(), f.Grid.String(), "generation %d", m.gen)
				}
			})
		}
	}
}

// TestRunResumesFromTheGenerationShown goes back and runs on: the engine
// carries on from the grid shown, the goroutine engine's cells re-seeded.
func TestRunResumesFromTheGenerationShown(t *testing.T) {
	for _, e := range engines {
		t.Run(e.String(), func(t *testing.T) {
			opt := sim.Options{Rule: life.Conway, Topology: life.Torus, Engine: e}
			r := start(t, runner.Config{Options: opt}, glider...)
			runTo(t, r, 0, 9)
			r.Do(runner.Back{}, runner.Back{}, runner.Back{}, runner.Back{})
			waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == 5 })
			f := runTo(t, r, 5, 12)
			assert.Equal(t, reference(t, opt, 12, glider...).String(), f.Grid.String())
			assert.Equal(t, 12, f.Older)
			assert.Zero(t, f.Newer)
		})
	}
}

// TestEditAfterBack edits a generation gone back to: the generations that
// followed it are dropped, and Forward runs on from the edited grid.
func TestEditAfterBack(t *testing.T) {
	opt := sim.Options{Rule: life.Conway, Topology: life.Plane, Engine: sim.Direct}
	r := start(t, runner.Config{Options: opt}, glider...)
	runTo(t, r, 0, 4)
	r.Do(runner.Back{}, runner.Back{})
	waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == 2 && f.Newer == 2 })
	r.Do(runner.Toggle{X: 7, Y: 5}, runner.Forward{})
	f := waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == 3 })
	assert.Zero(t, f.Newer)

	edited := reference(t, opt, 2, glider...)
	edited.Set(7, 5, life.Alive)
	s, err := sim.New(context.Background(), edited, opt)
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.Step())
	assert.Equal(t, s.Grid().String(), f.Grid.String(), "the edited grid's next generation: the lone cell dies")
	assert.Equal(t, reference(t, opt, 3, glider...).String(), f.Grid.String())

	r.Do(runner.Back{})
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == 2 })
	assert.Equal(t, life.Alive, f.Grid.At(7, 5), "the edit is kept")
}

func TestStability(t *testing.T) {
	type batch struct {
		cmds []runner.Command
		gen  int // the generation they end at
	}
	tests := []struct {
		name    string
		rows    []string
		batches []batch // sent one after another, each waited for
		want    string
	}{
		{"a glider", glider, []batch{{[]runner.Command{runner.Step{N: 4}}, 4}}, "spaceship period 4 moving (1,1) from generation 0"},
		{"not yet", glider, []batch{{[]runner.Command{runner.Step{N: 3}}, 3}}, "no repetition within 3 generations"},
		{"a blinker", []string{"...", "OOO", "..."}, []batch{{[]runner.Command{runner.Step{N: 2}}, 2}}, "period 2 from generation 0"},
		{"cleared and run again", []string{"...", "OOO", "..."}, []batch{
			{[]runner.Command{runner.Step{N: 2}}, 2},
			{[]runner.Command{runner.Clear{}, runner.Step{N: 1}}, 3},
		}, "extinct at generation 2"},
		{"reset and run again", glider, []batch{
			{[]runner.Command{runner.Step{N: 6}}, 6},
			{[]runner.Command{runner.Reset{}, runner.Step{N: 4}}, 4},
		}, "spaceship period 4 moving (1,1) from generation 0"},
		{"back, not yet", glider, []batch{
			{[]runner.Command{runner.Step{N: 3}}, 3},
			{[]runner.Command{runner.Back{}}, 2},
		}, "no repetition within 2 generations"},
		{"back into the cycle", []string{"......", ".OO...", ".O....", "......", "......", "......"}, []batch{
			{[]runner.Command{runner.Step{N: 3}}, 3},
			{[]runner.Command{runner.Back{}, runner.Back{}}, 1},
		}, "still life from generation 1"},
		{"back before the cycle", []string{"......", ".OO...", ".O....", "......", "......", "......"}, []batch{
			{[]runner.Command{runner.Step{N: 3}}, 3},
			{[]runner.Command{runner.Back{}, runner.Back{}, runner.Back{}}, 0},
		}, "no repetition within 0 generations"},
		{"back and run again", glider, []batch{
			{[]runner.Command{runner.Step{N: 3}}, 3},
			{[]runner.Command{runner.Back{}, runner.Back{}}, 1},
			{[]runner.Command{runner.Step{N: 4}}, 5},
		}, "spaceship period 4 moving (1,1) from generation 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := sim.Options{Rule: life.Conway, Topology: life.Plane, Engine: sim.Direct}
			r := start(t, runner.Config{Options: opt}, tt.rows...)
			var f *runner.Frame
			for _, b := range tt.batches {
				r.Do(b.cmds...)
				f = waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == b.gen && !f.Running })
			}
			// The frame of the last generation comes with what the detector
			// made of it.
			assert.Equal(t, tt.want, f.Stability.String())
		})
	}
}

func TestUnboundedBackAndForward(t *testing.T) {
	for _, e := range []sim.Engine{sim.Goroutine, sim.Direct} {
		t.Run(e.String(), func(t *testing.T) {
			opt := sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: e, Origin: far}
			r := start(t, runner.Config{Options: opt, History: 4}, glider...)
			runTo(t, r, 0, 10)
			r.Do(runner.Back{}, runner.Back{})
			f := waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == 8 && f.Newer == 2 })
			assert.Equal(t, 1, f.Older, "generations 7 to 10 kept")
			assert.True(t, universeOf(f).Equal(planeReference(t, far, 8, glider...)))

			// An edit at generation 8 drops 9 and 10: Forward runs on
			// from the edited plane, on which the lone cell far off dies.
			r.Do(runner.Toggle{X: -3, Y: 4}, runner.Forward{})
			f = waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == 9 })
			assert.Zero(t, f.Newer)
			assert.True(t, universeOf(f).Equal(planeReference(t, far, 9, glider...)))
			r.Do(runner.Back{})
			f = waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == 8 })
			assert.Equal(t, life.Alive, universeOf(f).At(-3, 4), "the edit is kept")

			// Back past the oldest kept stays there; running on resumes
			// from the generation shown.
			r.Do(runner.Back{}, runner.Back{}, runner.Back{})
			f = waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 9 })
			assert.Equal(t, 7, f.Generation)
			assert.Zero(t, f.Older)
			f = runTo(t, r, 7, 20)
			assert.True(t, universeOf(f).Equal(planeReference(t, far, 20, glider...)))
		})
	}
}
