package pattern

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/big"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"colife/life"
)

// MaxLevel is the highest level a macrocell node may have: a square of 2^62
// cells a side, the largest whose corners, and whose width, are int64s.
const MaxLevel = 62

// MacrocellLeafBytes is about what MacrocellFromGrid, MacrocellFromUniverse
// and MacrocellFromPattern hold while they build the tree, for each 8 × 8
// square that has a live cell (BenchmarkMacrocellFromGrid: 176 MB for the
// 262,144 squares of a 4096 × 4096 soup).
const MacrocellLeafBytes = 700

// maxGenerationDigits is the longest "#G" line read, in digits.
const maxGenerationDigits = 1000

// Macrocell is a pattern in Golly's macrocell format (.mc, first line
// "[M2]"): a quadtree of squares, each distinct square listed once, children
// before parents, so that a pattern of astronomical size or of regular
// structure (a gun and its stream of gliders after 2^40 generations: 1.8e11
// cells) takes a few kilobytes. HashLife runs it as it is; Pattern and
// Universe expand it into cells, within a limit.
//
// A node of level k is a square of 2^k × 2^k cells; its children, of level
// k-1, are its quarters. The leaves are of one kind in a pattern: 8 × 8
// squares of live cells (level 3, Node.Leaf), as Golly's HashLife writes
// them, or, when MultiState is set, 2 × 2 squares of states (level 1,
// Node.States), as Golly writes the patterns of Generations rules. Node
// number 0 is the empty square of any level; Nodes[i-1] is node i, and every
// node but the last, the root, is the child of a later one.
//
// Where the pattern lies: as in Golly, the root of level L covers the cells
// from x = -2^(L-1) to 2^(L-1)-1 and from y = 1-2^(L-1) to 2^(L-1) (x grows
// to the right and y downwards, as in "#CXRLE Pos"): Golly centres the root
// on the origin with its y axis pointing up, so the cell at (0, 0) is the
// bottom-left one of the root's north-east quarter. Square gives that
// square. Below it, a square of level k starts at an x that is a multiple of
// 2^k and a y one more than a multiple of 2^k, whatever the root's level.
type Macrocell struct {
	// Name is the "#N" line's name, "" if none. Golly writes none, and
	// skips the line.
	Name string
	// Comments are the "#C" lines without their marker, and "#O" lines as
	// "Author: ...", as the RLE reader keeps them.
	Comments []string
	// Rule is the "#R" line's rule without a bounded-grid suffix, checked
	// with life.ParseRule; "" if the file gives none (Golly then runs
	// B3/S23).
	Rule string
	// Grid is the bounded grid of the rule's suffix (a Pattern's Bounds),
	// zero if none. Golly puts the top-left cell of a W × H grid at (-(W/2),
	// -(H/2)).
	Grid life.Bounds
	// Generation is the "#G" line's generation, nil when there is none (0).
	// Golly counts generations without limit, and writes them so.
	Generation *big.Int
	// MultiState tells the kind of the leaves: level-1 squares of states
	// when set, else level-3 squares of bits.
	MultiState bool
	// Nodes are the squares, children before parents; the last is the root.
	Nodes []Node
	// Warnings are what the reader accepted but a person may want to know,
	// each starting with the file name and line.
	Warnings []string
}

// Node is a square of a Macrocell: a leaf, or four children.
type Node struct {
	// Level is the square's side, 2^Level cells: 1 to MaxLevel.
	Level int
	// Children are the numbers of the quarters of a node that is no leaf,
	// north-west, north-east, south-west, south-east; 0 is an empty one.
	Children [4]int32
	// Leaf is a level-3 leaf of a Macrocell that is not MultiState: bit
	// 8y+x is set for the live cell x columns right of the leaf's left edge
	// and y rows below its top.
	Leaf uint64
	// States are a level-1 leaf of a MultiState Macrocell: the states of its
	// cells, north-west, north-east, south-west, south-east.
	States [4]life.State
}

// leafLevel returns the level of m's leaves: 1 or 3.
func (m *Macrocell) leafLevel() int {
	if m.MultiState {
		return 1
	}
	return 3
}

// title names the pattern in an error message.
func (m *Macrocell) title() string {
	if m.Name == "" {
		return "pattern"
	}
	return fmt.Sprintf("pattern %q", m.Name)
}

// ReadMacrocell reads a pattern as a Macrocell: a macrocell file as it is,
// and a file of any other format Read knows converted by
// MacrocellFromPattern. Errors are those of Read; a macrocell file is
// checked as Golly reads it, and more strictly: a node that refers to a later
// one or to one of the wrong level, a level past MaxLevel, a malformed line,
// a missing "[M2]" header, a rule life.ParseRule refuses, a "#G" that is not
// a number, and a file without nodes, or with one that no later node refers
// to (as a truncated file has), are each a *ParseError naming the line.
// Golly's timeline ("#FRAMES") is skipped with a warning.
func ReadMacrocell(r io.Reader, name string) (*Macrocell, error) {
	ls, err := readLines(r, name)
	if err != nil {
		return nil, err
	}
	if detect(ls, name) == macrocellFormat {
		return readMacrocell(name, ls)
	}
	p, err := readPattern(name, ls)
	if err != nil {
		return nil, err
	}
	m, err := MacrocellFromPattern(p)
	if err != nil {
		return nil, &ParseError{File: name, Msg: err.Error(), Err: err}
	}
	m.Warnings = p.Warnings
	return m, nil
}

// LoadMacrocell loads a pattern as a Macrocell from spec, as Load does:
// stdin for "-", a file, or a built-in pattern.
func LoadMacrocell(spec string, stdin io.Reader) (*Macrocell, error) {
	var m *Macrocell
	builtin, err := load(spec, stdin, func(r io.Reader, name string) (err error) {
		m, err = ReadMacrocell(r, name)
		return err
	})
	if builtin != nil {
		return MacrocellFromPattern(builtin)
	}
	return m, err
}

// mcReader reads the lines of a macrocell file.
type mcReader struct {
	name     string
	m        *Macrocell
	total    int     // the nodes of the file, counted beforehand
	lines    []int   // the line of each node
	kind     int     // the line that decided the kind of leaves, 0 before one did
	frames   []int32 // the nodes "#FRAME" lines name
	timeline bool    // a "#F" line was seen

	top           life.State // the highest state of a level-1 leaf
	topLn, topCol int        // where it first appeared
}

// readMacrocell reads a macrocell file: the "[M2]" line, then '#' lines,
// leaves and nodes.
func readMacrocell(name string, ls lines) (*Macrocell, error) {
	first := ls.firstText()
	if first < 0 {
		return nil, &ParseError{File: name, Msg: "empty: want a macrocell file, \"[M2]\" and then its nodes"}
	}
	head := strings.TrimSpace(ls[first].text)
	if !strings.HasPrefix(head, "[M2]") {
		msg := "missing \"[M2]\" header: a macrocell file starts with \"[M2] (...)\""
		if strings.HasPrefix(head, "[M") {
			v, _, _ := strings.Cut(head, " ")
			msg = fmt.Sprintf("unsupported macrocell version %q: want [M2]", v)
		}
		return nil, &ParseError{File: name, Line: ls[first].n, Col: 1, Msg: msg}
	}
	r := &mcReader{name: name, m: &Macrocell{}}
	body := ls[first+1:]
	for _, l := range body {
		if s := strings.TrimSpace(l.text); s != "" && s[0] != '#' {
			r.total++
		}
	}
	for _, l := range body {
		s := strings.TrimSpace(l.text)
		var err error
		switch {
		case s == "":
		case s[0] == '#':
			err = r.hashLine(l, s)
		case s[0] == '.', s[0] == '*', s[0] == '$':
			err = r.leaf(l)
		default:
			err = r.node(l)
		}
		if err != nil {
			return nil, err
		}
	}
	last := ls[len(ls)-1].n
	return r.finish(last)
}

func (r *mcReader) errorf(ln, col int, format string, args ...any) *ParseError {
	return &ParseError{File: r.name, Line: ln, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// hashLine reads a '#' line, s trimmed: "#R" rule, "#G" generation, "#N",
// "#C" and "#O" as in RLE, Golly's "#FRAMES" and "#FRAME" timeline. Others
// are skipped, as Golly skips them.
func (r *mcReader) hashLine(l line, s string) error {
	if len(s) < 2 {
		return nil
	}
	m := r.m
	text := strings.TrimSpace(s[2:])
	col := strings.Index(l.text, s) + 3 + strings.Index(s[2:], text)
	if comment(&m.Name, &m.Comments, s[1], text) {
		return nil
	}
	switch s[1] {
	case 'R':
		var err error
		m.Rule, m.Grid, err = checkRule(r.name, l.n, col, text)
		return err
	case 'G':
		if text == "" || strings.Trim(text, "0123456789") != "" {
			return r.errorf(l.n, col, "#G %q: want the generation, a whole number 0 or more", text)
		}
		if len(text) > maxGenerationDigits {
			return r.errorf(l.n, col, "#G: a generation of %d digits; want at most %d", len(text), maxGenerationDigits)
		}
		m.Generation, _ = new(big.Int).SetString(text, 10)
	case 'F':
		if !r.timeline {
			r.timeline = true
			m.Warnings = append(m.Warnings, fmt.Sprintf("%s:%d: Golly's timeline (#FRAMES) is left out: only the pattern at the root is read", r.name, l.n))
		}
		if rest, ok := strings.CutPrefix(s, "#FRAME "); ok {
			f := strings.Fields(rest)
			n := int64(-1)
			if len(f) == 2 && isInteger(f[0]) && isInteger(f[1]) {
				if v, err := strconv.ParseInt(f[1], 10, 64); err == nil {
					n = v
				}
			}
			if n < 0 || n > int64(len(m.Nodes)) {
				return r.errorf(l.n, 1, "want \"#FRAME index node\", node being 0 or a node before this line")
			}
			r.frames = append(r.frames, int32(n))
		}
	}
	return nil
}

// decide makes the file's leaves level-1 squares of states (multi) or
// level-3 squares of bits, or fails if line l of level level is of the other
// kind than the line that decided.
func (r *mcReader) decide(multi bool, l line, level int) error {
	if r.kind == 0 {
		r.kind, r.m.MultiState = l.n, multi
		return nil
	}
	switch {
	case r.m.MultiState == multi:
		return nil
	case multi:
		return r.errorf(l.n, 1, "level %d node in a file of 8 × 8 leaves of '.', '*' and '$' (line %d): the nodes above them are level 4 and up", level, r.kind)
	}
	return r.errorf(l.n, 1, "a leaf of '.', '*' and '$' in a file whose leaves are level-1 nodes of states (line %d): one kind of leaf to a file", r.kind)
}

// leaf reads an 8 × 8 leaf: rows of '.' (dead) and '*' (alive) from the top,
// each ended by '$', rows and cells beyond the last live cell left out.
func (r *mcReader) leaf(l line) error {
	if err := r.decide(false, l, 3); err != nil {
		return err
	}
	s := strings.TrimRight(l.text, " \t")
	var leaf uint64
	x, y := 0, 0
	for i := len(s) - len(strings.TrimLeft(s, " \t")); i < len(s); i++ {
		switch s[i] {
		case '*':
			if x > 7 || y > 7 {
				return r.errorf(l.n, i+1, "cell beyond the 8 × 8 leaf: a leaf is 8 rows of 8 cells, each row ended by '$'")
			}
			leaf |= 1 << (8*y + x)
			x++
		case '.':
			x++
		case '$':
			x, y = 0, y+1
		default:
			return r.errorf(l.n, i+1, "unexpected %s in a leaf; want '.' (dead), '*' (alive) or '$' (end of a row)", quoteByte(s[i:]))
		}
	}
	r.add(Node{Level: 3, Leaf: leaf}, l.n)
	return nil
}

func (r *mcReader) add(n Node, ln int) {
	r.m.Nodes = append(r.m.Nodes, n)
	r.lines = append(r.lines, ln)
}

// node reads a node line, "level nw ne sw se", where the four are the
// numbers of earlier nodes, or 0, or, at level 1, the states of its cells.
// A sixth number, which Golly reads and ignores, is accepted.
func (r *mcReader) node(l line) error {
	fs, cols := fields(l.text)
	if len(fs) != 5 && len(fs) != 6 {
		return r.errorf(l.n, cols[0], "want a node \"level nw ne sw se\" of five numbers, found %d fields", len(fs))
	}
	var v [6]int64
	for k, f := range fs {
		if !isInteger(f) {
			return r.errorf(l.n, cols[k], "want a node \"level nw ne sw se\" of five numbers, found %q", f)
		}
		var err error
		if v[k], err = strconv.ParseInt(f, 10, 64); err != nil {
			v[k] = math.MaxInt64 // out of range, whatever its sign
		}
	}
	if v[0] < 1 || v[0] > MaxLevel {
		return r.errorf(l.n, cols[0], "level %s: want 1 to %d (a square of 2^%d cells a side is the largest the plane holds)", fs[0], MaxLevel, MaxLevel)
	}
	level := int(v[0])
	n := Node{Level: level}
	if level == 1 {
		if err := r.decide(true, l, level); err != nil {
			return err
		}
		for k := range 4 {
			s := v[k+1]
			if s < 0 || s >= life.MaxStates {
				return r.errorf(l.n, cols[k+1], "state %s: want 0 to %d", fs[k+1], life.MaxStates-1)
			}
			n.States[k] = life.State(s)
			if n.States[k] > r.top {
				r.top, r.topLn, r.topCol = n.States[k], l.n, cols[k+1]
			}
		}
		r.add(n, l.n)
		return nil
	}
	if level <= 3 {
		if err := r.decide(true, l, level); err != nil {
			return err
		}
	}
	self := int64(len(r.m.Nodes) + 1)
	for k := range 4 {
		c := v[k+1]
		switch {
		case c == 0:
			continue
		case c < 0 || c > int64(r.total):
			return r.errorf(l.n, cols[k+1], "node %s is out of range: the file holds nodes 1 to %d, and 0, the empty square", fs[k+1], r.total)
		case c == self:
			return r.errorf(l.n, cols[k+1], "node %d refers to itself; a node's children come before it", self)
		case c > self:
			return r.errorf(l.n, cols[k+1], "node %d refers to node %d, which comes later; a node's children come before it", self, c)
		}
		if cl := r.m.Nodes[c-1].Level; cl != level-1 {
			return r.errorf(l.n, cols[k+1], "node %d (line %d) is of level %d; the children of a level %d node are of level %d", c, r.lines[c-1], cl, level, level-1)
		}
		n.Children[k] = int32(c)
	}
	r.add(n, l.n)
	return nil
}

// fields splits s at spaces and tabs, and returns the 1-based column of
// each field (or of the end of s, if it has none).
func fields(s string) (fs []string, cols []int) {
	for i := 0; i < len(s); {
		if s[i] == ' ' || s[i] == '\t' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' {
			j++
		}
		fs, cols = append(fs, s[i:j]), append(cols, i+1)
		i = j
	}
	if len(cols) == 0 {
		cols = append(cols, len(s)+1)
	}
	return fs, cols
}

// finish checks what the whole file says, last being its last line: that it
// has a root and that every node is part of the pattern (a truncated file
// has nodes that none after them refers to), and that the states fit the
// rule; it drops the nodes that only the timeline's frames need.
func (r *mcReader) finish(last int) (*Macrocell, error) {
	m := r.m
	n := len(m.Nodes)
	if n == 0 {
		return nil, r.errorf(last, 0, "no nodes: a macrocell file ends with its root node (is it truncated? \"4 0 0 0 0\" is an empty pattern)")
	}
	if !m.MultiState && m.Nodes[n-1].Level == 3 {
		return nil, r.errorf(r.lines[n-1], 0, "the file ends with a leaf: the root, a node line after the leaves, is missing (is it truncated?)")
	}
	// reach is 1 for a node of the root's tree, 2 for one of a frame's only.
	reach := make([]uint8, n+1)
	reach[n] = 1
	for _, f := range r.frames {
		if reach[f] == 0 {
			reach[f] = 2
		}
	}
	for i := n; i >= 1; i-- { // parents before children
		if reach[i] == 0 {
			continue
		}
		for _, c := range m.Nodes[i-1].Children {
			if c != 0 && (reach[c] == 0 || reach[i] == 1) {
				reach[c] = reach[i]
			}
		}
	}
	drop := false
	for i := 1; i <= n; i++ {
		switch reach[i] {
		case 0:
			return nil, r.errorf(r.lines[i-1], 0, "node %d is not part of the pattern: no node after it refers to it, and the root is the last node, on line %d (is the file truncated?)", i, r.lines[n-1])
		case 2:
			drop = true
		}
	}
	if drop {
		m.Nodes = keep(m.Nodes, func(i int) bool { return reach[i] == 1 })
	}
	if m.Rule != "" && m.MultiState {
		rule, _ := life.ParseRule(m.Rule)
		if int(r.top) >= rule.States() {
			return nil, r.errorf(r.topLn, r.topCol, "state %d but rule %s has %d states, 0 to %d", r.top, rule, rule.States(), rule.States()-1)
		}
	}
	return m, nil
}

// keep returns the nodes whose numbers ok accepts, renumbered; every child
// of a node kept must be kept.
func keep(nodes []Node, ok func(i int) bool) []Node {
	num := make([]int32, len(nodes)+1)
	out := make([]Node, 0, len(nodes))
	for i, n := range nodes {
		if !ok(i + 1) {
			continue
		}
		for k, c := range n.Children {
			n.Children[k] = num[c]
		}
		out = append(out, n)
		num[i+1] = int32(len(out))
	}
	return out
}

// Check returns an error if m is not a pattern WriteMacrocell can write and
// ReadMacrocell read back: a node of a level out of range, or below the
// leaves', a child that is not an earlier node of the level below, a node
// that no later node refers to, a root that is a two-state leaf (Golly reads
// that as an empty pattern), a rule life.ParseRule refuses or whose states
// a leaf's exceed, or a negative generation. The readers and builders
// return patterns Check accepts.
func (m *Macrocell) Check() error {
	n := len(m.Nodes)
	switch {
	case n == 0:
		return fmt.Errorf("%s has no nodes; an empty pattern is one node without children", m.title())
	case n > math.MaxInt32:
		return fmt.Errorf("%s has %d nodes; want at most %d", m.title(), n, math.MaxInt32)
	}
	var top life.State
	for i, nd := range m.Nodes {
		num := i + 1
		if nd.Level < 1 || nd.Level > MaxLevel {
			return fmt.Errorf("%s: node %d: level %d; want 1 to %d", m.title(), num, nd.Level, MaxLevel)
		}
		switch {
		case nd.Level == m.leafLevel():
			if m.MultiState {
				top = max(top, slices.Max(nd.States[:]))
			}
			continue
		case nd.Level < m.leafLevel():
			return fmt.Errorf("%s: node %d: level %d is below the leaves' level, %d", m.title(), num, nd.Level, m.leafLevel())
		}
		for _, c := range nd.Children {
			if c < 0 || int(c) >= num {
				return fmt.Errorf("%s: node %d: child %d; want 0 (empty) or an earlier node", m.title(), num, c)
			}
			if cl := m.Nodes[max(c, 1)-1].Level; c != 0 && cl != nd.Level-1 {
				return fmt.Errorf("%s: node %d of level %d: child %d is of level %d; want %d", m.title(), num, nd.Level, c, cl, nd.Level-1)
			}
		}
	}
	used := make([]bool, n+1)
	used[n] = true
	for i := n; i >= 1; i-- { // parents before children
		if !used[i] {
			return fmt.Errorf("%s: node %d is not part of the pattern: no node after it refers to it", m.title(), i)
		}
		if nd := &m.Nodes[i-1]; nd.Level != m.leafLevel() {
			for _, c := range nd.Children {
				used[c] = true
			}
		}
	}
	if !m.MultiState && m.Nodes[n-1].Level == 3 {
		return fmt.Errorf("%s: the root is a leaf; a root of 8 × 8 leaves is of level 4 and up", m.title())
	}
	if m.Generation != nil && m.Generation.Sign() < 0 {
		return fmt.Errorf("%s: generation %s; want 0 or more", m.title(), m.Generation)
	}
	if m.Rule != "" {
		r, err := life.ParseRule(m.Rule)
		if err != nil {
			return fmt.Errorf("%s: %w", m.title(), err)
		}
		if int(top) >= r.States() {
			return fmt.Errorf("%s has cells in state %d, but rule %s has %d states, 0 to %d", m.title(), top, r, r.States(), r.States()-1)
		}
	}
	return nil
}

// WriteMacrocell writes m as Golly writes a macrocell file, "[M2] (colife)"
// and then the "#R" rule (in the form Golly 3.3 reads: B/S notation, and
// Golly's S/B/C digits for a totalistic Generations rule, "/2/3" for
// B2/S/C3, with the bounded-grid suffix), the "#G" generation if not 0,
// the name, the comments, and the nodes in order: a level-3 leaf as its rows
// of '.' and '*' each ended by '$', rows and cells after the last live one
// left out; a level-1 leaf as "1 nw ne sw se" with their states; a node as
// "level nw ne sw se". A pattern Check refuses is an error, and nothing is
// written.
func WriteMacrocell(w io.Writer, m *Macrocell) error {
	if err := m.Check(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("[M2] (colife)\n")
	if m.Rule != "" || !m.Grid.IsZero() {
		r := life.Conway
		if m.Rule != "" {
			r, _ = life.ParseRule(m.Rule) // checked
		}
		fmt.Fprintf(bw, "#R %s%s\n", gollyRule(r), m.Grid)
	}
	if m.Generation != nil && m.Generation.Sign() > 0 {
		fmt.Fprintf(bw, "#G %s\n", m.Generation)
	}
	writeComments(bw, m.Name, m.Comments)
	var row []byte
	for _, n := range m.Nodes {
		switch {
		case n.Level == m.leafLevel() && m.MultiState:
			fmt.Fprintf(bw, "1 %d %d %d %d\n", n.States[0], n.States[1], n.States[2], n.States[3])
		case n.Level == m.leafLevel():
			row = appendLeaf(row[:0], n.Leaf)
			bw.Write(row)
		default:
			fmt.Fprintf(bw, "%d %d %d %d %d\n", n.Level, n.Children[0], n.Children[1], n.Children[2], n.Children[3])
		}
	}
	return bw.Flush()
}

// appendLeaf appends the line of an 8 × 8 leaf: "$" for an empty one.
func appendLeaf(b []byte, leaf uint64) []byte {
	if leaf == 0 {
		return append(b, "$\n"...)
	}
	for y := 0; leaf>>(8*y) != 0; y++ {
		r := uint8(leaf >> (8 * y))
		for x := 0; r>>x != 0; x++ {
			b = append(b, ".*"[r>>x&1])
		}
		b = append(b, '$')
	}
	return append(b, '\n')
}

// gollyRule returns r as Golly 3.3 reads it: in B/S notation, but a
// totalistic Generations rule in Golly's S/B/C digits ("/2/3" for B2/S/C3),
// the only form its Generations algorithm takes.
func gollyRule(r life.Rule) string {
	birth, survive, ok := r.Totalistic()
	if r.States() == 2 || !ok {
		return r.String()
	}
	digits := func(set uint16) string {
		var b []byte
		for n := range 9 {
			if set>>n&1 == 1 {
				b = append(b, byte('0'+n))
			}
		}
		return string(b)
	}
	return fmt.Sprintf("%s/%s/%d", digits(survive), digits(birth), r.States())
}

// extent is what a node holds: how many live cells, how many of the 64 × 64
// squares of the plane it covers (below level 6, itself) hold one, and their
// bounding box relative to its top-left cell, both corners included.
// Counts saturate at math.MaxUint64.
type extent struct {
	pop, squares uint64
	min, max     life.Point
}

// add adds the cells of a child, whose box is min to max.
func (e *extent) add(pop uint64, lo, hi life.Point) {
	if e.pop == 0 {
		e.min, e.max = lo, hi
	} else {
		e.min = life.Point{X: min(e.min.X, lo.X), Y: min(e.min.Y, lo.Y)}
		e.max = life.Point{X: max(e.max.X, hi.X), Y: max(e.max.Y, hi.Y)}
	}
	e.pop = addSat(e.pop, pop)
}

// addSat returns a+b, or math.MaxUint64 if that is more.
func addSat(a, b uint64) uint64 {
	s, carry := bits.Add64(a, b, 0)
	if carry != 0 {
		return math.MaxUint64
	}
	return s
}

// mulSat returns a×b, or math.MaxUint64 if that is more.
func mulSat(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	if hi != 0 {
		return math.MaxUint64
	}
	return lo
}

// extents returns the extent of each node, from the leaves up: the work is
// one step a node, however many cells they hold. A child that is not an
// earlier node counts as empty, so that an m Check refuses gives some
// answer, and no panic.
func (m *Macrocell) extents() []extent {
	ext := make([]extent, len(m.Nodes))
	for i, n := range m.Nodes {
		e := &ext[i]
		switch {
		case n.Level < 1 || n.Level > MaxLevel:
		case n.Level == m.leafLevel() && m.MultiState:
			for q, s := range n.States {
				if s != life.Empty {
					p := life.Point{X: int64(q & 1), Y: int64(q >> 1)}
					e.add(1, p, p)
				}
			}
		case n.Level == m.leafLevel():
			if n.Leaf == 0 {
				break
			}
			var cols uint8
			for y := range 8 {
				cols |= uint8(n.Leaf >> (8 * y))
			}
			e.pop = uint64(bits.OnesCount64(n.Leaf))
			e.min = life.Point{X: int64(bits.TrailingZeros8(cols)), Y: int64(bits.TrailingZeros64(n.Leaf) / 8)}
			e.max = life.Point{X: int64(7 - bits.LeadingZeros8(cols)), Y: int64((63 - bits.LeadingZeros64(n.Leaf)) / 8)}
		default:
			h := int64(1) << (n.Level - 1)
			for k, c := range n.Children {
				if c <= 0 || int(c) > i || ext[c-1].pop == 0 {
					continue
				}
				ce := &ext[c-1]
				off := life.Point{X: int64(k&1) * h, Y: int64(k>>1) * h}
				e.add(ce.pop, ce.min.Add(off), ce.max.Add(off))
				e.squares = addSat(e.squares, ce.squares)
			}
		}
		if e.pop > 0 && n.Level <= 6 {
			e.squares = 1
		}
	}
	return ext
}

// Population returns the number of live cells, dying ones included, counted
// from the nodes without expanding them; math.MaxUint64 if there are more.
// It is 0 for a pattern without nodes.
func (m *Macrocell) Population() uint64 {
	if len(m.Nodes) == 0 {
		return 0
	}
	return m.extents()[len(m.Nodes)-1].pop
}

// Square returns the square the root covers (see Macrocell), or the zero
// Rect for a pattern without nodes.
func (m *Macrocell) Square() life.Rect {
	if len(m.Nodes) == 0 {
		return life.Rect{}
	}
	l := m.Nodes[len(m.Nodes)-1].Level
	if l < 1 || l > MaxLevel {
		return life.Rect{}
	}
	h := int64(1) << (l - 1)
	return life.RectOf(life.Point{X: -h, Y: 1 - h}, 2*h, 2*h)
}

// Bounds returns the bounding box of the live cells, computed from the
// nodes without expanding them, or the zero Rect if none is alive.
func (m *Macrocell) Bounds() life.Rect {
	if len(m.Nodes) == 0 {
		return life.Rect{}
	}
	return m.bounds(m.extents())
}

// bounds returns the bounding box of the live cells, given their extents.
func (m *Macrocell) bounds(ext []extent) life.Rect {
	e := ext[len(ext)-1]
	sq := m.Square()
	if e.pop == 0 || sq.Empty() {
		return life.Rect{}
	}
	return life.Rect{Min: sq.Min.Add(e.min), Max: sq.Min.Add(e.max).Add(life.Point{X: 1, Y: 1})}
}

// cells calls f with each live cell and its state, in no particular order.
// It descends into no empty square, so the work follows the live cells.
func (m *Macrocell) cells(ext []extent, f func(x, y int64, s life.State)) {
	var walk func(i int32, x0, y0 int64)
	walk = func(i int32, x0, y0 int64) {
		if i == 0 || ext[i-1].pop == 0 {
			return
		}
		n := &m.Nodes[i-1]
		switch {
		case n.Level == m.leafLevel() && m.MultiState:
			for q, s := range n.States {
				if s != life.Empty {
					f(x0+int64(q&1), y0+int64(q>>1), s)
				}
			}
		case n.Level == m.leafLevel():
			for b := n.Leaf; b != 0; b &= b - 1 {
				c := int64(bits.TrailingZeros64(b))
				f(x0+c%8, y0+c/8, life.Alive)
			}
		default:
			h := int64(1) << (n.Level - 1)
			for k, c := range n.Children {
				walk(c, x0+int64(k&1)*h, y0+int64(k>>1)*h)
			}
		}
	}
	sq := m.Square()
	walk(int32(len(m.Nodes)), sq.Min.X, sq.Min.Y)
}

// Pattern expands m into its list of cells, placed (Position): the box is
// the live cells' bounding box, or, when the rule has a bounded-grid suffix,
// the grid where Golly puts it, if it fits and holds every cell. A pattern
// with more than MaxLive live cells, or a box wider or taller than MaxSide,
// is refused before anything is allocated, with an error wrapping
// life.ErrSize that gives the number and says to run it with -engine
// hashlife. So is an m Check refuses.
func (m *Macrocell) Pattern() (*Pattern, error) {
	if err := m.Check(); err != nil {
		return nil, err
	}
	return m.expand(m.title())
}

// expand is Pattern for an m Check accepts; who names the pattern in the
// error.
func (m *Macrocell) expand(who string) (*Pattern, error) {
	ext := m.extents()
	pop := ext[len(ext)-1].pop
	if pop > MaxLive {
		return nil, sizeError(fmt.Sprintf("%s has %s live cells, more than the %s the engines that expand it take; run it with -engine hashlife",
			who, thousands(pop), thousands(MaxLive)))
	}
	live := m.bounds(ext)
	box := live
	if b := m.Grid; !b.IsZero() && b.Width <= MaxSide && b.Height <= MaxSide && b.Width <= life.MaxCells/b.Height {
		grid := life.RectOf(life.Point{X: -int64(b.Width / 2), Y: -int64(b.Height / 2)}, int64(b.Width), int64(b.Height))
		if live.Intersect(grid) == live {
			box = grid
		}
	}
	if w, h := box.Dx(), box.Dy(); w > MaxSide || h > MaxSide || uint64(w)*uint64(h) > life.MaxCells {
		return nil, sizeError(fmt.Sprintf("%s spans %s × %s cells, more than a box of cells may (%s a side, %s cells); run it with -engine hashlife",
			who, thousands(uint64(w)), thousands(uint64(h)), thousands(MaxSide), thousands(life.MaxCells)))
	}
	p := &Pattern{Name: m.Name, Comments: slices.Clone(m.Comments), Rule: m.Rule, Bounds: m.Grid,
		Width: int(box.Dx()), Height: int(box.Dy()), Warnings: slices.Clone(m.Warnings)}
	if box.Empty() {
		p.Width, p.Height = 1, 1 // as FromUniverse makes an empty plane
	} else {
		p.Position = &box.Min
	}
	if g := m.Generation; g != nil && g.IsInt64() && g.Int64() <= math.MaxInt {
		p.Generation = int(g.Int64())
	} else if g != nil {
		p.Warnings = append(p.Warnings, fmt.Sprintf("%s is at generation %s, past what colife counts; counted from 0", who, g))
	}
	p.Cells = make([]Cell, 0, pop)
	m.cells(ext, func(x, y int64, s life.State) {
		p.Cells = append(p.Cells, cellOf(int(x-box.Min.X), int(y-box.Min.Y), s))
	})
	slices.SortFunc(p.Cells, compareCells)
	return p, nil
}

// Universe expands m into a new Universe, each cell where m puts it. One
// that would take more memory than budget (life.DefaultBudget when 0; no
// limit if that is unknown too) is refused before anything is allocated,
// with an error wrapping life.ErrBudget that gives the live cells, the
// memory and the budget. So is an m Check refuses.
func (m *Macrocell) Universe(budget uint64) (*life.Universe, error) {
	if err := m.Check(); err != nil {
		return nil, err
	}
	ext := m.extents()
	root := ext[len(ext)-1]
	// A 64 × 64 square of the tree starts at a column of a tile of the
	// universe and one row below one: it overlaps two tiles (four, for a
	// root below level 7, which need not start at a tile's column).
	tiles := min(root.pop, mulSat(root.squares, 2))
	if m.Nodes[len(m.Nodes)-1].Level < 7 {
		tiles = min(root.pop, 4)
	}
	perTile := uint64(life.TileBytes)
	if m.MultiState {
		perTile += 64 * 64 // a byte a cell, for the dying states
	}
	cost := life.Cost{What: "its tiles of the plane", Bytes: mulSat(tiles, perTile)}
	if err := life.CheckBudget(budget, cost); err != nil {
		return nil, fmt.Errorf("%s has %s live cells, and expanding them is %w", m.title(), thousands(root.pop), err)
	}
	u := life.NewUniverse()
	m.cells(ext, u.Set)
	return u, nil
}

// sizeError is a pattern too large to expand: it wraps life.ErrSize.
type sizeError string

func (e sizeError) Error() string { return string(e) }
func (sizeError) Unwrap() error   { return life.ErrSize }

// thousands formats n with commas between groups of three digits.
func thousands(n uint64) string {
	s := strconv.FormatUint(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// MacrocellFromPattern returns p as a Macrocell, its cells in the canonical
// quadtree (one node for each distinct square, so a large periodic pattern
// takes few), numbered as Golly numbers them: each node after its children,
// nw, ne, sw, se. The cells lie at p's Position; without one, where Golly
// puts a pattern read from RLE: in the middle of the bounded grid of the
// rule's suffix (as Place puts it there), or else with the box's top-left
// cell at (0, 0). The leaves are level-3 squares of bits, or level-1 squares
// of states (MultiState) when the rule is a Generations rule or a cell is
// dying. A cell outside the box, a rule life.ParseRule refuses or whose
// states a cell's exceed, and cells that span more than a root of MaxLevel
// holds are errors.
func MacrocellFromPattern(p *Pattern) (*Macrocell, error) {
	cells, err := p.sortedCells()
	if err != nil {
		return nil, err
	}
	rule, err := p.canonicalRule()
	if err != nil {
		return nil, err
	}
	rule, _, _ = strings.Cut(rule, ":")
	r, _ := p.LifeRule()
	multi := r.States() > 2 || p.MaxState() > life.Alive
	var at life.Point
	switch b := p.Bounds; {
	case p.Position != nil:
		at = *p.Position
	case !b.IsZero():
		at = life.Point{X: -int64(b.Width/2) + int64((b.Width-p.Width)/2), Y: -int64(b.Height/2) + int64((b.Height-p.Height)/2)}
	}
	t := newTree(multi)
	for _, c := range cells {
		if err := t.set(at.X+int64(c.X), at.Y+int64(c.Y), c.State()); err != nil {
			return nil, fmt.Errorf("%s: %w", p.title(), err)
		}
	}
	m := &Macrocell{Name: p.Name, Comments: slices.Clone(p.Comments), Rule: rule, Grid: p.Bounds, MultiState: multi, Nodes: t.build()}
	if p.Generation > 0 {
		m.Generation = big.NewInt(int64(p.Generation))
	}
	return m, nil
}

// MacrocellFromUniverse returns the live cells of u, in their states and
// where they lie, as a Macrocell with the given name, rule and generation,
// as MacrocellFromPattern makes one: multi-state under a Generations rule.
// It holds no list of the cells. A dying cell under a two-state rule is an
// error, and so are cells that span more than a root of MaxLevel holds.
func MacrocellFromUniverse(u *life.Universe, name string, rule life.Rule, gen int) (*Macrocell, error) {
	m := &Macrocell{Name: name, Rule: rule.String(), MultiState: rule.States() > 2}
	if gen > 0 {
		m.Generation = big.NewInt(int64(gen))
	}
	t := newTree(m.MultiState)
	top := life.Empty
	var err error
	u.Cells(u.Bounds(), func(x, y int64, s life.State) {
		top = max(top, s)
		if err == nil {
			err = t.set(x, y, s)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", m.title(), err)
	}
	if err := (&Pattern{Name: name}).checkState(top, rule); err != nil {
		return nil, err
	}
	m.Nodes = t.build()
	return m, nil
}

// MacrocellFromGrid returns the whole grid g as MacrocellFromPattern returns
// FromGrid(g, name, rule) at generation gen, straight from the grid: on a
// torus or plane (t) the rule gets Golly's suffix for a grid of g's size, as
// WriteGridRLE writes it, and the grid lies where Golly puts that bounded
// grid, so that the file read back gives the same board; on Unbounded the
// grid's top-left cell is at (0, 0). A dying cell under a two-state rule is
// an error.
func MacrocellFromGrid(g *life.Grid, name string, rule life.Rule, t life.Topology, gen int) (*Macrocell, error) {
	b := gridBounds(g, t)
	m := &Macrocell{Name: name, Rule: rule.String(), Grid: b, MultiState: rule.States() > 2}
	if gen > 0 {
		m.Generation = big.NewInt(int64(gen))
	}
	at := life.Point{X: -int64(b.Width / 2), Y: -int64(b.Height / 2)}
	tr := newTree(m.MultiState)
	runs := gridRuns(g)
	if err := (&Pattern{Name: name}).checkState(runs.maxState(), rule); err != nil {
		return nil, err
	}
	runs(func(x, y, n int, s life.State) error {
		for i := range n {
			tr.set(at.X+int64(x+i), at.Y+int64(y), s) // a grid is far smaller than the largest root
		}
		return nil
	})
	m.Nodes = tr.build()
	return m, nil
}

// tree gathers cells into the leaves of a quadtree, and builds it. The
// positions of its squares are in units of their side, with y one less than
// the plane's (see Macrocell): then every square of level k starts at a
// multiple of 2^k.
type tree struct {
	multi  bool
	leaves map[life.Point]int32 // each leaf's place in bits or states
	bits   []uint64             // 8 × 8 leaves
	states [][4]life.State      // 2 × 2 leaves

	lastKey life.Point // the leaf set last, as cells come in rows
	last    int32      // its place, or -1

	nodes     []Node
	leafIndex map[uint64]int32 // the number of each node, so that each square is one node
	multiLeaf map[[4]life.State]int32
	nodeIndex map[[4]int32]int32 // by children: those of a node above the leaves tell its level
}

func newTree(multi bool) *tree {
	return &tree{multi: multi, leaves: map[life.Point]int32{}, last: -1,
		leafIndex: map[uint64]int32{}, multiLeaf: map[[4]life.State]int32{}, nodeIndex: map[[4]int32]int32{}}
}

// set sets the cell at (x, y) to s, which is not Empty, or fails if no root
// of MaxLevel holds it.
func (t *tree) set(x, y int64, s life.State) error {
	const lim = 1 << (MaxLevel - 1)
	if x < -lim || x >= lim || y <= -lim || y > lim {
		return fmt.Errorf("cell (%d, %d) lies beyond the largest square a macrocell file holds here, from -2^%d to 2^%d", x, y, MaxLevel-1, MaxLevel-1)
	}
	y--
	shift := int64(3)
	if t.multi {
		shift = 1
	}
	if k := (life.Point{X: x >> shift, Y: y >> shift}); t.last < 0 || k != t.lastKey {
		i, ok := t.leaves[k]
		if !ok {
			i = int32(max(len(t.bits), len(t.states)))
			t.leaves[k] = i
			t.bits = append(t.bits, 0)
			if t.multi {
				t.states = append(t.states, [4]life.State{})
			}
		}
		t.lastKey, t.last = k, i
	}
	if t.multi {
		t.states[t.last][(y&1)*2+x&1] = s
	} else {
		t.bits[t.last] |= 1 << ((y&7)*8 + x&7)
	}
	return nil
}

// number returns the number of node n, adding it if it is new, index being
// the map for its kind and key its key there.
func number[K comparable](t *tree, index map[K]int32, key K, n Node) int32 {
	if i, ok := index[key]; ok {
		return i
	}
	t.nodes = append(t.nodes, n)
	i := int32(len(t.nodes))
	index[key] = i
	return i
}

// build builds the tree, level by level from the leaves up until the squares
// that hold a cell are the quarters of the root, of level 4 at least (2 for
// level-1 leaves, as Golly writes them), and returns its nodes numbered as
// Golly numbers them.
func (t *tree) build() []Node {
	level, minRoot := 3, 4
	if t.multi {
		level, minRoot = 1, 2
	}
	cur := make(map[life.Point]int32, len(t.leaves))
	for k, i := range t.leaves {
		if t.multi {
			cur[k] = number(t, t.multiLeaf, t.states[i], Node{Level: 1, States: t.states[i]})
		} else {
			cur[k] = number(t, t.leafIndex, t.bits[i], Node{Level: 3, Leaf: t.bits[i]})
		}
	}
	for level+1 < minRoot || !central(cur) {
		next := make(map[life.Point][4]int32, len(cur)/2)
		for k, i := range cur {
			p := life.Point{X: k.X >> 1, Y: k.Y >> 1}
			c := next[p]
			c[(k.Y&1)*2+k.X&1] = i
			next[p] = c
		}
		level++
		clear(cur)
		for p, c := range next {
			cur[p] = number(t, t.nodeIndex, c, Node{Level: level, Children: c})
		}
	}
	t.nodes = append(t.nodes, Node{Level: level + 1, Children: [4]int32{cur[life.Point{X: -1, Y: -1}], cur[life.Point{X: 0, Y: -1}], cur[life.Point{X: -1, Y: 0}], cur[life.Point{}]}})
	return postOrder(t.nodes, int32(len(t.nodes)))
}

// central reports whether the squares all lie in {-1, 0}², the quarters of a
// root.
func central(squares map[life.Point]int32) bool {
	for k := range squares {
		if k.X < -1 || k.X > 0 || k.Y < -1 || k.Y > 0 {
			return false
		}
	}
	return true
}

// postOrder returns the nodes of root's tree, each after its children, in
// the order Golly writes them: depth first, nw, ne, sw, se, each node once.
func postOrder(nodes []Node, root int32) []Node {
	num := make([]int32, len(nodes)+1)
	out := make([]Node, 0, len(nodes))
	var visit func(i int32) int32
	visit = func(i int32) int32 {
		if i == 0 || num[i] != 0 {
			return num[i]
		}
		n := nodes[i-1]
		for k, c := range n.Children {
			n.Children[k] = visit(c)
		}
		out = append(out, n)
		num[i] = int32(len(out))
		return num[i]
	}
	visit(root)
	return out
}
