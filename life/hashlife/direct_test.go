package hashlife_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/hashlife"
)

// randomRule returns a two-state life-like rule with random births (never
// on 0 neighbours) and survivals.
func randomRule(rnd *rand.Rand) life.Rule {
	return life.NewRule(uint16(rnd.IntN(1<<8))<<1, uint16(rnd.IntN(1<<9)))
}

// same asserts that the engine's board is the direct engine's: every cell,
// the population and the bounding box.
func same(t *testing.T, d *direct, e *hashlife.Engine, what string) bool {
	t.Helper()
	b := d.sim.Bounds()
	return assert.Equal(t, b, e.Bounds(), "%s: bounds", what) &&
		assert.Equal(t, uint64(d.sim.Population()), e.Population(), "%s: population", what) &&
		assert.Equal(t, cells(d.sim.Universe().Cells, b), cells(e.Cells, b.Inset(3)), "%s: cells", what)
}

// TestAgainstDirect runs random soups under random rules on both engines,
// generation by generation for small steps, odd ones and mixed sizes, then
// at 2^k steps, comparing every cell, the population and the bounds after
// each step.
func TestAgainstDirect(t *testing.T) {
	rnd := rand.New(rand.NewPCG(19, 40))
	rules := []life.Rule{life.Conway}
	for _, s := range []string{"B36/S23", "B2/S", "B1/S1", "B3678/S34678", "B35678/S5678", "B1357/S1357"} {
		r, err := life.ParseRule(s)
		require.NoError(t, err)
		rules = append(rules, r)
	}
	for len(rules) < 40 {
		rules = append(rules, randomRule(rnd))
	}
	steps := []uint64{1, 1, 1, 2, 3, 1, 5, 7, 4, 16, 13, 32, 64, 1, 100}
	for i, rule := range rules {
		w, h := 4+rnd.IntN(40), 4+rnd.IntN(40)
		at := life.Point{X: rnd.Int64N(2000) - 1000, Y: rnd.Int64N(2000) - 1000}
		density := 0.15 + 0.5*rnd.Float64()
		t.Run(fmt.Sprintf("%d/%s/%dx%d", i, rule, w, h), func(t *testing.T) {
			u := soup(rnd, at, w, h, density)
			d := newDirect(t, rule, u)
			e := newEngine(t, rule, u, hashlife.Options{})
			require.True(t, same(t, d, e, "generation 0"))
			for _, n := range steps {
				require.NoError(t, e.Step(context.Background(), n))
				d.run(t, int(n))
				require.Equal(t, uint64(d.sim.Generation()), e.Generation())
				if !same(t, d, e, fmt.Sprintf("generation %d", e.Generation())) {
					return
				}
				// A pattern that fills the plane at light speed is
				// checked for fewer generations.
				if d.sim.Population() > 30_000 {
					return
				}
			}
		})
	}
}

// TestPowersOfTwo steps soups 2^k generations at a time, k from 0 to 9,
// against the direct engine run as far.
func TestPowersOfTwo(t *testing.T) {
	rnd := rand.New(rand.NewPCG(2, 20))
	for i := range 8 {
		rule := life.Conway
		if i > 3 {
			rule = randomRule(rnd)
		}
		t.Run(fmt.Sprintf("%d/%s", i, rule), func(t *testing.T) {
			u := soup(rnd, life.Point{X: -20, Y: 5}, 32, 24, 0.35)
			d := newDirect(t, rule, u)
			e := newEngine(t, rule, u, hashlife.Options{})
			for k := range 10 {
				n := uint64(1) << k
				require.NoError(t, e.Step(context.Background(), n))
				d.run(t, int(n))
				if !same(t, d, e, fmt.Sprintf("generation %d, after a step of 2^%d", e.Generation(), k)) ||
					d.sim.Population() > 100_000 {
					return
				}
			}
		})
	}
}

// TestEdits sets and clears random cells between steps, on and beside the
// pattern, far from it and on cells already so, and checks the engine
// against the direct engine given the same edits.
func TestEdits(t *testing.T) {
	rnd := rand.New(rand.NewPCG(7, 11))
	for i, rule := range []life.Rule{life.Conway, randomRule(rnd), randomRule(rnd), randomRule(rnd)} {
		t.Run(fmt.Sprintf("%d/%s", i, rule), func(t *testing.T) {
			u := soup(rnd, life.Point{X: 3, Y: -9}, 20, 20, 0.4)
			d := newDirect(t, rule, u)
			e := newEngine(t, rule, u, hashlife.Options{})
			for step := range 30 {
				for range 1 + rnd.IntN(20) {
					b := d.sim.Bounds().Inset(4)
					if b.Empty() {
						b = life.RectOf(life.Point{}, 8, 8)
					}
					x, y := b.Min.X+rnd.Int64N(b.Dx()), b.Min.Y+rnd.Int64N(b.Dy())
					if rnd.IntN(10) == 0 { // far away
						x, y = x+rnd.Int64N(1<<40)-1<<39, y-rnd.Int64N(1<<30)
					}
					s := life.State(rnd.IntN(2))
					d.sim.Set(int(x), int(y), s)
					require.NoError(t, e.Set(x, y, s))
					require.Equal(t, s, e.At(x, y))
				}
				if !same(t, d, e, fmt.Sprintf("step %d, after the edits", step)) {
					return
				}
				n := uint64(1 + rnd.IntN(9))
				require.NoError(t, e.Step(context.Background(), n))
				d.run(t, int(n))
				if !same(t, d, e, fmt.Sprintf("generation %d", e.Generation())) || d.sim.Population() > 100_000 {
					return
				}
			}
		})
	}
}
