package hashlife

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"sync"

	"colife/life"
)

// ErrPlane is returned, wrapped, when a cell would lie beyond the plane the
// engine holds: the square of 2^63 cells a side centred on the origin, -2^62
// to 2^62-1 on each axis.
var ErrPlane = errors.New("beyond the plane of hashlife")

// PlaneMin and PlaneMax are the least and the greatest coordinate of a cell
// on the engine's plane, on either axis.
const (
	PlaneMin = -1 << 62 // -2^(maxLevel-1)
	PlaneMax = 1<<62 - 1
)

// MaxStep is the largest power of two Step advances in one go: 2^MaxStep
// generations need a root of level MaxStep+3, the largest there is. A larger
// step is taken in several.
const MaxStep = 60 // maxLevel-3

// The exported constants follow from maxLevel: an index out of range, and a
// compile error, if one does not.
var (
	_ = [1]int{}[PlaneMax-(1<<(maxLevel-1)-1)]
	_ = [1]int{}[PlaneMin+1<<(maxLevel-1)]
	_ = [1]int{}[MaxStep-(maxLevel-3)]
)

// Options configure an Engine.
type Options struct {
	// Memory is the budget of the node table in bytes; 0 means
	// life.DefaultBudget(), and no limit where that is unknown. When the
	// table is full it is collected (see Engine); an engine whose board
	// alone fills it refuses to step, with an error wrapping
	// life.ErrBudget.
	Memory uint64
}

// MinMemory is the least budget New accepts: a chunk of nodes (4096), its
// slots and its marks.
const MinMemory = 256 << 10

// Engine runs a two-state B/S rule on the plane with HashLife: the board is
// a quadtree of canonical nodes, and each node's centre some generations on
// is computed once and kept (see the package doc).
//
// An Engine is not safe for concurrent use: one goroutine steps and edits
// it. Its Snapshots are: any goroutine may read one while the engine goes
// on.
type Engine struct {
	rule   life.Rule
	kernel kernel
	t      table
	empty  [maxLevel + 1]uint32 // the empty node of each level, from leafLevel

	root  uint32 // the board: its centre lies at the origin
	level uint8  // the root's
	gen   uint64

	// stack holds the nodes a computation in progress has made and still
	// needs: with root, keep and the snapshots, the roots of a collection.
	stack []uint32
	keep  uint32 // the board as it was before the step in progress, or 0
	done  <-chan struct{}
	ctx   context.Context
	work  uint // nodes made and kernel runs: every 1024, done is looked at
	marks []uint64

	mu    sync.Mutex // guards snaps: Release may come from any goroutine
	snaps map[*Snapshot]struct{}
	pins  map[*Builder]struct{}

	collections int
}

// New returns an engine for rule with an empty board at generation 0, or an
// error if hashlife cannot run the rule: one with B0, more than two states or
// births and survivals that depend on which neighbours are alive, not only on
// how many.
func New(rule life.Rule, opt Options) (*Engine, error) {
	if err := Refuses(rule); err != nil {
		return nil, err
	}
	birth, survive, _ := rule.Totalistic()
	budget := opt.Memory
	if budget == 0 {
		budget = life.DefaultBudget()
	}
	if budget == 0 {
		budget = math.MaxUint64
	}
	if budget < MinMemory {
		return nil, fmt.Errorf("%w: hashlife needs at least %s for its node table, and the budget is %d bytes", life.ErrBudget, life.FormatBytes(MinMemory), budget)
	}
	e := &Engine{
		rule:   rule,
		kernel: newKernel(birth, survive),
		t:      newTable(budget),
		snaps:  make(map[*Snapshot]struct{}),
		pins:   make(map[*Builder]struct{}),
	}
	err := e.guard(func() {
		e.empty[leafLevel] = e.leaf(0)
		for l := leafLevel + 1; l <= maxLevel; l++ {
			z := e.empty[l-1]
			e.empty[l] = e.join(z, z, z, z)
		}
	})
	if err != nil {
		return nil, err
	}
	e.root, e.level = e.empty[minRoot], minRoot
	return e, nil
}

// Refuses returns nil if HashLife runs rule, else the error New gives: it
// runs two-state B/S rules without B0, and says which engines run the
// others.
func Refuses(rule life.Rule) error {
	_, _, totalistic := rule.Totalistic()
	switch {
	case rule.States() > 2:
		return fmt.Errorf("hashlife runs two-state B/S rules without B0; rule %s, of %d states, runs on -engine goroutine or direct", rule, rule.States())
	case !totalistic:
		return fmt.Errorf("hashlife runs two-state B/S rules without B0; rule %s runs on -engine goroutine or direct", rule)
	case rule.BirthOnZero():
		return fmt.Errorf("hashlife runs two-state B/S rules without B0; rule %s runs on -engine goroutine or direct with -topology torus or plane", rule)
	}
	return nil
}

// minRoot is the smallest level of a board's root: 16 × 16 cells, four
// leaves. A step's root is of level minStep or more.
const (
	minRoot = 4
	minStep = 6
)

// Rule returns the engine's rule.
func (e *Engine) Rule() life.Rule { return e.rule }

// Generation returns the generation of the board: 0 at the start, plus every
// generation stepped, or what Restore, Load or a Builder set.
func (e *Engine) Generation() uint64 { return e.gen }

// Population returns the number of live cells, from the root's count. It
// saturates at math.MaxUint64 (a board 2^32 cells a side or more can hold
// more); PopulationBig is exact.
func (e *Engine) Population() uint64 { return e.t.node(e.root).pop }

// PopulationBig returns the exact number of live cells.
func (e *Engine) PopulationBig() *big.Int {
	v := e.view()
	return v.populationBig()
}

// Bounds returns the bounding box of the live cells, or the zero Rect if none
// is alive, from the tree: only the nodes at its edges are looked at.
func (e *Engine) Bounds() life.Rect {
	v := e.view()
	return v.bounds()
}

// At returns the state of the cell at (x, y).
func (e *Engine) At(x, y int64) life.State {
	v := e.view()
	return v.at(x, y)
}

// Cells calls f with each live cell in r, row by row from the top, each row
// from the left, as life.Universe.Cells does; it never descends an empty
// node or one outside r.
func (e *Engine) Cells(r life.Rect, f func(x, y int64, s life.State)) {
	v := e.view()
	v.cells(r, f)
}

// Blocks calls f for each square of 2^level × 2^level cells, aligned to
// multiples of 2^level, that meets r and holds a live cell, with its top-left
// cell and its population (saturated as Population is), row by row of
// squares from the top, each row from the left. It never descends below
// level, nor into an empty node: a zoomed-out view of a pattern millions of
// cells wide costs what its squares on the screen cost. Level 0 gives the
// live cells, each with population 1; a level above 62 is taken as 62.
func (e *Engine) Blocks(r life.Rect, level uint, f func(x, y int64, pop uint64)) {
	v := e.view()
	v.blocks(r, level, f)
}

// Nodes returns how many nodes the table holds.
func (e *Engine) Nodes() int { return e.t.count }

// Bytes returns the memory the node table holds: its chunks of nodes and its
// hash slots.
func (e *Engine) Bytes() uint64 { return e.t.bytes() + uint64(len(e.marks))*8 }

// Budget returns the most bytes the table may hold.
func (e *Engine) Budget() uint64 { return e.t.budget }

// Collections returns how many times the table has been collected.
func (e *Engine) Collections() int { return e.collections }

// view returns the board for reading.
func (e *Engine) view() view {
	return view{chunks: e.t.chunks, empty: &e.empty, root: e.root, level: e.level}
}

// abort is what a computation panics with to end at once, unwinding its
// recursion: a cancelled context, or a table that collection cannot empty
// enough. guard turns it back into an error. (encoding/json leaves its
// recursion the same way.)
type abort struct{ err error }

// guard runs f and returns the error of an abort in it, or nil. Either way
// the stack is left empty.
func (e *Engine) guard(f func()) (err error) {
	defer func() {
		e.stack = e.stack[:0]
		if r := recover(); r != nil {
			a, ok := r.(abort)
			if !ok {
				panic(r)
			}
			err = a.err
		}
	}()
	f()
	return nil
}

// tick counts a node made or a kernel run, and every 1024 aborts if the
// context of the step in progress is done.
func (e *Engine) tick() {
	e.work++
	if e.work&1023 != 0 || e.done == nil {
		return
	}
	select {
	case <-e.done:
		panic(abort{e.ctx.Err()})
	default:
	}
}

// node returns the node at index i.
func (e *Engine) node(i uint32) *node { return e.t.node(i) }

// join returns the node of four quadrants of one level, made if it is new.
// If the table is full it is collected first, with the four kept.
func (e *Engine) join(nw, ne, sw, se uint32) uint32 {
	i, slot := e.t.find(nw, ne, sw, se)
	if i != 0 {
		return i
	}
	if e.t.full() {
		e.stack = append(e.stack, nw, ne, sw, se)
		e.collect()
		e.stack = e.stack[:len(e.stack)-4]
		_, slot = e.t.find(nw, ne, sw, se)
	}
	e.tick()
	a, b, c, d := e.node(nw), e.node(ne), e.node(sw), e.node(se)
	pop := addPop(addPop(a.pop, b.pop), addPop(c.pop, d.pop))
	return e.t.add(slot, nw, ne, sw, se, a.level+1, pop)
}

// leaf returns the leaf of these cells (bit y*8+x is the cell at column x,
// row y), made if it is new.
func (e *Engine) leaf(cells uint64) uint32 {
	lo, hi := uint32(cells), uint32(cells>>32)
	i, slot := e.t.find(lo, hi, 0, 0)
	if i != 0 {
		return i
	}
	if e.t.full() {
		e.collect()
		_, slot = e.t.find(lo, hi, 0, 0)
	}
	e.tick()
	return e.t.add(slot, lo, hi, 0, 0, leafLevel, uint64(bits.OnesCount64(cells)))
}

// push keeps n through the collections until the stack is cut back.
func (e *Engine) push(n uint32) uint32 {
	e.stack = append(e.stack, n)
	return n
}
