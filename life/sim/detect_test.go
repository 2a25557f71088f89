package sim_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/sim"
)

// place draws the picture rows into a new w × h grid with its top left corner
// at (x, y).
func place(t testing.TB, w, h, x, y int, rows ...string) *life.Grid {
	t.Helper()
	p, err := life.ParseGrid(rows...)
	require.NoError(t, err)
	g, err := life.NewGrid(w, h)
	require.NoError(t, err)
	for py := range p.Height() {
		for px := range p.Width() {
			require.True(t, g.Contains(x+px, y+py), "picture does not fit")
			g.Set(x+px, y+py, p.At(px, py))
		}
	}
	return g
}

// settle runs g under opt, feeding every generation from 0 to d (by default
// a new Detector for opt.Topology), until d reports a result or limit
// generations have run.
func settle(t *testing.T, g *life.Grid, opt sim.Options, d *life.Detector, limit int) (life.Result, bool) {
	t.Helper()
	if d == nil {
		d = life.NewDetector(0, opt.Topology)
	}
	s, err := sim.New(context.Background(), g, opt)
	require.NoError(t, err)
	defer s.Close()
	for {
		if r, ok := d.Observe(s.Generation(), s.Grid()); ok {
			return r, true
		}
		if s.Generation() == limit {
			return d.Result(), false
		}
		require.NoError(t, s.Step())
	}
}

// generations returns the grids of generations 0 to n of g under opt.
func generations(t *testing.T, g *life.Grid, opt sim.Options, n int) []*life.Grid {
	t.Helper()
	s, err := sim.New(context.Background(), g, opt)
	require.NoError(t, err)
	defer s.Close()
	out := []*life.Grid{s.Grid().Clone()}
	for range n {
		require.NoError(t, s.Step())
		out = append(out, s.Grid().Clone())
	}
	return out
}

// shifted returns g moved by (dx, dy), wrapping at the edges.
func shifted(g *life.Grid, dx, dy int) *life.Grid {
	out, _ := life.NewGrid(g.Width(), g.Height())
	w, h := g.Width(), g.Height()
	for y := range h {
		for x := range w {
			out.Set(((x+dx)%w+w)%w, ((y+dy)%h+h)%h, g.At(x, y))
		}
	}
	return out
}

// checkTrue checks r against the grids themselves, without hashes: the state
// at Start recurs (shifted) Period generations later, and the one before
// Start does not, or for Extinct, Start is the first empty generation.
func checkTrue(t *testing.T, g *life.Grid, opt sim.Options, r life.Result) {
	t.Helper()
	gens := generations(t, g, opt, r.Start+r.Period)
	if r.Outcome == life.Extinct {
		assert.Zero(t, gens[r.Start].Population(), "generation %d", r.Start)
		if r.Start > 0 {
			assert.NotZero(t, gens[r.Start-1].Population(), "generation %d", r.Start-1)
		}
		return
	}
	require.Positive(t, r.Period)
	assert.Equal(t, shifted(gens[r.Start], r.DX, r.DY).String(), gens[r.Start+r.Period].String(),
		"generation %d moved by (%d,%d) against generation %d", r.Start, r.DX, r.DY, r.Start+r.Period)
	if r.Start > 0 {
		assert.NotEqual(t, shifted(gens[r.Start-1], r.DX, r.DY).String(), gens[r.Start-1+r.Period].String(),
			"generation %d already recurs", r.Start-1)
	}
}

var (
	diehard = []string{
		"......O.",
		"OO......",
		".O...OOO",
	}
	block = []string{
		"OO",
		"OO",
	}
	pulsar = []string{
		"..OOO...OOO..",
		".............",
		"O....O.O....O",
		"O....O.O....O",
		"O....O.O....O",
		"..OOO...OOO..",
		".............",
		"..OOO...OOO..",
		"O....O.O....O",
		"O....O.O....O",
		"O....O.O....O",
		".............",
		"..OOO...OOO..",
	}
	pentadecathlon = []string{
		"..O....O..",
		"OO.OOOO.OO",
		"..O....O..",
	}
	glider = []string{
		".O.",
		"..O",
		"OOO",
	}
	// glider2 is glider turned half round: it goes up and left.
	glider2 = []string{
		"OOO",
		"O..",
		".O.",
	}
	// lwss, the lightweight spaceship, goes left two cells every four
	// generations.
	lwss = []string{
		".O..O",
		"O....",
		"O...O",
		"OOOO.",
	}
	blinker = []string{
		"...",
		"OOO",
		"...",
	}
	// lTromino becomes a block in one generation: each of its cells has two
	// neighbours and the empty corner three.
	lTromino = []string{
		"OO",
		"O.",
	}
)

func TestDetectorPatterns(t *testing.T) {
	tests := []struct {
		name       string
		grid       func(t testing.TB) *life.Grid
		topology   life.Topology
		want       string
		wantResult life.Result
	}{
		{
			name:       "diehard on a 40x30 plane",
			grid:       func(t testing.TB) *life.Grid { return place(t, 40, 30, 16, 13, diehard...) },
			topology:   life.Plane,
			want:       "extinct at generation 130",
			wantResult: life.Result{Outcome: life.Extinct, Start: 130},
		},
		{
			name:       "nothing",
			grid:       func(t testing.TB) *life.Grid { return place(t, 4, 4, 0, 0, "....") },
			topology:   life.Torus,
			want:       "extinct at generation 0",
			wantResult: life.Result{Outcome: life.Extinct, Start: 0},
		},
		{
			name:       "block",
			grid:       func(t testing.TB) *life.Grid { return place(t, 6, 6, 2, 2, block...) },
			topology:   life.Plane,
			want:       "still life from generation 0",
			wantResult: life.Result{Outcome: life.StillLife, Start: 0, Period: 1},
		},
		{
			name:       "L-tromino becomes a block",
			grid:       func(t testing.TB) *life.Grid { return place(t, 6, 6, 2, 2, lTromino...) },
			topology:   life.Plane,
			want:       "still life from generation 1",
			wantResult: life.Result{Outcome: life.StillLife, Start: 1, Period: 1},
		},
		{
			name:       "blinker on a 5x5 torus",
			grid:       func(t testing.TB) *life.Grid { return place(t, 5, 5, 1, 1, blinker...) },
			topology:   life.Torus,
			want:       "period 2 from generation 0",
			wantResult: life.Result{Outcome: life.Oscillator, Start: 0, Period: 2},
		},
		{
			name:       "pulsar",
			grid:       func(t testing.TB) *life.Grid { return place(t, 19, 19, 3, 3, pulsar...) },
			topology:   life.Plane,
			want:       "period 3 from generation 0",
			wantResult: life.Result{Outcome: life.Oscillator, Start: 0, Period: 3},
		},
		{
			name:       "pentadecathlon",
			grid:       func(t testing.TB) *life.Grid { return place(t, 24, 15, 7, 6, pentadecathlon...) },
			topology:   life.Plane,
			want:       "period 15 from generation 0",
			wantResult: life.Result{Outcome: life.Oscillator, Start: 0, Period: 15},
		},
		{
			name:       "glider on a large plane",
			grid:       func(t testing.TB) *life.Grid { return place(t, 64, 64, 1, 1, glider...) },
			topology:   life.Plane,
			want:       "spaceship period 4 moving (1,1) from generation 0",
			wantResult: life.Result{Outcome: life.Spaceship, Start: 0, Period: 4, DX: 1, DY: 1},
		},
		{
			name:       "glider on a torus",
			grid:       func(t testing.TB) *life.Grid { return place(t, 8, 8, 1, 1, glider...) },
			topology:   life.Torus,
			want:       "spaceship period 4 moving (1,1) from generation 0",
			wantResult: life.Result{Outcome: life.Spaceship, Start: 0, Period: 4, DX: 1, DY: 1},
		},
		{
			name:       "glider on a torus, across the corner",
			grid:       func(t testing.TB) *life.Grid { return place(t, 8, 8, 5, 5, glider...) },
			topology:   life.Torus,
			want:       "spaceship period 4 moving (1,1) from generation 0",
			wantResult: life.Result{Outcome: life.Spaceship, Start: 0, Period: 4, DX: 1, DY: 1},
		},
		{
			name:       "glider going up and left on a torus, across the corner",
			grid:       func(t testing.TB) *life.Grid { return place(t, 7, 9, 0, 0, glider2...) },
			topology:   life.Torus,
			want:       "spaceship period 4 moving (-1,-1) from generation 0",
			wantResult: life.Result{Outcome: life.Spaceship, Start: 0, Period: 4, DX: -1, DY: -1},
		},
		{
			name:       "lightweight spaceship on a torus, across the edge",
			grid:       func(t testing.TB) *life.Grid { return place(t, 12, 8, 0, 2, lwss...) },
			topology:   life.Torus,
			want:       "spaceship period 4 moving (-2,0) from generation 0",
			wantResult: life.Result{Outcome: life.Spaceship, Start: 0, Period: 4, DX: -2, DY: 0},
		},
		{
			name:       "lightweight spaceship on a plane",
			grid:       func(t testing.TB) *life.Grid { return place(t, 20, 8, 12, 2, lwss...) },
			topology:   life.Plane,
			want:       "spaceship period 4 moving (-2,0) from generation 0",
			wantResult: life.Result{Outcome: life.Spaceship, Start: 0, Period: 4, DX: -2, DY: 0},
		},
		{
			name: "a block across the corner of a torus, and another",
			grid: func(t testing.TB) *life.Grid {
				return place(t, 10, 6, 0, 0,
					"O........O",
					"..........",
					"...OO.....",
					"...OO.....",
					"..........",
					"O........O",
				)
			},
			topology:   life.Torus,
			want:       "still life from generation 0",
			wantResult: life.Result{Outcome: life.StillLife, Start: 0, Period: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := sim.Options{Rule: life.Conway, Topology: tt.topology, Engine: sim.Direct}
			r, ok := settle(t, tt.grid(t), opt, nil, 2000)
			require.True(t, ok, "no result within 2000 generations")
			assert.Equal(t, tt.wantResult, r)
			assert.Equal(t, tt.want, r.String())
			checkTrue(t, tt.grid(t), opt, r)
		})
	}
}

// TestDetectorSoup lets random soups on small tori settle and checks what the
// detector says against the grids themselves.
func TestDetectorSoup(t *testing.T) {
	for seed := range uint64(8) {
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			g, err := life.NewGrid(16, 16)
			require.NoError(t, err)
			g.Randomize(rand.New(rand.NewPCG(seed, 6)), 0.35)
			opt := sim.Options{Rule: life.Conway, Topology: life.Torus, Engine: sim.Direct}
			r, ok := settle(t, g, opt, nil, 20000)
			require.True(t, ok, "no result within 20000 generations")
			t.Log(r)
			checkTrue(t, g, opt, r)
		})
	}
}

// TestDetectorGoroutineEngine feeds the detector from the goroutine engine on
// small grids and expects what the direct engine gives.
func TestDetectorGoroutineEngine(t *testing.T) {
	tests := []struct {
		name     string
		grid     func(t testing.TB) *life.Grid
		topology life.Topology
		want     string
	}{
		{
			name:     "glider on a plane",
			grid:     func(t testing.TB) *life.Grid { return place(t, 12, 12, 1, 1, glider...) },
			topology: life.Plane,
			want:     "spaceship period 4 moving (1,1) from generation 0",
		},
		{
			name: "soup on a torus",
			grid: func(t testing.TB) *life.Grid {
				g, err := life.NewGrid(12, 12)
				require.NoError(t, err)
				g.Randomize(rand.New(rand.NewPCG(3, 4)), 0.35)
				return g
			},
			topology: life.Torus,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			direct := sim.Options{Rule: life.Conway, Topology: tt.topology, Engine: sim.Direct}
			want, ok := settle(t, tt.grid(t), direct, nil, 5000)
			require.True(t, ok, "the direct engine settles on no result within 5000 generations")
			if tt.want != "" {
				assert.Equal(t, tt.want, want.String())
			}
			goroutine := direct
			goroutine.Engine = sim.Goroutine
			got, ok := settle(t, tt.grid(t), goroutine, nil, want.Start+want.Period)
			require.True(t, ok)
			assert.Equal(t, want, got)
		})
	}
}

func TestDetectorLimit(t *testing.T) {
	tests := []struct {
		name  string
		limit int
		want  string
		found bool
	}{
		{name: "a limit below the period", limit: 1, want: "no repetition within 20 generations"},
		{name: "a limit of the period", limit: 2, want: "period 2 from generation 0", found: true},
		{name: "the default", limit: 0, want: "period 2 from generation 0", found: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := place(t, 5, 5, 1, 1, blinker...)
			opt := sim.Options{Rule: life.Conway, Topology: life.Plane, Engine: sim.Direct}
			d := life.NewDetector(tt.limit, life.Plane)
			r, ok := settle(t, g, opt, d, 20)
			assert.Equal(t, tt.found, ok)
			assert.Equal(t, tt.want, r.String())
			assert.Equal(t, r, d.Result())
		})
	}
	assert.Equal(t, life.DefaultPeriodLimit, life.NewDetector(0, life.Torus).Limit())
	assert.Equal(t, 1000, life.DefaultPeriodLimit)
	assert.Equal(t, 7, life.NewDetector(7, life.Torus).Limit())
	var zero life.Detector
	assert.Equal(t, life.DefaultPeriodLimit, zero.Limit())
}

// TestDetectorSequence feeds grids by hand: a gap, a step back or another
// size starts the detector afresh, and Reset forgets.
func TestDetectorSequence(t *testing.T) {
	a := place(t, 5, 5, 1, 1, blinker...)
	b := place(t, 5, 5, 1, 1, ".O.", ".O.", ".O.")
	big := place(t, 6, 5, 1, 1, blinker...)
	type obs struct {
		gen  int
		grid *life.Grid
	}
	tests := []struct {
		name  string
		feed  []obs
		reset bool // call Reset before the last
		want  string
	}{
		{name: "in order", feed: []obs{{0, a}, {1, b}, {2, a}}, want: "period 2 from generation 0"},
		{name: "from a later generation", feed: []obs{{7, a}, {8, b}, {9, a}}, want: "period 2 from generation 7"},
		{name: "a gap", feed: []obs{{0, a}, {1, b}, {3, a}}, want: "no repetition within 0 generations"},
		{name: "a step back", feed: []obs{{0, a}, {1, b}, {1, a}}, want: "no repetition within 0 generations"},
		{name: "after a gap", feed: []obs{{0, a}, {1, b}, {3, a}, {4, b}, {5, a}}, want: "period 2 from generation 3"},
		{name: "another size", feed: []obs{{0, a}, {1, b}, {2, big}}, want: "no repetition within 0 generations"},
		{name: "reset", feed: []obs{{0, a}, {1, b}, {2, a}}, reset: true, want: "no repetition within 0 generations"},
		{name: "still life", feed: []obs{{0, a}, {1, a}}, want: "still life from generation 0"},
		{name: "the result stays", feed: []obs{{0, a}, {1, a}, {2, b}}, want: "still life from generation 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d life.Detector // the zero Detector works
			for i, o := range tt.feed {
				if tt.reset && i == len(tt.feed)-1 {
					d.Reset()
				}
				d.Observe(o.gen, o.grid)
			}
			assert.Equal(t, tt.want, d.Result().String())
		})
	}
}
