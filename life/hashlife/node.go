package hashlife

import (
	"math"
	"math/bits"
	"unsafe"
)

// node is a square of 2^level × 2^level cells: a leaf of 8 × 8 cells at
// level 3, or four quadrants of the level below. Nodes are canonical (the
// table holds one node for each distinct square) and, but for the memo,
// immutable: nothing writes nw, ne, sw, se, pop or level of a node in use,
// so a snapshot's reader on another goroutine reads them while the engine
// steps. The memo fields are separate memory locations that only the
// engine's goroutine reads and writes.
type node struct {
	// nw, ne, sw, se are the quadrants, nodes of level-1. A leaf keeps its
	// cells in nw (bits 0 to 31 of leafBits) and ne (bits 32 to 63), and 0
	// in sw and se, which no quadrant of a node is: so the four fields
	// tell a leaf from a node in the hash table without the level.
	nw, ne, sw, se uint32
	// pop is the number of live cells, saturated at math.MaxUint64 (a node
	// of level 32 or more may hold more).
	pop uint64
	// res is the memo of the full step: the centre (level-1) after
	// 2^(level-2) generations, 0 while unknown. part is the memo of a
	// smaller step, 2^(partJ-1) generations, valid when partJ is not 0.
	res, part uint32
	// level is 3 for a leaf, up to maxLevel; 0 marks a free slot.
	level uint8
	partJ uint8
}

const (
	// leafLevel is the level of a leaf: 8 × 8 cells, one bit each.
	leafLevel = 3
	// maxLevel is the highest level of a board's root: a square of 2^63
	// cells a side centred on the origin, from -2^62 to 2^62-1 on each
	// axis, the plane. A step's root may have one more, the whole int64
	// plane, for as long as the step takes (Engine.stepOnce).
	maxLevel = 63
	// chunkBits gives the nodes of a chunk: the table grows a chunk at a
	// time and a chunk never moves, so a pointer to a node stays valid.
	chunkBits = 12
	chunkSize = 1 << chunkBits
	// nodeBytes is the size of a node: 40 bytes.
	nodeBytes = uint64(unsafe.Sizeof(node{}))
	// slotBytes is the size of a hash slot: a node's index and the top 32
	// bits of its hash.
	slotBytes = 8
	// maxSlots is the most slots a table has: the home of a slot is in the
	// top 32 bits of its hash.
	maxSlots = 1 << 32
	// maxLoad is the most nodes a full table of slots holds, in 1/8ths: at
	// 6/8 linear probing still finds a missing key in a few probes, most
	// of them rejected by the hash bits in the slot without reading the
	// node.
	maxLoad = 6
	// minSlots is the fewest slots a table has.
	minSlots = 1 << 12
	// firstSlots is the slots of a new table (256 KiB), if the budget
	// holds them: a table that starts smaller grows
	// through sizes that a run of ten thousand nodes (the gun to 2^40)
	// rehashes and faults in, in a fresh process 4.9 ms from 4,096 slots
	// against 4.0 ms from these.
	firstSlots = 1 << 15
	// maxNodes is the most nodes a table indexes: indices are uint32, and 0
	// is no node.
	maxNodes = math.MaxUint32 - chunkSize
)

// chunk is a block of the node table.
type chunk [chunkSize]node

// leafBits returns the cells of a leaf: bit y*8+x is the cell x columns
// right of its left edge and y rows below its top.
func (n *node) leafBits() uint64 { return uint64(n.nw) | uint64(n.ne)<<32 }

// hashOf mixes a node's four fields into 64 bits. Its top 32 go in the
// node's slot beside the index: the first of them pick the slot where the
// probing starts (its home), and the rest reject most other keys without
// reading their nodes. So a slot alone gives its home, and the slots can be
// moved to a larger table, or rebuilt after a collection, in one pass in
// order, without reading a node.
func hashOf(nw, ne, sw, se uint32) uint64 {
	a := uint64(nw) | uint64(ne)<<32
	b := uint64(sw) | uint64(se)<<32
	h := (a*0x9e3779b97f4a7c15 ^ b) * 0xc2b2ae3d27d4eb4f
	return h ^ h>>29
}

// addPop returns a+b, or math.MaxUint64 if that overflows.
func addPop(a, b uint64) uint64 {
	s, carry := bits.Add64(a, b, 0)
	if carry != 0 {
		return math.MaxUint64
	}
	return s
}

// table is the hash-consed node store: chunks of nodes indexed by uint32
// (the pointer-free arena keeps the Go garbage collector out of it: it never
// scans a chunk), and an open-addressing hash table of slots over them. It
// finds the one node of four quadrants, or makes it.
type table struct {
	chunks []*chunk
	spare  []*chunk // the chunks of the last slab not yet in chunks
	pads   uint64   // the bytes allocated beside the chunks and the slots, to align them to huge pages
	huge   bool     // whether the chunks and slots are aligned to huge pages
	first  bool     // whether the slots are the first, in the first huge page
	fresh  uint32   // the lowest index never given out; 0 is no node
	free   uint32   // a freed node, whose nw is the next freed one; 0 ends the list
	count  int      // nodes in use
	limit  int      // the most nodes the budget holds (see limits)
	slots  []uint64
	shift  uint // 64 - log2(len(slots))
	most   int  // the most slots the budget holds
	budget uint64
}

// newTable returns an empty table within budget bytes.
func newTable(budget uint64) table {
	return makeTable(budget, transparentHuge && budget >= hugeBudget)
}

// makeTable returns an empty table within budget bytes, in huge pages or
// not.
func makeTable(budget uint64, huge bool) table {
	t := table{budget: budget, huge: huge}
	if t.huge {
		// Keep back what the pads of the table at its limit take, and a
		// huge page: the smaller limit left may end in a slab padded by
		// up to a page more. room holds the table to its budget whatever
		// this leaves.
		most, limit := limits(budget)
		budget -= pads(most, (limit+1)/chunkSize) + hugePage
	}
	t.most, t.limit = limits(budget)
	n := min(firstSlots, t.most)
	if t.huge && n == firstSlots {
		t.start()
	} else {
		t.slots = t.newSlots(n)
	}
	t.shift = uint(64 - bits.TrailingZeros(uint(n)))
	t.fresh = 1
	return t
}

// firstChunks is how many chunks the first huge page holds beside the
// first slots.
const firstChunks = int((hugePage - firstSlots*slotBytes) / chunkBytes)

// start puts the first slots and the first chunks in one huge page: a run of
// ten thousand nodes then faults in one page, not two hundred.
func (t *table) start() {
	p := t.hugeAlloc(hugePage)
	t.slots = unsafe.Slice((*uint64)(p), firstSlots)
	c := unsafe.Slice((*chunk)(unsafe.Add(p, firstSlots*slotBytes)), min(firstChunks, (t.limit+1)/chunkSize))
	for i := range c {
		t.spare = append(t.spare, &c[i])
	}
	t.pads += hugePage - firstSlots*slotBytes - uint64(len(c))*chunkBytes
	t.first = true
}

// limits returns the most slots and nodes a table may have in budget bytes:
// the slots a power of two, the nodes at most maxLoad/8 of them, and the
// chunks of those nodes and the slots within the budget together, less a
// 256th for the collection's marks (a bit a node).
func limits(budget uint64) (slots, nodes int) {
	budget -= budget / 256
	best := func(s uint64) (uint64, uint64) {
		if s*slotBytes >= budget {
			return s, 0
		}
		n := min(s*maxLoad/8, (budget-s*slotBytes)/nodeBytes)
		// Whole chunks, less the index 0 that is no node.
		n = n / chunkSize * chunkSize
		return s, max(min(n, maxNodes), 1) - 1
	}
	// The nodes are capped by the load up to about budget/38 slots, and
	// by the bytes left beyond: the best is one of the two powers of two
	// around it.
	lo := uint64(minSlots)
	for lo*2*slotBytes+lo*2*maxLoad/8*nodeBytes <= budget && lo < maxSlots/2 {
		lo *= 2
	}
	s1, n1 := best(lo)
	s2, n2 := best(lo * 2)
	if n2 > n1 {
		return int(s2), int(n2)
	}
	return int(s1), int(n1)
}

// node returns the node at index i, which is in use or was.
func (t *table) node(i uint32) *node { return &t.chunks[i>>chunkBits][i&(chunkSize-1)] }

// bytes returns the memory the table holds: its chunks, those in use and
// the spare ones, its slots and their pads.
func (t *table) bytes() uint64 {
	return uint64(len(t.chunks)+len(t.spare))*chunkBytes + uint64(len(t.slots))*slotBytes + t.pads
}

// find returns the index of the node with these fields, or 0 and the slot
// where it belongs.
func (t *table) find(nw, ne, sw, se uint32) (uint32, int) {
	h := hashOf(nw, ne, sw, se)
	tag := h &^ math.MaxUint32
	mask := len(t.slots) - 1
	for i := int(h >> t.shift); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return 0, i
		}
		if s&^math.MaxUint32 == tag {
			n := t.node(uint32(s))
			if n.nw == nw && n.ne == ne && n.sw == sw && n.se == se {
				return uint32(s), i
			}
		}
	}
}

// full reports whether another node would go over the limit.
func (t *table) full() bool { return t.count >= t.limit }

// add puts a new node with these fields into slot i (from find), growing the
// slots first if they are too full, and returns its index. The caller has
// made room (full is false).
func (t *table) add(slot int, nw, ne, sw, se uint32, level uint8, pop uint64) uint32 {
	if 2*(t.count+1) > len(t.slots) && len(t.slots) < t.most {
		t.grow()
		_, slot = t.find(nw, ne, sw, se)
	}
	i := t.alloc()
	n := t.node(i)
	*n = node{nw: nw, ne: ne, sw: sw, se: se, pop: pop, level: level}
	t.slots[slot] = hashOf(nw, ne, sw, se)&^math.MaxUint32 | uint64(i)
	t.count++
	return i
}

// alloc returns the index of a free node: a freed one, or the next fresh
// one, in a new chunk if need be.
func (t *table) alloc() uint32 {
	if i := t.free; i != 0 {
		t.free = t.node(i).nw
		return i
	}
	i := t.fresh
	if int(i>>chunkBits) == len(t.chunks) {
		if len(t.spare) == 0 {
			t.spare = t.slab()
		}
		t.chunks = append(t.chunks, t.spare[0])
		t.spare = t.spare[1:]
	}
	t.fresh++
	return i
}

// Huge pages. On a virtual machine a page fault can cost microseconds, and
// a table that faults in each 4 KiB page of its nodes and slots as it first
// touches them spends as long on that as on its steps. So a table whose
// budget is hugeBudget or more starts in one huge page (its first slots and
// chunks, start), makes its chunks in slabs of whole huge pages aligned to
// one, and its slots too once they fill one, and asks the kernel for
// transparent huge pages there (hugePages). In a fresh process on this
// project's machine (BenchmarkHashlife, the median of nine runs each, the
// two interleaved), in 4 KiB pages and in huge pages: the gun to 2^40
// (9,114 nodes) 4.5 and 2.8 ms, the R-pentomino to 10^6 5.5 and 3.0, the
// switch-engine breeder to 2^20 11.7 and 8.1, the acorn to 10^6 (112,362
// nodes) 40 and 21, a 512 × 512 soup to 2^13 (2 million nodes) 852 and 564.
const (
	// hugePage is the size of a transparent huge page on amd64 and on
	// arm64 with 4 KiB pages.
	hugePage = 2 << 20
	// hugeBudget is the least budget whose table uses huge pages. The pads
	// (pads) take 22 MiB of it, and the table holds an eighth fewer nodes
	// than without them; 16 MiB of 64 MiB would be a third fewer. Of 1 GiB
	// they take 40 MiB, of 19 GiB 487 MiB.
	hugeBudget = 256 << 20
	// maxSlab is the most huge pages a slab of chunks spans, and so the
	// pad's share of them.
	maxSlab = 32
	// chunkBytes is the size of a chunk: 160 KiB.
	chunkBytes = chunkSize * nodeBytes
)

// slab returns new chunks: one at a time in a table without huge pages,
// else slabs of as many whole huge pages as the chunks in use fill (one at
// least), up to maxSlab, and never more chunks than the limit leaves.
func (t *table) slab() []*chunk {
	n := slabSize(len(t.chunks), (t.limit+1)/chunkSize-len(t.chunks))
	if !t.huge || n < 2 || !t.room(padOf(uint64(n)*chunkBytes)) {
		return []*chunk{new(chunk)}
	}
	c := unsafe.Slice((*chunk)(t.hugeAlloc(uint64(n)*chunkBytes)), n)
	s := make([]*chunk, n)
	for i := range s {
		s[i] = &c[i]
	}
	return s
}

// slabSize returns how many chunks slab makes in a table of huge pages with
// have chunks, its limit leaving room for left more: as many as fill whole
// huge pages, as many pages as the chunks fill (one at least) up to maxSlab,
// at most left; 1 (a chunk alone) where left is less than 2.
func slabSize(have, left int) int {
	if left < 2 {
		return 1
	}
	pages := min(max(uint64(have)*chunkBytes/hugePage, 1), maxSlab)
	return min(int(pages*hugePage/chunkBytes), left)
}

// pads returns the pads of a table of huge pages with most slots and
// chunks chunks, made as newTable and slab make them: the first huge page's
// (start), the first slots', which stay when the slots grow, each slab's,
// and the slots'.
func pads(most, chunks int) uint64 {
	first := min(firstChunks, chunks)
	p := padOf(hugePage) + hugePage - firstSlots*slotBytes - uint64(first)*chunkBytes
	if most > firstSlots {
		p += firstSlots * slotBytes
	}
	for have := first; have < chunks; {
		n := slabSize(have, chunks-have)
		if n > 1 {
			p += padOf(uint64(n) * chunkBytes)
		}
		have += n
	}
	if uint64(most)*slotBytes >= hugePage {
		p += hugePage
	}
	return p
}

// room reports whether the table, with every chunk its limit holds and its
// slots grown to the most, their pad too, stays within the budget, less the
// collection's marks (limits), if pad more bytes of pad are allocated now.
func (t *table) room(pad uint64) bool {
	chunks := uint64((t.limit+1)/chunkSize) * chunkBytes
	slots := uint64(len(t.slots)) * slotBytes
	pads := t.pads + pad
	if len(t.slots) < t.most {
		// As grow leaves them: the first slots stay, as pad; others go,
		// and their pad with them.
		if t.first {
			pads += slots
		} else {
			pads -= t.slotsPad(len(t.slots))
		}
		slots = uint64(t.most) * slotBytes
		pads += t.slotsPad(t.most)
	}
	return chunks+slots+pads <= t.budget-t.budget/256
}

// newSlots returns n empty slots, the array aligned to a huge page if it
// fills one.
func (t *table) newSlots(n int) []uint64 {
	if t.slotsPad(n) == 0 {
		return make([]uint64, n)
	}
	return unsafe.Slice((*uint64)(t.hugeAlloc(uint64(n)*slotBytes)), n)
}

// slotsPad returns the pad of n slots made by newSlots: a huge page if they
// fill one in a table of huge pages.
func (t *table) slotsPad(n int) uint64 {
	if !t.huge || uint64(n)*slotBytes < hugePage {
		return 0
	}
	return hugePage
}

// hugeAlloc returns n zeroed bytes, n a multiple of 8, that start at a huge
// page and hold no pointers, and counts the pad: the Go heap's allocation
// is a huge page larger than the whole huge pages n spans. The pad is
// address space that is not touched while the allocation is fresh from the
// kernel.
func (t *table) hugeAlloc(n uint64) unsafe.Pointer {
	span := n + padOf(n) - hugePage
	buf := make([]uint64, (span+hugePage)/8)
	start := uintptr(unsafe.Pointer(&buf[0]))
	p := unsafe.Add(unsafe.Pointer(&buf[0]), (start+hugePage-1)&^(hugePage-1)-start)
	hugePages(p, uintptr(span))
	t.pads += padOf(n)
	return p
}

// padOf returns the pad hugeAlloc allocates beside n bytes: to the end of
// the last huge page they touch, and one huge page more.
func padOf(n uint64) uint64 {
	return (n+hugePage-1)&^(hugePage-1) + hugePage - n
}

// grow doubles the slots and puts every node in use back.
func (t *table) grow() {
	old := t.slots
	if t.first {
		// The first slots stay, in the page they share with chunks.
		t.pads += uint64(len(old)) * slotBytes
		t.first = false
	} else {
		t.pads -= t.slotsPad(len(old))
	}
	t.slots = t.newSlots(2 * len(old))
	t.shift--
	first := empty(old)
	for k := range old {
		if s := old[(first+k)&(len(old)-1)]; s != 0 {
			t.put(s)
		}
	}
}

// rebuild takes the slots of the nodes that are not live out of the table,
// in place: each slot taken out in turn, from one after an empty one, and
// put back if live. A slot put back lands at or before where it was, since
// only free slots lie between, so the probing stays right.
func (t *table) rebuild(live func(i uint32) bool) {
	mask := len(t.slots) - 1
	first := empty(t.slots)
	for k := range t.slots {
		i := (first + k) & mask
		s := t.slots[i]
		if s == 0 {
			continue
		}
		t.slots[i] = 0
		if live(uint32(s)) {
			t.put(s)
		}
	}
}

// put puts a slot in the first free one from its home.
func (t *table) put(s uint64) {
	mask := len(t.slots) - 1
	j := int(s >> t.shift)
	for t.slots[j] != 0 {
		j = (j + 1) & mask
	}
	t.slots[j] = s
}

// empty returns the index of an empty slot (there is one: the table is
// never full).
func empty(slots []uint64) int {
	for i, s := range slots {
		if s == 0 {
			return i
		}
	}
	panic("hashlife: a full hash table")
}
