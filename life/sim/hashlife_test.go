package sim_test

import (
	"bytes"
	"context"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/pattern"
	"colife/life/sim"
)

// hashlifeRuns reports whether HashLife runs rule: two states, totalistic,
// no B0.
func hashlifeRuns(rule life.Rule) bool {
	_, _, ok := rule.Totalistic()
	return ok && rule.States() == 2 && !rule.BirthOnZero()
}

// TestHashlifeJumpsAsDirectSteps runs random soups under random life-like
// rules on HashLife and on the direct engine, through the Simulation: HashLife
// jumps of 1, 3, 8, 5 and 64 generations (Run) land on the board the direct
// engine reaches a generation at a time, every cell, the population, the
// bounds and the box as a grid; and an edit between jumps is seen by both.
func TestHashlifeJumpsAsDirectSteps(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 40))
	for i := range 12 {
		rule := life.Conway
		if i > 0 {
			rule = life.NewRule(uint16(r.IntN(1<<9))&^1, uint16(r.IntN(1<<9)))
		}
		t.Run(rule.String(), func(t *testing.T) {
			soup, err := life.NewGrid(20, 16)
			require.NoError(t, err)
			soup.Randomize(r, 0.35)
			origin := life.Point{X: 1 << 41, Y: -77}
			opt := sim.Options{Rule: rule, Topology: life.Unbounded, Origin: origin}
			opt.Engine = sim.Direct
			want := newSim(t, soup, opt)
			opt.Engine = sim.Hashlife
			got := newSim(t, soup, opt)
			for i, n := range []int{1, 3, 8, 5, 64} {
				require.NoError(t, want.Run(context.Background(), n))
				require.NoError(t, got.Run(context.Background(), n))
				require.Equal(t, want.Generation(), got.Generation())
				assert.Equal(t, cells(want.Board()), cells(got.Board()), "generation %d", got.Generation())
				assert.Equal(t, want.Population(), got.Population())
				assert.Equal(t, want.Bounds(), got.Bounds())
				if want.Population() > 0 && want.Population() < 5000 {
					wg, wat, err := want.Box()
					require.NoError(t, err)
					gg, gat, err := got.Box()
					require.NoError(t, err)
					assert.Equal(t, wat, gat)
					assert.Equal(t, wg.String(), gg.String())
				}
				x, y := int(origin.X)+i, int(origin.Y)+2*i
				want.Set(x, y, life.Alive)
				got.Set(x, y, life.Alive)
				assert.Equal(t, life.Alive, got.At(int64(x), int64(y)))
			}
		})
	}
}

// TestHashlifeRefuses: a bounded board, B0, a Generations and a Hensel rule
// are refused with a line that says what runs them.
func TestHashlifeRefuses(t *testing.T) {
	g := pic(t, "**")
	for _, tt := range []struct {
		rule     string
		topology life.Topology
		want     string
	}{
		{"B3/S23", life.Torus, "hashlife runs on the unbounded plane"},
		{"B3/S23", life.Plane, "-engine direct on a plane"},
		{"B03/S23", life.Unbounded, "B0"},
		{"briansbrain", life.Unbounded, "runs on -engine goroutine or direct"},
		{"B2-a/S12", life.Unbounded, "runs on -engine goroutine or direct"},
	} {
		t.Run(tt.rule+"/"+tt.topology.String(), func(t *testing.T) {
			rule, err := life.ParseRule(tt.rule)
			require.NoError(t, err)
			_, err = sim.New(context.Background(), g, sim.Options{Rule: rule, Topology: tt.topology, Engine: sim.Hashlife})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// TestHashlifeSnapshotsAcrossEngines keeps HashLife's board as a snapshot,
// restores it into HashLife itself, into another HashLife simulation (a new
// rule makes one) and into the direct engine, and restores the direct
// engine's into HashLife: the same cells each time.
func TestHashlifeSnapshotsAcrossEngines(t *testing.T) {
	g := pic(t, "......", "..*...", "...*..", ".***..", "......")
	opt := sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Hashlife}
	h := newSim(t, g, opt)
	require.NoError(t, h.Run(context.Background(), 1000))
	kept := h.Snapshot()
	defer kept.Release()
	want := cells(kept.Board())
	require.Len(t, want, 5)
	assert.True(t, h.Holds(kept))
	require.NoError(t, h.Run(context.Background(), 7))
	assert.False(t, h.Holds(kept))
	require.NoError(t, h.Restore(kept, 1000))
	assert.Equal(t, want, cells(h.Board()))
	assert.True(t, h.Holds(kept))

	other := newSim(t, g, opt)
	require.NoError(t, other.Restore(kept, 1000))
	assert.Equal(t, want, cells(other.Board()), "copied into another engine's table")

	opt.Engine = sim.Direct
	d := newSim(t, g, opt)
	require.NoError(t, d.Restore(kept, 1000))
	assert.Equal(t, want, cells(d.Board()))
	require.NoError(t, d.Run(context.Background(), 4))
	back := d.Snapshot()
	require.NoError(t, h.Restore(back, 1004))
	require.NoError(t, other.Run(context.Background(), 4))
	assert.Equal(t, cells(other.Board()), cells(h.Board()))
}

// TestHashlifeMacrocell writes the Gosper gun at generation 2^40 from
// HashLife as a macrocell file, reads it back into another simulation, and
// finds the same board, which the direct engine could never hold; a small
// board goes into the direct engine the same way.
func TestHashlifeMacrocell(t *testing.T) {
	p, err := pattern.Load("gosper", nil)
	require.NoError(t, err)
	g, err := p.Grid(0)
	require.NoError(t, err)
	opt := sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Hashlife}
	h := newSim(t, g, opt)
	require.NoError(t, h.Run(context.Background(), 1<<40))
	m, err := h.Macrocell("gun")
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, pattern.WriteMacrocell(&buf, m))
	read, err := pattern.ReadMacrocell(&buf, "gun.mc")
	require.NoError(t, err)
	assert.Equal(t, uint64(h.Population()), read.Population())
	assert.Equal(t, h.Bounds(), read.Bounds())

	again := newSim(t, g, opt)
	require.NoError(t, again.LoadMacrocell(read))
	assert.Equal(t, 1<<40, again.Generation())
	k1, k2 := h.Snapshot(), again.Snapshot()
	defer k1.Release()
	defer k2.Release()
	assert.Equal(t, h.Bounds(), again.Bounds())
	assert.Equal(t, h.Population(), again.Population())
	require.NoError(t, again.Restore(k1, 1<<40))
	own := again.Snapshot()
	defer own.Release()
	assert.True(t, again.Holds(own))
	assert.False(t, again.Holds(k1), "the trees of two engines are not compared")
	assert.Equal(t, h.Bounds(), again.Bounds())

	opt.Engine = sim.Direct
	d := newSim(t, g, opt)
	assert.ErrorIs(t, d.LoadMacrocell(read), life.ErrBudget, "10^11 cells are no Universe")
	require.NoError(t, d.Run(context.Background(), 100))
	small, err := d.Macrocell("gun")
	require.NoError(t, err)
	h2 := newSim(t, g, sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Hashlife})
	require.NoError(t, h2.LoadMacrocell(small))
	assert.Equal(t, cells(d.Board()), cells(h2.Board()))
	assert.Equal(t, 100, h2.Generation())
}

// TestHashlifeEndOfTime: jumps that would take the generation past 2^63-1
// are refused, the board as it was.
func TestHashlifeEndOfTime(t *testing.T) {
	s := newSim(t, pic(t, "***"), sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Hashlife})
	require.NoError(t, s.Run(context.Background(), 1<<62))
	require.NoError(t, s.Run(context.Background(), 1<<62-1))
	err := s.Run(context.Background(), 2)
	require.ErrorIs(t, err, sim.ErrEnd)
	assert.Equal(t, 1<<63-1, s.Generation())
	assert.Equal(t, 3, s.Population(), "a blinker")
}
