package sim_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/pattern"
	"colife/life/sim"
)

// settleUnbounded runs the built-in pattern name on the unbounded plane with engine e
// until the detector finds a result, or limit generations.
func settleUnbounded(t *testing.T, name string, e sim.Engine, limit int) (life.Result, *sim.Simulation) {
	t.Helper()
	p, err := pattern.Load(name, nil)
	require.NoError(t, err)
	g, err := p.Grid(0)
	require.NoError(t, err)
	s := newSim(t, g, sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: e})
	d := life.NewDetector(0, life.Unbounded)
	for {
		if r, ok := d.ObservePlane(s.Generation(), s.Universe()); ok || s.Generation() == limit {
			return r, s
		}
		require.NoError(t, s.Step())
	}
}

func TestUnboundedSettles(t *testing.T) {
	for _, tc := range []struct {
		name string
		want string
		pop  int
	}{
		{"r-pentomino", "period 4 from generation 1103, with 6 spaceships flying off", 116},
		{"glider", "spaceship period 4 moving (1,1) from generation 0", 5},
		{"lwss", "spaceship period 4 moving (-2,0) from generation 0", 9},
		{"pulsar", "period 3 from generation 0", 48},
		{"diehard", "extinct at generation 130", 0},
		{"block", "still life from generation 0", 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, s := settleUnbounded(t, tc.name, sim.Direct, 3000)
			assert.Equal(t, tc.want, r.String())
			if r.Outcome == life.Extinct {
				assert.Equal(t, r.Start, s.Generation())
			}
			// The population at the start of the cycle.
			p, err := pattern.Load(tc.name, nil)
			require.NoError(t, err)
			g, err := p.Grid(0)
			require.NoError(t, err)
			again := newSim(t, g, sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Direct})
			require.NoError(t, again.Run(t.Context(), r.Start))
			assert.Equal(t, tc.pop, again.Population())
		})
	}
}

// TestAcorn runs the acorn to generation 5206 on the unbounded plane, where
// it has 633 cells, 13 of its gliders far away.
func TestAcorn(t *testing.T) {
	p, err := pattern.Load("acorn", nil)
	require.NoError(t, err)
	g, err := p.Grid(0)
	require.NoError(t, err)
	s := newSim(t, g, sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Direct})
	require.NoError(t, s.Run(t.Context(), 5206))
	assert.Equal(t, 633, s.Population())
}
