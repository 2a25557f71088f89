package hashlife

import (
	"errors"
	"math/big"
	"sync"

	"colife/life"
)

// Snapshot is a board as it was at one generation: a root of the engine's
// table, its level and the generation. It is immutable, and any number of
// goroutines may read it (Bounds, Population, Cells, Blocks ...) while the
// engine steps, edits and collects its table: the nodes it reaches are
// kept by every collection until it is released, and nothing in them that
// it reads is ever written while it is kept.
//
// Release it when done: an engine that keeps many snapshots of different
// boards keeps all their nodes, within its budget. Do not read a snapshot
// after its Release.
type Snapshot struct {
	e   *Engine
	v   view
	gen uint64

	once   sync.Once
	bounds life.Rect
}

// Snapshot returns the board as it is now, kept until Release.
func (e *Engine) Snapshot() *Snapshot {
	s := &Snapshot{e: e, v: e.view(), gen: e.gen}
	e.mu.Lock()
	e.snaps[s] = struct{}{}
	e.mu.Unlock()
	return s
}

// Release lets the engine's collections free the snapshot's nodes (those no
// other root reaches). It may be called from any goroutine, more than once.
func (s *Snapshot) Release() {
	s.e.mu.Lock()
	delete(s.e.snaps, s)
	s.e.mu.Unlock()
}

// Snapshots returns how many snapshots the engine keeps: taken and not
// released.
func (e *Engine) Snapshots() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.snaps)
}

// Owns reports whether s is a snapshot of e's table, which Restore restores
// at no cost; another engine's is copied node by node (Walk, Builder).
func (e *Engine) Owns(s *Snapshot) bool { return s.e == e }

// Restore makes the snapshot's board and generation the engine's, at no
// cost: the tree is the same. The snapshot is still kept, until its Release.
// It is an error to restore a snapshot of another engine, or one released.
func (e *Engine) Restore(s *Snapshot) error {
	if s.e != e {
		return errors.New("hashlife: restore: the snapshot is of another engine")
	}
	e.mu.Lock()
	_, ok := e.snaps[s]
	e.mu.Unlock()
	if !ok {
		return errors.New("hashlife: restore: the snapshot was released")
	}
	e.root, e.level, e.gen = s.v.root, s.v.level, s.gen
	return nil
}

// Equal reports whether s and o are snapshots of one engine that hold the
// same cells, whatever their generations: the same root, as the tree is
// canonical and a board's root always the smallest around the origin that
// holds it.
func (s *Snapshot) Equal(o *Snapshot) bool {
	return s.e == o.e && s.v.root == o.v.root && s.v.level == o.v.level
}

// Rule returns the rule of the snapshot's engine.
func (s *Snapshot) Rule() life.Rule { return s.e.rule }

// Generation returns the snapshot's generation.
func (s *Snapshot) Generation() uint64 { return s.gen }

// Population returns the number of live cells, saturated as
// Engine.Population is.
func (s *Snapshot) Population() uint64 { return s.v.population() }

// PopulationBig returns the exact number of live cells.
func (s *Snapshot) PopulationBig() *big.Int { return s.v.populationBig() }

// Bounds returns the bounding box of the live cells, or the zero Rect if none
// is alive, computed once.
func (s *Snapshot) Bounds() life.Rect {
	s.once.Do(func() { s.bounds = s.v.bounds() })
	return s.bounds
}

// At returns the state of the cell at (x, y).
func (s *Snapshot) At(x, y int64) life.State { return s.v.at(x, y) }

// Cells calls f with each live cell in r, as Engine.Cells does.
func (s *Snapshot) Cells(r life.Rect, f func(x, y int64, s life.State)) { s.v.cells(r, f) }

// Blocks calls f for each aligned square of 2^level cells a side that meets r
// and holds a live cell, as Engine.Blocks does.
func (s *Snapshot) Blocks(r life.Rect, level uint, f func(x, y int64, pop uint64)) {
	s.v.blocks(r, level, f)
}

// Universe returns the snapshot's live cells as a life.Universe, as
// Engine.Universe does.
func (s *Snapshot) Universe(budget uint64) (*life.Universe, error) {
	return s.v.universe(budget, s.gen)
}
