package sim

import (
	"errors"
	"fmt"
	"math"
	"math/big"

	"colife/life"
	"colife/life/hashlife"
	"colife/life/pattern"
)

// tree is HashLife's board as a life.BlockBoard.
type tree struct{ e *hashlife.Engine }

func (t tree) Bounds() life.Rect                                   { return t.e.Bounds() }
func (t tree) Population() int                                     { return clampPopulation(t.e.Population()) }
func (t tree) Cells(r life.Rect, f func(x, y int64, s life.State)) { t.e.Cells(r, f) }
func (t tree) Blocks(r life.Rect, level uint, f func(x, y int64, n uint64)) {
	t.e.Blocks(r, level, f)
}

// treeSnapshot is a snapshot of HashLife's board as a life.BlockBoard,
// read from any goroutine.
type treeSnapshot struct{ s *hashlife.Snapshot }

func (t treeSnapshot) Bounds() life.Rect { return t.s.Bounds() }
func (t treeSnapshot) Population() int   { return clampPopulation(t.s.Population()) }
func (t treeSnapshot) Cells(r life.Rect, f func(x, y int64, s life.State)) {
	t.s.Cells(r, f)
}
func (t treeSnapshot) Blocks(r life.Rect, level uint, f func(x, y int64, n uint64)) {
	t.s.Blocks(r, level, f)
}

// clampPopulation returns n as an int, math.MaxInt if it is more.
func clampPopulation(n uint64) int { return int(min(n, math.MaxInt)) }

// restoreTree makes the board of t, a HashLife snapshot, the engine's at
// generation gen: at no cost if it is the engine's own, else (it comes from
// the simulation this one replaced, under another rule) copied node by
// node, children first, as a macrocell file is read.
func (s *Simulation) restoreTree(t *hashlife.Snapshot, gen int) error {
	if s.hl.Owns(t) {
		if err := s.hl.Restore(t); err != nil {
			return err
		}
		s.hl.SetGeneration(uint64(max(gen, 0)))
		return nil
	}
	b := s.hl.Builder()
	nodes := []hashlife.Node{{}}
	_, _, corner, err := t.Walk(func(n hashlife.MacroNode) error {
		nd, err := made(b, n.Level, n.Cells, n.Children, nodes)
		nodes = append(nodes, nd)
		return err
	})
	if err != nil {
		b.Discard()
		return err
	}
	return b.Finish(nodes[len(nodes)-1], corner, uint64(max(gen, 0)))
}

// made makes one node of a tree with b: a leaf of these cells at level 3,
// else the join of the children, numbers into nodes (0 the empty square).
func made(b *hashlife.Builder, level uint, cells uint64, children [4]int, nodes []hashlife.Node) (hashlife.Node, error) {
	if level == 3 {
		return b.Leaf(cells)
	}
	var q [4]hashlife.Node
	for i, c := range children {
		if c < 0 || c >= len(nodes) {
			return hashlife.Node{}, fmt.Errorf("node %d of %d", c, len(nodes)-1)
		}
		q[i] = nodes[c]
	}
	return b.Join(level, q[0], q[1], q[2], q[3])
}

// LoadMacrocell makes the pattern of m, a macrocell file, the current
// generation of an unbounded plane, at the generation the file gives.
// HashLife builds its tree from the file's nodes, whatever the size of the
// pattern; the other engines expand it into a Universe, refused before it
// is made if it would pass the memory budget.
func (s *Simulation) LoadMacrocell(m *pattern.Macrocell) error {
	if !s.unbounded() {
		return errors.New("a macrocell file goes on the unbounded plane; on a torus or plane its cells are placed as a pattern's")
	}
	gen := 0
	if m.Generation != nil {
		if !m.Generation.IsInt64() {
			return fmt.Errorf("%s: generation %s is more than 2^63-1", m.Name, m.Generation)
		}
		gen = int(m.Generation.Int64())
	}
	if s.hl == nil || m.MultiState {
		u, err := m.Universe(s.budget())
		if err != nil {
			return err
		}
		return s.ResetUniverse(u, gen)
	}
	b := s.hl.Builder()
	nodes := []hashlife.Node{{}}
	for i, n := range m.Nodes {
		var children [4]int
		for j, c := range n.Children {
			children[j] = int(c)
		}
		nd, err := made(b, uint(n.Level), n.Leaf, children, nodes)
		if err != nil {
			b.Discard()
			return fmt.Errorf("%s: node %d: %w", m.Name, i+1, err)
		}
		nodes = append(nodes, nd)
	}
	root := nodes[len(nodes)-1]
	if err := b.Finish(root, m.Square().Min, uint64(gen)); err != nil {
		return err
	}
	s.generation, s.boxOK = gen, false
	return nil
}

// Macrocell returns the current generation as a macrocell file named name:
// from HashLife's tree as it is, node for node, however large the pattern;
// from the other engines' cells.
func (s *Simulation) Macrocell(name string) (*pattern.Macrocell, error) {
	switch {
	case s.hl == nil && s.uni != nil:
		return pattern.MacrocellFromUniverse(s.uni, name, s.opt.Rule, s.generation)
	case s.hl == nil:
		return pattern.MacrocellFromGrid(s.board(), name, s.opt.Rule, s.opt.Topology, s.generation)
	}
	// Golly puts a file's root one row lower than the engine puts its own.
	t, err := s.hl.Moved(0, -1)
	if err != nil {
		return nil, err
	}
	defer t.Release()
	m := &pattern.Macrocell{Name: name, Rule: s.opt.Rule.String()}
	if s.generation > 0 {
		m.Generation = big.NewInt(int64(s.generation))
	}
	root, level, _, err := t.Walk(func(n hashlife.MacroNode) error {
		nd := pattern.Node{Level: int(n.Level), Leaf: n.Cells}
		for i, c := range n.Children {
			nd.Children[i] = int32(c)
		}
		m.Nodes = append(m.Nodes, nd)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if root == 0 { // an empty board: a root with no children
		m.Nodes = append(m.Nodes, pattern.Node{Level: int(max(level, 4))})
	}
	return m, nil
}
