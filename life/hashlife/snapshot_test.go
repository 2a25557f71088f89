package hashlife_test

import (
	"context"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/hashlife"
)

// board is what a reader of a board sees, summed up.
type board struct {
	gen    uint64
	pop    uint64
	bounds life.Rect
	cells  uint64 // a hash of the live cells, in the order Cells gives them
	blocks string // Blocks at level 4: count and total population
}

// reader is the read side of an Engine and of a Snapshot.
type reader interface {
	Generation() uint64
	Population() uint64
	Bounds() life.Rect
	Cells(r life.Rect, f func(x, y int64, s life.State))
	Blocks(r life.Rect, level uint, f func(x, y int64, pop uint64))
}

var (
	_ reader = (*hashlife.Engine)(nil)
	_ reader = (*hashlife.Snapshot)(nil)
)

// summary reads a board.
func summary(r reader) board {
	b := board{gen: r.Generation(), pop: r.Population(), bounds: r.Bounds()}
	h := fnv.New64a()
	r.Cells(b.bounds, func(x, y int64, _ life.State) { fmt.Fprintf(h, "%d,%d;", x, y) })
	b.cells = h.Sum64()
	n, pop := 0, uint64(0)
	r.Blocks(b.bounds, 4, func(_, _ int64, p uint64) { n, pop = n+1, pop+p })
	b.blocks = fmt.Sprintf("%d blocks of %d cells", n, pop)
	return b
}

// TestSnapshotsConcurrent hands a snapshot of every generation to a reader
// goroutine, which reads it while the engine steps on, in a table small
// enough to be collected many times meanwhile; the reader keeps the last
// few and reads them again before it releases them. What it read must be
// what the engine had. Run it with -race.
func TestSnapshotsConcurrent(t *testing.T) {
	rnd := rand.New(rand.NewPCG(6, 6))
	e := newEngine(t, life.Conway, soup(rnd, life.Point{X: -40, Y: -20}, 80, 60, 0.4), hashlife.Options{Memory: 512 << 10})
	snaps := make(chan *hashlife.Snapshot, 4)
	read := make(chan board, 1000)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(read)
		var kept []*hashlife.Snapshot
		for s := range snaps {
			read <- summary(s)
			kept = append(kept, s)
			if len(kept) > 8 {
				read <- summary(kept[0])
				kept[0].Release()
				kept = kept[1:]
			}
		}
		for _, s := range kept {
			read <- summary(s)
			s.Release()
		}
	}()
	want := make(map[uint64]board)
	for range 300 {
		s := e.Snapshot()
		want[s.Generation()] = summary(e)
		snaps <- s
		require.NoError(t, e.Step(context.Background(), uint64(1+rnd.IntN(3))))
	}
	close(snaps)
	wg.Wait()
	n := 0
	for b := range read {
		assert.Equal(t, want[b.gen], b, "generation %d", b.gen)
		n++
	}
	assert.Equal(t, 300+300, n)
	assert.Greater(t, e.Collections(), 3)
	assert.Zero(t, e.Snapshots())
}

// TestRestore keeps a snapshot of every generation, as a window's history
// does, and restores them in random order: each gives back its board and
// generation, and the engine steps on from it as from the original.
func TestRestore(t *testing.T) {
	rnd := rand.New(rand.NewPCG(9, 9))
	u := soup(rnd, life.Point{}, 40, 40, 0.4)
	e := newEngine(t, life.Conway, u, hashlife.Options{Memory: 1 << 20})
	var history []*hashlife.Snapshot
	want := make(map[uint64]board)
	for range 100 {
		history = append(history, e.Snapshot())
		want[e.Generation()] = summary(e)
		require.NoError(t, e.Step(context.Background(), 1))
	}
	for _, i := range rnd.Perm(len(history)) {
		s := history[i]
		require.NoError(t, e.Restore(s))
		assert.Equal(t, want[s.Generation()], summary(e))
		assert.Equal(t, want[s.Generation()], summary(s))
		if next, ok := want[s.Generation()+1]; ok {
			require.NoError(t, e.Step(context.Background(), 1))
			assert.Equal(t, next, summary(e))
		}
	}
	other, err := hashlife.New(life.Conway, hashlife.Options{})
	require.NoError(t, err)
	require.Error(t, other.Restore(history[0]))
	history[0].Release()
	require.Error(t, e.Restore(history[0]))
	for _, s := range history {
		s.Release()
	}
	assert.Zero(t, e.Snapshots())
}

// TestSnapshotEqual: snapshots of one board are equal, whatever was done to
// reach it (an edit undone, a root grown by a far cell then shrunk back),
// and unequal to another board's or another engine's.
func TestSnapshotEqual(t *testing.T) {
	e, err := hashlife.New(life.Conway, hashlife.Options{Memory: 64 << 20})
	require.NoError(t, err)
	require.NoError(t, e.Set(1, 2, life.Alive))
	a := e.Snapshot()
	defer a.Release()
	require.NoError(t, e.Set(1<<40, 0, life.Alive)) // the root grows
	b := e.Snapshot()
	defer b.Release()
	assert.False(t, a.Equal(b))
	require.NoError(t, e.Set(1<<40, 0, life.Empty)) // and shrinks back
	c := e.Snapshot()
	defer c.Release()
	assert.True(t, a.Equal(c), "the same cell alone")
	require.NoError(t, e.Step(context.Background(), 1))
	d := e.Snapshot()
	defer d.Release()
	assert.False(t, a.Equal(d), "a lone cell dies")

	o, err := hashlife.New(life.Conway, hashlife.Options{Memory: 64 << 20})
	require.NoError(t, err)
	require.NoError(t, o.Set(1, 2, life.Alive))
	other := o.Snapshot()
	defer other.Release()
	assert.False(t, a.Equal(other), "another engine's")
}
