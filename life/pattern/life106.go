package pattern

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"colife/life"
)

// maxCoord is the farthest from the origin a Life 1.06 coordinate may be
// (less where int is 32 bits).
const maxCoord = min(1<<40, math.MaxInt>>2)

// readLife106 reads a Life 1.06 file: the "#Life 1.06" line, then one
// "x y" pair of integers per live cell, negative ones too. "#D" and "#C" lines
// are comments, "#N name" names the pattern, other '#' lines and blank lines
// are skipped. The box is the bounding box of the cells, which are moved so
// that it starts at (0, 0).
func readLife106(name string, ls lines) (*Pattern, error) {
	p := &Pattern{}
	first := ls.firstText()
	if first < 0 || !strings.HasPrefix(strings.ToLower(strings.TrimSpace(ls[first].text)), "#life 1.06") {
		n := 1
		if first >= 0 {
			n = ls[first].n
		}
		return nil, &ParseError{File: name, Line: n, Col: 1, Msg: "missing \"#Life 1.06\" header"}
	}
	var minX, minY, maxX, maxY int
	for _, l := range ls[first+1:] {
		s := l.text
		if strings.HasPrefix(s, "#") {
			p.life106Comment(s)
			continue
		}
		if strings.TrimSpace(s) == "" {
			continue
		}
		var xy [2]int
		i := 0
		for k := range 2 {
			for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
				i++
			}
			start := i
			for i < len(s) && s[i] != ' ' && s[i] != '\t' {
				i++
			}
			tok := s[start:i]
			if tok == "" {
				return nil, &ParseError{File: name, Line: l.n, Col: i + 1, Msg: "want two numbers \"x y\", found one"}
			}
			if !isInteger(tok) {
				return nil, &ParseError{File: name, Line: l.n, Col: start + 1, Msg: fmt.Sprintf("want a number, found %q", tok)}
			}
			v, err := strconv.Atoi(tok)
			if err != nil || v > maxCoord || v < -maxCoord {
				return nil, &ParseError{File: name, Line: l.n, Col: start + 1, Err: life.ErrSize, Msg: fmt.Sprintf("coordinate %s is too far from the origin; want -%d to %d", tok, maxCoord, maxCoord)}
			}
			xy[k] = v
		}
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i < len(s) {
			return nil, &ParseError{File: name, Line: l.n, Col: i + 1, Msg: fmt.Sprintf("unexpected %s after \"x y\"; want one cell per line", quoteByte(s[i:]))}
		}
		if len(p.Cells) == 0 {
			minX, maxX, minY, maxY = xy[0], xy[0], xy[1], xy[1]
		}
		minX, maxX = min(minX, xy[0]), max(maxX, xy[0])
		minY, maxY = min(minY, xy[1]), max(maxY, xy[1])
		if maxX-minX >= MaxSide || maxY-minY >= MaxSide {
			return nil, &ParseError{File: name, Line: l.n, Col: 1, Err: life.ErrSize, Msg: fmt.Sprintf("cells span more than %d columns or rows", MaxSide)}
		}
		if len(p.Cells) == MaxLive {
			return nil, &ParseError{File: name, Line: l.n, Col: 1, Err: life.ErrSize, Msg: fmt.Sprintf("more than %d live cells", MaxLive)}
		}
		p.Cells = append(p.Cells, Cell{X: xy[0], Y: xy[1]})
	}
	if len(p.Cells) == 0 {
		return nil, &ParseError{File: name, Line: ls[len(ls)-1].n, Msg: "no cells: want one \"x y\" line per live cell"}
	}
	p.Width, p.Height = maxX-minX+1, maxY-minY+1
	if p.Width > life.MaxCells/p.Height {
		return nil, &ParseError{File: name, Err: life.ErrSize, Msg: fmt.Sprintf("cells span %dx%d, more than %d cells", p.Width, p.Height, life.MaxCells)}
	}
	for i := range p.Cells {
		p.Cells[i].X -= minX
		p.Cells[i].Y -= minY
	}
	slices.SortFunc(p.Cells, compareCells)
	p.Cells = slices.Compact(p.Cells)
	return p, nil
}

// life106Comment reads a '#' line after the first.
func (p *Pattern) life106Comment(s string) {
	if len(s) < 2 {
		return
	}
	text := strings.TrimSpace(s[2:])
	switch s[1] {
	case 'D', 'C':
		p.Comments = append(p.Comments, text)
	case 'N':
		if p.Name == "" {
			p.Name = text
		}
	}
}

// isInteger reports whether s is digits with an optional sign.
func isInteger(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	return s != "" && strings.TrimLeft(s, "0123456789") == ""
}
