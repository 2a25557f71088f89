package hashlife

import (
	"math"
	"math/big"
	"math/bits"

	"colife/life"
)

// view is a board to read: a root, its level, and the chunks that hold its
// nodes. It reads only what never changes in a node in use (quadrants,
// leaf cells, population, level), so a view of a snapshot may be read on
// any goroutine while the engine steps: the chunks slice is the one the
// snapshot was taken with, whose entries the engine never writes again.
type view struct {
	chunks []*chunk
	empty  *[maxLevel + 1]uint32
	root   uint32
	level  uint8
}

// node returns the node at index i.
func (v view) node(i uint32) *node { return &v.chunks[i>>chunkBits][i&(chunkSize-1)] }

// origin returns the root's top-left cell's coordinate on either axis: its
// centre lies at the origin.
func (v view) origin() int64 { return -1 << (v.level - 1) }

// rect returns the square the root covers.
func (v view) rect() life.Rect {
	o := v.origin()
	return life.Rect{Min: life.Point{X: o, Y: o}, Max: life.Point{X: -o, Y: -o}}
}

// at returns the state of the cell at (x, y).
func (v view) at(x, y int64) life.State {
	if !v.rect().Contains(life.Point{X: x, Y: y}) {
		return life.Empty
	}
	o := v.origin()
	ux, uy := uint64(x-o), uint64(y-o)
	n := v.node(v.root)
	for l := v.level - 1; l >= leafLevel; l-- {
		switch ux>>l&1 | uy>>l&1<<1 {
		case 0:
			n = v.node(n.nw)
		case 1:
			n = v.node(n.ne)
		case 2:
			n = v.node(n.sw)
		default:
			n = v.node(n.se)
		}
	}
	return life.State(n.leafBits() >> ((uy&7)*8 + ux&7) & 1)
}

// population returns the number of live cells, saturated.
func (v view) population() uint64 { return v.node(v.root).pop }

// populationBig returns the exact number of live cells: the count of a node
// whose own has saturated is the sum of its quadrants', each node's once.
func (v view) populationBig() *big.Int {
	memo := make(map[uint32]*big.Int)
	var count func(n uint32) *big.Int
	count = func(n uint32) *big.Int {
		nd := v.node(n)
		if nd.pop < math.MaxUint64 {
			return new(big.Int).SetUint64(nd.pop)
		}
		if c, ok := memo[n]; ok {
			return c
		}
		c := count(nd.nw)
		c = new(big.Int).Add(c, count(nd.ne))
		c.Add(c, count(nd.sw))
		c.Add(c, count(nd.se))
		memo[n] = c
		return c
	}
	return count(v.root)
}

// side is an edge of a square, for bounds.
type side uint8

const (
	west side = iota
	east
	north
	south
)

// quadrants returns the two quadrants of n along side s, and the two
// opposite.
func (s side) quadrants(n *node) (near, far [2]uint32) {
	switch s {
	case west:
		return [2]uint32{n.nw, n.sw}, [2]uint32{n.ne, n.se}
	case east:
		return [2]uint32{n.ne, n.se}, [2]uint32{n.nw, n.sw}
	case north:
		return [2]uint32{n.nw, n.ne}, [2]uint32{n.sw, n.se}
	}
	return [2]uint32{n.sw, n.se}, [2]uint32{n.nw, n.ne}
}

// leafDepth returns how far into a leaf with these cells, not empty, its
// live cell nearest side s lies: 0 for one on that edge.
func (s side) leafDepth(cells uint64) uint64 {
	cols := cells | cells>>32
	cols |= cols >> 16
	cols = (cols | cols>>8) & 0xff // the columns with a live cell
	switch s {
	case west:
		return uint64(bits.TrailingZeros8(uint8(cols)))
	case east:
		return uint64(8 - bits.Len8(uint8(cols)))
	case north:
		return uint64(bits.TrailingZeros64(cells) / 8)
	}
	return uint64(bits.LeadingZeros64(cells) / 8)
}

// depth returns how far into n, not empty, its live cell nearest side s
// lies. Each distinct node is looked at once (memo): the nodes along the
// edge of the pattern, not the pattern.
func (v view) depth(s side, n uint32, memo map[uint32]uint64) uint64 {
	nd := v.node(n)
	if nd.level == leafLevel {
		return s.leafDepth(nd.leafBits())
	}
	if d, ok := memo[n]; ok {
		return d
	}
	z := v.empty[nd.level-1]
	near, far := s.quadrants(nd)
	d := uint64(math.MaxUint64)
	for _, q := range near {
		if q != z {
			d = min(d, v.depth(s, q, memo))
		}
	}
	if d == math.MaxUint64 {
		for _, q := range far {
			if q != z {
				d = min(d, v.depth(s, q, memo))
			}
		}
		d += 1 << (nd.level - 1)
	}
	memo[n] = d
	return d
}

// bounds returns the live cells' bounding box, or the zero Rect.
func (v view) bounds() life.Rect {
	if v.root == v.empty[v.level] {
		return life.Rect{}
	}
	memo := make(map[uint32]uint64)
	var d [4]int64
	for s := west; s <= south; s++ {
		clear(memo)
		d[s] = int64(v.depth(s, v.root, memo))
	}
	o := v.origin()
	return life.Rect{
		Min: life.Point{X: o + d[west], Y: o + d[north]},
		Max: life.Point{X: -o - d[east], Y: -o - d[south]},
	}
}

// placed is a node of a strip and its left edge.
type placed struct {
	n uint32
	x int64
}

// strips walks the nodes that meet r and hold a live cell, in strips:
// starting from the root, each strip is a row of nodes of one level side by
// side, left to right, and its quadrants make two strips of the level below,
// the top one walked first. So the strips of level stop come row by row from
// the top, and each from the left, and every node is looked at once. visit
// gets each strip of level stop and its top edge; rows holds the strips of
// each level as they are made.
func (v view) strips(r life.Rect, stop uint8, visit func(strip []placed, y int64)) {
	r = r.Intersect(v.rect())
	if r.Empty() || v.root == v.empty[v.level] {
		return
	}
	rows := make([][]placed, v.level+1)
	rows[v.level] = append(rows[v.level], placed{v.root, v.origin()})
	v.strip(rows, v.level, v.origin(), r, stop, visit)
}

// strip walks the strip rows[level], whose top edge is y, down to level
// stop.
func (v view) strip(rows [][]placed, level uint8, y int64, r life.Rect, stop uint8, visit func([]placed, int64)) {
	if level == stop {
		visit(rows[level], y)
		return
	}
	half := int64(1) << (level - 1)
	z := v.empty[level-1]
	for bottom := range int64(2) {
		top := y + bottom*half
		if top >= r.Max.Y || top+half <= r.Min.Y {
			continue
		}
		next := rows[level-1][:0]
		for _, p := range rows[level] {
			nd := v.node(p.n)
			left, right := nd.nw, nd.ne
			if bottom == 1 {
				left, right = nd.sw, nd.se
			}
			if left != z && p.x < r.Max.X && p.x+half > r.Min.X {
				next = append(next, placed{left, p.x})
			}
			if right != z && p.x+half < r.Max.X && p.x+half+half > r.Min.X {
				next = append(next, placed{right, p.x + half})
			}
		}
		rows[level-1] = next
		if len(next) > 0 {
			v.strip(rows, level-1, top, r, stop, visit)
		}
	}
}

// cells calls f with each live cell in r, row by row, each row from the
// left.
func (v view) cells(r life.Rect, f func(x, y int64, s life.State)) {
	var leaves []uint64
	v.strips(r, leafLevel, func(strip []placed, y int64) {
		leaves = leaves[:0]
		for _, p := range strip {
			leaves = append(leaves, v.node(p.n).leafBits())
		}
		for row := range int64(8) {
			if y+row < r.Min.Y || y+row >= r.Max.Y {
				continue
			}
			for i, p := range strip {
				b := uint8(leaves[i] >> (8 * row))
				if p.x < r.Min.X {
					b &= 0xff << (r.Min.X - p.x)
				}
				if p.x+8 > r.Max.X {
					b &= 0xff >> (p.x + 8 - r.Max.X)
				}
				for ; b != 0; b &= b - 1 {
					f(p.x+int64(bits.TrailingZeros8(b)), y+row, life.Alive)
				}
			}
		}
	})
}

// maxBlock is the largest level blocks gives squares of: 2^62 cells a side,
// aligned, fit the plane without overflow.
const maxBlock = maxLevel - 1

// blocks calls f for each aligned square of 2^level cells a side that meets
// r and holds a live cell, row by row, each row from the left.
func (v view) blocks(r life.Rect, level uint, f func(x, y int64, pop uint64)) {
	level = min(level, maxBlock)
	switch {
	case level >= uint(v.level):
		// Each quadrant of the root lies in one of the four squares of
		// that size around the origin.
		side := int64(1) << level
		nd := v.node(v.root)
		z := v.empty[v.level-1]
		for i, q := range [4]uint32{nd.nw, nd.ne, nd.sw, nd.se} {
			b := life.RectOf(life.Point{X: int64(i&1-1) * side, Y: int64(i>>1-1) * side}, side, side)
			if q != z && !b.Intersect(r).Empty() {
				f(b.Min.X, b.Min.Y, v.node(q).pop)
			}
		}
	case level >= leafLevel:
		v.strips(r, uint8(level), func(strip []placed, y int64) {
			for _, p := range strip {
				f(p.x, y, v.node(p.n).pop)
			}
		})
	default:
		// Squares inside the leaves: the cells of each, masked.
		side := int64(1) << level
		row := uint64(1)<<side - 1
		block := uint64(0)
		for i := range side {
			block |= row << (8 * i)
		}
		var leaves []uint64
		v.strips(r, leafLevel, func(strip []placed, y int64) {
			leaves = leaves[:0]
			for _, p := range strip {
				leaves = append(leaves, v.node(p.n).leafBits())
			}
			for by := int64(0); by < 8; by += side {
				if y+by >= r.Max.Y || y+by+side <= r.Min.Y {
					continue
				}
				for i, p := range strip {
					for bx := int64(0); bx < 8; bx += side {
						x := p.x + bx
						if x >= r.Max.X || x+side <= r.Min.X {
							continue
						}
						if n := bits.OnesCount64(leaves[i] & (block << (8*by + bx))); n > 0 {
							f(x, y+by, uint64(n))
						}
					}
				}
			}
		})
	}
}
