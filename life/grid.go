package life

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
)

// State is the state of one cell.
type State uint8

// The two states of a cell. Empty is the zero value, so a new Grid is dead.
const (
	Empty State = iota
	Alive
)

// String returns "*" for Alive and "-" for Empty, as the book draws them,
// and for a dying state of a Generations rule its number, 2 to 9, or "+"
// beyond.
func (s State) String() string { return string(s.glyph()) }

func (s State) glyph() byte {
	switch {
	case s == Empty:
		return '-'
	case s == Alive:
		return '*'
	case s <= 9:
		return '0' + byte(s)
	}
	return '+'
}

// MaxCells is the largest number of cells a Grid may hold. It keeps the
// product of width and height well inside an int on every platform and refuses
// absurd sizes before anything is allocated.
const MaxCells = 1 << 30

// ErrSize is returned, wrapped, for a width or height that is not positive or
// whose product is larger than MaxCells.
var ErrSize = errors.New("bad grid size")

// Grid is a rectangle of cells stored row by row in one flat slice, like
// image.RGBA's Pix: the cell at (x, y) is Cells[y*Width()+x], x growing to the
// right and y downwards, both from 0.
//
// Grid itself has no edges to wrap: At reports Empty and Set does nothing for
// coordinates outside the rectangle. What lies beyond the edge (the other side,
// or nothing) is the business of a Topology.
//
// The zero Grid has no cells; use NewGrid.
type Grid struct {
	// Cells holds Width()*Height() states, row-major: Empty, Alive, or a
	// dying state (2 up) of a Generations rule.
	Cells []State
	w, h  int
}

// NewGrid returns an empty grid of w × h cells, or an error wrapping ErrSize.
func NewGrid(w, h int) (*Grid, error) {
	if err := CheckSize(w, h); err != nil {
		return nil, err
	}
	return &Grid{Cells: make([]State, w*h), w: w, h: h}, nil
}

// CheckSize reports whether a grid of w × h cells may be made, with an error
// wrapping ErrSize that says what is wrong if not.
func CheckSize(w, h int) error {
	switch {
	case w <= 0 || h <= 0:
		return fmt.Errorf("%w %dx%d: width and height must be at least 1", ErrSize, w, h)
	case w > MaxCells/h:
		return fmt.Errorf("%w %dx%d: more than %d cells", ErrSize, w, h, MaxCells)
	}
	return nil
}

// ParseGrid draws a grid from a picture, one string per row: '*', 'O', 'o' or
// '#' is alive, '-', '.', 'b' or ' ' is empty, and a digit 2 to 9 is that
// dying state of a Generations rule. Short rows are padded with empty cells
// to the longest row.
func ParseGrid(rows ...string) (*Grid, error) {
	w := 0
	for _, r := range rows {
		w = max(w, len(r))
	}
	g, err := NewGrid(w, len(rows))
	if err != nil {
		return nil, err
	}
	for y, r := range rows {
		for x, c := range []byte(r) {
			switch c {
			case '*', 'O', 'o', '#':
				g.Cells[y*w+x] = Alive
			case '-', '.', 'b', ' ':
			case '2', '3', '4', '5', '6', '7', '8', '9':
				g.Cells[y*w+x] = State(c - '0')
			default:
				return nil, fmt.Errorf("grid row %d, column %d: unexpected %q", y+1, x+1, c)
			}
		}
	}
	return g, nil
}

// Width returns the number of columns.
func (g *Grid) Width() int { return g.w }

// Height returns the number of rows.
func (g *Grid) Height() int { return g.h }

// Index returns the position of (x, y) in Cells. It does not check bounds.
func (g *Grid) Index(x, y int) int { return y*g.w + x }

// Contains reports whether (x, y) lies inside the grid.
func (g *Grid) Contains(x, y int) bool {
	return uint(x) < uint(g.w) && uint(y) < uint(g.h)
}

// At returns the state at (x, y), or Empty outside the grid.
func (g *Grid) At(x, y int) State {
	if !g.Contains(x, y) {
		return Empty
	}
	return g.Cells[y*g.w+x]
}

// Set sets the state at (x, y); outside the grid it does nothing.
func (g *Grid) Set(x, y int, s State) {
	if g.Contains(x, y) {
		g.Cells[y*g.w+x] = s
	}
}

// Board returns the grid as a Board, its cells at (0, 0)-(Width(),
// Height()). It reads the grid itself: it sees every later change.
func (g *Grid) Board() Board { return gridBoard{g} }

// gridBoard is a Grid as a Board.
type gridBoard struct{ g *Grid }

func (b gridBoard) Bounds() Rect    { return RectOf(Point{}, int64(b.g.w), int64(b.g.h)) }
func (b gridBoard) Population() int { return b.g.Population() }

func (b gridBoard) Cells(r Rect, f func(x, y int64, s State)) {
	g := b.g
	r = r.Intersect(b.Bounds())
	if r.Empty() {
		return
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := g.Cells[int(y)*g.w : (int(y)+1)*g.w]
		for x := r.Min.X; x < r.Max.X; x++ {
			if s := row[x]; s != Empty {
				f(x, y, s)
			}
		}
	}
}

// Population returns the number of live cells, dying ones counted (as
// Golly counts them).
func (g *Grid) Population() int {
	n := 0
	for _, s := range g.Cells {
		if s != Empty {
			n++
		}
	}
	return n
}

// Clear kills every cell.
func (g *Grid) Clear() { clear(g.Cells) }

// Equal reports whether o has the same size and the same cells as g.
func (g *Grid) Equal(o *Grid) bool {
	return g.w == o.w && g.h == o.h && string(g.Cells) == string(o.Cells)
}

// Clone returns a copy of g that shares nothing with it.
func (g *Grid) Clone() *Grid {
	return &Grid{Cells: append([]State(nil), g.Cells...), w: g.w, h: g.h}
}

// CopyFrom copies the cells of src, which must have the same size, into g.
func (g *Grid) CopyFrom(src *Grid) error {
	if g.w != src.w || g.h != src.h {
		return fmt.Errorf("copy a %dx%d grid into a %dx%d one: sizes differ", src.w, src.h, g.w, g.h)
	}
	copy(g.Cells, src.Cells)
	return nil
}

// Randomize makes each cell alive with probability density, drawing from r.
func (g *Grid) Randomize(r *rand.Rand, density float64) {
	for i := range g.Cells {
		if r.Float64() < density {
			g.Cells[i] = Alive
		} else {
			g.Cells[i] = Empty
		}
	}
}

// String draws the grid as the book does: one line per row, '*' for a live
// cell and '-' for an empty one (and State.String's digit for a dying one),
// each line ending in a newline.
func (g *Grid) String() string {
	var b strings.Builder
	b.Grow((g.w + 1) * g.h)
	for y := range g.h {
		for _, s := range g.Cells[y*g.w : (y+1)*g.w] {
			b.WriteByte(s.glyph())
		}
		b.WriteByte('\n')
	}
	return b.String()
}
