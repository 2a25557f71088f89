package sim_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/sim"
)

// onTorus returns a 32 × 32 torus with the picture rows stamped in its middle.
func onTorus(t *testing.T, rows ...string) *life.Grid {
	g, err := life.NewGrid(32, 32)
	require.NoError(t, err)
	stampGrid(g, 14, 14, pic(t, rows...))
	return g
}

// TestFamiliesKnownResults runs known objects of the rule families on every
// engine and checks that the detector sees what LifeWiki and Catagolue say
// they are.
func TestFamiliesKnownResults(t *testing.T) {
	for _, e := range engines {
		t.Run(e.String(), func(t *testing.T) {
			run := func(rule string, g *life.Grid) life.Result {
				r, err := life.ParseRule(rule)
				require.NoError(t, err)
				res, ok := settle(t, g, sim.Options{Rule: r, Engine: e}, nil, 100)
				require.True(t, ok, "%s: no result within 100 generations", rule)
				return res
			}
			// Brian's Brain's commonest spaceship: two live cells with two
			// dying ones behind them fly away from them at c.
			assert.Equal(t, life.Result{Outcome: life.Spaceship, Period: 1, DY: -1},
				run("briansbrain", onTorus(t, "**", "22")))
			// Without the dying cells behind it, the pair has no tail to
			// steer it: it is born on both sides and is no spaceship.
			assert.NotEqual(t, life.Spaceship, run("briansbrain", onTorus(t, "**")).Outcome)

			// xq4_27 of B3/S23-a5, as apgsearch names it: a T of four cells
			// is a c/4 orthogonal spaceship, because a live cell with the
			// 3a configuration (a corner and the two edges beside it) dies.
			// Under the totalistic B3/S235, which keeps 3a, it is not.
			tee := onTorus(t, ".*", "**", ".*")
			res := run("B3/S23-a5", tee)
			assert.Equal(t, life.Spaceship, res.Outcome)
			assert.Equal(t, 4, res.Period)
			assert.Equal(t, 1, abs(res.DX)+abs(res.DY), "moves one cell a period, orthogonally")
			assert.Equal(t, life.Oscillator, run("B3/S235", tee).Outcome)
			// The glider of Life is a glider of B3/S23-a5 too (xq4_153 in
			// the same census): its phases never have 3a or 5 live
			// neighbours where it matters.
			assert.Equal(t, life.Result{Outcome: life.Spaceship, Period: 4, DX: 1, DY: 1},
				run("B3/S23-a5", onTorus(t, ".*.", "..*", "***")))
		})
	}
}

func abs(v int) int { return max(v, -v) }

// TestStatesBeyondTheRule: a board with states its rule lacks (left by a
// Generations rule, say) is the same board on every engine and topology: a
// two-state rule sees them as Empty, a Generations rule as its last dying
// state, from the start and in edits.
func TestStatesBeyondTheRule(t *testing.T) {
	g := pic(t, "........", "..*4*...", "........")
	c3, err := life.ParseRule("B2/S/C3")
	require.NoError(t, err)
	for _, c := range []struct {
		rule life.Rule
		want string // generation 0, as the simulation holds it
	}{
		{life.Conway, "--------\n--*-*---\n--------\n"},
		{c3, "--------\n--*2*---\n--------\n"},
	} {
		for _, top := range []life.Topology{life.Torus, life.Plane, life.Unbounded} {
			var first string
			for _, e := range engines {
				if e == sim.Dense && top == life.Unbounded {
					continue
				}
				s := newSim(t, g, sim.Options{Rule: c.rule, Topology: top, Engine: e})
				assert.Equal(t, c.want, picture2(t, s, 8, 3), "%s %s %s: generation 0", c.rule, top, e)
				s.Set(0, 0, 9)
				require.NoError(t, s.Step())
				got := picture2(t, s, 8, 3)
				if first == "" {
					first = got
				}
				assert.Equal(t, first, got, "%s %s %s: generation 1", c.rule, top, e)
			}
		}
	}
}

// picture2 draws the w × h cells at (0, 0) of s's board as Grid.String does.
func picture2(t *testing.T, s *sim.Simulation, w, h int) string {
	t.Helper()
	g, err := life.NewGrid(w, h)
	require.NoError(t, err)
	s.Window(g, life.Point{})
	return g.String()
}
