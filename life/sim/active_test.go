package sim_test

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/sim"
)

// The rule families randomRule draws from.
const (
	lifeLike = iota
	isotropic
	generationsFamily
	families
)

// henselLetters are the letters of each count of live neighbours.
var henselLetters = [9]string{1: "ce", 2: "ceaikn", 3: "ceaiknjqry", 4: "ceaiknjqrytwz", 5: "ceaiknjqry", 6: "ceaikn", 7: "ce"}

// randomRule returns a random rule of the family: life-like, isotropic
// non-totalistic (random letters of random counts), or Generations (of 3 to
// 8 states, over either); with b0 its births include 0 neighbours.
func randomRule(r *rand.Rand, b0 bool, family int) life.Rule {
	letters := family == isotropic || family == generationsFamily && r.IntN(2) == 0
	var b strings.Builder
	for i, part := range []string{"B", "/S"} {
		b.WriteString(part)
		for n := 0; n <= 8; n++ {
			if i == 0 && n == 0 {
				if b0 {
					b.WriteString("0")
				}
				continue
			}
			if r.IntN(2) == 0 {
				continue
			}
			b.WriteString(strconv.Itoa(n))
			if ls := henselLetters[n]; letters && ls != "" {
				for _, l := range ls[:1+r.IntN(len(ls))] {
					if r.IntN(2) == 0 {
						b.WriteRune(l)
					}
				}
			}
		}
	}
	if family == generationsFamily {
		fmt.Fprintf(&b, "/C%d", 3+r.IntN(6))
	}
	rule, err := life.ParseRule(b.String())
	if err != nil {
		panic(err) // a bug in this function
	}
	return rule
}

// TestActiveEngineAgrees is a property test: on random soups under random
// rules of each family, with and without B0, on both bounded topologies and sizes down to
// the degenerate tori, the goroutine engine (active cells only), the dense
// engine (every cell), the direct engine and the plain rewrite of the book's
// live_a_generation agree generation by generation.
func TestActiveEngineAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	sizes := [][2]int{{1, 1}, {1, 5}, {5, 1}, {2, 2}, {2, 3}, {3, 3}, {17, 9}, {40, 31}}
	for i := range 96 {
		size := sizes[i%len(sizes)]
		top := []life.Topology{life.Torus, life.Plane}[i/len(sizes)%2]
		rule := randomRule(r, i/(2*len(sizes))%2 == 1, i/(4*len(sizes))%families)
		density := []float64{0.1, 0.3, 0.6}[i%3]
		t.Run(fmt.Sprintf("%dx%d/%s/%s/%g", size[0], size[1], top, rule, density), func(t *testing.T) {
			g, err := life.NewGrid(size[0], size[1])
			require.NoError(t, err)
			g.Randomize(r, density)
			want := g.Clone()
			sims := map[sim.Engine]*sim.Simulation{}
			for _, e := range engines {
				sims[e] = newSim(t, g, sim.Options{Rule: rule, Topology: top, Engine: e})
			}
			for gen := 1; gen <= 30; gen++ {
				want = reference(want, rule, top)
				for _, e := range engines {
					require.NoError(t, sims[e].Step())
					require.Equal(t, want.String(), sims[e].Grid().String(), "%s engine, generation %d", e, gen)
				}
			}
		})
	}
}

// TestActiveEngineSeesEdits edits the board between generations: the
// goroutine engine must run the edited cells' neighbourhoods, though nothing
// changed there in the last generation, and agree with the other engines
// and, on a bounded board, the reference.
func TestActiveEngineSeesEdits(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, top := range []life.Topology{life.Torus, life.Plane, life.Unbounded} {
		t.Run(top.String(), func(t *testing.T) {
			g := pic(t, "..........", ".OO.......", ".OO.......", "..........", "..........", "..........", "..........", "..........")
			var sims []*sim.Simulation
			for _, e := range engines {
				if !e.EveryCell() || top != life.Unbounded {
					sims = append(sims, newSim(t, g, sim.Options{Rule: life.Conway, Topology: top, Engine: e}))
				}
			}
			want := g.Clone()
			for gen := 1; gen <= 20; gen++ {
				for range 3 { // a few cells flipped, in the still part too
					x, y, st := r.IntN(g.Width()), r.IntN(g.Height()), life.State(r.IntN(2))
					for _, s := range sims {
						s.Set(x, y, st)
					}
					want.Set(x, y, st)
				}
				if top != life.Unbounded {
					want = reference(want, life.Conway, top)
				}
				var first string
				for i, s := range sims {
					require.NoError(t, s.Step())
					got := picture(t, s, -25, -25, 60, 60)
					if i == 0 {
						first = got
					}
					require.Equal(t, first, got, "%s engine, generation %d", s.Options().Engine, gen)
					if top != life.Unbounded {
						require.Equal(t, want.String(), s.Grid().String(), "%s engine, generation %d", s.Options().Engine, gen)
					}
				}
			}
		})
	}
}

// picture draws the w × h cells at (x, y) of s's board with 'O' and '.'.
func picture(t *testing.T, s *sim.Simulation, x, y, w, h int) string {
	t.Helper()
	g, err := life.NewGrid(w, h)
	require.NoError(t, err)
	s.Window(g, life.Point{X: int64(x), Y: int64(y)})
	out := []byte(g.String())
	for i, c := range out {
		switch c {
		case '*':
			out[i] = 'O'
		case '-':
			out[i] = '.'
		}
	}
	return string(out)
}

// TestActiveEngineGoroutinesFollowTheAction: a glider on a big torus runs a
// few dozen goroutines, not one per cell, and a still life none at all.
func TestActiveEngineGoroutinesFollowTheAction(t *testing.T) {
	g, err := life.NewGrid(512, 512)
	require.NoError(t, err)
	stamp(g, 10, 10, ".O.", "..O", "OOO")
	s := newSim(t, g, sim.Options{Rule: life.Conway})
	for range 40 {
		require.NoError(t, s.Step())
		assert.Less(t, s.Goroutines(), 100, "generation %d", s.Generation())
	}
	assert.Greater(t, s.PeakGoroutines(), 9, "a glider's neighbourhood is active")

	block := pic(t, "....", ".OO.", ".OO.", "....")
	s = newSim(t, block, sim.Options{Rule: life.Conway})
	require.NoError(t, s.Run(t.Context(), 3))
	drivers := s.Goroutines()
	require.NoError(t, s.Step())
	assert.Equal(t, drivers, s.Goroutines(), "a still life keeps no cell goroutine")
}

// TestUnboundedAgreesWithAPlaneBigEnough runs soups on the unbounded plane
// with both engines and checks them against the reference on a bounded plane
// so much larger than the soup that nothing reaches its edge in the
// generations run.
func TestUnboundedAgreesWithAPlaneBigEnough(t *testing.T) {
	const gens = 40
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 15 {
		rule := randomRule(r, false, i%families)
		if i < 3 {
			rule = []life.Rule{life.Conway, life.NewRule(1<<3|1<<6, 1<<2|1<<3), life.NewRule(1<<2, 0)}[i]
		}
		t.Run(rule.String(), func(t *testing.T) {
			soup, err := life.NewGrid(12, 9)
			require.NoError(t, err)
			soup.Randomize(r, 0.4)
			big, err := life.NewGrid(12+2*gens+4, 9+2*gens+4)
			require.NoError(t, err)
			stampGrid(big, gens+2, gens+2, soup)
			origin := life.Point{X: -3, Y: 1 << 40} // anywhere at all
			var sims []*sim.Simulation
			for _, e := range []sim.Engine{sim.Goroutine, sim.Direct, sim.Hashlife} {
				if e == sim.Hashlife && !hashlifeRuns(rule) {
					continue
				}
				sims = append(sims, newSim(t, soup, sim.Options{Rule: rule, Topology: life.Unbounded, Engine: e, Origin: origin}))
			}
			want := big
			for gen := 1; gen <= gens; gen++ {
				want = reference(want, rule, life.Plane)
				for _, s := range sims {
					require.NoError(t, s.Step())
					got, err := life.NewGrid(want.Width(), want.Height())
					require.NoError(t, err)
					s.Window(got, origin.Sub(life.Point{X: gens + 2, Y: gens + 2}))
					require.Equal(t, want.String(), got.String(), "%s engine, generation %d", s.Options().Engine, gen)
					require.Equal(t, want.Population(), s.Population())
				}
			}
		})
	}
}

// stampGrid copies the cells of src into g with its top-left cell at (x, y).
func stampGrid(g *life.Grid, x, y int, src *life.Grid) {
	for sy := range src.Height() {
		for sx := range src.Width() {
			g.Set(x+sx, y+sy, src.At(sx, sy))
		}
	}
}

func TestUnboundedRefusesB0AndTheDenseEngine(t *testing.T) {
	g := pic(t, "O")
	_, err := sim.New(t.Context(), g, sim.Options{Rule: life.NewRule(1, 1<<8), Topology: life.Unbounded})
	assert.ErrorContains(t, err, "rule B0/S8: a birth on 0 neighbours (B0) would fill the unbounded plane; use -topology torus or plane")
	_, err = sim.New(t.Context(), g, sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Dense})
	assert.ErrorContains(t, err, "the dense engine runs every cell of a bounded grid")
}

// TestGliderOnAHugeTorus: a 4096x4096 torus, 16 million cells, holding one
// glider runs on the goroutine engine, with a few dozen goroutines.
func TestGliderOnAHugeTorus(t *testing.T) {
	g, err := life.NewGrid(4096, 4096)
	require.NoError(t, err)
	stamp(g, 4093, 4093, ".O.", "..O", "OOO")
	s := newSim(t, g, sim.Options{Rule: life.Conway})
	require.NoError(t, s.Run(t.Context(), 8))
	assert.Equal(t, 5, s.Population())
	// Two cells down and right: across both edges.
	for _, c := range [][2]int{{0, 4095}, {1, 0}, {4095, 1}, {0, 1}, {1, 1}} {
		assert.Equal(t, life.Alive, s.Grid().At(c[0], c[1]), "%v", c)
	}
	assert.Less(t, s.PeakGoroutines(), 100)
}

// TestBudget refuses a generation whose active cells' goroutines would
// outgrow the memory budget, with the numbers, and keeps the board.
func TestBudget(t *testing.T) {
	g, err := life.NewGrid(64, 64)
	require.NoError(t, err)
	g.Randomize(rand.New(rand.NewPCG(1, 1)), 0.5)
	s := newSim(t, g, sim.Options{Rule: life.Conway, Memory: 1 << 20})
	err = s.Step()
	require.ErrorIs(t, err, life.ErrBudget)
	assert.Regexp(t, `^over the memory budget: generation 1 would have \d+ active cells, whose goroutines need about [0-9.]+ MiB, more than the memory budget of 1.0 MiB$`, err.Error())
	assert.Equal(t, 0, s.Generation())
	assert.True(t, s.Grid().Equal(g))
}

func TestParseBytes(t *testing.T) {
	for in, want := range map[string]uint64{"4096": 4096, "512M": 512 << 20, "1.5GiB": 3 << 29, "2g": 2 << 30, "64KB": 64 << 10, "1T": 1 << 40} {
		got, err := life.ParseBytes(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "-1", "0", "lots", "1Q", "9999999999T", "NaN"} {
		_, err := life.ParseBytes(in)
		assert.ErrorContains(t, err, "want a size such as 4G, 512M or 1.5GiB", in)
	}
}

// TestBoxOverBudget: two cells far apart on the unbounded plane make a
// bounding box too large to draw as a grid: Box says so, and how large.
func TestBoxOverBudget(t *testing.T) {
	g := pic(t, "O")
	s := newSim(t, g, sim.Options{Rule: life.Conway, Topology: life.Unbounded, Memory: 64 << 20})
	s.Set(1<<20, 1<<20, life.Alive)
	_, _, err := s.Box()
	require.ErrorIs(t, err, life.ErrBudget)
	assert.Equal(t, "over the memory budget: generation 0: the live cells' bounding box, 1048577x1048577 at (0,0), would take 1024.0 GiB as a grid, more than the memory budget of 64.0 MiB", err.Error())
	assert.Nil(t, s.Grid())
	assert.Equal(t, 2, s.Population(), "the board itself is sparse")
}
