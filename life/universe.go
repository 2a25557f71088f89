package life

import (
	"fmt"
	"iter"
	"maps"
	"math/bits"
	"slices"
)

// TileSide is the side of a Universe's square tiles, in cells: a row of a
// tile is one 64-bit word.
const TileSide = 64

// TileKey is a tile's position: the tile at (X, Y) holds the cells from
// (64X, 64Y) to (64X+63, 64Y+63).
type TileKey struct{ X, Y int64 }

// Tile holds 64 × 64 cells of a Universe, a word per row: bit i of Rows[r]
// is set if the cell i columns right of the tile's left edge, r rows below
// its top, is not Empty. It is Alive unless the tile says otherwise: a tile
// that holds a dying state of a Generations rule keeps each such cell's
// state (2 or more) beside the rows. The engines that step a Universe 64
// cells a word read and write Rows; a state beyond Alive is set with
// Universe.Set.
type Tile struct {
	Rows   [TileSide]uint64
	states *[TileSide * TileSide]State // the states of the dying cells; nil if none
}

// State returns the state of the cell at column c, row r.
func (t *Tile) State(c, r uint) State {
	if t.Rows[r]>>c&1 == 0 {
		return Empty
	}
	if t.states != nil {
		if s := t.states[r*TileSide+c]; s > Alive {
			return s
		}
	}
	return Alive
}

// CopyFrom makes t a copy of o that shares nothing with it.
func (t *Tile) CopyFrom(o *Tile) {
	t.Rows = o.Rows
	switch {
	case o.states == nil:
		t.states = nil
	case t.states == nil:
		st := *o.states
		t.states = &st
	default:
		*t.states = *o.states
	}
}

// equal reports whether t and o hold the same cells.
func (t *Tile) equal(o *Tile) bool {
	if t.Rows != o.Rows {
		return false
	}
	if t.states == nil && o.states == nil {
		return true
	}
	for r, w := range &t.Rows {
		for ; w != 0; w &= w - 1 {
			c := uint(bits.TrailingZeros64(w))
			if t.State(c, uint(r)) != o.State(c, uint(r)) {
				return false
			}
		}
	}
	return true
}

// Empty reports whether every cell of t is Empty.
func (t *Tile) Empty() bool {
	for _, r := range &t.Rows {
		if r != 0 {
			return false
		}
	}
	return true
}

// TileOf returns the tile that holds the cell at (x, y), and the cell's place
// in it.
func TileOf(x, y int64) (k TileKey, col, row uint) {
	return TileKey{x >> 6, y >> 6}, uint(x & 63), uint(y & 63)
}

// Universe is an unbounded plane of cells: any int64 position may hold a live
// (or dying) cell, and every cell that was never set is dead. It keeps only
// the 64 × 64 tiles that hold a cell that is not Empty, one bit a cell (and
// a byte a cell in a tile that holds a dying state), so its memory follows
// the life on it, not its extent. Below, a live cell is one that is not
// Empty: the dying states of a Generations rule count, as Golly counts them.
//
// The zero Universe is empty and ready to use. A Universe is not safe for
// concurrent writes; any number of goroutines may read it while none writes.
type Universe struct {
	tiles map[TileKey]*Tile
	spare []*Tile // cleared tiles, to be reused
}

// NewUniverse returns an empty universe.
func NewUniverse() *Universe { return &Universe{} }

// At returns the state of the cell at (x, y).
func (u *Universe) At(x, y int64) State {
	k, c, r := TileOf(x, y)
	t := u.tiles[k]
	if t == nil {
		return Empty
	}
	return t.State(c, r)
}

// Set sets the cell at (x, y) to s.
func (u *Universe) Set(x, y int64, s State) {
	k, c, r := TileOf(x, y)
	t := u.tiles[k]
	if s == Empty {
		if t != nil {
			t.Rows[r] &^= 1 << c
		}
		return
	}
	if t == nil {
		t = u.NewTile(k)
	}
	t.Rows[r] |= 1 << c
	if s > Alive && t.states == nil {
		t.states = new([TileSide * TileSide]State)
	}
	if t.states != nil {
		t.states[r*TileSide+c] = s
	}
}

// Tile returns the tile at k, or nil if u keeps none there.
func (u *Universe) Tile(k TileKey) *Tile { return u.tiles[k] }

// AllTiles returns an iterator over the tiles u keeps and their keys, in no
// particular order; some may be empty. u must not gain or lose tiles while
// it runs.
func (u *Universe) AllTiles() iter.Seq2[TileKey, *Tile] { return maps.All(u.tiles) }

// NewTile adds an empty tile at k, in place of any tile there, and returns
// it.
func (u *Universe) NewTile(k TileKey) *Tile {
	if u.tiles == nil {
		u.tiles = make(map[TileKey]*Tile)
	}
	var t *Tile
	if n := len(u.spare); n > 0 {
		t, u.spare = u.spare[n-1], u.spare[:n-1]
	} else {
		t = new(Tile)
	}
	u.tiles[k] = t
	return t
}

// Clear kills every cell.
func (u *Universe) Clear() {
	for k, t := range u.tiles {
		t.Rows = [TileSide]uint64{}
		t.states = nil
		u.spare = append(u.spare, t)
		delete(u.tiles, k)
	}
}

// Prune drops the tiles that hold no live cell, keeping them for reuse.
func (u *Universe) Prune() {
	for k, t := range u.tiles {
		if t.Empty() {
			u.spare = append(u.spare, t)
			delete(u.tiles, k)
		}
	}
}

// Population returns the number of live cells.
func (u *Universe) Population() int {
	n := 0
	for _, t := range u.tiles {
		for _, r := range &t.Rows {
			n += bits.OnesCount64(r)
		}
	}
	return n
}

// TileBytes is about what a Universe holds for each of its tiles: the 512
// bytes of cells and the map's entry (a tile that holds a dying state has
// 4 KiB more).
const TileBytes = 600

// Tiles returns how many tiles the universe keeps: its memory is about
// TileBytes a tile (Bytes says it more exactly).
func (u *Universe) Tiles() int { return len(u.tiles) }

// Bytes returns about how much memory the universe holds: TileBytes a tile,
// and a byte a cell more in each tile that holds a dying state.
func (u *Universe) Bytes() int {
	n := len(u.tiles) * TileBytes
	for _, t := range u.tiles {
		if t.states != nil {
			n += len(t.states)
		}
	}
	return n
}

// Bounds returns the bounding box of the live cells, or the zero Rect if none
// is alive.
func (u *Universe) Bounds() Rect {
	var b Rect
	for k, t := range u.tiles {
		var or uint64
		top, bottom := -1, -1
		for r, w := range &t.Rows {
			if w != 0 {
				if top < 0 {
					top = r
				}
				bottom = r
				or |= w
			}
		}
		if top < 0 {
			continue
		}
		x0, y0 := k.X*TileSide, k.Y*TileSide
		tb := Rect{
			Point{x0 + int64(bits.TrailingZeros64(or)), y0 + int64(top)},
			Point{x0 + int64(64-bits.LeadingZeros64(or)), y0 + int64(bottom) + 1},
		}
		b = b.Union(tb)
	}
	return b
}

// Clone returns a copy of u that shares nothing with it, without the tiles
// that hold no live cell.
func (u *Universe) Clone() *Universe {
	c := &Universe{tiles: make(map[TileKey]*Tile, len(u.tiles))}
	for k, t := range u.tiles {
		if !t.Empty() {
			n := new(Tile)
			n.CopyFrom(t)
			c.tiles[k] = n
		}
	}
	return c
}

// Equal reports whether u and o hold the same live cells.
func (u *Universe) Equal(o *Universe) bool {
	for _, pair := range [2][2]*Universe{{u, o}, {o, u}} {
		for k, t := range pair[0].tiles {
			ot := pair[1].tiles[k]
			if ot == nil {
				if !t.Empty() {
					return false
				}
			} else if !t.equal(ot) {
				return false
			}
		}
	}
	return true
}

// Paste sets the cells of g into u with g's top-left cell at p, empty ones
// too.
func (u *Universe) Paste(g *Grid, p Point) {
	for y := range g.h {
		for x, s := range g.Cells[y*g.w : (y+1)*g.w] {
			u.Set(p.X+int64(x), p.Y+int64(y), s)
		}
	}
}

// Copy fills dst with the cells of the rectangle of dst's size whose top-left
// cell is at p.
func (u *Universe) Copy(dst *Grid, p Point) {
	dst.Clear()
	r := RectOf(p, int64(dst.w), int64(dst.h))
	u.Cells(r, func(x, y int64, s State) {
		dst.Cells[int(y-p.Y)*dst.w+int(x-p.X)] = s
	})
}

// Grid returns a new grid of the cells in r, or an error wrapping ErrSize if
// r is empty or too big for a Grid.
func (u *Universe) Grid(r Rect) (*Grid, error) {
	if r.Dx() > MaxCells || r.Dy() > MaxCells {
		return nil, fmt.Errorf("%w: a %dx%d box: more than %d cells", ErrSize, r.Dx(), r.Dy(), MaxCells)
	}
	g, err := NewGrid(int(r.Dx()), int(r.Dy()))
	if err != nil {
		return nil, err
	}
	u.Copy(g, r.Min)
	return g, nil
}

// Live calls f with each live cell in r, row by row from the top, each row
// from the left.
func (u *Universe) Live(r Rect, f func(x, y int64)) {
	u.Cells(r, func(x, y int64, _ State) { f(x, y) })
}

// Cells calls f with each live cell in r and its state, in the order Live
// visits them.
func (u *Universe) Cells(r Rect, f func(x, y int64, s State)) {
	if r.Empty() {
		return
	}
	keys := u.keysIn(r)
	for i := 0; i < len(keys); {
		// The tiles of one band of 64 rows, left to right.
		j := i
		for j < len(keys) && keys[j].Y == keys[i].Y {
			j++
		}
		band := keys[i:j]
		y0 := keys[i].Y * TileSide
		for row := range int64(TileSide) {
			y := y0 + row
			if y < r.Min.Y || y >= r.Max.Y {
				continue
			}
			for _, k := range band {
				t := u.tiles[k]
				w := t.Rows[row]
				x0 := k.X * TileSide
				for w != 0 {
					c := uint(bits.TrailingZeros64(w))
					w &= w - 1
					if x := x0 + int64(c); x >= r.Min.X && x < r.Max.X {
						f(x, y, t.State(c, uint(row)))
					}
				}
			}
		}
		i = j
	}
}

// keysIn returns the keys of the tiles that overlap r, sorted by row of
// tiles, then by column.
func (u *Universe) keysIn(r Rect) []TileKey {
	lo, hi := TileKey{r.Min.X >> 6, r.Min.Y >> 6}, TileKey{(r.Max.X - 1) >> 6, (r.Max.Y - 1) >> 6}
	var keys []TileKey
	for k := range u.tiles {
		if k.X >= lo.X && k.X <= hi.X && k.Y >= lo.Y && k.Y <= hi.Y {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b TileKey) int {
		if a.Y != b.Y {
			return compareInt64(a.Y, b.Y)
		}
		return compareInt64(a.X, b.X)
	})
	return keys
}

func compareInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// String draws the live cells' bounding box as Grid.String does, or "" when
// none is alive.
func (u *Universe) String() string {
	b := u.Bounds()
	if b.Empty() {
		return ""
	}
	g, err := u.Grid(b)
	if err != nil {
		return err.Error()
	}
	return g.String()
}
