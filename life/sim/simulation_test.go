package sim_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"colife/life"
	"colife/life/sim"
)

var engines = []sim.Engine{sim.Goroutine, sim.Coroutine, sim.Generator, sim.Direct, sim.Dense, sim.DenseCoroutine}

// newSim starts a simulation of g and closes it when the test ends.
func newSim(t testing.TB, g *life.Grid, opt sim.Options) *sim.Simulation {
	t.Helper()
	s, err := sim.New(context.Background(), g, opt)
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

// pic draws rows into a grid, failing the test on a bad picture.
func pic(t testing.TB, rows ...string) *life.Grid {
	t.Helper()
	g, err := life.ParseGrid(rows...)
	require.NoError(t, err)
	return g
}

// TestBookItem40 replays the book's run: a 9×5 torus with a glider, whose
// generations 0 to 4 the book prints side by side.
func TestBookItem40(t *testing.T) {
	want := []string{
		"---*-----\n----*----\n--***----\n---------\n---------\n",
		"---------\n--*-*----\n---**----\n---*-----\n---------\n",
		"---------\n----*----\n--*-*----\n---**----\n---------\n",
		"---------\n---*-----\n----**---\n---**----\n---------\n",
		"---------\n----*----\n-----*---\n---***---\n---------\n",
	}
	for _, e := range engines {
		t.Run(e.String(), func(t *testing.T) {
			g, err := life.NewGrid(9, 5)
			require.NoError(t, err)
			for _, c := range [][2]int{{0, 3}, {1, 4}, {2, 2}, {2, 3}, {2, 4}} { // (y, x), as the book gives them
				g.Set(c[1], c[0], life.Alive)
			}
			s := newSim(t, g, sim.Options{Rule: life.Conway, Engine: e})
			for gen, w := range want {
				assert.Equal(t, gen, s.Generation())
				assert.Equal(t, w, s.Grid().String(), "generation %d", gen)
				require.NoError(t, s.Step())
			}
		})
	}
}

// TestPatterns checks still lifes, oscillators and a travelling glider on
// both engines.
func TestPatterns(t *testing.T) {
	for _, tc := range []struct {
		name   string
		rows   []string
		period int
	}{
		{"block", []string{"....", ".OO.", ".OO.", "...."}, 1},
		{"beehive", []string{"......", "..OO..", ".O..O.", "..OO..", "......"}, 1},
		{"blinker", []string{".....", ".....", ".OOO.", ".....", "....."}, 2},
		{"toad", []string{"......", "......", "..OOO.", ".OOO..", "......", "......"}, 2},
		{"beacon", []string{"......", ".OO...", ".OO...", "...OO.", "...OO.", "......"}, 2},
	} {
		for _, e := range engines {
			for _, top := range []life.Topology{life.Torus, life.Plane} {
				t.Run(fmt.Sprintf("%s/%s/%s", tc.name, e, top), func(t *testing.T) {
					g := pic(t, tc.rows...)
					s := newSim(t, g, sim.Options{Rule: life.Conway, Engine: e, Topology: top})
					for gen := 1; gen <= 2*tc.period; gen++ {
						require.NoError(t, s.Step())
						if gen%tc.period == 0 {
							assert.True(t, g.Equal(s.Grid()), "generation %d:\n%s", gen, s.Grid())
						} else {
							assert.False(t, g.Equal(s.Grid()), "period below %d at generation %d", tc.period, gen)
						}
					}
				})
			}
		}
	}
}

// TestGliderCrossesTorus: a glider moves one cell diagonally every 4
// generations, so on an n×n torus it is back where it started after 4n.
func TestGliderCrossesTorus(t *testing.T) {
	for _, e := range engines {
		for _, n := range []int{5, 8, 13} {
			t.Run(fmt.Sprintf("%s/%dx%d", e, n, n), func(t *testing.T) {
				g, err := life.NewGrid(n, n)
				require.NoError(t, err)
				for _, c := range [][2]int{{1, 0}, {2, 1}, {0, 2}, {1, 2}, {2, 2}} {
					g.Set(c[0], c[1], life.Alive)
				}
				s := newSim(t, g, sim.Options{Rule: life.Conway, Engine: e})
				for gen := 1; gen <= 4*n; gen++ {
					require.NoError(t, s.Step())
					assert.Equal(t, 5, s.Grid().Population(), "generation %d", gen)
					if gen < 4*n {
						assert.False(t, g.Equal(s.Grid()), "back home early, at generation %d", gen)
					}
				}
				assert.Equal(t, g.String(), s.Grid().String())
			})
		}
	}
}

// TestPlaneEdgeKillsGlider: on a plane the glider runs into the corner and
// becomes a block, where a torus would let it through.
func TestPlaneEdgeKillsGlider(t *testing.T) {
	for _, e := range engines {
		t.Run(e.String(), func(t *testing.T) {
			g := pic(t,
				".O....",
				"..O...",
				"OOO...",
				"......",
				"......",
				"......",
			)
			s := newSim(t, g, sim.Options{Rule: life.Conway, Engine: e, Topology: life.Plane})
			require.NoError(t, s.Run(context.Background(), 40))
			assert.Equal(t, "------\n------\n------\n------\n----**\n----**\n", s.Grid().String())
		})
	}
}

// TestHighLifeReplicator: under B36/S23 the replicator makes copies of itself.
func TestHighLifeReplicator(t *testing.T) {
	rule, err := life.ParseRule("highlife")
	require.NoError(t, err)
	rep := []string{
		"..OOO",
		".O..O",
		"O...O",
		"O..O.",
		"OOO..",
	}
	for _, e := range engines {
		t.Run(e.String(), func(t *testing.T) {
			g, err := life.NewGrid(64, 64)
			require.NoError(t, err)
			stamp(g, 30, 30, rep...)
			s := newSim(t, g, sim.Options{Rule: rule, Engine: e, Topology: life.Plane})
			require.NoError(t, s.Run(context.Background(), 24))
			copies := countCopies(s.Grid(), rep)
			assert.Equal(t, 2, copies, "after 24 generations:\n%s", s.Grid())
			assert.Equal(t, 24, s.Grid().Population(), "anything but the two copies")
			// Under Conway's rule the same shape is no replicator.
			c := newSim(t, g, sim.Options{Rule: life.Conway, Engine: e, Topology: life.Plane})
			require.NoError(t, c.Run(context.Background(), 24))
			assert.Zero(t, countCopies(c.Grid(), rep))
		})
	}
}

// stamp draws rows into g with their top-left corner at (x, y).
func stamp(g *life.Grid, x, y int, rows ...string) {
	for dy, r := range rows {
		for dx, c := range r {
			if c == 'O' {
				g.Set(x+dx, y+dy, life.Alive)
			}
		}
	}
}

// countCopies counts the places where rows appear in g with nothing else
// alive in a one-cell frame around them.
func countCopies(g *life.Grid, rows []string) int {
	h, w := len(rows), len(rows[0])
	n := 0
	for y := -1; y+h < g.Height(); y++ {
		for x := -1; x+w < g.Width(); x++ {
			match := true
			for dy := -1; dy <= h && match; dy++ {
				for dx := -1; dx <= w && match; dx++ {
					want := life.Empty
					if dy >= 0 && dy < h && dx >= 0 && dx < w && rows[dy][dx] == 'O' {
						want = life.Alive
					}
					match = g.At(x+dx, y+dy) == want
				}
			}
			if match {
				n++
			}
		}
	}
	return n
}

// TestSeeds: under B2/S every live cell dies, and the cells beside a domino,
// which see both its cells, are born.
func TestSeeds(t *testing.T) {
	rule, err := life.ParseRule("seeds")
	require.NoError(t, err)
	for _, e := range engines {
		t.Run(e.String(), func(t *testing.T) {
			s := newSim(t, pic(t, "....", ".OO.", "....", "...."), sim.Options{Rule: rule, Engine: e, Topology: life.Plane})
			require.NoError(t, s.Step())
			assert.Equal(t, "-**-\n----\n-**-\n----\n", s.Grid().String())
		})
	}
}

// TestB0 runs a rule with birth on no neighbours: on a torus an empty grid
// fills at once and, with S8, stays full; on a plane the cells by the edge
// see dead cells beyond it and behave differently from the ones inside.
func TestB0(t *testing.T) {
	rule, err := life.ParseRule("B0/S8")
	require.NoError(t, err)
	for _, e := range engines {
		t.Run(e.String()+"/torus", func(t *testing.T) {
			g, err := life.NewGrid(5, 4)
			require.NoError(t, err)
			s := newSim(t, g, sim.Options{Rule: rule, Engine: e})
			require.NoError(t, s.Step())
			assert.Equal(t, 20, s.Grid().Population())
			require.NoError(t, s.Step())
			assert.Equal(t, 20, s.Grid().Population())
		})
		t.Run(e.String()+"/plane", func(t *testing.T) {
			g, err := life.NewGrid(5, 4)
			require.NoError(t, err)
			s := newSim(t, g, sim.Options{Rule: rule, Engine: e, Topology: life.Plane})
			require.NoError(t, s.Step())
			assert.Equal(t, 20, s.Grid().Population())
			require.NoError(t, s.Step())
			// Only the inner cells have 8 live neighbours.
			assert.Equal(t, "-----\n-***-\n-***-\n-----\n", s.Grid().String())
		})
	}
}

// reference is the book's live_a_generation written plainly, with the
// book's modulo arithmetic on a torus: the third way to the same result.
func reference(g *life.Grid, rule life.Rule, top life.Topology) *life.Grid {
	w, h := g.Width(), g.Height()
	next, _ := life.NewGrid(w, h)
	at := func(x, y int) life.State {
		if top == life.Plane {
			return g.At(x, y)
		}
		return g.At(((x%w)+w)%w, ((y%h)+h)%h)
	}
	for y := range h {
		for x := range w {
			var alive uint8
			for i, d := range [][2]int{{0, -1}, {1, -1}, {1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}} {
				if at(x+d[0], y+d[1]) == life.Alive {
					alive |= 1 << i
				}
			}
			next.Set(x, y, rule.Next(at(x, y), alive))
		}
	}
	return next
}

// TestEnginesAgree runs random soups on both engines and the plain
// reference, generation by generation, over degenerate and ordinary sizes,
// both topologies and several rules.
func TestEnginesAgree(t *testing.T) {
	rules := []string{"life", "highlife", "seeds", "daynight", "B0/S8", "B01/S", "replicator", "2x2", "maze",
		"briansbrain", "starwars", "B2-a/S12", "B3/S23-a4i", "B2ce3aiy/S1c2ak3ij/C4", "B0/S8/C3"}
	sizes := [][2]int{{1, 1}, {1, 7}, {7, 1}, {2, 2}, {3, 1}, {2, 5}, {3, 3}, {64, 48}}
	r := rand.New(rand.NewPCG(40, 2))
	for _, size := range sizes {
		for _, top := range []life.Topology{life.Torus, life.Plane} {
			for _, rs := range rules {
				rule, err := life.ParseRule(rs)
				require.NoError(t, err)
				t.Run(fmt.Sprintf("%dx%d/%s/%s", size[0], size[1], top, rule), func(t *testing.T) {
					g, err := life.NewGrid(size[0], size[1])
					require.NoError(t, err)
					g.Randomize(r, 0.4)
					want := g.Clone()
					gor := newSim(t, g, sim.Options{Rule: rule, Topology: top, Engine: sim.Goroutine})
					dir := newSim(t, g, sim.Options{Rule: rule, Topology: top, Engine: sim.Direct})
					for gen := 1; gen <= 12; gen++ {
						want = reference(want, rule, top)
						require.NoError(t, gor.Step())
						require.NoError(t, dir.Step())
						require.Equal(t, want.String(), dir.Grid().String(), "direct, generation %d", gen)
						require.Equal(t, want.String(), gor.Grid().String(), "goroutine, generation %d", gen)
					}
				})
			}
		}
	}
}

// TestDegenerateTorus checks by hand what modulo arithmetic means on tiny
// tori: on 1×1 a live cell is its own eight neighbours.
func TestDegenerateTorus(t *testing.T) {
	for _, e := range engines {
		t.Run(e.String(), func(t *testing.T) {
			// 1×1: 8 neighbours, all itself: dies under S23, lives under S8.
			one := pic(t, "O")
			s := newSim(t, one, sim.Options{Rule: life.Conway, Engine: e})
			require.NoError(t, s.Step())
			assert.Equal(t, "-\n", s.Grid().String())
			s8 := newSim(t, one, sim.Options{Rule: life.NewRule(0, 1<<8), Engine: e})
			require.NoError(t, s8.Step())
			assert.Equal(t, "*\n", s8.Grid().String())
			// 1×3 with one live cell: the others see it as N, S (wrapped
			// rows) and NE, SE, SW, NW counted again: 3 or 6 times.
			col := pic(t, "O", ".", ".")
			b3 := newSim(t, col, sim.Options{Rule: life.NewRule(1<<3, 0), Engine: e})
			require.NoError(t, b3.Step())
			assert.Equal(t, "-\n*\n*\n", b3.Grid().String())
		})
	}
}

// TestDenseEngineRunsOneGoroutinePerCell counts the goroutines of the dense
// engines in a dump of every goroutine's stack: a goroutine for each cell
// (an iter.Pull coroutine is a goroutine too) and its drivers, and none left
// once closed.
func TestDenseEngineRunsOneGoroutinePerCell(t *testing.T) {
	for _, e := range []sim.Engine{sim.Dense, sim.DenseCoroutine} {
		t.Run(e.String(), func(t *testing.T) {
			g, err := life.NewGrid(30, 20)
			require.NoError(t, err)
			s := newSim(t, g, sim.Options{Rule: life.Conway, Engine: e})
			cells, drivers := countEngineGoroutines()
			assert.Equal(t, 600, cells)
			assert.Positive(t, drivers)
			assert.Equal(t, cells+drivers, s.Goroutines())
			require.NoError(t, s.Close())
			// A goroutine that has done its last work (its WaitGroup's Done,
			// which Close waits for) still shows in a dump until it has run
			// its last instructions: give the scheduler turns, as goleak
			// does, but no clock.
			cells, drivers = countEngineGoroutines()
			for i := 0; i < 1000 && cells+drivers > 0; i++ {
				runtime.Gosched()
				cells, drivers = countEngineGoroutines()
			}
			assert.Zero(t, cells+drivers, "Close returned before its goroutines ended")
			assert.Zero(t, s.Goroutines(), "a closed simulation still counts goroutines")
			assert.ErrorIs(t, s.Step(), sim.ErrClosed)
			require.NoError(t, s.Close(), "a second Close")
		})
	}
}

// countEngineGoroutines counts the goroutines of cells and of drivers, from
// the stacks of all goroutines: a dense engine's driver starts its cells
// (goroutines, or coroutines that iter.Pull starts), and the engine's team
// starts the drivers.
func countEngineGoroutines() (cells, drivers int) {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	for _, stack := range strings.Split(string(buf), "\n\n") {
		switch {
		case strings.Contains(stack, "\ncreated by colife/life/cells.(*Dense).run in goroutine"),
			strings.Contains(stack, "\ncolife/life/cells.(*DenseCoroutines).run.func") && strings.Contains(stack, "\ncreated by iter.Pull[...] in goroutine"):
			cells++
		case strings.Contains(stack, "\ncreated by colife/life/cells.(*team[...]).spawn in goroutine"):
			drivers++
		}
	}
	return cells, drivers
}

func TestCloseEndsEveryGoroutine(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	for _, e := range engines {
		for _, size := range [][2]int{{1, 1}, {3, 2}, {70, 50}} {
			g, err := life.NewGrid(size[0], size[1])
			require.NoError(t, err)
			g.Randomize(rand.New(rand.NewPCG(1, 2)), 0.5)
			s, err := sim.New(context.Background(), g, sim.Options{Rule: life.Conway, Engine: e})
			require.NoError(t, err)
			require.NoError(t, s.Run(context.Background(), 3))
			require.NoError(t, s.Close())
			require.NoError(t, goleak.Find(ignore), "after Close of %dx%d, %s engine", size[0], size[1], e)
		}
	}
	// Closed before any generation ran.
	g, err := life.NewGrid(10, 10)
	require.NoError(t, err)
	s, err := sim.New(context.Background(), g, sim.Options{Rule: life.Conway})
	require.NoError(t, err)
	require.NoError(t, s.Close())
	require.NoError(t, goleak.Find(ignore))
}

// TestCancelEndsEveryGoroutine cancels the context given to sim.New,
// and the one given to Run, while generations are running.
func TestCancelEndsEveryGoroutine(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	g, err := life.NewGrid(60, 60)
	require.NoError(t, err)
	g.Randomize(rand.New(rand.NewPCG(5, 6)), 0.4)

	for _, e := range engines {
		opt := sim.Options{Rule: life.Conway, Engine: e}
		t.Run(e.String()+"/simulation context", func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			s, err := sim.New(ctx, g, opt)
			require.NoError(t, err)
			done := make(chan error)
			go func() { done <- s.Run(context.Background(), 1<<30) }()
			time.Sleep(20 * time.Millisecond) // let some generations run; no bound is asserted
			cancel()
			assert.ErrorIs(t, <-done, sim.ErrClosed)
			require.NoError(t, s.Close())
			require.NoError(t, goleak.Find(ignore))
		})
		t.Run(e.String()+"/run context", func(t *testing.T) {
			s, err := sim.New(context.Background(), g, opt)
			require.NoError(t, err)
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error)
			go func() { done <- s.Run(ctx, 1<<30) }()
			time.Sleep(20 * time.Millisecond)
			cancel()
			assert.ErrorIs(t, <-done, context.Canceled)
			gen := s.Generation()
			require.NoError(t, s.Close())
			require.NoError(t, goleak.Find(ignore))
			assert.Equal(t, gen, s.Generation())
		})
		t.Run(e.String()+"/already cancelled", func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			_, err := sim.New(ctx, g, opt)
			assert.ErrorIs(t, err, context.Canceled)
			require.NoError(t, goleak.Find(ignore))
		})
	}
}

func TestResetAndSet(t *testing.T) {
	for _, e := range engines {
		t.Run(e.String(), func(t *testing.T) {
			blinker := pic(t, ".......", ".......", ".......", "..OOO..", ".......", ".......", ".......")
			s := newSim(t, blinker, sim.Options{Rule: life.Conway, Engine: e})
			require.NoError(t, s.Run(context.Background(), 3))
			require.NoError(t, s.Reset(blinker, 10))
			assert.Equal(t, 10, s.Generation())
			assert.True(t, s.Grid().Equal(blinker))
			require.NoError(t, s.Step())
			assert.Equal(t, 11, s.Generation())
			assert.Equal(t, "-------\n-------\n---*---\n---*---\n---*---\n-------\n-------\n", s.Grid().String())
			s.Set(0, 0, life.Alive)
			require.NoError(t, s.Step())
			assert.Equal(t, blinker.String(), s.Grid().String(), "a lone cell dies")
			assert.Error(t, s.Reset(pic(t, "OO"), 0))
		})
	}
}

func TestNewRejectsBadInput(t *testing.T) {
	g, err := life.NewGrid(4, 4)
	require.NoError(t, err)
	_, err = sim.New(context.Background(), g, sim.Options{Engine: sim.Engine(7)})
	assert.EqualError(t, err, "unknown engine 7")
	_, err = sim.New(context.Background(), g, sim.Options{Topology: life.Topology(9)})
	assert.EqualError(t, err, "unknown topology 9")
	_, err = sim.New(context.Background(), &life.Grid{}, sim.Options{})
	assert.ErrorIs(t, err, life.ErrSize)
}

// TestGoroutineEngineRefusesWhatWouldNotFit asks for a grid whose
// goroutines would need far more memory than any machine has: the error
// comes before anything is allocated and gives the estimate.
func TestDenseEngineRefusesWhatWouldNotFit(t *testing.T) {
	skipUnlessRefused(t, 8192, 8192)
	g, err := life.NewGrid(8192, 8192)
	require.NoError(t, err)
	_, err = sim.New(context.Background(), g, sim.Options{Rule: life.Conway, Engine: sim.Dense})
	require.ErrorIs(t, err, life.ErrSize)
	assert.Contains(t, err.Error(), "bad grid size 8192x8192: the dense engine needs about 192.0 GiB (67108864 cells at 3072 bytes each), more than the memory budget of")
	assert.True(t, strings.HasSuffix(err.Error(), "use a smaller grid, another engine or a larger -memory"), err.Error())
}

// skipUnlessRefused skips a test of the memory check on a machine that
// would let a w × h goroutine engine start: one whose memory is not known
// (not Linux) or is big enough.
func skipUnlessRefused(t *testing.T, w, h int) {
	t.Helper()
	if sim.Dense.Check(w, h) == nil {
		t.Skipf("this machine would start a %dx%d dense engine", w, h)
	}
}

func TestEngineCheck(t *testing.T) {
	assert.NoError(t, sim.Goroutine.Check(100, 100))
	assert.ErrorIs(t, sim.Direct.Check(0, 3), life.ErrSize)
	skipUnlessRefused(t, 8192, 8192)
	assert.NoError(t, sim.Direct.Check(8192, 8192), "the direct engine needs a byte or two per cell")
	assert.NoError(t, sim.Goroutine.Check(8192, 8192), "the goroutine engine needs 9 bytes a cell, and goroutines for the active ones only")
	err := sim.Dense.Check(8192, 8192)
	assert.ErrorIs(t, err, life.ErrSize)
	assert.Contains(t, err.Error(), "the dense engine needs about 192.0 GiB")
}

// TestCancelWhileStarting cancels the context while sim.New runs: the
// race detector watches what the cancellation and the start share.
func TestCancelWhileStarting(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	g, err := life.NewGrid(6, 5)
	require.NoError(t, err)
	for range 200 {
		ctx, cancel := context.WithCancel(context.Background())
		go cancel()
		s, err := sim.New(ctx, g, sim.Options{Rule: life.Conway})
		if err != nil {
			assert.ErrorIs(t, err, context.Canceled)
			continue
		}
		<-ctx.Done()
		assert.ErrorIs(t, s.Step(), sim.ErrClosed, "a cancelled simulation still steps")
		require.NoError(t, s.Close())
	}
	require.NoError(t, goleak.Find(ignore))
}

// TestEditsBetweenReads edits, resets and runs a simulation without reading
// every generation, which the direct engine does not write into its grid
// until it is read: both engines must still agree.
func TestEditsBetweenReads(t *testing.T) {
	g, err := life.NewGrid(70, 9)
	require.NoError(t, err)
	g.Randomize(rand.New(rand.NewPCG(9, 10)), 0.35)
	start := g.Clone()
	var got []string
	for _, e := range engines {
		s := newSim(t, g, sim.Options{Rule: life.Conway, Engine: e})
		ctx := context.Background()
		require.NoError(t, s.Run(ctx, 5))
		s.Set(0, 0, life.Alive)
		s.Set(69, 8, life.Alive)
		s.Set(69, 4, life.Empty)
		s.Set(70, 0, life.Alive) // outside: nothing
		require.NoError(t, s.Run(ctx, 3))
		grid := s.Grid().String()
		s.Set(1, 1, life.Alive)
		require.NoError(t, s.Step())
		require.NoError(t, s.Run(ctx, 2))
		require.NoError(t, s.Reset(start, 0))
		s.Set(64, 5, life.Alive)
		require.NoError(t, s.Run(ctx, 4))
		got = append(got, grid+s.Grid().String())
	}
	assert.Equal(t, got[0], got[1])
}

// TestDirectEngineGoroutines: a big board is stepped by one goroutine per
// GOMAXPROCS, the caller's and workers that end on Close.
func TestDirectEngineGoroutines(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	ignore := goleak.IgnoreCurrent()
	g, err := life.NewGrid(512, 512)
	require.NoError(t, err)
	s, err := sim.New(context.Background(), g, sim.Options{Rule: life.Conway, Engine: sim.Direct})
	require.NoError(t, err)
	assert.Equal(t, 1, s.Goroutines())
	require.NoError(t, s.Step())
	require.NoError(t, s.Close())
	assert.Zero(t, s.Goroutines())
	require.NoError(t, goleak.Find(ignore))
	assert.ErrorIs(t, s.Step(), sim.ErrClosed)
}
