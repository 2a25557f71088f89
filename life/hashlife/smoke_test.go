package hashlife_test

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/hashlife"
)

func TestSmoke(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	u := soup(rnd, life.Point{X: -10, Y: -7}, 30, 20, 0.4)
	e := newEngine(t, life.Conway, u, hashlife.Options{})
	d := newDirect(t, life.Conway, u)
	assert.Equal(t, cells(d.sim.Universe().Cells, d.sim.Bounds()), cells(e.Cells, e.Bounds()))
	for _, n := range []int{1, 1, 2, 3, 5, 8, 16, 64, 100} {
		require.NoError(t, e.Step(context.Background(), uint64(n)))
		d.run(t, n)
		require.Equal(t, d.sim.Bounds(), e.Bounds(), "gen %d", e.Generation())
		require.Equal(t, uint64(d.sim.Population()), e.Population())
		require.Equal(t, cells(d.sim.Universe().Cells, d.sim.Bounds()), cells(e.Cells, e.Bounds()), "gen %d", e.Generation())
	}
}
