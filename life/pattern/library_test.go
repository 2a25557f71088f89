package pattern_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/pattern"
)

// simulate runs p under its own rule on a plane with margin dead cells on
// every side, with the direct engine, and returns the simulation.
func simulate(t *testing.T, p *pattern.Pattern, margin int) *life.Simulation {
	t.Helper()
	g, err := p.Grid(margin)
	require.NoError(t, err)
	rule, _ := p.LifeRule()
	s, err := life.NewSimulation(context.Background(), g, life.Options{Rule: rule, Topology: life.Plane, Engine: life.Direct})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

// run runs n more generations.
func run(t *testing.T, s *life.Simulation, n int) *life.Grid {
	t.Helper()
	require.NoError(t, s.Run(context.Background(), n))
	return s.Grid()
}

// shifted returns a copy of g moved by (dx, dy), cells moved out of it lost.
func shifted(g *life.Grid, dx, dy int) *life.Grid {
	out, _ := life.NewGrid(g.Width(), g.Height())
	for y := range g.Height() {
		for x := range g.Width() {
			if g.At(x, y) == life.Alive {
				out.Set(x+dx, y+dy, life.Alive)
			}
		}
	}
	return out
}

func builtin(t *testing.T, name string) *pattern.Pattern {
	t.Helper()
	p, err := pattern.Builtin(name)
	require.NoError(t, err)
	return p
}

func TestLibrary(t *testing.T) {
	// Sizes and populations as the pictures in the issue and LifeWiki give them.
	want := []struct {
		name          string
		width, height int
		population    int
		rule          string
	}{
		{"acorn", 7, 3, 7, "B3/S23"},
		{"beacon", 4, 4, 8, "B3/S23"},
		{"beehive", 4, 3, 6, "B3/S23"},
		{"blinker", 3, 1, 3, "B3/S23"},
		{"block", 2, 2, 4, "B3/S23"},
		{"boat", 3, 3, 5, "B3/S23"},
		{"clock", 4, 4, 6, "B3/S23"},
		{"diehard", 8, 3, 7, "B3/S23"},
		{"figure-eight", 6, 6, 18, "B3/S23"},
		{"glider", 3, 3, 5, "B3/S23"},
		{"gosper", 36, 9, 36, "B3/S23"},
		{"hwss", 7, 5, 13, "B3/S23"},
		{"koks-galaxy", 9, 9, 48, "B3/S23"},
		{"loaf", 4, 4, 7, "B3/S23"},
		{"lwss", 5, 4, 9, "B3/S23"},
		{"mwss", 6, 5, 11, "B3/S23"},
		{"pentadecathlon", 10, 3, 12, "B3/S23"},
		{"pond", 4, 4, 8, "B3/S23"},
		{"pulsar", 13, 13, 48, "B3/S23"},
		{"r-pentomino", 3, 3, 5, "B3/S23"},
		{"replicator", 5, 5, 12, "B36/S23"},
		{"ship", 3, 3, 6, "B3/S23"},
		{"simkin", 33, 21, 36, "B3/S23"},
		{"toad", 4, 2, 6, "B3/S23"},
		{"tub", 3, 3, 4, "B3/S23"},
	}
	lib := pattern.Library()
	require.Len(t, lib, len(want))
	for i, w := range want {
		t.Run(w.name, func(t *testing.T) {
			p := lib[i]
			assert.Equal(t, w.name, p.Name)
			assert.Equal(t, w.width, p.Width, "width")
			assert.Equal(t, w.height, p.Height, "height")
			assert.Len(t, p.Cells, w.population, "population")
			assert.Equal(t, w.rule, p.Rule)
			assert.NotEmpty(t, p.Description)
			assert.NotContains(t, p.Description, "\n")
			assert.Empty(t, p.Warnings)
			rule, ok := p.LifeRule()
			assert.True(t, ok)
			assert.Equal(t, w.rule, rule.String())

			// Every name is found in any case, and each call returns a copy.
			q, err := pattern.Builtin(strings.ToUpper(w.name))
			require.NoError(t, err)
			assert.Equal(t, p, q)
			q.Cells[0].X++
			assert.NotEqual(t, p.Cells[0], q.Cells[0])
		})
	}
}

func TestBuiltinAliases(t *testing.T) {
	tests := []struct{ alias, name string }{
		{"Gosper glider gun", "gosper"},
		{"R-Pentomino", "r-pentomino"},
		{"rpentomino", "r-pentomino"},
		{"HighLife replicator", "replicator"},
		{"figure8", "figure-eight"},
		{"Figure Eight", "figure-eight"},
		{"Kok's galaxy", "koks-galaxy"},
		{"LWSS", "lwss"},
		{"lightweight spaceship", "lwss"},
	}
	for _, tt := range tests {
		t.Run(tt.alias, func(t *testing.T) {
			p, err := pattern.Builtin(tt.alias)
			require.NoError(t, err)
			assert.Equal(t, tt.name, p.Name)
		})
	}
	_, err := pattern.Builtin("no-such-thing")
	assert.ErrorIs(t, err, pattern.ErrUnknown)
	assert.EqualError(t, err, `built-in pattern "no-such-thing": unknown pattern (-list shows the names)`)
}

func TestStillLifes(t *testing.T) {
	for _, name := range []string{"block", "beehive", "loaf", "boat", "tub", "pond", "ship"} {
		t.Run(name, func(t *testing.T) {
			s := simulate(t, builtin(t, name), 2)
			start := s.Grid().Clone()
			assert.Equal(t, start.String(), run(t, s, 1).String())
		})
	}
}

func TestOscillators(t *testing.T) {
	tests := []struct {
		name   string
		period int
	}{
		{"blinker", 2},
		{"toad", 2},
		{"beacon", 2},
		{"clock", 2},
		{"pulsar", 3},
		{"figure-eight", 8},
		{"koks-galaxy", 8},
		{"pentadecathlon", 15},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := simulate(t, builtin(t, tt.name), 8)
			start := s.Grid().Clone()
			for gen := 1; gen < tt.period; gen++ {
				g := run(t, s, 1)
				require.NotEqual(t, start.String(), g.String(), "back to the start at generation %d, before its period", gen)
				require.NotZero(t, g.Population(), "dead at generation %d", gen)
			}
			assert.Equal(t, start.String(), run(t, s, 1).String(), "not back to the start after its period")
		})
	}
}

func TestSpaceships(t *testing.T) {
	tests := []struct {
		name           string
		period, dx, dy int
	}{
		{"glider", 4, 1, 1}, // c/4 diagonally, down and right
		{"lwss", 4, -2, 0},  // c/2 to the left
		{"mwss", 4, -2, 0},
		{"hwss", 4, -2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := simulate(t, builtin(t, tt.name), 12)
			start := s.Grid().Clone()
			for gen := 1; gen < tt.period; gen++ {
				g := run(t, s, 1)
				require.NotEqual(t, start.String(), g.String(), "generation %d", gen)
			}
			g := run(t, s, 1)
			assert.Equal(t, shifted(start, tt.dx, tt.dy).String(), g.String(), "after one period")
			g = run(t, s, 2*tt.period)
			assert.Equal(t, shifted(start, 3*tt.dx, 3*tt.dy).String(), g.String(), "after three periods")
		})
	}
}
