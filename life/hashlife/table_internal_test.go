package hashlife

import (
	"runtime/debug"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTableHugePages fills a table whose budget is large enough for huge
// pages with distinct nodes, to its limit, and checks that every node reads
// back as it was made, that the table with its pads stays within the
// budget, and, where the kernel may have transparent huge pages, that the
// first chunks lie in the first huge page beside the first slots, and the
// slots and the slabs of chunks made after them start at huge pages.
func TestTableHugePages(t *testing.T) {
	const budget = hugeBudget
	tb := newTable(budget)
	require.Equal(t, transparentHuge, tb.huge)
	fields := func(i uint32) (uint32, uint32, uint32, uint32) { return i, ^i, i * 7, i ^ 0x5555 }
	var made []uint32
	for i := uint32(1); !tb.full(); i++ {
		nw, ne, sw, se := fields(i)
		got, slot := tb.find(nw, ne, sw, se)
		if got != 0 {
			t.Fatalf("node %d found before it was made", i)
		}
		made = append(made, tb.add(slot, nw, ne, sw, se, 5, uint64(i)))
	}
	assert.Equal(t, tb.limit, len(made))
	assert.LessOrEqual(t, tb.bytes(), uint64(budget))
	assert.False(t, tb.first, "the slots still the first")
	for k, idx := range made {
		i := uint32(k + 1)
		nw, ne, sw, se := fields(i)
		if got, _ := tb.find(nw, ne, sw, se); got != idx {
			t.Fatalf("node %d: found at %d, made at %d", i, got, idx)
		}
		if n, want := *tb.node(idx), (node{nw: nw, ne: ne, sw: sw, se: se, pop: uint64(i), level: 5}); n != want {
			t.Fatalf("node %d reads %+v, want %+v", i, n, want)
		}
	}
	if !transparentHuge {
		return
	}
	aligned := func(p unsafe.Pointer) bool { return uintptr(p)%hugePage == 0 }
	assert.True(t, aligned(unsafe.Pointer(&tb.slots[0])), "the slots, %d of them", len(tb.slots))
	// The first chunks share the first huge page with the first slots;
	// the slabs follow.
	require.Greater(t, len(tb.chunks), firstChunks+1)
	assert.Equal(t, uintptr(firstSlots*slotBytes), uintptr(unsafe.Pointer(tb.chunks[0]))%hugePage, "the first chunk")
	assert.True(t, aligned(unsafe.Pointer(tb.chunks[firstChunks])), "the first chunk of the first slab")
	slabs := slabStarts(tb.chunks[firstChunks:])
	for _, c := range slabs {
		assert.True(t, aligned(unsafe.Pointer(c)), "a slab starts at a huge page")
	}
	assert.Less(t, len(slabs), len(tb.chunks)/4, "slabs of whole huge pages")
	assert.Greater(t, tb.pads, uint64(len(slabs))*hugePage, "the pads counted")
}

// slabStarts returns the chunks that do not follow the one before them in
// memory: the first of each slab, and each chunk made alone.
func slabStarts(chunks []*chunk) []*chunk {
	var starts []*chunk
	for i, c := range chunks {
		if i == 0 || uintptr(unsafe.Pointer(c)) != uintptr(unsafe.Pointer(chunks[i-1]))+uintptr(chunkBytes) {
			starts = append(starts, c)
		}
	}
	return starts
}

// TestTableBudgets takes tables of many budgets, in huge pages (below
// hugeBudget too, where the pads weigh most) and without, to their limit,
// the chunks and slots growing as add grows them but no node written, and
// checks that the chunks, the slots and the pads beside them stay within
// the budget, less the collection's marks, and that in huge pages the
// chunks came in slabs.
func TestTableBudgets(t *testing.T) {
	for _, budget := range []uint64{64 << 20, 100 << 20, 120 << 20, 123337677, 200<<20 + 12345, hugeBudget, hugeBudget + 123457, 512<<20 + 777} {
		for _, huge := range []bool{false, true} {
			tb := makeTable(budget, huge)
			for tb.count < tb.limit {
				if 2*(tb.count+1) > len(tb.slots) && len(tb.slots) < tb.most {
					tb.grow()
				}
				tb.alloc()
				tb.count++
			}
			marks := uint64(tb.limit+1+63) / 64 * 8
			require.LessOrEqual(t, tb.bytes()+marks, budget, "budget %d, huge %t: %d nodes, %d chunks, %d slots, %d bytes of pad", budget, huge, tb.limit, len(tb.chunks), len(tb.slots), tb.pads)
			assert.Equal(t, tb.most, len(tb.slots), "budget %d, huge %t: the slots grown to the most", budget, huge)
			if huge {
				assert.Less(t, len(slabStarts(tb.chunks)), len(tb.chunks)/8, "budget %d: the chunks in slabs, not one at a time", budget)
			}
			// The next table's memory fresh from the kernel, not this
			// one's, which the runtime would clear page by page.
			debug.FreeOSMemory()
		}
	}
}
