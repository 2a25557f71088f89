// Package pattern reads and writes Game of Life patterns, and holds a small
// library of well known ones.
//
// Four file formats are read, told apart by their content rather than their
// name: RLE (the "x = m, y = n" header and a run-length body, the format of
// Golly and LifeWiki), plaintext ".cells" (rows of '.' and 'O' under '!'
// comment lines), Life 1.06 (a "#Life 1.06" line and then one "x y" pair
// per live cell) and Golly's macrocell ".mc" (an "[M2]" line and then a
// quadtree, each distinct square once, for patterns too large or too regular
// for a list of cells). RLE, plaintext and macrocell are also written. Any
// of them may come compressed with gzip (Golly's ".mc.gz"); Ext tells a
// writer the format and the compression a file's name asks for.
//
// A Macrocell holds a macrocell file's tree as it is, for HashLife; its
// population and bounding box are counted from the nodes, and Pattern and
// Universe expand it into cells when that fits (MaxLive, the memory budget).
// Read expands one into a Pattern; ReadMacrocell and LoadMacrocell read any
// pattern as a Macrocell.
//
// A Pattern is a list of live cells inside a declared box, each alive or, under
// a Generations rule, dying (RLE writes those states as Golly does, '.' for
// empty and 'A' to 'X', 'pA' to 'yO' for states 1 to 255). Place puts it in the
// middle of a life.Grid; Grid makes a grid just big enough for it.
//
// Every reader refuses absurd sizes before it allocates anything (see MaxSide
// and MaxLive), never hangs, and reports each error as a *ParseError naming the
// file, the line and, where it helps, the column.
package pattern

import (
	"cmp"
	"fmt"
	"slices"

	"colife/life"
)

// MaxSide is the largest width or height a pattern's box may have, and the
// largest RLE run count. Bigger numbers are refused before anything is
// allocated.
const MaxSide = 1 << 20

// MaxLive is the largest number of live cells a pattern file may hold: a
// body that would make more is refused as it is read. That is four times the
// cells of the largest grid the goroutine engine runs comfortably; the box
// itself may hold up to life.MaxCells cells, most of them dead. (FromGrid and
// the writers have no such limit.)
const MaxLive = 1 << 22

// Cell is a live (or dying) cell, relative to the top-left of the pattern's
// declared box: X grows to the right and Y downwards, both from 0.
type Cell struct {
	X, Y int
	// Dying is 0 for a live cell, or the dying state of a Generations rule
	// (2 up to the rule's States()-1) of a cell that is dying. So Cell{X: x,
	// Y: y} is alive.
	Dying life.State
}

// State returns the cell's state: life.Alive, or its dying state.
func (c Cell) State() life.State {
	if c.Dying == 0 {
		return life.Alive
	}
	return c.Dying
}

// Pattern is a set of live cells in a declared box, with what the file said
// about them. Readers return the cells sorted by row, then column, with no
// duplicates, and every cell inside the box.
type Pattern struct {
	// Name is the file's name for the pattern (RLE "#N", plaintext "!Name:"),
	// or the built-in name; "" if it has none.
	Name string
	// Description is a one-line description; only the built-in patterns have
	// one, shown by -list.
	Description string
	// Comments are the file's comment lines without their markers: RLE "#C"
	// and "#c" lines, "#O" lines as "Author: ...", plaintext "!" lines and
	// Life 1.06 "#D" lines.
	Comments []string
	// Rule is the rule as the file wrote it, without a bounded-grid suffix,
	// or "" if it gave none. A rule read from a file has been checked with
	// life.ParseRule; LifeRule parses it.
	Rule string
	// Bounds is the bounded grid the rule's suffix asks for, such as a
	// 100 × 80 torus for Golly's "B3/S23:T100,80"; zero when it gives
	// none. The writers write it after the rule.
	Bounds life.Bounds
	// Width and Height are the declared box: the RLE header's x and y, a
	// plaintext file's longest row and its number of rows (dead margins
	// included), the bounding box of a Life 1.06 file.
	Width, Height int
	// Cells are the live cells, dying ones included, each inside the box.
	Cells []Cell
	// Position, when not nil, is where the box's top-left cell lies on an
	// unbounded plane: Golly's "#CXRLE Pos=x,y". Without it the pattern has
	// no place of its own.
	Position *life.Point
	// Generation is the generation the pattern was saved at ("#CXRLE
	// Gen=n"), 0 if the file does not say.
	Generation int
	// Warnings are things the reader accepted but that a person may want to
	// know, such as cells beyond an RLE header's box, each starting with the
	// file name and line.
	Warnings []string
}

// LifeRule returns the pattern's rule and true, or life.Conway and false if
// the pattern gives no rule (or one life.ParseRule refuses, which a pattern
// returned by Read never does).
func (p *Pattern) LifeRule() (life.Rule, bool) {
	if p.Rule == "" {
		return life.Conway, false
	}
	r, err := life.ParseRule(p.Rule)
	if err != nil {
		return life.Conway, false
	}
	return r, true
}

// Population returns the number of live cells, dying ones included (as
// life.Grid.Population counts them).
func (p *Pattern) Population() int { return len(p.Cells) }

// MaxState returns the highest state of the pattern's cells: life.Empty if it
// has none, life.Alive if none is dying.
func (p *Pattern) MaxState() life.State {
	m := life.Empty
	for _, c := range p.Cells {
		m = max(m, c.State())
	}
	return m
}

// CheckStates returns an error if a cell's state is one rule r does not have:
// a dying cell under a two-state rule, or state 5 under B2/S/C3.
func (p *Pattern) CheckStates(r life.Rule) error {
	return p.checkState(p.MaxState(), r)
}

// checkState returns an error if the pattern's highest state m is one r does
// not have.
func (p *Pattern) checkState(m life.State, r life.Rule) error {
	if int(m) >= r.States() {
		return fmt.Errorf("%s has cells in state %d (%s), but rule %s has %d states, 0 to %d", p.title(), m, stateTag(m), r, r.States(), r.States()-1)
	}
	return nil
}

// title names the pattern in an error message.
func (p *Pattern) title() string {
	if p.Name == "" {
		return "pattern"
	}
	return fmt.Sprintf("pattern %q", p.Name)
}

// Place sets the pattern's cells alive in g, with the top-left of its box at
// ((W-w)/2, (H-h)/2) for a W×H grid and a w×h box, so that the pattern sits in
// the middle, each in its state. It clears nothing. A box wider or taller than the grid is an
// error that gives both sizes; so is a cell outside the box.
func (p *Pattern) Place(g *life.Grid) error {
	gw, gh := g.Width(), g.Height()
	if p.Width > gw || p.Height > gh {
		return fmt.Errorf("%s is %dx%d, larger than the %dx%d grid", p.title(), p.Width, p.Height, gw, gh)
	}
	if err := p.checkCells(); err != nil {
		return err
	}
	ox, oy := (gw-p.Width)/2, (gh-p.Height)/2
	for _, c := range p.Cells {
		g.Cells[g.Index(ox+c.X, oy+c.Y)] = c.State()
	}
	return nil
}

// Grid returns a new grid of (w+2*margin) × (h+2*margin) cells for a w×h box,
// with the pattern placed in the middle.
func (p *Pattern) Grid(margin int) (*life.Grid, error) {
	if margin < 0 || margin > MaxSide {
		return nil, fmt.Errorf("%s: margin %d: want 0 to %d", p.title(), margin, MaxSide)
	}
	if p.Width < 0 || p.Width > MaxSide || p.Height < 0 || p.Height > MaxSide {
		return nil, fmt.Errorf("%s: box %dx%d: %w: want width and height 1 to %d", p.title(), p.Width, p.Height, life.ErrSize, MaxSide)
	}
	g, err := life.NewGrid(p.Width+2*margin, p.Height+2*margin)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.title(), err)
	}
	if err := p.Place(g); err != nil {
		return nil, err
	}
	return g, nil
}

// checkCells reports the first cell outside the box.
func (p *Pattern) checkCells() error {
	for _, c := range p.Cells {
		if c.X < 0 || c.X >= p.Width || c.Y < 0 || c.Y >= p.Height {
			return fmt.Errorf("%s: cell (%d, %d) lies outside its %dx%d box", p.title(), c.X, c.Y, p.Width, p.Height)
		}
	}
	return nil
}

// FromGrid returns the live cells of the whole grid, in their states, as a
// pattern whose box is the grid, with the given name and rule. It shares
// nothing with g.
func FromGrid(g *life.Grid, name string, rule life.Rule) *Pattern {
	p := &Pattern{Name: name, Rule: rule.String(), Width: g.Width(), Height: g.Height()}
	for y := range g.Height() {
		for x := range g.Width() {
			if s := g.Cells[g.Index(x, y)]; s != life.Empty {
				p.Cells = append(p.Cells, cellOf(x, y, s))
			}
		}
	}
	return p
}

// cellOf returns the cell at (x, y) in state s, which is not Empty.
func cellOf(x, y int, s life.State) Cell {
	if s == life.Alive {
		return Cell{X: x, Y: y}
	}
	return Cell{X: x, Y: y, Dying: s}
}

// FromUniverse returns the live cells of u, in their states, as a pattern whose box is their
// bounding box, placed there (Position), with the given name, rule and
// generation; an empty universe gives an empty 0 × 0 pattern. It shares
// nothing with u.
func FromUniverse(u *life.Universe, name string, rule life.Rule, gen int) *Pattern {
	p := universeHeader(u, name, rule, gen)
	if p.Position == nil {
		return p
	}
	b := *p.Position
	u.Cells(u.Bounds(), func(x, y int64, s life.State) { p.Cells = append(p.Cells, cellOf(int(x-b.X), int(y-b.Y), s)) })
	return p
}

// universeHeader returns FromUniverse's pattern without its cells.
func universeHeader(u *life.Universe, name string, rule life.Rule, gen int) *Pattern {
	b := u.Bounds()
	p := &Pattern{Name: name, Rule: rule.String(), Width: int(b.Dx()), Height: int(b.Dy()), Generation: gen}
	if !b.Empty() {
		p.Position = &b.Min
	} else {
		// No live cell: one dead cell, as an RLE box of 0 × 0 does not
		// read back.
		p.Width, p.Height = 1, 1
	}
	return p
}

// universeRuns returns the runs of u's live cells in their bounding box,
// which p's Position gives.
func universeRuns(u *life.Universe, p *Pattern) runs {
	return func(visit func(x, y, n int, s life.State) error) error {
		if p.Position == nil {
			return nil
		}
		at := *p.Position
		var err error
		x0, y0, n, s0 := 0, 0, 0, life.Empty // the run being gathered
		u.Cells(u.Bounds(), func(x, y int64, s life.State) {
			cx, cy := int(x-at.X), int(y-at.Y)
			if n > 0 && cy == y0 && cx == x0+n && s == s0 {
				n++
				return
			}
			if n > 0 && err == nil {
				err = visit(x0, y0, n, s0)
			}
			x0, y0, n, s0 = cx, cy, 1, s
		})
		if n > 0 && err == nil {
			err = visit(x0, y0, n, s0)
		}
		return err
	}
}

// runs calls visit for each run of live cells of one state in a box, row by
// row from the top and left to right: n cells in state s (not Empty) from (x,
// y) rightwards. It stops at the first error visit returns, and returns it.
type runs func(visit func(x, y, n int, s life.State) error) error

// maxState returns the highest state of the runs' cells, Empty if none.
func (r runs) maxState() life.State {
	m := life.Empty
	r(func(_, _, _ int, s life.State) error {
		m = max(m, s)
		return nil
	})
	return m
}

// cellRuns returns the runs of cells, sorted as sortedCells sorts them.
func cellRuns(cells []Cell) runs {
	return func(visit func(x, y, n int, s life.State) error) error {
		for i := 0; i < len(cells); {
			j := i + 1
			s := cells[i].State()
			for j < len(cells) && cells[j].Y == cells[i].Y && cells[j].X == cells[j-1].X+1 && cells[j].State() == s {
				j++
			}
			if err := visit(cells[i].X, cells[i].Y, j-i, s); err != nil {
				return err
			}
			i = j
		}
		return nil
	}
}

// gridRuns returns the runs of g's live cells.
func gridRuns(g *life.Grid) runs {
	return func(visit func(x, y, n int, s life.State) error) error {
		for y := range g.Height() {
			row := g.Cells[g.Index(0, y):g.Index(0, y+1)]
			for x := 0; x < len(row); {
				s := row[x]
				if s == life.Empty {
					x++
					continue
				}
				end := x + 1
				for end < len(row) && row[end] == s {
					end++
				}
				if err := visit(x, y, end-x, s); err != nil {
					return err
				}
				x = end
			}
		}
		return nil
	}
}

// sortedCells returns p's cells sorted by row, then column, without
// duplicates (of two cells at one place, the first given is kept), after checking that each lies inside the box. It does not change
// p, and the caller must not change what it returns.
func (p *Pattern) sortedCells() ([]Cell, error) {
	if err := p.checkCells(); err != nil {
		return nil, err
	}
	if slices.IsSortedFunc(p.Cells, compareCells) && !hasDuplicates(p.Cells) {
		return p.Cells, nil // as every reader leaves them
	}
	cells := slices.Clone(p.Cells)
	slices.SortStableFunc(cells, compareCells)
	return slices.CompactFunc(cells, func(a, b Cell) bool { return compareCells(a, b) == 0 }), nil
}

// hasDuplicates reports whether sorted cells hold the same cell twice.
func hasDuplicates(sorted []Cell) bool {
	for i := 1; i < len(sorted); i++ {
		if compareCells(sorted[i], sorted[i-1]) == 0 {
			return true
		}
	}
	return false
}

// compareCells orders cells by row, then column, whatever their states.
func compareCells(a, b Cell) int {
	if c := cmp.Compare(a.Y, b.Y); c != 0 {
		return c
	}
	return cmp.Compare(a.X, b.X)
}

// forWriting returns what a writer needs of p, checked before anything is
// written: its cells sorted (sortedCells) and its rule in canonical form
// (canonicalRule).
func (p *Pattern) forWriting() (cells []Cell, rule string, err error) {
	if cells, err = p.sortedCells(); err != nil {
		return nil, "", err
	}
	if rule, err = p.canonicalRule(); err != nil {
		return nil, "", err
	}
	return cells, rule, nil
}

// canonicalRule returns p's rule in canonical form, such as "B3/S23", with
// its Bounds' suffix ("B3/S23:T100,80"), or "" if it has none. The writers
// check it before they write anything: a rule p's cells' states do not fit is
// an error.
func (p *Pattern) canonicalRule() (string, error) {
	if p.Rule == "" {
		if !p.Bounds.IsZero() {
			return life.Conway.String() + p.Bounds.String(), nil
		}
		return "", nil
	}
	r, err := life.ParseRule(p.Rule)
	if err != nil {
		return "", fmt.Errorf("%s: %w", p.title(), err)
	}
	if err := p.CheckStates(r); err != nil {
		return "", err
	}
	return r.String() + p.Bounds.String(), nil
}
