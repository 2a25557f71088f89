package hashlife

import (
	"fmt"

	"colife/life"
)

// collect is the table's garbage collection, as Golly's: when the table is
// full, the nodes that the board, the board before the step in progress,
// the snapshots not released, the builders not finished and the stack of
// the computation in progress do not reach are freed, and so are the memo
// entries that lead to them; the hash slots are rebuilt over what is left.
// A memo entry does not keep its result: results are what a collection
// frees, to be computed again if they are needed.
//
// If what is left takes all but a sixteenth of the table, going on would
// collect again after every few nodes: collect aborts the computation with
// an error wrapping life.ErrBudget, and the operation that needed the room
// leaves the board as it was.
func (e *Engine) collect() {
	t := &e.t
	words := (int(t.fresh) + 63) / 64
	if cap(e.marks) < words {
		e.marks = make([]uint64, words, words+words/4)
	} else {
		e.marks = e.marks[:words]
		clear(e.marks)
	}
	for _, z := range e.empty[leafLevel:] {
		e.mark(z)
	}
	e.mark(e.root)
	if e.keep != 0 {
		e.mark(e.keep)
	}
	for _, n := range e.stack {
		e.mark(n)
	}
	e.mu.Lock()
	for s := range e.snaps {
		e.mark(s.v.root)
	}
	for b := range e.pins {
		for _, n := range b.made {
			e.mark(n)
		}
	}
	e.mu.Unlock()

	// Sweep from the top, so that the free list runs from the lowest index
	// up and the next nodes are made close together.
	t.free = 0
	for i := t.fresh - 1; i >= 1; i-- {
		n := t.node(i)
		if n.level != 0 && !e.marked(i) {
			t.count--
			n.level = 0
		}
		if n.level == 0 {
			*n = node{nw: t.free}
			t.free = i
			continue
		}
		if n.res != 0 && !e.marked(n.res) {
			n.res = 0
		}
		if n.partJ != 0 && !e.marked(n.part) {
			n.part, n.partJ = 0, 0
		}
	}
	t.rebuild(e.marked)
	e.collections++
	if left := t.limit - t.count; left < t.limit/16 {
		panic(abort{fmt.Errorf("%w: hashlife: generation %d: the board, the snapshots kept and the step in progress reach %d nodes (%s) after a collection, all but %d of the %d the node table's budget of %s holds; release snapshots or use a larger -memory",
			life.ErrBudget, e.gen, t.count, life.FormatBytes(uint64(t.count)*(nodeBytes+slotBytes)), left, t.limit, life.FormatBytes(t.budget))})
	}
}

// mark marks the nodes n reaches, n included.
func (e *Engine) mark(n uint32) {
	for {
		w, b := n>>6, n&63
		if e.marks[w]>>b&1 != 0 {
			return
		}
		e.marks[w] |= 1 << b
		nd := e.node(n)
		if nd.level == leafLevel {
			return
		}
		e.mark(nd.nw)
		e.mark(nd.ne)
		e.mark(nd.sw)
		n = nd.se
	}
}

// marked reports whether the last collection marked n.
func (e *Engine) marked(n uint32) bool { return e.marks[n>>6]>>(n&63)&1 != 0 }
