package runner

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"

	"colife/life"
	"colife/life/sim"
)

// TestUndoMemoryLimit keeps the boards of many edits of a 1024 × 1024 soup:
// the undo stack stays under its limit in bytes and still keeps more than 100.
func TestUndoMemoryLimit(t *testing.T) {
	g, err := life.NewGrid(1024, 1024)
	assert.NoError(t, err)
	g.Randomize(rand.New(rand.NewPCG(1, 2)), 0.3)
	u := life.NewUniverse()
	u.Paste(g, life.Point{})
	s := newBoards()
	for i := range 2 * MaxUndo {
		s.push(board{cells: sim.NewSnapshot(u), gen: i})
		assert.LessOrEqual(t, s.bytes, MaxUndoBytes)
	}
	assert.Greater(t, len(s.kept), 100)
	assert.Less(t, len(s.kept), MaxUndo, "the bytes, not the count, limit it")
	assert.Equal(t, 2*MaxUndo-1, s.kept[len(s.kept)-1].gen, "the newest kept")
	n := len(s.kept)
	for range n {
		s.pop()
	}
	assert.Zero(t, s.bytes)

	small := newBoards()
	for i := range 2 * MaxUndo {
		small.push(board{cells: sim.NewSnapshot(life.NewUniverse()), gen: i})
	}
	assert.Len(t, small.kept, MaxUndo, "small boards: the count limits it")

	huge := newBoards()
	huge.maxBytes = 1000
	huge.push(board{cells: sim.NewSnapshot(u)})
	huge.push(board{cells: sim.NewSnapshot(u), gen: 1})
	assert.Len(t, huge.kept, 1, "a board over the limit alone: the newest kept")
	assert.Equal(t, 1, huge.kept[0].gen)
}

func TestUndoBytes(t *testing.T) {
	assert.Equal(t, uint64(MaxUndo*7*life.TileBytes), UndoBytes(160, 100, false), "6 tiles and the board's own")
	assert.Equal(t, uint64(MaxUndoBytes), UndoBytes(1000, 1000, false))
	assert.Equal(t, uint64(MaxUndoBytes), UndoBytes(1, 1, true))
}

func TestPopsKeepsTheLastMax(t *testing.T) {
	p := pops{max: 4}
	for gen := range 10 {
		p.note(gen, 100+gen)
	}
	assert.Equal(t, []int{106, 107, 108, 109}, p.appendTo(nil))
	p.note(8, 1) // an edit of generation 8, or a jump back to it
	assert.Equal(t, []int{106, 107, 1}, p.appendTo(nil))
	p.note(20, 5) // not the next: afresh
	assert.Equal(t, []int{5}, p.appendTo(nil))
}
