package hashlife_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/hashlife"
)

// TestRefusedRules checks that New refuses, in one line that names the
// engines that run it, a rule hashlife cannot run.
func TestRefusedRules(t *testing.T) {
	for _, tc := range []struct{ rule, want string }{
		{"B2-a/S12", "hashlife runs two-state B/S rules without B0; rule B2-a/S12 runs on -engine goroutine or direct"},
		{"B3/S23-a4i", "hashlife runs two-state B/S rules without B0; rule B3/S23-a4i runs on -engine goroutine or direct"},
		{"B2/S/C3", "hashlife runs two-state B/S rules without B0; rule B2/S/C3, of 3 states, runs on -engine goroutine or direct"},
		{"B0/S8", "hashlife runs two-state B/S rules without B0; rule B0/S8 runs on -engine goroutine or direct with -topology torus or plane"},
		{"B0123478/S01234678", "rule B0123478/S01234678 runs on -engine goroutine or direct with -topology torus or plane"},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			r, err := life.ParseRule(tc.rule)
			require.NoError(t, err)
			e, err := hashlife.New(r, hashlife.Options{})
			assert.Nil(t, e)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.NotContains(t, err.Error(), "\n")
		})
	}
}

// TestSmallBudget runs a soup in a table so small that it is collected many
// times in the run, in the middle of steps too, and checks it against the
// direct engine all along.
func TestSmallBudget(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 5))
	u := soup(rnd, life.Point{X: -30, Y: -30}, 100, 80, 0.35)
	d := newDirect(t, life.Conway, u)
	e := newEngine(t, life.Conway, u, hashlife.Options{Memory: 300 << 10})
	limit := e.Budget()
	for _, n := range []uint64{1, 2, 3, 1, 8, 64, 5, 128, 256, 1, 1, 512} {
		before := e.Collections()
		require.NoError(t, e.Step(context.Background(), n))
		d.run(t, int(n))
		require.True(t, same(t, d, e, "after a step"))
		assert.LessOrEqual(t, e.Bytes(), limit)
		t.Logf("generation %d: %d nodes, %d collections in the step", e.Generation(), e.Nodes(), e.Collections()-before)
	}
	assert.Greater(t, e.Collections(), 5)
}

// TestBudgetTooSmall checks that an engine whose board and snapshots fill its
// table refuses to step, with an error wrapping life.ErrBudget that gives the
// nodes it reaches and the budget, and leaves the board as it was.
func TestBudgetTooSmall(t *testing.T) {
	rnd := rand.New(rand.NewPCG(8, 8))
	u := soup(rnd, life.Point{}, 100, 100, 0.4)
	e := newEngine(t, life.Conway, u, hashlife.Options{Memory: 1 << 20})
	var snaps []*hashlife.Snapshot
	defer func() {
		for _, s := range snaps {
			s.Release()
		}
	}()
	var err error
	for range 1000 {
		snaps = append(snaps, e.Snapshot())
		before := cells(e.Cells, e.Bounds())
		gen := e.Generation()
		if err = e.Step(context.Background(), 1); err != nil {
			assert.Equal(t, gen, e.Generation())
			assert.Equal(t, before, cells(e.Cells, e.Bounds()), "the board after the refused step")
			break
		}
	}
	require.ErrorIs(t, err, life.ErrBudget)
	assert.Contains(t, err.Error(), "nodes")
	assert.Contains(t, err.Error(), "budget of 1.0 MiB")
	assert.NotContains(t, err.Error(), "\n")

	// Released, the snapshots leave room again.
	for _, s := range snaps {
		s.Release()
	}
	snaps = nil
	require.NoError(t, e.Step(context.Background(), 1))

	// A board bigger than the table is refused as it is loaded.
	big := soup(rnd, life.Point{}, 1000, 1000, 0.5)
	pop := e.Population()
	err = e.Load(big, 7)
	require.ErrorIs(t, err, life.ErrBudget)
	assert.Equal(t, pop, e.Population())

	_, err = hashlife.New(life.Conway, hashlife.Options{Memory: hashlife.MinMemory - 1})
	require.ErrorIs(t, err, life.ErrBudget)
	assert.Contains(t, err.Error(), "hashlife needs at least 256.0 KiB for its node table, and the budget is 262143 bytes")
	tiny, err := hashlife.New(life.Conway, hashlife.Options{Memory: hashlife.MinMemory})
	require.NoError(t, err)
	require.NoError(t, tiny.Load(load(t, "gosper"), 0))
	require.NoError(t, tiny.Step(context.Background(), 1<<24))
	assert.Greater(t, tiny.Collections(), 0)
}

// TestPlaneEdge checks the edge of the plane: cells beyond it are refused,
// and a glider flying off it is stepped until it would leave, then refused
// with the board as it was.
func TestPlaneEdge(t *testing.T) {
	e, err := hashlife.New(life.Conway, hashlife.Options{})
	require.NoError(t, err)
	for _, p := range []life.Point{{X: hashlife.PlaneMax + 1}, {Y: hashlife.PlaneMin - 1}, {X: 1<<63 - 1, Y: -1 << 63}} {
		err := e.Set(p.X, p.Y, life.Alive)
		require.ErrorIs(t, err, hashlife.ErrPlane, "%s", p)
	}
	assert.Zero(t, e.Population())

	// A glider heading south-east, 200 cells from the plane's corner. A
	// step of 2^j goes while the live cells lie 2^j or more from the edge
	// (light speed): one of 1024 is refused at once, with the board as it
	// was; those of 64 go, then steps of 1, until a cell lies on the edge.
	const far = hashlife.PlaneMax - 200
	for _, c := range []life.Point{{X: 1}, {X: 2, Y: 1}, {Y: 2}, {X: 1, Y: 2}, {X: 2, Y: 2}} {
		require.NoError(t, e.Set(far+c.X, far+c.Y, life.Alive))
	}
	b := e.Bounds()
	err = e.Step(context.Background(), 1024)
	require.ErrorIs(t, err, hashlife.ErrPlane)
	assert.NotContains(t, err.Error(), "\n")
	assert.Zero(t, e.Generation())
	assert.Equal(t, b, e.Bounds())
	require.NoError(t, e.Step(context.Background(), 64))
	assert.Equal(t, life.RectOf(life.Point{X: far + 16, Y: far + 16}, 3, 3), e.Bounds())
	for range 1000 {
		b, gen := e.Bounds(), e.Generation()
		if err = e.Step(context.Background(), 1); err != nil {
			assert.Equal(t, gen, e.Generation())
			assert.Equal(t, b, e.Bounds())
			assert.True(t, b.Max.X == hashlife.PlaneMax+1 || b.Max.Y == hashlife.PlaneMax+1, "refused with the glider in %s", b)
			break
		}
	}
	require.ErrorIs(t, err, hashlife.ErrPlane)

	// A glider 2^61 cells north-west of the origin flies 2^63 generations,
	// in steps of 2^60 that need the root around the whole int64 plane,
	// to the origin.
	g, err := hashlife.New(life.Conway, hashlife.Options{})
	require.NoError(t, err)
	for _, c := range []life.Point{{X: 1}, {X: 2, Y: 1}, {Y: 2}, {X: 1, Y: 2}, {X: 2, Y: 2}} {
		require.NoError(t, g.Set(c.X-1<<61, c.Y-1<<61, life.Alive))
	}
	require.NoError(t, g.Step(context.Background(), 1<<63))
	assert.Equal(t, uint64(1)<<63, g.Generation())
	assert.Equal(t, life.RectOf(life.Point{}, 3, 3), g.Bounds())
	assert.Equal(t, uint64(5), g.Population())
}

// TestCancel checks that a step whose context is cancelled stops with the
// context's error and the board as it was.
func TestCancel(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	u := soup(rnd, life.Point{}, 256, 256, 0.4)
	e := newEngine(t, life.Conway, u, hashlife.Options{})
	before := cells(e.Cells, e.Bounds())

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	require.ErrorIs(t, e.Step(ctx, 1), context.Canceled)

	// A chaotic soup to 2^20 takes seconds: the cancel comes during it.
	ctx, cancel = context.WithCancel(context.Background())
	stop := time.AfterFunc(5*time.Millisecond, cancel)
	defer stop.Stop()
	err := e.Step(ctx, 1<<20)
	require.ErrorIs(t, err, context.Canceled)
	assert.Zero(t, e.Generation())
	assert.Equal(t, before, cells(e.Cells, e.Bounds()))
	// And the engine goes on from there.
	require.NoError(t, e.Step(context.Background(), 3))
	d := newDirect(t, life.Conway, u)
	d.run(t, 3)
	same(t, d, e, "generation 3")
	assert.False(t, errors.Is(err, life.ErrBudget))
}
