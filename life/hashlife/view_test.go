package hashlife_test

import (
	"context"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/hashlife"
)

// pic returns the universe of a picture, its top-left cell at p.
func pic(t *testing.T, p life.Point, rows ...string) *life.Universe {
	t.Helper()
	g, err := life.ParseGrid(rows...)
	require.NoError(t, err)
	u := life.NewUniverse()
	u.Paste(g, p)
	return u
}

// TestCells checks Cells on rectangles that cut leaves and nodes anywhere,
// against life.Universe's, order included: row by row, each row from the
// left.
func TestCells(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 1))
	for i := range 20 {
		at := life.Point{X: rnd.Int64N(1<<20) - 1<<19, Y: rnd.Int64N(100) - 50}
		u := soup(rnd, at, 1+rnd.IntN(200), 1+rnd.IntN(200), rnd.Float64())
		// A few cells far away, so that the root is large.
		for range 3 {
			u.Set(rnd.Int64N(1<<50)-1<<49, rnd.Int64N(1<<50)-1<<49, life.Alive)
		}
		e := newEngine(t, life.Conway, u, hashlife.Options{})
		b := u.Bounds()
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			assert.Equal(t, b, e.Bounds())
			assert.Equal(t, uint64(u.Population()), e.Population())
			for range 20 {
				r := life.RectOf(life.Point{X: at.X - 20 + rnd.Int64N(240), Y: at.Y - 20 + rnd.Int64N(240)}, rnd.Int64N(150), rnd.Int64N(150))
				require.Equal(t, cells(u.Cells, r), cells(e.Cells, r), "in %s", r)
				x, y := r.Min.X, r.Min.Y
				assert.Equal(t, u.At(x, y), e.At(x, y))
			}
			assert.Equal(t, cells(u.Cells, b), cells(e.Cells, b))
		})
	}
}

// TestBlocks checks Blocks at every level from the cells to beyond the
// root: each block is aligned, meets the rectangle, holds what the cells
// say, and they come row by row; no live block is left out.
func TestBlocks(t *testing.T) {
	rnd := rand.New(rand.NewPCG(4, 2))
	u := soup(rnd, life.Point{X: -70, Y: -33}, 150, 90, 0.05)
	u.Set(1000, 3000, life.Alive)
	e := newEngine(t, life.Conway, u, hashlife.Options{})
	for _, r := range []life.Rect{e.Bounds(), life.RectOf(life.Point{X: -13, Y: -7}, 50, 21), life.RectOf(life.Point{X: 999, Y: 2999}, 2, 2)} {
		for level := uint(0); level <= 14; level++ {
			t.Run(fmt.Sprintf("%s/level=%d", r, level), func(t *testing.T) {
				side := int64(1) << level
				want := make(map[life.Point]uint64)
				var order []life.Point
				u.Live(r.Inset(side), func(x, y int64) {
					sq := life.RectOf(life.Point{X: x &^ (side - 1), Y: y &^ (side - 1)}, side, side)
					if !sq.Intersect(r).Empty() {
						want[sq.Min]++
					}
				})
				for p := range want {
					order = append(order, p)
				}
				var got []life.Point
				e.Blocks(r, level, func(x, y int64, pop uint64) {
					p := life.Point{X: x, Y: y}
					if n := len(got); n > 0 {
						last := got[n-1]
						assert.True(t, last.Y < y || last.Y == y && last.X < x, "%s after %s", p, last)
					}
					got = append(got, p)
					assert.Equal(t, want[p], pop, "the block at %s", p)
				})
				assert.ElementsMatch(t, order, got)
			})
		}
	}
}

// TestShift moves boards and checks the cells moved.
func TestShift(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 1))
	u := soup(rnd, life.Point{X: -5, Y: 17}, 60, 40, 0.4)
	for _, d := range []life.Point{{X: 1}, {Y: 1}, {X: -1, Y: -1}, {X: 7, Y: -3}, {X: 1 << 35, Y: 12345}, {X: -(1 << 60), Y: 1 << 60}} {
		t.Run(d.String(), func(t *testing.T) {
			e := newEngine(t, life.Conway, u, hashlife.Options{})
			require.NoError(t, e.Shift(d.X, d.Y))
			var want []life.Point
			for _, p := range cells(u.Cells, u.Bounds()) {
				want = append(want, p.Add(d))
			}
			b := e.Bounds()
			assert.Equal(t, want, cells(e.Cells, b))
			// And it steps as the unmoved board does, moved.
			require.NoError(t, e.Step(context.Background(), 10))
			dd := newDirect(t, life.Conway, u)
			dd.run(t, 10)
			want = want[:0]
			for _, p := range cells(dd.sim.Universe().Cells, dd.sim.Bounds()) {
				want = append(want, p.Add(d))
			}
			assert.Equal(t, want, cells(e.Cells, e.Bounds()))
		})
	}
	e := newEngine(t, life.Conway, u, hashlife.Options{})
	assert.ErrorIs(t, e.Shift(1<<62, 0), hashlife.ErrPlane)
	assert.Equal(t, u.Bounds(), e.Bounds())
}

// TestUniverse flattens boards within a budget and refuses them beyond.
func TestUniverse(t *testing.T) {
	u := pic(t, life.Point{X: 1 << 40, Y: -(1 << 40)}, ".O.", "..O", "OOO")
	u.Set(-1<<41, 5, life.Alive)
	e := newEngine(t, life.Conway, u, hashlife.Options{})
	got, err := e.Universe(0)
	require.NoError(t, err)
	assert.True(t, u.Equal(got))
	_, err = e.Universe(life.TileBytes)
	require.ErrorIs(t, err, life.ErrBudget)
	assert.Contains(t, err.Error(), "the 6 live cells fill 2 tiles")
	got, err = e.Universe(2 * life.TileBytes)
	require.NoError(t, err)
	assert.Equal(t, 2, got.Tiles())

	// The Gosper gun at 2^40 has 36 billion gliders: refused.
	g := newEngine(t, life.Conway, load(t, "gosper"), hashlife.Options{})
	require.NoError(t, g.Step(context.Background(), 1<<40))
	_, err = g.Universe(0)
	require.ErrorIs(t, err, life.ErrBudget)
	assert.NotContains(t, err.Error(), "\n")
	s := g.Snapshot()
	defer s.Release()
	_, err = s.Universe(0)
	require.ErrorIs(t, err, life.ErrBudget)
}

// TestLoadFar loads cells at the plane's corners and clears the board.
func TestLoadFar(t *testing.T) {
	u := life.NewUniverse()
	corners := []life.Point{{X: hashlife.PlaneMin, Y: hashlife.PlaneMin}, {X: hashlife.PlaneMax, Y: hashlife.PlaneMin}, {X: hashlife.PlaneMin, Y: hashlife.PlaneMax}, {X: hashlife.PlaneMax, Y: hashlife.PlaneMax}}
	for _, p := range corners {
		u.Set(p.X, p.Y, life.Alive)
	}
	e := newEngine(t, life.Conway, u, hashlife.Options{})
	assert.Equal(t, uint64(4), e.Population())
	assert.Equal(t, life.Rect{Min: corners[0], Max: corners[3].Add(life.Point{X: 1, Y: 1})}, e.Bounds())
	for _, p := range corners {
		assert.Equal(t, life.Alive, e.At(p.X, p.Y))
	}
	assert.Equal(t, corners, cells(e.Cells, e.Bounds()))
	n := 0
	e.Blocks(e.Bounds(), 62, func(x, y int64, pop uint64) { n++ })
	assert.Equal(t, 4, n)
	// A cell on the edge could give birth beyond it: no step goes.
	require.ErrorIs(t, e.Step(context.Background(), 1), hashlife.ErrPlane)
	// Cells one in from the corners can step: each dies alone.
	for _, p := range corners {
		require.NoError(t, e.Set(p.X, p.Y, life.Empty))
		in := life.Point{X: p.X + 1, Y: p.Y + 1}
		if p.X > 0 {
			in.X = p.X - 1
		}
		if p.Y > 0 {
			in.Y = p.Y - 1
		}
		require.NoError(t, e.Set(in.X, in.Y, life.Alive))
	}
	assert.Equal(t, uint64(4), e.Population())
	require.NoError(t, e.Step(context.Background(), 1))
	assert.Zero(t, e.Population())
	assert.Equal(t, life.Rect{}, e.Bounds())
	u.Set(hashlife.PlaneMax+1, 0, life.Alive)
	assert.ErrorIs(t, e.Load(u, 0), hashlife.ErrPlane)
	e.Clear()
	assert.Zero(t, e.Population())
	assert.Equal(t, uint64(1), e.Generation())
	assert.Equal(t, 0, bits.OnesCount64(e.Population()))
}
