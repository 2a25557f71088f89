package hashlife

import (
	"fmt"

	"colife/life"
)

// onPlane returns an error wrapping ErrPlane if (x, y) lies beyond the plane.
func onPlane(x, y int64) error {
	if x < PlaneMin || x > PlaneMax || y < PlaneMin || y > PlaneMax {
		return fmt.Errorf("hashlife: cell (%d,%d): %w, %d to %d on each axis", x, y, ErrPlane, int64(PlaneMin), int64(PlaneMax))
	}
	return nil
}

// Set sets the cell at (x, y) to s: Alive, or Empty for any other state (a
// two-state rule has no dying one). The nodes from the root down to the
// cell's leaf are made anew (path copying), the rest shared: the tree stays
// canonical, and a snapshot keeps the board it had. It returns an error
// wrapping ErrPlane if (x, y) lies beyond the plane, or one wrapping
// life.ErrBudget if the table has no room (and the board is as it was).
func (e *Engine) Set(x, y int64, s life.State) error {
	if err := onPlane(x, y); err != nil {
		return err
	}
	alive := s == life.Alive
	if (e.At(x, y) == life.Alive) == alive {
		return nil
	}
	root, level := e.root, e.level
	err := e.guard(func() {
		for !e.view().rect().Contains(life.Point{X: x, Y: y}) {
			e.expand()
		}
		o := e.view().origin()
		e.root = e.set(e.root, e.level, uint64(x-o), uint64(y-o), alive)
		e.shrink()
	})
	if err != nil {
		e.root, e.level = root, level
	}
	return err
}

// set returns node n, of level l, with the cell at (ux, uy) from its
// top-left corner alive or not.
func (e *Engine) set(n uint32, l uint8, ux, uy uint64, alive bool) uint32 {
	nd := e.node(n)
	if l == leafLevel {
		bit := uint64(1) << ((uy&7)*8 + ux&7)
		cells := nd.leafBits() &^ bit
		if alive {
			cells |= bit
		}
		return e.leaf(cells)
	}
	q := [4]uint32{nd.nw, nd.ne, nd.sw, nd.se}
	i := ux>>(l-1)&1 | uy>>(l-1)&1<<1
	// The quadrants kept are the old root's, which a collection keeps; the
	// new one goes straight into join, which keeps its arguments.
	q[i] = e.set(q[i], l-1, ux, uy, alive)
	return e.join(q[0], q[1], q[2], q[3])
}

// Clear kills every cell; the generation stays.
func (e *Engine) Clear() { e.root, e.level = e.empty[minRoot], minRoot }

// SetGeneration sets the generation the board is at.
func (e *Engine) SetGeneration(gen uint64) { e.gen = gen }
