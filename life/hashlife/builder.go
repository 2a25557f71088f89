package hashlife

import (
	"errors"
	"fmt"

	"colife/life"
)

// Node is a node a Builder made: a square of 2^Level() cells a side. The
// zero Node is the empty square of whatever level it is put at, as 0 is in
// a macrocell file.
type Node struct {
	i     uint32
	level uint8
}

// Level returns the node's level: 3 for a leaf of 8 × 8 cells, 0 for the zero
// Node.
func (n Node) Level() uint { return uint(n.level) }

// Builder makes a board node by node, children first, as a macrocell file
// lists them (Golly's [M2]: a leaf line is 8 × 8 cells, a node line "level
// nw ne sw se" with 0 for an empty quadrant). The nodes it makes are kept by
// the engine's collections until Finish or Discard. A Builder is used on the
// engine's goroutine, between steps.
type Builder struct {
	e    *Engine
	made []uint32
	done bool
}

// Builder starts a board to be made node by node.
func (e *Engine) Builder() *Builder {
	b := &Builder{e: e}
	e.mu.Lock()
	e.pins[b] = struct{}{}
	e.mu.Unlock()
	return b
}

// errFinished is the error of a Builder used after Finish or Discard.
var errFinished = errors.New("hashlife: builder: used after Finish or Discard")

// Leaf returns the leaf of these cells: bit y*8+x is the cell x columns right
// of its left edge and y rows below its top. It returns an error wrapping
// life.ErrBudget if the table has no room.
func (b *Builder) Leaf(cells uint64) (Node, error) {
	if b.done {
		return Node{}, errFinished
	}
	var n Node
	err := b.e.guard(func() {
		n = Node{b.keep(b.e.leaf(cells)), leafLevel}
	})
	return n, err
}

// Join returns the node of level (4 to 63) whose quadrants are nw, ne, sw and
// se, each of level-1 or the zero Node (empty). It returns an error if a
// quadrant is of another level, or one wrapping life.ErrBudget if the table
// has no room.
func (b *Builder) Join(level uint, nw, ne, sw, se Node) (Node, error) {
	if b.done {
		return Node{}, errFinished
	}
	if level <= leafLevel || level > maxLevel {
		return Node{}, fmt.Errorf("hashlife: join: level %d: a node is of level %d to %d (a leaf, 8 × 8, is %d)", level, leafLevel+1, maxLevel, leafLevel)
	}
	q := [4]Node{nw, ne, sw, se}
	var idx [4]uint32
	for i, c := range q {
		switch c.level {
		case 0:
			idx[i] = b.e.empty[level-1]
		case uint8(level - 1):
			idx[i] = c.i
		default:
			return Node{}, fmt.Errorf("hashlife: join: a node of level %d with its %s quadrant of level %d, not %d", level, [4]string{"nw", "ne", "sw", "se"}[i], c.level, level-1)
		}
	}
	var n Node
	err := b.e.guard(func() {
		n = Node{b.keep(b.e.join(idx[0], idx[1], idx[2], idx[3])), uint8(level)}
	})
	return n, err
}

// keep pins n until the builder is done.
func (b *Builder) keep(n uint32) uint32 {
	b.e.mu.Lock()
	b.made = append(b.made, n)
	b.e.mu.Unlock()
	return n
}

// Finish makes root the board, its top-left cell at corner, at generation
// gen, and ends the builder. A root with its centre at the origin, corner
// (-2^(level-1), -2^(level-1)) (RootCorner), is the board as it is; any
// other corner moves it there (Shift), which must keep it within 2^61 of the
// origin. Golly puts a macrocell file's root one row lower: at GollyCorner.
// The zero Node is an empty board.
func (b *Builder) Finish(root Node, corner life.Point, gen uint64) error {
	if b.done {
		return errFinished
	}
	e := b.e
	if root.level == 0 {
		root = Node{e.empty[minRoot], minRoot}
	}
	oldRoot, oldLevel, oldGen := e.root, e.level, e.gen
	err := e.guard(func() {
		e.root, e.level = root.i, root.level
		if e.level == leafLevel {
			e.root, e.level = e.expandLeaf(e.root), leafLevel+1
		}
		for e.level < minRoot {
			e.expand()
		}
	})
	if err == nil {
		c := RootCorner(uint(root.level))
		err = e.Shift(corner.X-c.X, corner.Y-c.Y)
	}
	if err == nil {
		err = e.guard(e.shrink)
	}
	if err != nil {
		e.root, e.level, e.gen = oldRoot, oldLevel, oldGen
		return err
	}
	e.gen = gen
	b.Discard()
	return nil
}

// Discard ends the builder without changing the board: its nodes are left
// to the next collection.
func (b *Builder) Discard() {
	b.done = true
	b.e.mu.Lock()
	delete(b.e.pins, b)
	b.made = nil
	b.e.mu.Unlock()
}

// expandLeaf returns the node of level 4 around the same centre as the leaf
// n: each quarter of the leaf in the inner corner of a new leaf.
func (e *Engine) expandLeaf(n uint32) uint32 {
	c := e.node(n).leafBits()
	const q = 0x0f0f0f0f // the left half of four rows
	sp := len(e.stack)
	nw := e.push(e.leaf((c & q) << 36))
	ne := e.push(e.leaf((c >> 4 & q) << 32))
	sw := e.push(e.leaf((c >> 32 & q) << 4))
	se := e.leaf(c >> 36 & q)
	r := e.join(nw, ne, sw, se)
	e.stack = e.stack[:sp]
	return r
}

// RootCorner returns the top-left cell of a root of this level, 3 to 63, as
// the engine places it: its centre at the origin.
func RootCorner(level uint) life.Point {
	o := -int64(1) << (level - 1)
	return life.Point{X: o, Y: o}
}

// GollyCorner returns the top-left cell of the root of a macrocell file of
// this level as Golly places it (bgolly writes a cell at (0,0) as row 7 of
// the leaf at the root's north-east, for a root of level 4): the engine's
// corner one row lower.
func GollyCorner(level uint) life.Point {
	c := RootCorner(level)
	return life.Point{X: c.X, Y: c.Y + 1}
}

// MacroNode is a node as Walk reports it.
type MacroNode struct {
	// ID is the node's number: 1, 2 ... in the order Walk reports them,
	// as a macrocell file numbers its lines.
	ID int
	// Level is 3 for a leaf of 8 × 8 cells, up to 63.
	Level uint
	// Cells are a leaf's: bit y*8+x is the cell at column x, row y.
	Cells uint64
	// Children are a node's quadrants nw, ne, sw, se: IDs reported before,
	// or 0 for an empty one.
	Children [4]int
}

// Walk reports each distinct node of the snapshot's board that holds a live
// cell once, children first (post-order), so that each node's children have
// lower IDs, and returns the root's ID (0 if the board is empty, and then
// nothing is reported), the root's level and its top-left cell
// (RootCorner). It stops at the first error visit returns, and returns it.
func (s *Snapshot) Walk(visit func(n MacroNode) error) (root int, level uint, corner life.Point, err error) {
	return s.v.walk(visit)
}

// Walk reports the nodes of the board as Snapshot.Walk does.
func (e *Engine) Walk(visit func(n MacroNode) error) (root int, level uint, corner life.Point, err error) {
	return e.view().walk(visit)
}

// walk is Walk on a view.
func (v view) walk(visit func(n MacroNode) error) (int, uint, life.Point, error) {
	ids := make(map[uint32]int)
	var walk func(n uint32) (int, error)
	walk = func(n uint32) (int, error) {
		nd := v.node(n)
		if n == v.empty[nd.level] {
			return 0, nil
		}
		if id, ok := ids[n]; ok {
			return id, nil
		}
		m := MacroNode{Level: uint(nd.level)}
		if nd.level == leafLevel {
			m.Cells = nd.leafBits()
		} else {
			for i, q := range [4]uint32{nd.nw, nd.ne, nd.sw, nd.se} {
				id, err := walk(q)
				if err != nil {
					return 0, err
				}
				m.Children[i] = id
			}
		}
		m.ID = len(ids) + 1
		ids[n] = m.ID
		return m.ID, visit(m)
	}
	root, err := walk(v.root)
	return root, uint(v.level), RootCorner(uint(v.level)), err
}

// Moved returns a snapshot of the board moved by (dx, dy), as Shift would
// move it, leaving the board as it is: for a macrocell writer, Moved(0, -1)
// is the tree that Golly, placing it at GollyCorner, reads as the board.
func (e *Engine) Moved(dx, dy int64) (*Snapshot, error) {
	root, level := e.root, e.level
	if err := e.Shift(dx, dy); err != nil {
		return nil, err
	}
	s := e.Snapshot()
	e.root, e.level = root, level
	return s, nil
}
