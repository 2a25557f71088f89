package runner_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/sim"
	"colife/render/runner"
)

// brain is two of Brian's Brain's c/1 ships flying up a 12x10 board: two
// live cells each, with two dying ones (state 2) behind.
var brain = []string{
	"............",
	".**.........",
	".22.........",
	"............",
	"............",
	"........**..",
	"........22..",
	"............",
	"............",
	"............",
}

// dying counts the cells of g in state 2 and up.
func dying(g *life.Grid) int {
	n := 0
	for _, s := range g.Cells {
		if s > life.Alive {
			n++
		}
	}
	return n
}

// TestHistoryKeepsDyingStates steps a Generations rule back through the
// history and forward again: every generation shown is the reference's, its
// dying cells included; and the detector, which watched the generations,
// sees the ships, which two live cells alone would not make.
func TestHistoryKeepsDyingStates(t *testing.T) {
	brians, err := life.ParseRule("briansbrain")
	require.NoError(t, err)
	for _, e := range engines {
		for _, top := range []life.Topology{life.Torus, life.Unbounded} {
			if e.EveryCell() && top == life.Unbounded {
				continue // the dense engine runs bounded grids only
			}
			t.Run(fmt.Sprintf("%v on a %v", e, top), func(t *testing.T) {
				opt := sim.Options{Rule: brians, Topology: top, Engine: e}
				r := start(t, runner.Config{Options: opt}, brain...)
				runTo(t, r, 0, 6)
				r.Do(runner.Back{}, runner.Back{}, runner.Back{})
				f := waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == 3 && f.Newer == 3 })
				if top == life.Unbounded {
					want := reference2(t, opt, 3, brain...)
					require.NotNil(t, universeOf(f))
					assert.True(t, universeOf(f).Equal(want), "generation 3:\n%s\nwant:\n%s", universeOf(f), want)
					assert.Equal(t, life.State(2), universeOf(f).At(1, -1), "the first ship's dying cell")
				} else {
					assert.Equal(t, reference(t, opt, 3, brain...).String(), f.Grid.String(), "generation 3")
					assert.Equal(t, 4, dying(f.Grid), "each ship's two dying cells")
				}
				assert.Equal(t, 8, f.Population, "dying cells counted")

				r.Do(runner.Forward{})
				f = waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == 4 })
				if top == life.Unbounded {
					assert.True(t, universeOf(f).Equal(reference2(t, opt, 4, brain...)), "generation 4")
				} else {
					assert.Equal(t, reference(t, opt, 4, brain...).String(), f.Grid.String(), "generation 4")
				}

				// Run on from the history: the detector, reset by the jump
				// back, sees the ships from there.
				f = runTo(t, r, 4, 8)
				assert.Equal(t, life.Result{Outcome: life.Spaceship, Start: 4, Period: 1, DY: -1}, f.Stability)
			})
		}
	}
}
