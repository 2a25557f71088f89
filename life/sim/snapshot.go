package sim

import (
	"errors"

	"colife/life"
	"colife/life/hashlife"
)

// A Snapshot is one generation of a simulation kept aside: a copy that
// nobody writes, which any goroutine may read and Restore makes current
// again. The zero Snapshot holds no board.
//
// A snapshot of HashLife's board is its tree as it was, shared with the
// engine, not copied: release it (Release) when done with it, or its nodes
// stay in the engine's table. Release does nothing to the others.
type Snapshot struct {
	board life.Board
	tree  *hashlife.Snapshot // HashLife's, to compare, restore and release
	bytes int
}

// Board returns the generation's cells, or nil for the zero Snapshot. It
// is read from any goroutine, until Release.
func (p Snapshot) Board() life.Board { return p.board }

// Bytes returns about how much memory the snapshot holds: for HashLife's,
// which shares its nodes with the engine and its other snapshots, a
// nominal treeSnapshotBytes.
func (p Snapshot) Bytes() int { return p.bytes }

// treeSnapshotBytes is what a HashLife snapshot is counted as: a root, its
// level and generation. Its nodes are counted in the engine's table.
const treeSnapshotBytes = 64

// Release lets HashLife's table free the nodes of p that nothing else
// keeps; p must not be read after. It does nothing to a snapshot of the
// other engines, and may be called more than once.
func (p Snapshot) Release() {
	if p.tree != nil {
		p.tree.Release()
	}
}

// Equal reports whether p and q hold the same cells at the same places.
// Snapshots of the same kind are compared: two Universes, or two trees of
// one HashLife engine (their roots).
func (p Snapshot) Equal(q Snapshot) bool {
	if p.tree != nil || q.tree != nil {
		return p.tree != nil && q.tree != nil && p.tree.Equal(q.tree)
	}
	a, aok := p.board.(*life.Universe)
	b, bok := q.board.(*life.Universe)
	if aok && bok {
		return a.Equal(b)
	}
	return p.board == nil && q.board == nil
}

// NewSnapshot returns a snapshot of a copy of u.
func NewSnapshot(u *life.Universe) Snapshot {
	c := u.Clone()
	return Snapshot{board: c, bytes: c.Bytes()}
}

// Snapshot returns a copy of the current generation: on an unbounded plane
// the tiles that hold a cell, on a bounded board its cells as a Universe
// from (0, 0), so that a snapshot costs what the life on the board costs;
// HashLife's tree as it is, which costs nothing.
func (s *Simulation) Snapshot() Snapshot {
	switch {
	case s.hl != nil:
		t := s.hl.Snapshot()
		return Snapshot{board: treeSnapshot{t}, tree: t, bytes: treeSnapshotBytes}
	case s.uni != nil:
		return NewSnapshot(s.uni)
	}
	u := life.NewUniverse()
	u.Paste(s.board(), life.Point{})
	return Snapshot{board: u, bytes: u.Bytes()}
}

// Holds reports whether the current generation holds the cells of p, and
// no others. Like Equal it compares snapshots of one kind: a HashLife
// simulation holds none of another's trees, whatever their cells.
func (s *Simulation) Holds(p Snapshot) bool {
	if s.uni != nil {
		u, ok := p.board.(*life.Universe)
		return ok && s.uni.Equal(u)
	}
	now := s.Snapshot()
	defer now.Release()
	return p.Equal(now)
}

// Restore makes the cells of p, numbered generation, the current
// generation: on a bounded board those inside it. p may come from another
// simulation, of another engine or rule (a state the rule lacks is
// clamped, as Set clamps it). HashLife restores a snapshot of its own at no
// cost, copies another engine's tree node by node, and reads a Universe;
// the other engines read HashLife's tree as a Universe, within the memory
// budget.
func (s *Simulation) Restore(p Snapshot, generation int) error {
	if p.board == nil {
		return errors.New("restore: an empty snapshot")
	}
	if s.hl != nil && p.tree != nil {
		if err := s.restoreTree(p.tree, generation); err != nil {
			return err
		}
		s.generation, s.boxOK = generation, false
		return nil
	}
	u, ok := p.board.(*life.Universe)
	if !ok {
		var err error
		if u, err = p.tree.Universe(s.budget()); err != nil {
			return err
		}
	}
	if s.unbounded() {
		return s.ResetUniverse(u, generation)
	}
	g, err := life.NewGrid(s.cur.Width(), s.cur.Height())
	if err != nil {
		return err
	}
	u.Copy(g, life.Point{})
	return s.Reset(g, generation)
}
