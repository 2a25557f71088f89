package runner_test

import (
	"bytes"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/pattern"
	"colife/life/sim"
	"colife/render/runner"
)

// hashlifeOptions run HashLife on the unbounded plane, the start at far.
var hashlifeOptions = sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Hashlife, Origin: far}

// TestHashlifeSteps: under HashLife a Step of 2^40 generations is one jump
// to the plane the direct engine would reach (its population here: the gun's
// cells and a glider for each period of 30 so far, counted by the test from
// a direct run's 60 generations), and the frames say the detector does not
// watch jumps and show the table's nodes; playing at a step of 2^k runs 2^k
// a frame.
func TestHashlifeSteps(t *testing.T) {
	p, err := pattern.Load("gosper", nil)
	require.NoError(t, err)
	rows := strings.Split(strings.TrimSpace(mustGrid(t, p).String()), "\n")
	r := start(t, runner.Config{Options: hashlifeOptions}, rows...)
	waitFor(t, r, func(f *runner.Frame) bool { return f.Started })

	// The gun's own cells at a phase, and five a glider: a direct run of
	// the first two periods gives both.
	at30 := reference2(t, sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Direct, Origin: far}, 30, rows...).Population()
	at60 := reference2(t, sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Direct, Origin: far}, 60, rows...).Population()
	perGlider := at60 - at30
	require.Equal(t, 5, perGlider)

	const gens = 30 << 35 // a multiple of the period
	r.Do(runner.Step{N: gens})
	f := waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == gens })
	assert.Equal(t, at30+perGlider*(gens/30-1), f.Population, "the gun and a glider a period")
	assert.Equal(t, "jumps of 1030792151040 generations: repetition not watched", f.Unwatched)
	assert.Positive(t, f.Nodes)
	assert.Positive(t, f.TableBytes)

	for range 10 {
		r.Do(runner.Bigger{})
	}
	r.Do(runner.Play{})
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Generation >= gens+3<<10 })
	assert.Zero(t, (f.Generation-gens)%(1<<10), "2^10 generations a frame: %d", f.Generation)
	assert.Equal(t, 10, f.StepExp)
	r.Do(runner.Pause{})
}

// TestHashlifeHistory: Back and Forward go from one jump to the next, each
// generation as HashLife made it, restored at no cost; an edit made after a
// Back drops the jumps after it.
func TestHashlifeHistory(t *testing.T) {
	glider := []string{".*.", "..*", "***"}
	r := start(t, runner.Config{Options: hashlifeOptions}, glider...)
	waitFor(t, r, func(f *runner.Frame) bool { return f.Started })
	for _, n := range []int{4, 400, 40000} {
		r.Do(runner.Step{N: n})
	}
	f := waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == 40404 })
	assert.Equal(t, [2]int{3, 0}, [2]int{f.Older, f.Newer}, "generations 0, 4, 404 and 40404")
	want := map[int]life.Rect{}
	for _, g := range []int{0, 4, 404, 40404} {
		b := reference2(t, sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Direct, Origin: far}, g, glider...).Bounds()
		want[g] = b
	}
	assert.Equal(t, want[40404], f.Bounds)
	for _, g := range []int{404, 4, 0} {
		r.Do(runner.Back{})
		f = waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == g })
		assert.Equal(t, want[g], f.Bounds, "back at %d", g)
	}
	r.Do(runner.Forward{}, runner.Forward{})
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == 404 })
	assert.Equal(t, want[404], f.Bounds)
	assert.Equal(t, [2]int{2, 1}, [2]int{f.Older, f.Newer})
	r.Do(runner.Edit{X: int(far.X) - 100, Y: int(far.Y), State: life.Alive}, runner.Step{N: 1})
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == 405 })
	assert.Zero(t, f.Newer, "the jump to 40404 came from another past")
}

// TestHashlifeSaveMacrocell: the runner writes HashLife's board as a
// macrocell file from the tree, and notes where it went: the gun at 2^40,
// its 183 billion cells in a few kilobytes.
func TestHashlifeSaveMacrocell(t *testing.T) {
	p, err := pattern.Load("gosper", nil)
	require.NoError(t, err)
	rows := strings.Split(strings.TrimSpace(mustGrid(t, p).String()), "\n")
	r := start(t, runner.Config{Options: hashlifeOptions}, rows...)
	r.Do(runner.Step{N: 1 << 40})
	f := waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == 1<<40 })
	var buf bytes.Buffer
	r.Do(runner.SaveMacrocell{Name: "gun", Save: func(write func(io.Writer) error) (string, error) {
		return "memory", write(&buf)
	}})
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Note == "saved memory" })
	m, err := pattern.ReadMacrocell(&buf, "gun.mc")
	require.NoError(t, err)
	assert.Equal(t, uint64(f.Population), m.Population())
	assert.Equal(t, f.Bounds, m.Bounds())
	assert.Equal(t, int64(1<<40), m.Generation.Int64())
}

// mustGrid returns p's cells in a grid of its size.
func mustGrid(t *testing.T, p *pattern.Pattern) *life.Grid {
	t.Helper()
	g, err := p.Grid(0)
	require.NoError(t, err)
	return g
}

// TestHashlifeFullTable: a table too small for the history the runner keeps
// (every generation of a soup, each a tree of its own) makes the runner drop
// the history and the undo, say so, and go on, rather than pause for good.
func TestHashlifeFullTable(t *testing.T) {
	g, err := life.NewGrid(64, 64)
	require.NoError(t, err)
	g.Randomize(rand.New(rand.NewPCG(3, 4)), 0.4)
	rows := strings.Split(strings.TrimSpace(g.String()), "\n")
	opt := hashlifeOptions
	opt.Memory = 2 << 20
	r := start(t, runner.Config{Options: opt, Running: true, Speed: runner.MaxSpeed}, rows...)
	f := waitFor(t, r, func(f *runner.Frame) bool {
		return strings.Contains(f.Note, "history and the undo it kept are dropped")
	})
	at := f.Generation
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Generation > at+100 })
	assert.True(t, f.Running, "still running: %s", f.Note)
	r.Do(runner.Pause{})
}

// TestHashlifeRuleAndUndo: a new rule makes a new HashLife engine; Undo goes
// back to the board and the rule before it, from the boards the runner moved
// into the new engine's table, and so does Reset to the start.
func TestHashlifeRuleAndUndo(t *testing.T) {
	glider := []string{".*.", "..*", "***"}
	r := start(t, runner.Config{Options: hashlifeOptions}, glider...)
	r.Do(runner.Step{N: 100})
	f := waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == 100 })
	before := f.Bounds
	highlife, err := life.ParseRule("highlife")
	require.NoError(t, err)
	r.Do(runner.SetRule{Rule: highlife}, runner.Step{N: 4})
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == 104 && f.Options.Rule == highlife })
	assert.Equal(t, before.Min.Add(life.Point{X: 1, Y: 1}), f.Bounds.Min, "a glider under HighLife too")
	r.Do(runner.Undo{})
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Options.Rule == life.Conway })
	assert.Equal(t, 100, f.Generation)
	assert.Equal(t, before, f.Bounds)
	assert.Equal(t, 5, f.Population)
	r.Do(runner.Reset{})
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == 0 })
	assert.Equal(t, life.RectOf(far.Add(life.Point{X: 0, Y: 0}), 3, 3), f.Bounds)
}

// TestHashlifePauseWhilePlaying: a pause while HashLife plays in jumps of
// 2^16 leaves the board at a generation the jumps reached, never in the
// middle of one.
func TestHashlifePauseWhilePlaying(t *testing.T) {
	g, err := life.NewGrid(48, 48)
	require.NoError(t, err)
	g.Randomize(rand.New(rand.NewPCG(5, 6)), 0.35)
	rows := strings.Split(strings.TrimSpace(g.String()), "\n")
	r := start(t, runner.Config{Options: hashlifeOptions, Speed: runner.MaxSpeed}, rows...)
	for range 16 {
		r.Do(runner.Bigger{})
	}
	r.Do(runner.Play{})
	waitFor(t, r, func(f *runner.Frame) bool { return f.Generation >= 1<<16 })
	r.Do(runner.Pause{})
	f := waitFor(t, r, func(f *runner.Frame) bool { return !f.Running })
	assert.Zero(t, f.Generation%(1<<16), "generation %d", f.Generation)
}
