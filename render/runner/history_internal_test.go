package runner

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/sim"
)

func TestNewHistorySize(t *testing.T) {
	tests := []struct {
		n, cells int
		want     int
	}{
		{0, 100, DefaultHistory},
		{0, 1 << 20, DefaultHistory}, // 256 MiB exactly
		{0, 2 << 20, 128},
		{0, 3 << 20, 85},
		{0, 1 << 30, 1},
		{5, 1 << 30, 5},
		{1000, 100, 1000},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d of %d cells", tt.n, tt.cells), func(t *testing.T) {
			assert.Equal(t, tt.want, newHistory(tt.n, tt.cells).max)
		})
	}
}

// kept lists the generations h keeps, and the first cell of each.
func kept(h *history) []string {
	var out []string
	for gen := h.lo; gen <= h.hi; gen++ {
		out = append(out, fmt.Sprintf("%d:%v", gen, h.at(gen).Cells[0]))
	}
	return out
}

func TestHistoryRecord(t *testing.T) {
	dead, err := life.NewGrid(2, 1)
	require.NoError(t, err)
	alive := dead.Clone()
	alive.Cells[0] = life.Alive
	other, err := life.NewGrid(3, 1)
	require.NoError(t, err)

	h := newHistory(3, 2)
	assert.Nil(t, h.at(0), "nothing kept yet")
	for gen := range 5 {
		assert.True(t, h.record(gen, dead), "generation %d is new", gen)
	}
	assert.Equal(t, []string{"2:-", "3:-", "4:-"}, kept(h), "the last three")
	assert.Nil(t, h.at(1))
	assert.Nil(t, h.at(5))

	assert.False(t, h.record(3, dead), "the same grid again changes nothing")
	assert.Equal(t, []string{"2:-", "3:-", "4:-"}, kept(h))

	assert.True(t, h.record(3, alive), "an edit")
	assert.Equal(t, []string{"2:-", "3:*"}, kept(h), "what followed the edit is dropped")
	alive.Cells[1] = life.Alive
	assert.Equal(t, life.Empty, h.at(3).Cells[1], "a copy is kept")

	assert.True(t, h.record(4, dead))
	assert.True(t, h.record(5, dead))
	assert.Equal(t, []string{"3:*", "4:-", "5:-"}, kept(h), "the ring goes round")

	assert.True(t, h.record(9, dead), "a gap starts afresh")
	assert.Equal(t, []string{"9:-"}, kept(h))
	assert.True(t, h.record(10, other), "so does another size")
	assert.Equal(t, []string{"10:-"}, kept(h))
	assert.Equal(t, 3, h.at(10).Width())
	assert.True(t, h.record(0, other), "and a step back before the oldest")
	assert.Equal(t, []string{"0:-"}, kept(h))
}

func TestPlaneHistory(t *testing.T) {
	// plane returns a universe with n live cells in a row: n tiles.
	plane := func(n int) universe {
		u := life.NewUniverse()
		for i := range n {
			u.Set(int64(i)*64, 0, life.Alive)
		}
		return universe{u}
	}
	kept := func(h *planeHistory) []string {
		var out []string
		for _, k := range h.kept {
			p, ok := h.at(k.gen)
			require.True(t, ok)
			out = append(out, fmt.Sprintf("%d:%d", k.gen, p.Board().Population()))
		}
		return out
	}
	h := newPlaneHistory(3)
	for gen := range 5 {
		assert.True(t, h.record(gen, plane(gen+1)))
	}
	assert.Equal(t, []string{"2:3", "3:4", "4:5"}, kept(h), "the last three")
	assert.False(t, h.record(3, plane(4)), "the same again")
	assert.True(t, h.record(3, plane(1)), "another past")
	assert.Equal(t, []string{"2:3", "3:1"}, kept(h), "what followed it is dropped")
	assert.True(t, h.record(9, plane(2)))
	assert.Equal(t, []string{"2:3", "3:1", "9:2"}, kept(h), "a jump: kept with its gap")
	assert.True(t, h.record(5, plane(3)))
	assert.Equal(t, []string{"2:3", "3:1", "5:3"}, kept(h), "a generation among those kept: another past")
	assert.True(t, h.record(1, plane(2)))
	assert.Equal(t, []string{"1:2"}, kept(h), "one before them all starts afresh")
	assert.Equal(t, 2*life.TileBytes, h.bytes)
	h.record(2, plane(1))
	h.record(1<<40, plane(1))
	for _, tt := range []struct {
		gen, before, after int
		older, newer       int
	}{
		{1, -1, 2, 0, 2}, {2, 1, 1 << 40, 1, 1}, {1 << 40, 2, -1, 2, 0}, {7, 2, 1 << 40, 2, 1},
	} {
		b, ok := h.before(tt.gen)
		if tt.before < 0 {
			assert.False(t, ok, "nothing before %d", tt.gen)
		} else {
			assert.Equal(t, tt.before, b, "before %d", tt.gen)
		}
		a, ok := h.after(tt.gen)
		if tt.after < 0 {
			assert.False(t, ok, "nothing after %d", tt.gen)
		} else {
			assert.Equal(t, tt.after, a, "after %d", tt.gen)
		}
		older, newer := h.around(tt.gen)
		assert.Equal(t, [2]int{tt.older, tt.newer}, [2]int{older, newer}, "around %d", tt.gen)
	}

	// A byte limit: the oldest go first, but the newest always stays.
	h = &planeHistory{max: 100, maxBytes: 5 * life.TileBytes}
	for gen, n := range []int{2, 2, 2, 4, 9} {
		h.record(gen, plane(n))
		switch gen {
		case 2:
			assert.Equal(t, []string{"1:2", "2:2"}, kept(h), "6 tiles are too many")
		case 3:
			assert.Equal(t, []string{"3:4"}, kept(h))
		}
	}
	assert.Equal(t, []string{"4:9"}, kept(h), "alone over the limit")
	assert.Equal(t, 9*life.TileBytes, h.bytes)
}

// universe is a Universe as the current generation of a simulation, for
// planeHistory.record.
type universe struct{ u *life.Universe }

func (c universe) Holds(p sim.Snapshot) bool { return p.Equal(c.Snapshot()) }
func (c universe) Snapshot() sim.Snapshot    { return sim.NewSnapshot(c.u) }
