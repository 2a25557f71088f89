package pattern

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"colife/life"
)

// readCells reads a plaintext file: '!' comment lines ("!Name: ..." names the
// pattern, "!Rule: ..." gives a rule), then rows of '.' (dead) and 'O' or '*'
// (alive). Short rows are dead to the right; a blank line between rows is a
// dead row; trailing spaces, and blank lines at the end of the file, are
// ignored.
func readCells(name string, ls lines) (*Pattern, error) {
	p := &Pattern{}
	y := 0     // the next row
	blank := 0 // blank lines since the last row, dead rows if another row follows
	for _, l := range ls {
		if strings.HasPrefix(l.text, "!") {
			if err := p.cellsComment(name, l); err != nil {
				return nil, err
			}
			continue
		}
		s := strings.TrimRight(l.text, " \t")
		if s == "" {
			if y > 0 {
				blank++
			}
			continue
		}
		y += blank
		blank = 0
		if y >= MaxSide {
			return nil, &ParseError{File: name, Line: l.n, Err: life.ErrSize, Msg: fmt.Sprintf("more than %d rows", MaxSide)}
		}
		if len(s) > MaxSide {
			return nil, &ParseError{File: name, Line: l.n, Col: MaxSide + 1, Err: life.ErrSize, Msg: fmt.Sprintf("row longer than %d cells", MaxSide)}
		}
		for x := 0; x < len(s); x++ {
			switch s[x] {
			case '.':
			case 'O', '*':
				if len(p.Cells) == MaxLive {
					return nil, &ParseError{File: name, Line: l.n, Col: x + 1, Err: life.ErrSize, Msg: fmt.Sprintf("more than %d live cells", MaxLive)}
				}
				p.Cells = append(p.Cells, Cell{X: x, Y: y})
			default:
				return nil, &ParseError{File: name, Line: l.n, Col: x + 1,
					Msg: fmt.Sprintf("unexpected %s in plaintext row; want '.' (dead) or 'O' (alive)", quoteByte(s[x:]))}
			}
		}
		p.Width = max(p.Width, len(s))
		y++
		p.Height = y
		if p.Width > life.MaxCells/p.Height {
			return nil, &ParseError{File: name, Line: l.n, Err: life.ErrSize, Msg: fmt.Sprintf("box %dx%d has more than %d cells", p.Width, p.Height, life.MaxCells)}
		}
	}
	if p.Height == 0 {
		n := 1
		if len(ls) > 0 {
			n = ls[len(ls)-1].n
		}
		return nil, &ParseError{File: name, Line: n, Msg: "no rows: want rows of '.' and 'O' after the '!' comments"}
	}
	return p, nil
}

// cellsComment reads a '!' line. "!Name:" and "!Rule:", written just so, name
// the pattern and give its rule; any other '!' line is a comment.
func (p *Pattern) cellsComment(name string, l line) error {
	if v, ok := strings.CutPrefix(l.text, "!Name:"); ok && p.Name == "" {
		p.Name = strings.TrimSpace(v)
		return nil
	}
	if v, ok := strings.CutPrefix(l.text, "!Rule:"); ok && p.Rule == "" {
		text := strings.TrimSpace(v)
		return p.setRule(name, l.n, len(l.text)-len(strings.TrimLeft(v, " \t"))+1, text)
	}
	p.Comments = append(p.Comments, strings.TrimSpace(l.text[1:]))
	return nil
}

// ErrMultiState is returned, wrapped, by the plaintext writers for a pattern
// with a dying cell: plaintext has two states only.
var ErrMultiState = errors.New("plaintext (.cells) holds two states only")

// WriteCells writes p in plaintext: "!Name:" with the name, "!Rule:" with the
// rule in canonical form (and p's Bounds as Golly's suffix) if p has one, a
// '!' line per comment, then every row of the box in full, '.' for dead and
// 'O' for alive. A pattern with a dying cell is an error wrapping
// ErrMultiState, and nothing is written.
func WriteCells(w io.Writer, p *Pattern) error {
	cells, rule, err := p.forWriting()
	if err != nil {
		return err
	}
	return writeCells(w, p, rule, cellRuns(cells))
}

// WriteGridCells writes the whole grid g as WriteCells writes FromGrid(g,
// name, rule), straight from the grid: it holds no list of the live cells,
// only a row of text at a time. On a torus or plane (t) the rule gets
// Golly's suffix for a grid of g's size, as WriteGridRLE writes it.
func WriteGridCells(w io.Writer, g *life.Grid, name string, rule life.Rule, t life.Topology) error {
	p := &Pattern{Name: name, Width: g.Width(), Height: g.Height(), Bounds: gridBounds(g, t)}
	return writeCells(w, p, rule.String()+p.Bounds.String(), gridRuns(g))
}

// WriteUniverseCells writes the live cells of u as WriteCells writes
// FromUniverse(u, name, rule, gen), straight from u: it holds no list of the
// live cells, only a row of text at a time.
func WriteUniverseCells(w io.Writer, u *life.Universe, name string, rule life.Rule, gen int) error {
	p := universeHeader(u, name, rule, gen)
	return writeCells(w, p, p.Rule, universeRuns(u, p))
}

// writeCells writes p's comment lines, with rule, and every row of its box
// with the runs' cells alive. A dying cell among the runs is an error
// wrapping ErrMultiState, found before anything is written.
func writeCells(w io.Writer, p *Pattern, rule string, runs runs) error {
	if m := runs.maxState(); m > life.Alive {
		return fmt.Errorf("%s has dying cells (state %d), and %w: write it as RLE (.rle) instead", p.title(), m, ErrMultiState)
	}
	bw := bufio.NewWriter(w)
	if p.Name != "" {
		fmt.Fprintf(bw, "!Name: %s\n", oneLine(p.Name))
	}
	if rule != "" {
		fmt.Fprintf(bw, "!Rule: %s\n", rule)
	}
	for _, c := range p.Comments {
		for _, s := range strings.Split(c, "\n") {
			if strings.HasPrefix(s, "Name:") || strings.HasPrefix(s, "Rule:") {
				bw.WriteString("! ") // a comment, not the name or the rule
			} else {
				bw.WriteString("!")
			}
			bw.WriteString(s)
			bw.WriteByte('\n')
		}
	}
	row := make([]byte, p.Width+1)
	row[p.Width] = '\n'
	y := 0 // the row being filled
	blank := func() {
		for x := range p.Width {
			row[x] = '.'
		}
	}
	blank()
	err := runs(func(rx, ry, n int, _ life.State) error {
		for ; y < ry; y++ {
			if _, err := bw.Write(row); err != nil {
				return err
			}
			blank()
		}
		for x := rx; x < rx+n; x++ {
			row[x] = 'O'
		}
		return nil
	})
	if err != nil {
		return err
	}
	for ; y < p.Height; y++ {
		if _, err := bw.Write(row); err != nil {
			return err
		}
		blank()
	}
	return bw.Flush()
}
