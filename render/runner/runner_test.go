package runner_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"colife/life"
	"colife/life/sim"
	"colife/render/runner"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

var engines = []sim.Engine{sim.Goroutine, sim.Coroutine, sim.Generator, sim.Direct, sim.Dense, sim.DenseCoroutine}

// start starts a runner on the picture rows and closes it when the test ends.
func start(t *testing.T, cfg runner.Config, rows ...string) *runner.Runner {
	t.Helper()
	g, err := life.ParseGrid(rows...)
	require.NoError(t, err)
	cfg.Grid = g
	if cfg.Options.Rule == (life.Rule{}) {
		cfg.Options.Rule = life.Conway
	}
	r, err := runner.Start(context.Background(), cfg)
	require.NoError(t, err)
	t.Cleanup(func() { r.Close() })
	return r
}

// waitFor takes frames until one satisfies ok, and returns it. It polls: the
// runner publishes in its own time. The test's own timeout catches a frame
// that never comes.
func waitFor(t *testing.T, r *runner.Runner, ok func(*runner.Frame) bool) *runner.Frame {
	t.Helper()
	var f *runner.Frame
	for {
		f = r.Take(f)
		if f != nil && ok(f) {
			return f
		}
		if err := r.Err(); err != nil {
			require.NoError(t, err)
		}
		time.Sleep(time.Millisecond)
	}
}

// reference runs gens generations of rows with the direct engine.
func reference(t *testing.T, opt sim.Options, gens int, rows ...string) *life.Grid {
	t.Helper()
	g, err := life.ParseGrid(rows...)
	require.NoError(t, err)
	opt.Engine = sim.Direct
	if opt.Rule == (life.Rule{}) {
		opt.Rule = life.Conway
	}
	s, err := sim.New(context.Background(), g, opt)
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.Run(context.Background(), gens))
	return s.Grid().Clone()
}

var glider = []string{
	".O......",
	"..O.....",
	"OOO.....",
	"........",
	"........",
	"........",
}

func TestFirstFrameIsTheStart(t *testing.T) {
	r := start(t, runner.Config{}, glider...)
	f := r.Take(nil)
	require.NotNil(t, f)
	assert.Equal(t, 0, f.Generation)
	assert.Equal(t, 5, f.Population)
	assert.False(t, f.Running)
	assert.Equal(t, float64(runner.DefaultSpeed), f.Speed)
	want, err := life.ParseGrid(glider...)
	require.NoError(t, err)
	assert.Equal(t, want.String(), f.Grid.String())
}

func TestStepMatchesTheDirectEngine(t *testing.T) {
	for _, e := range engines {
		for _, top := range []life.Topology{life.Torus, life.Plane} {
			for _, n := range []int{1, 4, 13} {
				t.Run(fmt.Sprintf("%v %v %d", e, top, n), func(t *testing.T) {
					opt := sim.Options{Rule: life.Conway, Topology: top, Engine: e}
					r := start(t, runner.Config{Options: opt}, glider...)
					r.Do(runner.Step{N: n})
					f := waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == n })
					assert.Equal(t, reference(t, opt, n, glider...).String(), f.Grid.String())
					assert.True(t, f.Started)
					assert.False(t, f.Running)
					switch e {
					case sim.Dense, sim.DenseCoroutine:
						assert.Equal(t, 48+1, f.Goroutines, "48 cells and one driver")
					case sim.Goroutine, sim.Coroutine, sim.Generator:
						assert.Positive(t, f.Goroutines, "the cells near the glider and the drivers")
						assert.Less(t, f.Goroutines, 48+1+2*runtime.GOMAXPROCS(0), "the cells near the glider and the drivers")
					default:
						assert.Zero(t, f.Goroutines)
					}
				})
			}
		}
	}
}

// TestEditsWhileRunningAreNeverLost adds blocks, which are still lifes, one
// command at a time while the simulation runs flat out: every one must be
// there once it pauses.
func TestEditsWhileRunningAreNeverLost(t *testing.T) {
	for _, e := range engines {
		t.Run(e.String(), func(t *testing.T) {
			rows := make([]string, 48)
			for i := range rows {
				rows[i] = "................................................"[:48]
			}
			r := start(t, runner.Config{Options: sim.Options{Rule: life.Conway, Engine: e}, Running: true, Speed: runner.MaxSpeed}, rows...)
			want, err := life.NewGrid(48, 48)
			require.NoError(t, err)
			for by := 1; by < 48; by += 4 {
				for bx := 1; bx < 48; bx += 4 {
					var block []runner.Command
					for _, d := range [][2]int{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
						block = append(block, runner.Edit{X: bx + d[0], Y: by + d[1], State: life.Alive})
						want.Set(bx+d[0], by+d[1], life.Alive)
					}
					r.Do(block...) // a block at once: half a block would die
				}
			}
			r.Do(runner.Pause{})
			f := waitFor(t, r, func(f *runner.Frame) bool { return !f.Running })
			assert.Equal(t, 144*4, f.Population)
			assert.Equal(t, want.String(), f.Grid.String())
		})
	}
}

func TestCommands(t *testing.T) {
	blinker := []string{
		".....",
		"..O..",
		"..O..",
		"..O..",
		".....",
	}
	tests := []struct {
		name string
		cmds []runner.Command
		gen  int
		want []string
	}{
		{"step then reset", []runner.Command{runner.Step{N: 3}, runner.Reset{}}, 0, blinker},
		{"clear keeps the generation", []runner.Command{runner.Step{N: 1}, runner.Clear{}}, 1, []string{
			".....", ".....", ".....", ".....", ".....",
		}},
		{"toggle twice, toggle once", []runner.Command{runner.Toggle{X: 0, Y: 0}, runner.Toggle{X: 0, Y: 0}, runner.Toggle{X: 4, Y: 4}}, 0, []string{
			".....", "..O..", "..O..", "..O..", "....O",
		}},
		{"edits outside the grid do nothing", []runner.Command{runner.Edit{X: -1, Y: 2, State: life.Alive}, runner.Toggle{X: 5, Y: 0}}, 0, blinker},
		{"erase and draw", []runner.Command{runner.Edit{X: 2, Y: 1}, runner.Edit{X: 0, Y: 0, State: life.Alive}}, 0, []string{
			"O....", ".....", "..O..", "..O..", ".....",
		}},
		{"an edit applies before the next generation", []runner.Command{runner.Edit{X: 1, Y: 2, State: life.Alive}, runner.Step{N: 1}}, 1, []string{
			".....", ".OO..", ".OOO.", ".OO..", ".....",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := start(t, runner.Config{Options: sim.Options{Rule: life.Conway, Topology: life.Plane}}, blinker...)
			r.Do(tt.cmds...)
			f := waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == uint64(len(tt.cmds)) && f.Generation == tt.gen })
			want, err := life.ParseGrid(tt.want...)
			require.NoError(t, err)
			assert.Equal(t, want.String(), f.Grid.String())
		})
	}
}

func TestSpeedDoublesAndHalves(t *testing.T) {
	r := start(t, runner.Config{Speed: 3}, "O")
	var got []float64
	for _, c := range []runner.Command{runner.Faster{}, runner.Faster{}, runner.Slower{}, runner.SetSpeed{GensPerSec: 1e9}, runner.Faster{}, runner.SetSpeed{GensPerSec: -1}, runner.SetSpeed{GensPerSec: 1e-9}, runner.Slower{}} {
		n := uint64(len(got)) + 1
		r.Do(c)
		f := waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == n })
		got = append(got, f.Speed)
	}
	assert.Equal(t, []float64{6, 12, 6, runner.MaxSpeed, runner.MaxSpeed, runner.MaxSpeed, runner.MinSpeed, runner.MinSpeed}, got)
}

func TestSoup(t *testing.T) {
	rows := []string{"................", "................", "................", "................"}
	// soup is the n-th soup of seed 7 at density 0.25: Soup draws it with
	// Grid.Randomize from a PCG seeded with (Seed, n).
	soup := func(n uint64) string {
		g, err := life.NewGrid(16, 4)
		require.NoError(t, err)
		g.Randomize(rand.New(rand.NewPCG(7, n)), 0.25)
		return g.String()
	}
	require.NotEqual(t, soup(0), soup(1))

	r := start(t, runner.Config{Seed: 7, Density: 0.25, Options: sim.Options{Rule: life.Conway, Engine: sim.Direct}}, rows...)
	r.Do(runner.Step{N: 2}, runner.Soup{})
	f := waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 2 })
	assert.Equal(t, 0, f.Generation, "a soup is generation 0")
	assert.Equal(t, soup(0), f.Grid.String(), "the first soup of the seed")
	r.Do(runner.Step{N: 2}, runner.Reset{})
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 4 })
	assert.Equal(t, 0, f.Generation)
	assert.Equal(t, soup(0), f.Grid.String(), "Reset goes back to the soup")
	r.Do(runner.Soup{})
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 5 })
	assert.Equal(t, soup(1), f.Grid.String(), "the second soup of the seed")
}

// TestTakenFramesAreNotTouched keeps a frame while the simulation runs on.
func TestTakenFramesAreNotTouched(t *testing.T) {
	r := start(t, runner.Config{Running: true, Speed: runner.MaxSpeed, Options: sim.Options{Rule: life.Conway, Engine: sim.Direct}}, glider...)
	kept := waitFor(t, r, func(f *runner.Frame) bool { return f.Generation >= 1 })
	copyOf := kept.Grid.Clone()
	gen := kept.Generation
	for f := kept; f.Generation < gen+20; time.Sleep(time.Millisecond) {
		if newer := r.Take(nil); newer != nil { // never hands kept back
			f = newer
		}
	}
	assert.Equal(t, gen, kept.Generation)
	assert.Equal(t, copyOf.String(), kept.Grid.String())
}

func TestRunningMeasuresItsSpeed(t *testing.T) {
	r := start(t, runner.Config{Running: true, Speed: 64, Options: sim.Options{Rule: life.Conway, Engine: sim.Direct}}, glider...)
	f := waitFor(t, r, func(f *runner.Frame) bool { return f.Achieved > 0 })
	assert.True(t, f.Running)
	assert.Positive(t, f.Generation)
	// The pacing never runs ahead of the target by more than the 100 ms it
	// may catch up on: over the half second Achieved is measured on, that
	// is well under twice the target, however busy the machine.
	assert.LessOrEqual(t, f.Achieved, 2*f.Speed, "achieved %g gens/s for a target of %g", f.Achieved, f.Speed)
	r.Do(runner.Pause{})
	f = waitFor(t, r, func(f *runner.Frame) bool { return !f.Running })
	assert.Zero(t, f.Achieved, "a paused runner achieves nothing")
}

func TestCloseWhileRunningEndsEveryGoroutine(t *testing.T) {
	// goleak, in TestMain, checks that nothing is left.
	g, err := life.NewGrid(64, 64)
	require.NoError(t, err)
	r, err := runner.Start(context.Background(), runner.Config{Grid: g, Running: true, Speed: runner.MaxSpeed, Options: sim.Options{Rule: life.Conway}})
	require.NoError(t, err)
	waitFor(t, r, func(f *runner.Frame) bool { return f.Generation >= 2 })
	require.NoError(t, r.Close())
	require.NoError(t, r.Close(), "twice")
	_, open := <-r.Done()
	assert.False(t, open)
	assert.NoError(t, r.Err())
}

func TestCancelEndsTheRunner(t *testing.T) {
	g, err := life.NewGrid(8, 8)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	r, err := runner.Start(ctx, runner.Config{Grid: g, Running: true})
	require.NoError(t, err)
	cancel()
	<-r.Done()
	assert.NoError(t, r.Err())
	r.Close()
}

func TestStartErrors(t *testing.T) {
	g, err := life.NewGrid(4, 4)
	require.NoError(t, err)
	tests := []struct {
		name string
		cfg  runner.Config
		want string
	}{
		{"no grid", runner.Config{}, "runner: no grid"},
		{"negative speed", runner.Config{Grid: g, Speed: -2}, "speed -2: want a positive number of generations per second"},
		{"density above 1", runner.Config{Grid: g, Density: 1.5}, "density 1.5: want a share of live cells from 0 to 1"},
		{"negative rest", runner.Config{Grid: g, Rest: -1}, "rest -1: want a share of a generation's time from 0 to 100"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := runner.Start(context.Background(), tt.cfg)
			assert.EqualError(t, err, tt.want)
		})
	}
}

func TestSimulationErrorIsReported(t *testing.T) {
	g, err := life.NewGrid(4, 4)
	require.NoError(t, err)
	r, err := runner.Start(context.Background(), runner.Config{Grid: g, Options: sim.Options{Topology: 9}})
	require.NoError(t, err)
	<-r.Done()
	assert.EqualError(t, r.Err(), "unknown topology 9")
	r.Close()
}

// far is where the unbounded tests put their pattern: far from (0, 0), on
// both sides of it.
var far = life.Point{X: 1e9, Y: -1e9}

// planeReference runs gens generations of rows placed at origin on the
// unbounded plane with the direct engine.
func planeReference(t *testing.T, origin life.Point, gens int, rows ...string) *life.Universe {
	t.Helper()
	return reference2(t, sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Direct, Origin: origin}, gens, rows...)
}

// reference2 runs gens generations of rows under opt and returns the
// universe.
func reference2(t *testing.T, opt sim.Options, gens int, rows ...string) *life.Universe {
	t.Helper()
	g, err := life.ParseGrid(rows...)
	require.NoError(t, err)
	s, err := sim.New(context.Background(), g, opt)
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.Run(context.Background(), gens))
	return s.Universe().Clone()
}

func TestUnboundedFrames(t *testing.T) {
	for _, e := range []sim.Engine{sim.Goroutine, sim.Direct} {
		t.Run(e.String(), func(t *testing.T) {
			opt := sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: e, Origin: far}
			r := start(t, runner.Config{Options: opt}, glider...)
			f := waitFor(t, r, func(f *runner.Frame) bool { return f.Started })
			assert.Nil(t, f.Grid, "no grid: the plane has no edge")
			require.NotNil(t, universeOf(f))
			assert.Equal(t, 5, f.Population)
			assert.Equal(t, life.RectOf(far, 3, 3), f.Bounds, "the glider's box, at the origin")
			assert.True(t, universeOf(f).Equal(planeReference(t, far, 0, glider...)))

			// 40 generations: the glider leaves the 8 × 6 grid it started
			// in, 10 cells down and right, and nothing wraps.
			r.Do(runner.Step{N: 40})
			f = waitFor(t, r, func(f *runner.Frame) bool { return f.Generation == 40 })
			assert.True(t, universeOf(f).Equal(planeReference(t, far, 40, glider...)), "generation 40:\n%s", universeOf(f))
			assert.Equal(t, life.RectOf(far.Add(life.Point{X: 10, Y: 10}), 3, 3), f.Bounds)
			assert.Equal(t, 5, f.Population)
			assert.Equal(t, "spaceship period 4 moving (1,1) from generation 0", f.Stability.String())
			if e == sim.Goroutine {
				assert.Positive(t, f.Goroutines, "the cells near the glider, and the drivers")
			}
		})
	}
}

// TestUnboundedFramesAreSnapshots keeps a frame while the plane runs on: the
// universe it holds does not change.
func TestUnboundedFramesAreSnapshots(t *testing.T) {
	opt := sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Direct}
	r := start(t, runner.Config{Running: true, Speed: runner.MaxSpeed, Options: opt}, glider...)
	kept := waitFor(t, r, func(f *runner.Frame) bool { return f.Generation >= 1 })
	copyOf, gen := universeOf(kept).Clone(), kept.Generation
	for f := kept; f.Generation < gen+20; time.Sleep(time.Millisecond) {
		if newer := r.Take(nil); newer != nil {
			f = newer
		}
	}
	assert.True(t, copyOf.Equal(universeOf(kept)))
}

func TestUnboundedCommands(t *testing.T) {
	blinker := []string{"OOO"}
	// want draws the plane as cells at points, relative to far.
	type cell = [2]int64
	tests := []struct {
		name string
		cmds []runner.Command
		gen  int
		want []cell
	}{
		{"edits anywhere", []runner.Command{
			runner.Edit{X: -5e12, Y: 7, State: life.Alive},
			runner.Toggle{X: 3e12, Y: -3e12},
			runner.Edit{X: int(far.X) + 1, Y: int(far.Y), State: life.Empty},
		}, 0, []cell{{0, 0}, {2, 0}, {-5e12 - far.X, 7 - far.Y}, {3e12 - far.X, -3e12 - far.Y}}},
		{"toggle twice", []runner.Command{runner.Toggle{X: -1, Y: -1}, runner.Toggle{X: -1, Y: -1}}, 0, []cell{{0, 0}, {1, 0}, {2, 0}}},
		{"clear keeps the generation", []runner.Command{runner.Step{N: 1}, runner.Clear{}}, 1, nil},
		{"step then reset", []runner.Command{runner.Edit{X: 0, Y: 0, State: life.Alive}, runner.Step{N: 3}, runner.Reset{}}, 0, []cell{{0, 0}, {1, 0}, {2, 0}}},
		{"an edit applies before the next generation", []runner.Command{
			runner.Edit{X: int(far.X) + 1, Y: int(far.Y) - 2, State: life.Alive}, runner.Step{N: 1},
		}, 1, []cell{{0, -1}, {2, -1}, {1, 0}, {1, 1}}}, // (1, -1) has 4 neighbours
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Direct, Origin: far}
			r := start(t, runner.Config{Options: opt}, blinker...)
			r.Do(tt.cmds...)
			f := waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == uint64(len(tt.cmds)) && f.Generation == tt.gen })
			want := life.NewUniverse()
			for _, c := range tt.want {
				want.Set(far.X+c[0], far.Y+c[1], life.Alive)
			}
			assert.True(t, want.Equal(universeOf(f)), "want %v, got %v", want.Bounds(), universeOf(f).Bounds())
			assert.Equal(t, want.Bounds(), f.Bounds)
			assert.Equal(t, want.Population(), f.Population)
		})
	}
}

// TestUnboundedSoup fills the starting grid's box at the origin: the n-th
// soup of a seed, as on a bounded board, and nothing outside it.
func TestUnboundedSoup(t *testing.T) {
	rows := []string{"................", "................", "................", "................"}
	soup := func(n uint64) *life.Universe {
		g, err := life.NewGrid(16, 4)
		require.NoError(t, err)
		g.Randomize(rand.New(rand.NewPCG(7, n)), 0.25)
		u := life.NewUniverse()
		u.Paste(g, far)
		return u
	}
	opt := sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Direct, Origin: far}
	r := start(t, runner.Config{Seed: 7, Density: 0.25, Options: opt}, rows...)
	r.Do(runner.Edit{X: 0, Y: 0, State: life.Alive}, runner.Step{N: 2}, runner.Soup{})
	f := waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 3 })
	assert.Equal(t, 0, f.Generation, "a soup is generation 0")
	assert.True(t, soup(0).Equal(universeOf(f)), "the first soup of the seed, alone on the plane")
	assert.True(t, life.RectOf(far, 16, 4).Intersect(f.Bounds) == f.Bounds, "inside the box: %v", f.Bounds)
	r.Do(runner.Step{N: 2}, runner.Reset{})
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 5 })
	assert.True(t, soup(0).Equal(universeOf(f)), "Reset goes back to the soup")
	r.Do(runner.Soup{})
	f = waitFor(t, r, func(f *runner.Frame) bool { return f.Applied == 6 })
	assert.True(t, soup(1).Equal(universeOf(f)), "the second soup of the seed")
}

// universeOf returns the plane a frame shows as the Universe it is (the
// goroutine and direct engines keep one), or nil on a bounded board.
func universeOf(f *runner.Frame) *life.Universe {
	u, _ := f.Plane.(*life.Universe)
	return u
}
