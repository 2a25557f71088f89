package direct

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"colife/life"
)

// gridPort is the plainest port: it answers the cell program's queries from
// a grid under a topology and writes its transitions into the next grid, as
// the book's live_a_generation does.
type gridPort struct {
	cur, next *life.Grid
	topology  life.Topology
}

func (p *gridPort) Query(q life.Query) life.State { return p.topology.Query(p.cur, q) }

func (p *gridPort) Transition(t life.Transition) { p.next.Cells[p.next.Index(t.X, t.Y)] = t.State }

// specStep is one generation of the specification: life.StepCell for every cell.
func specStep(g *life.Grid, rule life.Rule, t life.Topology) *life.Grid {
	next, _ := life.NewGrid(g.Width(), g.Height())
	p := &gridPort{cur: g, next: next, topology: t}
	for y := range g.Height() {
		for x := range g.Width() {
			life.StepCell(p, x, y, &rule)
		}
	}
	return next
}

// bitsSizes are the boards the property test runs: the degenerate tori,
// widths on both sides of each multiple of 64, and a board big enough for
// several bands of whole words.
var bitsSizes = [][2]int{
	{1, 1}, {1, 6}, {6, 1}, {2, 2}, {2, 3}, {3, 2}, {1, 70}, {70, 1},
	{63, 4}, {64, 3}, {65, 3}, {127, 5}, {128, 2}, {129, 6}, {130, 7},
}

// TestBitsFollowsTheCellProgram is the property test of the direct engine:
// random rules (with and without B0, two-state and Generations, and
// Conway's, which has a formula of its own), random soups of random density on every size of bitsSizes and both
// topologies, run by 1 to 3 goroutines, must match the cell program cell for
// cell, generation after generation. Now and then a cell is set between
// generations, at an edge more often than not, where the ghosts must follow.
func TestBitsFollowsTheCellProgram(t *testing.T) {
	const generations = 120
	r := rand.New(rand.NewPCG(12, 64))
	for _, size := range bitsSizes {
		for _, top := range []life.Topology{life.Torus, life.Plane} {
			rules := []life.Rule{life.Conway, randomRule(r, false), randomRule(r, true), generationsRule(r, false), generationsRule(r, true)}
			for _, rule := range rules {
				procs := 1 + r.IntN(3)
				density := r.Float64()
				t.Run(fmt.Sprintf("%dx%d/%s/%s/procs=%d", size[0], size[1], top, rule, procs), func(t *testing.T) {
					want, err := life.NewGrid(size[0], size[1])
					require.NoError(t, err)
					want.Randomize(r, density)
					e := NewBoard(want, rule, top, procs)
					defer e.Close()
					got, _ := life.NewGrid(size[0], size[1])
					for gen := 1; gen <= generations; gen++ {
						if r.IntN(8) == 0 {
							x, y := edgeCell(r, want), r.IntN(want.Height())
							s := life.State(r.IntN(rule.States()))
							want.Set(x, y, s)
							e.Set(x, y, s)
						}
						want = specStep(want, rule, top)
						require.True(t, e.Step())
						e.Store(got)
						require.Equal(t, want.String(), got.String(), "generation %d", gen)
					}
				})
			}
		}
	}
}

// generationsRule returns a random totalistic Generations rule of 3 to 256
// states, with or without B0.
func generationsRule(r *rand.Rand, b0 bool) life.Rule {
	rule, err := randomRule(r, b0).WithStates([]int{3, 4, 5, 8, 9, 17, 256}[r.IntN(7)])
	if err != nil {
		panic(err)
	}
	return rule
}

// randomRule returns a rule with random birth and survival sets, with or
// without B0.
func randomRule(r *rand.Rand, b0 bool) life.Rule {
	birth := uint16(r.IntN(1<<9)) &^ 1
	if b0 {
		birth |= 1
	}
	return life.NewRule(birth, uint16(r.IntN(1<<9)))
}

// edgeCell returns a random column of g, the first or last one three times
// in four.
func edgeCell(r *rand.Rand, g *life.Grid) int {
	switch r.IntN(4) {
	case 0:
		return 0
	case 1:
		return g.Width() - 1
	case 2:
		return min(g.Width()-1, 63+r.IntN(2))
	}
	return r.IntN(g.Width())
}

// TestBitsLoadStore: a grid loaded into the engine comes back out the same,
// for every width up to three words and a bit.
func TestBitsLoadStore(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for w := 1; w <= 3*64+1; w++ {
		for _, top := range []life.Topology{life.Torus, life.Plane} {
			g, err := life.NewGrid(w, 3)
			require.NoError(t, err)
			g.Randomize(r, 0.5)
			e := NewBoard(g, life.Conway, top, 1)
			got, _ := life.NewGrid(w, 3)
			e.Store(got)
			e.Close()
			require.Equal(t, g.String(), got.String(), "%dx3 %s", w, top)
		}
	}
}

// TestBitsCloseWhileStepping closes the engine from another goroutine while
// generations run: step either finishes its generation or reports the
// engine closed, and no goroutine is left.
func TestBitsCloseWhileStepping(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	g, err := life.NewGrid(130, 40)
	require.NoError(t, err)
	g.Randomize(rand.New(rand.NewPCG(5, 6)), 0.4)
	for range 50 {
		e := NewBoard(g, life.Conway, life.Torus, 3)
		closed := make(chan struct{})
		go func() {
			e.Close()
			close(closed)
		}()
		for e.Step() {
		}
		<-closed
		assert.False(t, e.Step(), "a closed engine stepped")
		e.Close()
		require.NoError(t, goleak.Find(ignore))
	}
}

// TestBitsProcs: a small board is stepped by one goroutine, a big one by one
// per GOMAXPROCS.
func TestBitsProcs(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	assert.Equal(t, 1, Procs(1, 1))
	assert.Equal(t, 1, Procs(256, 256), "1024 words")
	assert.Equal(t, 2, Procs(512, 512), "4096 words")
	assert.Equal(t, 2, Procs(4096, 4096))
	assert.Equal(t, 2, Procs(1, 1<<20), "a column of 2^20 words")
}

// TestRuleBits checks the rule's boolean function against Rule.Next for
// every rule of a sample, state and neighbour count, each count given in its
// bit planes and spread over the 64 bits of a word.
func TestRuleBits(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	rules := []life.Rule{life.Conway, {}, life.NewRule(511, 511), life.NewRule(1, 1<<8)}
	for range 200 {
		rules = append(rules, randomRule(r, r.IntN(2) == 0))
	}
	plane := func(v, bit int) uint64 { return -uint64(v >> bit & 1) }
	for _, rule := range rules {
		rb := newRuleBits(rule)
		for s := life.Empty; s <= life.Alive; s++ {
			for n := range 9 {
				got := rb.next(plane(int(s), 0), plane(n, 0), plane(n, 1), plane(n, 2), plane(n, 3))
				require.Equal(t, -uint64(rule.Next(s, countMask(n))), got, "%s, state %d, %d neighbours", rule, s, n)
			}
		}
	}
}
