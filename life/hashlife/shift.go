package hashlife

import (
	"fmt"

	"colife/life"
)

// shiftLimit bounds the boards Shift moves: before and after, every live
// cell lies within shiftLimit of the origin, so that the root around both is
// at most of level maxLevel-1 and its arithmetic cannot overflow.
const shiftLimit = 1 << (maxLevel - 2)

// Shift moves every live cell by (dx, dy); the generation stays. It returns
// an error wrapping ErrPlane, the board as it was, unless the live cells lie
// within 2^61 cells of the origin before and after the move, or one wrapping
// life.ErrBudget if the table has no room.
//
// The moved tree is made a level at a time: a node of the moved board is a
// window, at the same offset for every node of its level, on the square of
// four nodes of the board below it, and each distinct square's window is
// made once, so a board of a few distinct nodes moves in a few steps however
// many cells it has.
func (e *Engine) Shift(dx, dy int64) error {
	b := e.Bounds()
	if b.Empty() || dx == 0 && dy == 0 {
		return nil
	}
	within := func(v, d int64) bool {
		return d > -2*shiftLimit && d < 2*shiftLimit && v+d >= -shiftLimit && v+d <= shiftLimit
	}
	if !within(b.Min.X, dx) || !within(b.Max.X, dx) || !within(b.Min.Y, dy) || !within(b.Max.Y, dy) ||
		b.Min.X < -shiftLimit || b.Max.X > shiftLimit || b.Min.Y < -shiftLimit || b.Max.Y > shiftLimit {
		return fmt.Errorf("hashlife: shift by (%d,%d) of the live cells from %s to %s: %w: Shift moves boards within %d of the origin", dx, dy, b.Min, b.Max.Sub(life.Point{X: 1, Y: 1}), ErrPlane, int64(shiftLimit))
	}
	moved := life.Rect{Min: b.Min.Add(life.Point{X: dx, Y: dy}), Max: b.Max.Add(life.Point{X: dx, Y: dy})}
	all := b.Union(moved)
	root, level := e.root, e.level
	err := e.guard(func() {
		for v := e.view(); v.rect().Intersect(all) != all; v = e.view() {
			e.expand()
		}
		e.root = e.shifted(dx, dy)
	})
	if err != nil {
		e.root, e.level = root, level
	}
	return err
}

// shifted returns the root, of the same level, of the board moved by (dx,
// dy), when the root holds the board before and after.
func (e *Engine) shifted(dx, dy int64) uint32 {
	l := e.level - 1
	h := int64(1) << l
	r := e.node(e.root)
	// The nodes of level l of the board as it is, by key relative to the
	// root's corner: its quadrants at 0 and 1, and empty beyond.
	grid := func(kx, ky int64) uint32 {
		if kx < 0 || kx > 1 || ky < 0 || ky > 1 {
			return e.empty[l]
		}
		return [4]uint32{r.nw, r.ne, r.sw, r.se}[kx+2*ky]
	}
	s := &shift{e: e, ox: uint64(-dx), oy: uint64(-dy), memo: make([]map[[4]uint32]uint32, l+1)}
	sp := len(e.stack)
	var q [4]uint32
	for i := range 4 {
		// The quadrant's corner, relative to the root's, before the move.
		x, y := int64(i&1)*h-dx, int64(i>>1)*h-dy
		kx, ky := x>>l, y>>l
		q[i] = e.push(s.window(grid(kx, ky), grid(kx+1, ky), grid(kx, ky+1), grid(kx+1, ky+1)))
	}
	root := e.join(q[0], q[1], q[2], q[3])
	e.stack = e.stack[:sp]
	return root
}

// shift makes the windows of one Shift. The window of a square of four nodes
// of level k is the node of level k whose corner lies at (ox, oy) mod 2^k
// from the square's.
type shift struct {
	e      *Engine
	ox, oy uint64
	// memo holds the windows made, by level. They stay on the engine's
	// stack, as the quadrants made for them do, until the Shift is done.
	memo []map[[4]uint32]uint32
}

// window returns the window of the square of nw, ne, sw, se, of one level.
func (s *shift) window(nw, ne, sw, se uint32) uint32 {
	e := s.e
	a := e.node(nw)
	l := a.level
	if z := e.empty[l]; nw == z && ne == z && sw == z && se == z {
		return z
	}
	ox, oy := s.ox&(1<<l-1), s.oy&(1<<l-1)
	if ox == 0 && oy == 0 {
		return nw
	}
	if s.memo[l] == nil {
		s.memo[l] = make(map[[4]uint32]uint32)
	}
	k := [4]uint32{nw, ne, sw, se}
	if w, ok := s.memo[l][k]; ok {
		return w
	}
	b, c, d := e.node(ne), e.node(sw), e.node(se)
	var w uint32
	if l == leafLevel {
		cells := [4]uint64{a.leafBits(), b.leafBits(), c.leafBits(), d.leafBits()}
		var out uint64
		for row := range uint64(8) {
			y := oy + row
			top := cells[0:2]
			if y >= 8 {
				top, y = cells[2:4], y-8
			}
			line := top[0]>>(8*y)&0xff | (top[1]>>(8*y)&0xff)<<8
			out |= (line >> ox & 0xff) << (8 * row)
		}
		w = e.leaf(out)
	} else {
		// The 4 × 4 quadrants of the square, and the window's quadrants
		// on them.
		g := [4][4]uint32{
			{a.nw, a.ne, b.nw, b.ne},
			{a.sw, a.se, b.sw, b.se},
			{c.nw, c.ne, d.nw, d.ne},
			{c.sw, c.se, d.sw, d.se},
		}
		sx, sy := ox>>(l-1), oy>>(l-1)
		var q [4]uint32
		for i := range uint64(4) {
			x, y := sx+i&1, sy+i>>1
			q[i] = e.push(s.window(g[y][x], g[y][x+1], g[y+1][x], g[y+1][x+1]))
		}
		w = e.join(q[0], q[1], q[2], q[3])
	}
	s.memo[l][k] = e.push(w)
	return w
}
