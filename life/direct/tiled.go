package direct

import "colife/life"

// Tiles is the direct engine on an unbounded plane. It steps the Universe's
// 64 × 64 tiles a row at a time, 64 cells in one word: the eight neighbours
// of every cell of a row are eight shifted words, added bit by bit into a
// four-bit count, and the rule is a boolean function of the count's bits and
// the cell's state. Only the tiles that hold a live cell, and their
// neighbours that a live cell touches, are looked at: the plane has no edge,
// and its cost follows the life on it. Of those, a tile none of whose 3 × 3
// tiles changed in the last generation cannot change (its cells'
// neighbourhoods are what they were), and is copied, not stepped: a settled
// field of still lifes costs a copy a tile. It refuses rules with B0
// (sim.New does), under which the empty plane itself would come alive.
type Tiles struct {
	birth, survive []uint // the neighbour counts of the rule's B and S
	next           *life.Universe
	todo           map[life.TileKey]struct{}
	changed, was   map[life.TileKey]struct{} // the tiles the last generation changed; scratch
	all            bool                      // count every tile as changed: the first generation, or after an edit
	stepped        int                       // tiles stepped in the last generation, not copied
}

func NewTiles(rule life.Rule) *Tiles {
	t := &Tiles{next: life.NewUniverse(), todo: make(map[life.TileKey]struct{}), changed: make(map[life.TileKey]struct{}), was: make(map[life.TileKey]struct{}), all: true}
	birth, survive, _ := rule.Totalistic() // a two-state totalistic rule (Rule.bitParallel)
	for n := range uint(9) {
		if birth>>n&1 == 1 {
			t.birth = append(t.birth, n)
		}
		if survive>>n&1 == 1 {
			t.survive = append(t.survive, n)
		}
	}
	return t
}

// Step returns the generation after u, in a universe of the engine's own;
// u becomes the engine's, to be reused for the generation after.
func (t *Tiles) Step(u *life.Universe) *life.Universe {
	clear(t.todo)
	for k, c := range u.AllTiles() {
		if c.Empty() {
			continue
		}
		t.todo[k] = struct{}{}
		var or uint64
		for _, r := range &c.Rows {
			or |= r
		}
		top, bottom := c.Rows[0], c.Rows[life.TileSide-1]
		for _, n := range [8]struct {
			dx, dy int64
			edge   bool
		}{
			{0, -1, top != 0}, {0, 1, bottom != 0}, {-1, 0, or&1 != 0}, {1, 0, or>>63 != 0},
			{-1, -1, top&1 != 0}, {1, -1, top>>63 != 0}, {-1, 1, bottom&1 != 0}, {1, 1, bottom>>63 != 0},
		} {
			if n.edge {
				t.todo[life.TileKey{X: k.X + n.dx, Y: k.Y + n.dy}] = struct{}{}
			}
		}
	}
	next := t.next
	next.Clear()
	t.was, t.changed = t.changed, t.was
	clear(t.changed)
	t.stepped = 0
	var out life.Tile
	for k := range t.todo {
		cur := u.Tile(k)
		if !t.all && !t.near(k) {
			if cur != nil && !cur.Empty() {
				next.NewTile(k).CopyFrom(cur)
			}
			continue
		}
		t.stepped++
		alive := t.stepTile(u, k, &out)
		if alive {
			*next.NewTile(k) = out
		}
		if cur == nil && alive || cur != nil && cur.Rows != out.Rows {
			t.changed[k] = struct{}{}
		}
	}
	t.all = false
	t.next = u
	return next
}

// near reports whether the tile at k or one of its eight neighbours changed
// in the last generation.
func (t *Tiles) near(k life.TileKey) bool {
	for dy := int64(-1); dy <= 1; dy++ {
		for dx := int64(-1); dx <= 1; dx++ {
			if _, ok := t.was[life.TileKey{X: k.X + dx, Y: k.Y + dy}]; ok {
				return true
			}
		}
	}
	return false
}

// Edited says that the board was changed between generations, other than
// by step: every tile is stepped in the next generation.
func (t *Tiles) Edited() { t.all = true }

// stepTile writes into out the next generation of the tile at k of u,
// reporting whether any of its cells is alive.
func (t *Tiles) stepTile(u *life.Universe, k life.TileKey, out *life.Tile) bool {
	var around [3][3]*life.Tile // [dy+1][dx+1]
	for dy := range 3 {
		for dx := range 3 {
			around[dy][dx] = u.Tile(life.TileKey{X: k.X + int64(dx) - 1, Y: k.Y + int64(dy) - 1})
		}
	}
	// Rows -1 to 64 of the tile, each with the cells beyond its left and
	// right ends as bit 0 of l and r.
	var c, l, r [life.TileSide + 2]uint64
	for i := range life.TileSide + 2 {
		ty, row := 1, i-1
		switch {
		case row < 0:
			ty, row = 0, life.TileSide-1
		case row >= life.TileSide:
			ty, row = 2, 0
		}
		if m := around[ty][1]; m != nil {
			c[i] = m.Rows[row]
		}
		if w := around[ty][0]; w != nil {
			l[i] = w.Rows[row] >> 63
		}
		if e := around[ty][2]; e != nil {
			r[i] = e.Rows[row] & 1
		}
	}
	any := uint64(0)
	for y := range life.TileSide {
		a, m, b := c[y], c[y+1], c[y+2]
		n := [8]uint64{
			a<<1 | l[y], a, a>>1 | r[y]<<63,
			m<<1 | l[y+1], m>>1 | r[y+1]<<63,
			b<<1 | l[y+2], b, b>>1 | r[y+2]<<63,
		}
		out.Rows[y] = t.rule(m, count(&n))
		any |= out.Rows[y]
	}
	return any != 0
}

// counts is a neighbour count for 64 cells at once: cell i has
// bit i of ones + 2·(bit i of twos) + 4·(bit i of fours) + 8·(bit i of eights).
type counts struct{ ones, twos, fours, eights uint64 }

// count adds eight words bit by bit with full and half adders.
func count(n *[8]uint64) counts {
	s0, c0 := fullAdd(n[0], n[1], n[2])
	s1, c1 := fullAdd(n[3], n[4], n[5])
	s2, c2 := n[6]^n[7], n[6]&n[7]
	ones, c3 := fullAdd(s0, s1, s2)
	t, c4 := fullAdd(c0, c1, c2)
	twos, c5 := t^c3, t&c3
	return counts{ones: ones, twos: twos, fours: c4 ^ c5, eights: c4 & c5}
}

// fullAdd adds three words bit by bit: the sum's bits and the carries.
func fullAdd(a, b, c uint64) (sum, carry uint64) {
	u := a ^ b
	return u ^ c, a&b | u&c
}

// rule returns the next state of 64 cells: alive holds their states, n their
// neighbour counts.
func (t *Tiles) rule(alive uint64, n counts) uint64 {
	var next uint64
	for _, k := range t.birth {
		next |= n.is(k) &^ alive
	}
	for _, k := range t.survive {
		next |= n.is(k) & alive
	}
	return next
}

// is returns the cells whose count is k.
func (n counts) is(k uint) uint64 {
	pick := func(w uint64, bit uint) uint64 {
		if k>>bit&1 == 1 {
			return w
		}
		return ^w
	}
	return pick(n.ones, 0) & pick(n.twos, 1) & pick(n.fours, 2) & pick(n.eights, 3)
}
