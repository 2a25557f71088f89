package pattern

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"colife/life"
)

// rleLineMax is the longest line WriteRLE writes.
const rleLineMax = 70

// readRLE reads an RLE file: '#' lines, the header "x = m, y = n, rule = r"
// and the body, up to '!' or the end of the file.
func readRLE(name string, ls lines) (*Pattern, error) {
	p := &Pattern{}
	i := 0
	for ; i < len(ls); i++ {
		s := ls[i].text
		if strings.TrimSpace(s) == "" {
			continue
		}
		if strings.HasPrefix(s, "#") {
			if err := p.rleComment(name, ls[i]); err != nil {
				return nil, err
			}
			continue
		}
		break
	}
	if i == len(ls) {
		n := 1
		if len(ls) > 0 {
			n = ls[len(ls)-1].n
		}
		return nil, &ParseError{File: name, Line: n, Msg: "missing RLE header: want \"x = width, y = height\""}
	}
	if err := p.rleHeader(name, ls[i]); err != nil {
		return nil, err
	}
	b := rleBody{name: name, p: p, w: p.Width, h: p.Height}
	for _, l := range ls[i+1:] {
		if strings.HasPrefix(l.text, "#") && b.count == 0 {
			if err := p.rleComment(name, l); err != nil {
				return nil, err
			}
			continue
		}
		done, err := b.line(l)
		if err != nil {
			return nil, err
		}
		if done {
			break
		}
	}
	return b.finish()
}

// rleComment reads a '#' line: "#N name", "#C"/"#c" comment, "#O author",
// "#r rule". Other '#' lines (such as "#P" and "#R" positions) mean nothing
// here and are skipped.
func (p *Pattern) rleComment(name string, l line) error {
	if len(l.text) < 2 {
		return nil
	}
	if strings.HasPrefix(l.text, "#CXRLE") {
		return p.xrle(name, l)
	}
	text := strings.TrimSpace(l.text[2:])
	if comment(&p.Name, &p.Comments, l.text[1], text) {
		return nil
	}
	if l.text[1] == 'r' && p.Rule == "" {
		col := 3 + strings.Index(l.text[2:], text)
		return p.setRule(name, l.n, col, text)
	}
	return nil
}

// comment keeps the text of a "#N", "#C"/"#c" or "#O" line of RLE or
// macrocell, kind being the letter: the first name in name, each comment
// in comments, an author as "Author: ..."; it reports whether kind was one
// of those.
func comment(name *string, comments *[]string, kind byte, text string) bool {
	switch kind {
	case 'N':
		if *name == "" {
			*name = text
		}
	case 'C', 'c':
		*comments = append(*comments, text)
	case 'O':
		*comments = append(*comments, strings.TrimSpace("Author: "+text))
	default:
		return false
	}
	return true
}

// xrle reads Golly's extended RLE line, "#CXRLE Pos=x,y Gen=n": where the
// pattern lies on the plane, and its generation. Keys it does not know are
// skipped.
func (p *Pattern) xrle(name string, l line) error {
	col := len("#CXRLE") + 1
	for _, field := range strings.Fields(l.text[len("#CXRLE"):]) {
		col = strings.Index(l.text, field) + 1
		key, value, _ := strings.Cut(field, "=")
		bad := func(want string) error {
			return &ParseError{File: name, Line: l.n, Col: col, Msg: fmt.Sprintf("#CXRLE %s=%q: want %s", key, value, want)}
		}
		switch strings.ToLower(key) {
		case "pos":
			xs, ys, ok := strings.Cut(value, ",")
			x, errX := strconv.ParseInt(strings.TrimSpace(xs), 10, 64)
			y, errY := strconv.ParseInt(strings.TrimSpace(ys), 10, 64)
			if !ok || errX != nil || errY != nil || x < -1<<62 || x > 1<<62 || y < -1<<62 || y > 1<<62 {
				return bad("two whole numbers x,y")
			}
			p.Position = &life.Point{X: x, Y: y}
		case "gen":
			n, err := strconv.Atoi(value)
			if err != nil || n < 0 {
				return bad("a generation, 0 or more")
			}
			p.Generation = n
		}
	}
	return nil
}

// setRule checks a rule as written and keeps it, and the bounded grid of
// Golly's suffix, such as ":T100,80", in p.Bounds.
func (p *Pattern) setRule(name string, n, col int, text string) (err error) {
	p.Rule, p.Bounds, err = checkRule(name, n, col, text)
	return err
}

// checkRule checks a rule written at line n, column col of the file name,
// and returns it without its bounded-grid suffix, and the grid.
func checkRule(name string, n, col int, text string) (string, life.Bounds, error) {
	_, b, err := life.ParseRuleBounds(text)
	if err != nil {
		return "", life.Bounds{}, &ParseError{File: name, Line: n, Col: col, Msg: err.Error(), Err: err}
	}
	rule, _, _ := strings.Cut(text, ":")
	return strings.TrimSpace(rule), b, nil
}

// header scans an RLE header line.
type header struct {
	name string
	l    line
	i    int // byte offset in l.text
}

func (h *header) skipSpace() {
	for h.i < len(h.l.text) && (h.l.text[h.i] == ' ' || h.l.text[h.i] == '\t') {
		h.i++
	}
}

func (h *header) errorf(format string, args ...any) *ParseError {
	return &ParseError{File: h.name, Line: h.l.n, Col: h.i + 1, Msg: fmt.Sprintf(format, args...)}
}

// found describes what lies at the scan position, for an error message.
func (h *header) found() string {
	if h.i >= len(h.l.text) {
		return "the end of the line"
	}
	return quoteByte(h.l.text[h.i:])
}

// expect skips spaces and then the word (in any case), or fails saying what
// the header should look like.
func (h *header) expect(word string) error {
	h.skipSpace()
	if !strings.HasPrefix(strings.ToLower(h.l.text[h.i:]), word) {
		return h.errorf("RLE header: want %q, found %s; a header looks like \"x = 3, y = 2, rule = B3/S23\"", word, h.found())
	}
	h.i += len(word)
	return nil
}

// size reads the number after "x =" or "y =": key is "x" or "y", what is
// "width" or "height".
func (h *header) size(key, what string) (int, error) {
	h.skipSpace()
	start := h.i
	for h.i < len(h.l.text) && !strings.ContainsRune(" \t,", rune(h.l.text[h.i])) {
		h.i++
	}
	tok := h.l.text[start:h.i]
	h.i = start
	if tok == "" {
		return 0, h.errorf("RLE header: missing %s after \"%s =\"", what, key)
	}
	digits := strings.TrimPrefix(tok, "-")
	if digits == "" || strings.TrimLeft(digits, "0123456789") != "" {
		return 0, h.errorf("RLE header: %s %q is not a number", what, tok)
	}
	if digits != tok {
		return 0, h.errorf("RLE header: %s %s is negative; want 1 to %d", what, tok, MaxSide)
	}
	v, err := strconv.Atoi(tok)
	if err != nil || v > MaxSide {
		return 0, &ParseError{File: h.name, Line: h.l.n, Col: h.i + 1, Err: life.ErrSize,
			Msg: fmt.Sprintf("RLE header: %s %s is too large; want 1 to %d", what, tok, MaxSide)}
	}
	if v == 0 {
		return 0, h.errorf("RLE header: %s 0 is too small; want 1 to %d", what, MaxSide)
	}
	h.i += len(tok)
	return v, nil
}

// rleHeader reads "x = m, y = n" and an optional ", rule = r": spaces are
// optional, names in any case.
func (p *Pattern) rleHeader(name string, l line) error {
	h := &header{name: name, l: l}
	h.skipSpace()
	if c := l.text[h.i]; c != 'x' && c != 'X' {
		return h.errorf("missing RLE header: want \"x = width, y = height\" before the body, found %s", h.found())
	}
	var err error
	if err = h.expect("x"); err == nil {
		if err = h.expect("="); err == nil {
			p.Width, err = h.size("x", "width")
		}
	}
	if err == nil {
		if err = h.expect(","); err == nil {
			if err = h.expect("y"); err == nil {
				if err = h.expect("="); err == nil {
					p.Height, err = h.size("y", "height")
				}
			}
		}
	}
	if err != nil {
		return err
	}
	if p.Width > life.MaxCells/p.Height {
		return &ParseError{File: name, Line: l.n, Col: 1, Err: life.ErrSize,
			Msg: fmt.Sprintf("RLE header: box %dx%d has more than %d cells", p.Width, p.Height, life.MaxCells)}
	}
	h.skipSpace()
	if h.i == len(l.text) {
		return nil
	}
	if err := h.expect(","); err != nil {
		return err
	}
	if err := h.expect("rule"); err != nil {
		return err
	}
	if err := h.expect("="); err != nil {
		return err
	}
	h.skipSpace()
	rule := strings.TrimSpace(l.text[h.i:])
	if rule == "" {
		return h.errorf("RLE header: missing rule after \"rule =\"")
	}
	p.Rule, p.Bounds = "", life.Bounds{} // the header's rule wins over a "#r" line
	return p.setRule(name, l.n, h.i+1, rule)
}

// rleBody reads the body of an RLE file, token by token across lines.
type rleBody struct {
	name string
	p    *Pattern
	w, h int // the header's box

	x, y     int  // where the next cell goes
	count    int  // the run count read so far, 0 if none
	countCol int  // where it started
	countLn  int  // on which line
	done     bool // '!' seen
	beyond   int  // the first line with a cell beyond the header's box, or 0

	top           life.State // the highest state of a cell so far
	topLn, topCol int        // where it first appeared
	topTag        string     // as written
}

// line reads the tokens of one line, and reports whether it met '!'.
func (b *rleBody) line(l line) (bool, error) {
	s := l.text
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			if b.count == 0 {
				if c == '0' {
					return false, b.errorf(l.n, i+1, "run count 0: want a count from 1 to %d", MaxSide)
				}
				b.countCol, b.countLn = i+1, l.n
			}
			b.count = b.count*10 + int(c-'0')
			if b.count > MaxSide {
				return false, &ParseError{File: b.name, Line: b.countLn, Col: b.countCol, Err: life.ErrSize,
					Msg: fmt.Sprintf("run count too large: want 1 to %d", MaxSide)}
			}
			continue
		}
		n := max(b.count, 1)
		switch c {
		case ' ', '\t':
			continue
		case 'b', '.':
			if b.x+n > MaxSide {
				return false, b.errorf(l.n, i+1, "row %d is longer than %d cells", b.y+1, MaxSide)
			}
			b.x += n
		case 'o':
			if err := b.cells(l.n, i+1, n, life.Alive, "o"); err != nil {
				return false, err
			}
		case 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X':
			if err := b.cells(l.n, i+1, n, life.State(c-'A'+1), s[i:i+1]); err != nil {
				return false, err
			}
		case 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y':
			// Golly's states 25 up: a prefix letter, then 'A' to 'X'.
			var next byte
			if i+1 < len(s) {
				next = s[i+1]
			}
			st := 24*int(c-'p'+1) + int(next-'A') + 1
			if next < 'A' || next > 'X' || st > life.MaxStates-1 {
				found := "the end of the line"
				if i+1 < len(s) {
					found = quoteByte(s[i+1:])
				}
				return false, b.errorf(l.n, i+1, "unexpected %q followed by %s in RLE body; a state from 25 up is a letter p to y and a letter A to X, up to yO (255)", c, found)
			}
			if err := b.cells(l.n, i+1, n, life.State(st), s[i:i+2]); err != nil {
				return false, err
			}
			i++
		case '$':
			if b.y+n >= MaxSide {
				return false, b.errorf(l.n, i+1, "more than %d rows", MaxSide)
			}
			b.x = 0
			b.y += n
		case '!':
			if b.count != 0 {
				return false, b.errorf(l.n, i+1, "run count %d before '!': want b, o or $ after a count", b.count)
			}
			b.done = true
			return true, nil
		default:
			want := "b, o, $ or !"
			if r, _ := b.p.LifeRule(); r.States() > 2 {
				want = "., A to X, pA to yO (states 1 to 255), $ or !"
			}
			return false, b.errorf(l.n, i+1, "unexpected %s in RLE body; want %s", quoteByte(s[i:]), want)
		}
		b.count = 0
	}
	return false, nil
}

// cells adds a run of n cells in state st, written as tag, at line n and
// column col.
func (b *rleBody) cells(ln, col, n int, st life.State, tag string) error {
	if b.x+n > MaxSide {
		return b.errorf(ln, col, "row %d is longer than %d cells", b.y+1, MaxSide)
	}
	if len(b.p.Cells)+n > MaxLive {
		return b.errorf(ln, col, "more than %d live cells", MaxLive)
	}
	if st > b.top {
		b.top, b.topLn, b.topCol, b.topTag = st, ln, col, tag
	}
	b.p.Cells = slices.Grow(b.p.Cells, n)
	for range n {
		b.p.Cells = append(b.p.Cells, cellOf(b.x, b.y, st))
		b.x++
	}
	if (b.x > b.w || b.y >= b.h) && b.beyond == 0 {
		b.beyond = ln
	}
	return nil
}

func (b *rleBody) errorf(n, col int, format string, args ...any) error {
	return &ParseError{File: b.name, Line: n, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// finish grows the box to hold every cell, with a warning, and returns the
// pattern.
func (b *rleBody) finish() (*Pattern, error) {
	p := b.p
	if b.count != 0 {
		return nil, b.errorf(b.countLn, b.countCol, "run count %d at the end of the input: want b, o or $ after a count", b.count)
	}
	if r, ok := p.LifeRule(); ok && int(b.top) >= r.States() {
		return nil, b.errorf(b.topLn, b.topCol, "state %d (%s) but rule %s has %d states, 0 to %d", b.top, b.topTag, r, r.States(), r.States()-1)
	}
	if !b.done {
		p.Warnings = append(p.Warnings, fmt.Sprintf("%s: no '!' at the end of the RLE body; read to the end of the file", b.name))
	}
	if b.beyond != 0 {
		for _, c := range p.Cells {
			p.Width = max(p.Width, c.X+1)
			p.Height = max(p.Height, c.Y+1)
		}
		if p.Width > life.MaxCells/p.Height {
			return nil, &ParseError{File: b.name, Line: b.beyond, Err: life.ErrSize,
				Msg: fmt.Sprintf("cells beyond the header's %dx%d make a %dx%d box, more than %d cells", b.w, b.h, p.Width, p.Height, life.MaxCells)}
		}
		p.Warnings = append(p.Warnings, fmt.Sprintf("%s:%d: cells beyond the header's %dx%d; box grown to %dx%d", b.name, b.beyond, b.w, b.h, p.Width, p.Height))
	}
	return p, nil
}

// WriteRLE writes p in RLE: "#N" with the name, a "#C" line per comment (an
// "#O" line for one that starts "Author: ", as the reader reads "#O"), the
// header "x = m, y = n, rule = B3/S23" (the rule in canonical form with p's
// Bounds as Golly's suffix, left out if p has neither), and the run-length
// body in lines of at most 70 characters, ending with '!'. The body is
// written with 'b' and 'o' when every cell is alive, and as Golly writes a
// multi-state pattern when one is dying: '.' for empty cells and 'A' to 'X',
// then "pA" to "yO" for states 1 to 255.
func WriteRLE(w io.Writer, p *Pattern) error {
	cells, rule, err := p.forWriting()
	if err != nil {
		return err
	}
	return writeRLE(w, p, rule, cellRuns(cells), p.MaxState())
}

// WriteGridRLE writes the whole grid g as WriteRLE writes FromGrid(g, name,
// rule), straight from the grid: it holds no list of the live cells, so a
// grid of any size is written in little memory. On a torus or plane (t)
// the rule gets Golly's suffix for a grid of g's size, such as ":T80,40", so
// that the file read back gives the same board; Unbounded writes none.
func WriteGridRLE(w io.Writer, g *life.Grid, name string, rule life.Rule, t life.Topology) error {
	p := &Pattern{Name: name, Width: g.Width(), Height: g.Height(), Bounds: gridBounds(g, t)}
	runs := gridRuns(g)
	top := runs.maxState()
	if err := p.checkState(top, rule); err != nil {
		return err
	}
	return writeRLE(w, p, rule.String()+p.Bounds.String(), runs, top)
}

// gridBounds returns the Bounds of g on topology t: none on Unbounded.
func gridBounds(g *life.Grid, t life.Topology) life.Bounds {
	if t != life.Torus && t != life.Plane {
		return life.Bounds{}
	}
	return life.Bounds{Topology: t, Width: g.Width(), Height: g.Height()}
}

// WriteUniverseRLE writes the live cells of u as WriteRLE writes
// FromUniverse(u, name, rule, gen), straight from u: it holds no list of the
// live cells.
func WriteUniverseRLE(w io.Writer, u *life.Universe, name string, rule life.Rule, gen int) error {
	p := universeHeader(u, name, rule, gen)
	runs := universeRuns(u, p)
	top := runs.maxState()
	if err := p.checkState(top, rule); err != nil {
		return err
	}
	return writeRLE(w, p, p.Rule, runs, top)
}

// stateTag returns how a multi-state RLE body writes state s: "." for
// Empty, 'A' to 'X' for 1 to 24, then "pA" to "pX" for 25 to 48, "qA"... up
// to "yO" for 255.
func stateTag(s life.State) string {
	switch {
	case s == life.Empty:
		return "."
	case s <= 24:
		return string(rune('A' + s - 1))
	}
	return string([]byte{byte('p' + (s-25)/24), byte('A' + (s-25)%24)})
}

// writeRLE writes p's header lines, with rule, and the body of the runs,
// whose highest state is top: multi-state if a cell is dying.
func writeRLE(w io.Writer, p *Pattern, rule string, runs runs, top life.State) error {
	bw := bufio.NewWriter(w)
	if p.Position != nil {
		fmt.Fprintf(bw, "#CXRLE Pos=%d,%d", p.Position.X, p.Position.Y)
		if p.Generation > 0 {
			fmt.Fprintf(bw, " Gen=%d", p.Generation)
		}
		bw.WriteByte('\n')
	}
	writeComments(bw, p.Name, p.Comments)
	fmt.Fprintf(bw, "x = %d, y = %d", p.Width, p.Height)
	if rule != "" {
		fmt.Fprintf(bw, ", rule = %s", rule)
	}
	bw.WriteByte('\n')

	rw := runWriter{w: bw}
	tag := func(s life.State) string { return [...]string{"b", "o"}[s] }
	if top > life.Alive {
		tag = stateTag
	}
	x, y := 0, 0
	err := runs(func(rx, ry, n int, s life.State) error {
		if ry > y {
			rw.run(ry-y, "$")
			x, y = 0, ry
		}
		if rx > x {
			rw.run(rx-x, tag(life.Empty))
		}
		rw.run(n, tag(s))
		x = rx + n
		return rw.err()
	})
	if err != nil {
		return err
	}
	rw.token([]byte{'!'})
	bw.WriteByte('\n')
	return bw.Flush()
}

// writeComments writes the "#N" line of name, if any, and a "#C" line for
// each line of the comments ("#O" for one that starts "Author: ", as the
// readers made it), as RLE and macrocell have them.
func writeComments(bw *bufio.Writer, name string, comments []string) {
	if name != "" {
		fmt.Fprintf(bw, "#N %s\n", oneLine(name))
	}
	for _, c := range comments {
		for _, s := range strings.Split(c, "\n") {
			if author, ok := strings.CutPrefix(s, "Author: "); ok {
				fmt.Fprintln(bw, strings.TrimRight("#O "+author, " "))
				continue
			}
			fmt.Fprintln(bw, strings.TrimRight("#C "+s, " "))
		}
	}
}

// oneLine replaces the line breaks in s with spaces.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// runWriter writes RLE tokens, breaking lines between tokens so that none is
// longer than rleLineMax.
type runWriter struct {
	w   *bufio.Writer
	col int
	buf [24]byte // one token
}

// run writes a run of n tags, as "3o", or "o" for one.
func (rw *runWriter) run(n int, tag string) {
	t := rw.buf[:0]
	if n > 1 {
		t = strconv.AppendInt(t, int64(n), 10)
	}
	rw.token(append(t, tag...))
}

// err returns the first error writing, if any.
func (rw *runWriter) err() error {
	_, err := rw.w.Write(nil)
	return err
}

func (rw *runWriter) token(t []byte) {
	if rw.col+len(t) > rleLineMax {
		rw.w.WriteByte('\n')
		rw.col = 0
	}
	rw.w.Write(t)
	rw.col += len(t)
}
