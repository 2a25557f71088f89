package hashlife_test

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/hashlife"
	"colife/life/sim"
)

// cells returns the live cells of a board in r, in the order its Cells
// gives them.
func cells(each func(r life.Rect, f func(x, y int64, s life.State)), r life.Rect) []life.Point {
	var out []life.Point
	each(r, func(x, y int64, s life.State) {
		if s != life.Empty {
			out = append(out, life.Point{X: x, Y: y})
		}
	})
	return out
}

// direct is the reference: the direct engine on the unbounded plane.
type direct struct {
	sim *sim.Simulation
}

// newDirect starts the direct engine on the cells of u under rule.
func newDirect(t testing.TB, rule life.Rule, u *life.Universe) *direct {
	t.Helper()
	g, err := life.NewGrid(1, 1)
	require.NoError(t, err)
	s, err := sim.New(context.Background(), g, sim.Options{Rule: rule, Topology: life.Unbounded, Engine: sim.Direct})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	require.NoError(t, s.ResetUniverse(u, 0))
	return &direct{sim: s}
}

// run steps the direct engine n generations.
func (d *direct) run(t testing.TB, n int) {
	t.Helper()
	require.NoError(t, d.sim.Run(context.Background(), n))
}

// newEngine returns a hashlife engine for rule loaded with u.
func newEngine(t testing.TB, rule life.Rule, u *life.Universe, opt hashlife.Options) *hashlife.Engine {
	t.Helper()
	e, err := hashlife.New(rule, opt)
	require.NoError(t, err)
	require.NoError(t, e.Load(u, 0))
	return e
}

// soup returns a universe with a w × h random soup of this density at p.
func soup(rnd *rand.Rand, p life.Point, w, h int, density float64) *life.Universe {
	u := life.NewUniverse()
	for y := range h {
		for x := range w {
			if rnd.Float64() < density {
				u.Set(p.X+int64(x), p.Y+int64(y), life.Alive)
			}
		}
	}
	return u
}
