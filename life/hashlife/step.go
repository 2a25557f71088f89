package hashlife

import (
	"context"
	"fmt"
	"math"
	"math/bits"

	"colife/life"
)

// Step advances the board exactly n generations: 2^j at a time for each bit
// j of n that is set, the smallest first, each from the memo of the nodes
// that step size has seen (a power of two above 2^MaxStep goes in steps of
// 2^MaxStep). The root grows, with empty borders, until the pattern lies in
// its middle quarter and is big enough for the step, and shrinks afterwards
// to the smallest square around the origin that holds the pattern.
//
// If ctx is cancelled during the step, Step returns ctx.Err() with the board
// as it was. It returns an error wrapping ErrPlane if the pattern would grow
// beyond the plane (the board is as it was), and one wrapping life.ErrBudget
// if the board and the snapshots kept take so much of the table that
// collecting it leaves too little room to go on (and the board is as it was).
func (e *Engine) Step(ctx context.Context, n uint64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if e.gen > math.MaxUint64-n {
		return fmt.Errorf("hashlife: generation %d + %d: beyond the last generation there is, %d", e.gen, n, uint64(math.MaxUint64))
	}
	root, level, gen := e.root, e.level, e.gen
	e.keep, e.ctx, e.done = root, ctx, ctx.Done()
	err := e.guard(func() {
		for n > 0 {
			j := uint8(min(bits.TrailingZeros64(n), MaxStep))
			e.stepOnce(j)
			n -= 1 << j
		}
	})
	e.keep, e.ctx, e.done = 0, nil, nil
	if err != nil {
		e.root, e.level, e.gen = root, level, gen
	}
	return err
}

// stepOnce advances the board 2^j generations.
func (e *Engine) stepOnce(j uint8) {
	for e.level < j+3 || !e.inner() {
		if e.level == maxLevel {
			// A root of one more level, the whole int64 plane, steps
			// any pattern whose cells lie 2^j or more in from the
			// plane's edge: in 2^j generations they stay on it.
			lim := int64(1)<<(maxLevel-1) - int64(1)<<j
			if b := e.Bounds(); b.Min.X < -lim || b.Min.Y < -lim || b.Max.X > lim || b.Max.Y > lim {
				panic(abort{fmt.Errorf("hashlife: generation %d: a step of 2^%d generations of the live cells from %s to %s: %w (%d to %d): a step of 2^%d needs them %d cells in from its edge",
					e.gen, j, b.Min, b.Max.Sub(life.Point{X: 1, Y: 1}), ErrPlane, int64(PlaneMin), int64(PlaneMax), j, int64(1)<<j)})
			}
			e.expand()
			break
		}
		e.expand()
	}
	e.root = e.advance(e.root, j)
	e.level--
	e.gen += 1 << j
	e.shrink()
}

// inner reports whether the pattern lies in the middle quarter of the root,
// of level minStep or more: within 2^(k-3) cells of the origin on each side,
// so that a step of up to 2^(k-3) generations stays within the centre, 2^(k-2)
// from it.
func (e *Engine) inner() bool {
	if e.level < minStep {
		return false
	}
	r := e.node(e.root)
	a, b, c, d := e.node(r.nw), e.node(r.ne), e.node(r.sw), e.node(r.se)
	if !e.outerEmpty(a, b, c, d) {
		return false
	}
	return e.outerEmpty(e.node(a.se), e.node(b.sw), e.node(c.ne), e.node(d.nw))
}

// outerEmpty reports whether the square of four nodes of one level holds no
// live cell but in its centre: whether the twelve quadrants of theirs along
// its edges are empty.
func (e *Engine) outerEmpty(nw, ne, sw, se *node) bool {
	z := e.empty[nw.level-1]
	return nw.nw == z && nw.ne == z && nw.sw == z && ne.nw == z && ne.ne == z && ne.se == z &&
		sw.nw == z && sw.sw == z && sw.se == z && se.ne == z && se.sw == z && se.se == z
}

// expand doubles the root's side, around the same centre, with empty
// borders: each quadrant becomes the inner quadrant of a new one.
func (e *Engine) expand() {
	r := e.node(e.root)
	z := e.empty[e.level-1]
	sp := len(e.stack)
	nw := e.push(e.join(z, z, z, r.nw))
	ne := e.push(e.join(z, z, r.ne, z))
	sw := e.push(e.join(z, r.sw, z, z))
	se := e.join(r.se, z, z, z)
	e.root = e.join(nw, ne, sw, se)
	e.level++
	e.stack = e.stack[:sp]
}

// shrink halves the root's side, around the same centre, while the pattern
// lies in its centre and the root is larger than minRoot.
func (e *Engine) shrink() {
	for e.level > minRoot {
		r := e.node(e.root)
		a, b, c, d := e.node(r.nw), e.node(r.ne), e.node(r.sw), e.node(r.se)
		if !e.outerEmpty(a, b, c, d) {
			return
		}
		e.root = e.join(a.se, b.sw, c.ne, d.nw)
		e.level--
	}
}
