package hashlife

import (
	"fmt"
	"math"
	"math/bits"

	"colife/life"
)

// Load replaces the board with the live cells of u (its dying cells, which
// a two-state rule lacks, are empty) and sets the generation. It returns an
// error wrapping ErrPlane if a cell lies beyond the plane, or one wrapping
// life.ErrBudget if the table cannot hold the board; either way the board is
// as it was.
func (e *Engine) Load(u *life.Universe, generation uint64) error {
	b := u.Bounds()
	if !b.Empty() {
		if err := onPlane(b.Min.X, b.Min.Y); err != nil {
			return err
		}
		if err := onPlane(b.Max.X-1, b.Max.Y-1); err != nil {
			return err
		}
	}
	leaves := make(map[key]uint64)
	u.Cells(b, func(x, y int64, s life.State) {
		if s == life.Alive {
			leaves[key{x >> 3, y >> 3}] |= 1 << ((y&7)*8 + x&7)
		}
	})
	return e.build(b, leaves, generation)
}

// key is where a node lies: the one of level l at key k holds the cells
// from (k.x·2^l, k.y·2^l) on.
type key struct{ x, y int64 }

// build makes the board of these leaves, whose live cells lie in b, at
// generation gen: a level at a time from the leaves up, each node the join
// of the four at its key's quadrants (empty where there are none), to the
// smallest root around the origin that holds b.
func (e *Engine) build(b life.Rect, leaves map[key]uint64, gen uint64) error {
	level := uint8(minRoot)
	for !b.Empty() && (view{level: level}).rect().Intersect(b) != b {
		level++
	}
	return e.guard(func() {
		cur := make(map[key]uint32, len(leaves))
		for k, cells := range leaves {
			cur[k] = e.push(e.leaf(cells))
		}
		for l := uint8(leafLevel); l < level-1; l++ {
			quads := make(map[key]*[4]uint32, len(cur)/2+1)
			for k, n := range cur {
				p := key{k.x >> 1, k.y >> 1}
				q := quads[p]
				if q == nil {
					z := e.empty[l]
					q = &[4]uint32{z, z, z, z}
					quads[p] = q
				}
				q[k.x&1|(k.y&1)<<1] = n
			}
			// The new level is pushed above the old, which it reaches:
			// then the old is taken off the stack.
			base := len(e.stack) - len(cur)
			next := make(map[key]uint32, len(quads))
			for p, q := range quads {
				next[p] = e.push(e.join(q[0], q[1], q[2], q[3]))
			}
			e.stack = e.stack[:base+copy(e.stack[base:], e.stack[base+len(cur):])]
			cur = next
		}
		// The root's quadrants are the nodes at keys -1 and 0.
		z := e.empty[level-1]
		q := [4]uint32{z, z, z, z}
		for k, n := range cur {
			q[(k.x+1)|(k.y+1)<<1] = n
		}
		e.root, e.level, e.gen = e.join(q[0], q[1], q[2], q[3]), level, gen
	})
}

// tiles returns how many 64 × 64 tiles of a life.Universe the live cells of
// v fill, from its nodes of level 6 (which lie on the tiles when the root is
// larger), saturated.
func (v view) tiles() uint64 {
	if v.level <= 6 {
		// The root straddles the four tiles around the origin.
		nd := v.node(v.root)
		n := uint64(0)
		for _, q := range [4]uint32{nd.nw, nd.ne, nd.sw, nd.se} {
			if q != v.empty[v.level-1] {
				n++
			}
		}
		return n
	}
	memo := make(map[uint32]uint64)
	var count func(n uint32) uint64
	count = func(n uint32) uint64 {
		nd := v.node(n)
		if nd.pop == 0 {
			return 0
		}
		if nd.level == 6 {
			return 1
		}
		if c, ok := memo[n]; ok {
			return c
		}
		c := addPop(addPop(count(nd.nw), count(nd.ne)), addPop(count(nd.sw), count(nd.se)))
		memo[n] = c
		return c
	}
	return count(v.root)
}

// universe returns the live cells of v as a life.Universe, or an error
// wrapping life.ErrBudget, before it allocates, if their tiles would take
// more than budget bytes (life.DefaultBudget() when 0; no limit if that is
// unknown too).
func (v view) universe(budget, gen uint64) (*life.Universe, error) {
	if budget == 0 {
		budget = life.DefaultBudget()
	}
	tiles := v.tiles()
	hi, need := bits.Mul64(tiles, life.TileBytes)
	if hi != 0 {
		need = math.MaxUint64
	}
	if budget != 0 && need > budget {
		return nil, fmt.Errorf("%w: hashlife: generation %d: the %s live cells fill %d tiles, which would take %s as a life.Universe, more than the memory budget of %s",
			life.ErrBudget, gen, v.populationBig(), tiles, life.FormatBytes(need), life.FormatBytes(budget))
	}
	u := life.NewUniverse()
	v.cells(v.rect(), func(x, y int64, s life.State) { u.Set(x, y, s) })
	return u, nil
}

// Universe returns the board's live cells as a life.Universe, or an error
// wrapping life.ErrBudget, before it allocates, if the tiles of 64 × 64
// cells they fill would take more than budget bytes (life.DefaultBudget()
// when 0).
func (e *Engine) Universe(budget uint64) (*life.Universe, error) {
	v := e.view()
	return v.universe(budget, e.gen)
}
