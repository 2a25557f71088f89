package pattern_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/pattern"
	"colife/life/sim"
)

// simulate runs p under its own rule on a plane with margin dead cells on
// every side, with the direct engine, and returns the simulation.
func simulate(t *testing.T, p *pattern.Pattern, margin int) *sim.Simulation {
	t.Helper()
	g, err := p.Grid(margin)
	require.NoError(t, err)
	rule, _ := p.LifeRule()
	s, err := sim.New(context.Background(), g, sim.Options{Rule: rule, Topology: life.Plane, Engine: sim.Direct})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

// run runs n more generations.
func run(t *testing.T, s *sim.Simulation, n int) *life.Grid {
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
		{"brians-brain", 16, 16, 22, "B2/S/C3"},
		{"clock", 4, 4, 6, "B3/S23"},
		{"diehard", 8, 3, 7, "B3/S23"},
		{"figure-eight", 6, 6, 18, "B3/S23"},
		{"glider", 3, 3, 5, "B3/S23"},
		{"gosper", 36, 9, 36, "B3/S23"},
		{"hensel-p6", 5, 3, 7, "B2-a/S12"},
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
		{"star-wars-soup", 8, 8, 33, "B2/S345/C4"},
		{"toad", 4, 2, 6, "B3/S23"},
		{"tub", 3, 3, 4, "B3/S23"},
		{"xq4_27", 2, 3, 4, "B3/S23-a5"},
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

// runFree runs n generations and fails the test if any live cell reaches the
// edge of the plane on the way: then the plane was big enough, and the result
// is that of an unbounded plane.
func runFree(t *testing.T, s *sim.Simulation, n int) *life.Grid {
	t.Helper()
	for range n {
		g := run(t, s, 1)
		w, h := g.Width(), g.Height()
		for x := range w {
			require.True(t, g.At(x, 0) == life.Empty && g.At(x, h-1) == life.Empty, "a cell reached the top or bottom edge at generation %d: make the plane bigger", s.Generation())
		}
		for y := range h {
			require.True(t, g.At(0, y) == life.Empty && g.At(w-1, y) == life.Empty, "a cell reached the left or right edge at generation %d: make the plane bigger", s.Generation())
		}
	}
	return s.Grid()
}

// gliders asserts that g holds only gliders, n of them, all flying the same
// way: run alone for 4 generations, g moves one cell diagonally. It returns
// the direction.
func gliders(t *testing.T, g *life.Grid, n int) (dx, dy int) {
	t.Helper()
	require.Equal(t, 5*n, g.Population(), "%d gliders have %d cells", n, 5*n)
	s, err := sim.New(context.Background(), g, sim.Options{Rule: life.Conway, Topology: life.Plane, Engine: sim.Direct})
	require.NoError(t, err)
	defer s.Close()
	after := run(t, s, 4)
	for _, d := range [][2]int{{1, 1}, {-1, 1}, {1, -1}, {-1, -1}} {
		if shifted(g, d[0], d[1]).Equal(after) {
			return d[0], d[1]
		}
	}
	assert.Fail(t, "not gliders", "before:\n%s\nafter 4 generations:\n%s", g, after)
	return 0, 0
}

// without returns a copy of g with the cells of p, placed as Grid(margin)
// placed them, removed; it fails the test if one of them is dead.
func without(t *testing.T, g *life.Grid, p *pattern.Pattern, margin int) *life.Grid {
	t.Helper()
	out := g.Clone()
	for _, c := range p.Cells {
		x, y := c.X+margin, c.Y+margin
		require.Equal(t, life.Alive, out.At(x, y), "cell (%d, %d) of the pattern is dead", c.X, c.Y)
		out.Set(x, y, life.Empty)
	}
	return out
}

func TestGuns(t *testing.T) {
	tests := []struct {
		name           string
		period, cycles int
		margin         int
		dx, dy         int // the way its gliders fly: seen by simulating, and drawn by hand to check
	}{
		{"gosper", 30, 4, 40, 1, 1},
		{"simkin", 120, 2, 70, -1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := builtin(t, tt.name)
			require.Len(t, p.Cells, 36)
			s := simulate(t, p, tt.margin)
			for k := 1; k <= tt.cycles; k++ {
				g := runFree(t, s, tt.period)
				assert.Equal(t, 36+5*k, g.Population(), "population after %d periods", k)
				// The gun is back as it was, and beside it are k gliders.
				dx, dy := gliders(t, without(t, g, p, tt.margin), k)
				assert.Equal(t, [2]int{tt.dx, tt.dy}, [2]int{dx, dy}, "the gliders' direction")
			}
		})
	}
}

func TestDiehard(t *testing.T) {
	s := simulate(t, builtin(t, "diehard"), 40)
	g := runFree(t, s, 129)
	require.NotZero(t, g.Population(), "dead before generation 130")
	assert.Zero(t, run(t, s, 1).Population(), "alive after generation 130")
}

func TestMethuselahsGrow(t *testing.T) {
	tests := []struct {
		name        string
		generations int
		atLeast     int
	}{
		// From 5 and 7 cells to over a hundred, never repeating on the way.
		{"r-pentomino", 200, 100},
		{"acorn", 300, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := simulate(t, builtin(t, tt.name), 60)
			seen := map[string]int{}
			for gen := range tt.generations {
				g := runFree(t, s, 1)
				k := g.String()
				prev, ok := seen[k]
				require.False(t, ok, "generation %d repeats generation %d", gen+1, prev)
				seen[k] = gen + 1
			}
			assert.Greater(t, s.Grid().Population(), tt.atLeast)
		})
	}
}

// TestRPentominoSettles checks the R-pentomino's best known fact: it settles
// at generation 1103 with 116 cells (six of them gliders flying away), on a
// plane big enough that nothing reaches the edge. It takes over half a minute
// under the race detector, so it runs only without it.
func TestRPentominoSettles(t *testing.T) {
	if raceEnabled {
		t.Skip("runs 1103 generations of a 600x600 plane: too slow under the race detector")
	}
	s := simulate(t, builtin(t, "r-pentomino"), 300)
	g := runFree(t, s, 1102)
	assert.NotEqual(t, 116, g.Population(), "population at generation 1102")
	before := g.Clone()
	g = runFree(t, s, 1)
	assert.Equal(t, 116, g.Population(), "population at generation 1103")
	assert.False(t, before.Equal(g))
}

func TestReplicator(t *testing.T) {
	p := builtin(t, "replicator")
	rule, ok := p.LifeRule()
	require.True(t, ok)
	require.Equal(t, "B36/S23", rule.String())
	const margin = 10
	s := simulate(t, p, margin)
	start := s.Grid().Clone()
	g := runFree(t, s, 12)
	// Two copies of itself, two cells up-left and two down-right.
	want := shifted(start, -2, -2)
	for i, c := range shifted(start, 2, 2).Cells {
		want.Cells[i] |= c
	}
	assert.Equal(t, want.String(), g.String())
	assert.Equal(t, 24, g.Population())
}

// settleUnbounded runs p under the rule its header gives on the unbounded
// plane, with the direct engine, until the detector finds it settled, or
// fails the test after limit generations.
func settleUnbounded(t *testing.T, p *pattern.Pattern, limit int) life.Result {
	t.Helper()
	g, err := p.Grid(0)
	require.NoError(t, err)
	rule, ok := p.LifeRule()
	require.True(t, ok, "the pattern gives its rule")
	s, err := sim.New(context.Background(), g, sim.Options{Rule: rule, Topology: life.Unbounded, Engine: sim.Direct})
	require.NoError(t, err)
	defer s.Close()
	d := life.NewDetector(0, life.Unbounded)
	for {
		if r, ok := d.ObservePlane(s.Generation(), s.Universe()); ok {
			return r
		}
		require.Less(t, s.Generation(), limit, "not settled within %d generations", limit)
		require.NoError(t, s.Step())
	}
}

// TestRuleFamilies checks what the detector makes of the patterns of the
// other rule families, each under the rule its file gives.
func TestRuleFamilies(t *testing.T) {
	tests := []struct {
		name string
		want life.Result
	}{
		// Four ships fly off, and the burst in the middle is gone at
		// generation 13, leaving two more ships.
		{"brians-brain", life.Result{Outcome: life.Oscillator, Start: 13, Period: 1, Escaping: 6}},
		{"star-wars-soup", life.Result{Outcome: life.Oscillator, Start: 34, Period: 12, Escaping: 4}},
		{"xq4_27", life.Result{Outcome: life.Spaceship, Period: 4, DX: 1}},
		{"hensel-p6", life.Result{Outcome: life.Oscillator, Period: 6}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, settleUnbounded(t, builtin(t, tt.name), 1000))
		})
	}
}

// TestBriansBrainShips: the pattern's ships are Brian's Brain's c/1 ship,
// two live cells and two dying ones behind them, in its four directions.
func TestBriansBrainShips(t *testing.T) {
	p := builtin(t, "Brian's Brain")
	require.Equal(t, "brians-brain", p.Name)
	rule, ok := p.LifeRule()
	require.True(t, ok)
	require.Equal(t, 3, rule.States())
	ships := 0
	for _, c := range p.Cells {
		if c.State() == 2 {
			ships++
		}
	}
	assert.Equal(t, 8, ships, "four ships' dying cells, and none in the burst")
	s := simulate(t, p, 20)
	g := run(t, s, 1)
	// After one generation each ship is one cell further out, as it was.
	for _, ship := range []struct {
		x, y int
		rows []string
	}{
		{27, 19, []string{"**", "22"}}, // up
		{27, 35, []string{"22", "**"}}, // down
		{19, 27, []string{"*2", "*2"}}, // left
		{35, 27, []string{"2*", "2*"}}, // right
	} {
		for dy, row := range ship.rows {
			for dx, c := range row {
				want := life.Alive
				if c == '2' {
					want = 2
				}
				assert.Equal(t, want, g.At(ship.x+dx, ship.y+dy), "ship at (%d, %d), cell (%d, %d)", ship.x, ship.y, dx, dy)
			}
		}
	}
}

// TestRuleFamiliesNeedTheirRules: under the nearest totalistic rule, the
// isotropic non-totalistic patterns are something else.
func TestRuleFamiliesNeedTheirRules(t *testing.T) {
	for _, tc := range []struct{ name, rule string }{{"xq4_27", "B3/S235"}, {"hensel-p6", "B2/S12"}} {
		t.Run(tc.name, func(t *testing.T) {
			p := builtin(t, tc.name)
			want := settleUnbounded(t, p, 1000)
			p.Rule = tc.rule
			g, err := p.Grid(0)
			require.NoError(t, err)
			rule, _ := p.LifeRule()
			s, err := sim.New(context.Background(), g, sim.Options{Rule: rule, Topology: life.Unbounded, Engine: sim.Direct})
			require.NoError(t, err)
			defer s.Close()
			d := life.NewDetector(0, life.Unbounded)
			for s.Generation() < 200 {
				if r, ok := d.ObservePlane(s.Generation(), s.Universe()); ok {
					assert.NotEqual(t, want, r)
					return
				}
				require.NoError(t, s.Step())
			}
		})
	}
}
