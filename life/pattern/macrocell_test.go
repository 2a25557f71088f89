package pattern_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/pattern"
	"colife/life/sim"
)

// mc joins lines into a macrocell file.
func mc(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// readMC reads a macrocell file from the testdata.
func readMC(t *testing.T, name string) *pattern.Macrocell {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "macrocell", name))
	require.NoError(t, err)
	defer f.Close()
	m, err := pattern.ReadMacrocell(f, name)
	require.NoError(t, err)
	return m
}

// universe returns the cells of p on the plane, its box's top-left cell at
// its Position (or at (0, 0)).
func universe(t *testing.T, p *pattern.Pattern) *life.Universe {
	t.Helper()
	var at life.Point
	if p.Position != nil {
		at = *p.Position
	}
	u := life.NewUniverse()
	for _, c := range p.Cells {
		u.Set(at.X+int64(c.X), at.Y+int64(c.Y), c.State())
	}
	return u
}

// evolve runs p, its box's top-left cell at at, for n generations on the
// unbounded plane with the direct engine, under its rule.
func evolve(t *testing.T, p *pattern.Pattern, at life.Point, n int) *life.Universe {
	t.Helper()
	g, err := p.Grid(0)
	require.NoError(t, err)
	rule, ok := p.LifeRule()
	require.True(t, ok)
	s, err := sim.New(context.Background(), g, sim.Options{Rule: rule, Topology: life.Unbounded, Engine: sim.Direct, Origin: at})
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.Run(context.Background(), n))
	return s.Universe().Clone()
}

// TestReadMacrocell reads small files, as Golly writes them and otherwise,
// each checked as a picture of its box and the box's place: the positions
// are those bgolly gave single cells of "#CXRLE Pos=x,y" RLE files.
func TestReadMacrocell(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		want     []string // the box drawn as life.Grid.String draws it
		at       life.Point
		rule     string
		pname    string
		comments []string
		gen      string // "" for none
	}{
		{
			name: "glider, as bgolly writes it",
			in:   mc("[M2] (golly 3.3)", "#R B3/S23", "$$$$$$$.*$", "..*$***$", "4 0 1 0 2"),
			want: []string{"-*-", "--*", "***"}, rule: "B3/S23",
		},
		{name: "a cell at (0, 0)", in: mc("[M2] (golly 3.3)", "#R B3/S23", "$$$$$$$*$", "4 0 1 0 0"), want: []string{"*"}, rule: "B3/S23"},
		{name: "a cell at (-1, -1)", in: mc("[M2]", "$$$$$$.......*$", "4 1 0 0 0"), want: []string{"*"}, at: life.Point{X: -1, Y: -1}},
		{name: "a cell at (7, 8)", in: mc("[M2]", "$$$$$$$.......*$", "4 0 0 0 1"), want: []string{"*"}, at: life.Point{X: 7, Y: 8}},
		{name: "a cell at (-8, -7)", in: mc("[M2]", "*$", "4 1 0 0 0"), want: []string{"*"}, at: life.Point{X: -8, Y: -7}},
		{name: "a cell at (-8, -8), a level up", in: mc("[M2]", "$$$$$$$*$", "4 0 1 0 0", "5 2 0 0 0"), want: []string{"*"}, at: life.Point{X: -8, Y: -8}},
		{
			name: "a cell at (100, -300), as bgolly wrote it",
			in:   mc("[M2] (golly 3.3)", "#R B3/S23", "$$$....*$", "4 1 0 0 0", "5 0 0 2 0", "6 0 3 0 0", "7 0 0 0 4", "8 0 0 5 0", "9 6 0 0 0", "10 0 7 0 0"),
			want: []string{"*"}, at: life.Point{X: 100, Y: -300}, rule: "B3/S23",
		},
		{
			name: "comments, a name, an author, a generation, CRLF, blank lines and spaces",
			in:   "[M2] (golly 3.3)\r\n#N Two blocks\r\n#C first\r\n#C\r\n#O Someone\r\n#G 12\r\n\r\n  **$**$ \r\n\t4 0 0 1 1 0\r\n",
			want: []string{"**------**", "**------**"}, at: life.Point{X: -8, Y: 1},
			pname: "Two blocks", comments: []string{"first", "", "Author: Someone"}, gen: "12",
		},
		{
			name: "one square, four times, and the rows past the last cell left out",
			in:   mc("[M2]", "*", "4 1 1 1 1", "5 2 2 2 2"),
			want: []string{
				"*-------*-------*-------*",
				"-------------------------",
				"-------------------------",
				"-------------------------",
				"-------------------------",
				"-------------------------",
				"-------------------------",
				"-------------------------",
				"*-------*-------*-------*",
				"-------------------------",
				"-------------------------",
				"-------------------------",
				"-------------------------",
				"-------------------------",
				"-------------------------",
				"-------------------------",
				"*-------*-------*-------*",
				"-------------------------",
				"-------------------------",
				"-------------------------",
				"-------------------------",
				"-------------------------",
				"-------------------------",
				"-------------------------",
				"*-------*-------*-------*",
			},
			at: life.Point{X: -16, Y: -15},
		},
		{
			name: "states of Brian's Brain, as bgolly -a Generations writes them",
			in:   mc("[M2] (golly 3.3)", "#R /2/3", "1 1 2 0 0", "2 0 0 0 1"),
			want: []string{"*2"}, at: life.Point{X: 0, Y: 1}, rule: "/2/3",
		},
		{
			name: "a torus: the box is the grid where Golly puts it",
			in:   mc("[M2] (golly 3.3)", "#R B3/S23:T20,11", "$$......*$", "4 0 0 1 0", "$$.*$", "4 0 0 0 3", "5 2 4 0 0"),
			want: []string{"*------------------*", "--------------------", "--------------------", "--------------------", "--------------------",
				"--------------------", "--------------------", "--------------------", "--------------------", "--------------------", "--------------------"},
			at: life.Point{X: -10, Y: -5}, rule: "B3/S23",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := pattern.ReadMacrocell(strings.NewReader(tt.in), "x.mc")
			require.NoError(t, err)
			require.NoError(t, m.Check())
			assert.Empty(t, m.Warnings)
			assert.Equal(t, tt.rule, m.Rule)
			assert.Equal(t, tt.pname, m.Name)
			assert.Equal(t, tt.comments, m.Comments)
			if tt.gen == "" {
				assert.Nil(t, m.Generation)
			} else {
				assert.Equal(t, tt.gen, m.Generation.String())
			}

			p, err := pattern.Read(strings.NewReader(tt.in), "x.mc")
			require.NoError(t, err)
			assert.Equal(t, strings.Join(tt.want, "\n")+"\n", drawn(t, p))
			require.NotNil(t, p.Position)
			assert.Equal(t, tt.at, *p.Position)
			assert.Equal(t, uint64(len(p.Cells)), m.Population())
			if p.Bounds.IsZero() {
				assert.Equal(t, life.RectOf(tt.at, int64(p.Width), int64(p.Height)), m.Bounds())
			}
			q, err := m.Pattern()
			require.NoError(t, err)
			assert.Equal(t, p, q, "Read and Macrocell.Pattern")
		})
	}
}

// TestReadMacrocellEmpty: a root without children is an empty pattern,
// read as FromUniverse makes one, a 1 × 1 box without cells.
func TestReadMacrocellEmpty(t *testing.T) {
	for _, in := range []string{mc("[M2]", "4 0 0 0 0"), mc("[M2]", "$", "4 1 0 0 0"), mc("[M2]", "#R /2/3", "1 0 0 0 0", "2 0 0 1 0")} {
		m, err := pattern.ReadMacrocell(strings.NewReader(in), "empty.mc")
		require.NoError(t, err)
		assert.Zero(t, m.Population())
		assert.Equal(t, life.Rect{}, m.Bounds())
		p, err := pattern.Read(strings.NewReader(in), "empty.mc")
		require.NoError(t, err)
		assert.Equal(t, [2]int{1, 1}, [2]int{p.Width, p.Height})
		assert.Empty(t, p.Cells)
		assert.Nil(t, p.Position)
	}
}

// TestReadMacrocellTimeline: Golly's timeline is left out, with a warning,
// and the nodes only its frames need are dropped.
func TestReadMacrocellTimeline(t *testing.T) {
	in := mc("[M2] (golly 3.3)", "#R B3/S23", "#FRAMES 2 0 2^0",
		"$$$$$$$*$", "4 0 1 0 0", "#FRAME 0 2",
		"$$$$$$$**$", "4 0 3 0 0", "#FRAME 1 4",
		"$$$$$$$***$", "4 0 5 0 0")
	m, err := pattern.ReadMacrocell(strings.NewReader(in), "t.mc")
	require.NoError(t, err)
	assert.Equal(t, []string{"t.mc:3: Golly's timeline (#FRAMES) is left out: only the pattern at the root is read"}, m.Warnings)
	assert.Equal(t, []pattern.Node{{Level: 3, Leaf: 7 << 56}, {Level: 4, Children: [4]int32{0, 1, 0, 0}}}, m.Nodes)
	assert.Equal(t, uint64(3), m.Population())
}

func TestReadMacrocellErrors(t *testing.T) {
	gosper, err := os.ReadFile(filepath.Join("testdata", "macrocell", "gosper.mc"))
	require.NoError(t, err)
	cut := string(gosper[:bytes.LastIndexByte(gosper[:len(gosper)-1], '\n')+1])
	tests := []struct {
		name, file, in, want string
	}{
		{"empty", "x.mc", "", "x.mc: empty: want an RLE, plaintext (.cells), Life 1.06 or macrocell (.mc) pattern"},
		{"no [M2] header", "x.mc", mc("#R B3/S23", "4 0 0 0 0"), `x.mc:1:1: missing "[M2]" header: a macrocell file starts with "[M2] (...)"`},
		{"no [M2] header, a node first", "x.mc", mc("4 0 0 0 0"), `x.mc:1:1: missing "[M2]" header: a macrocell file starts with "[M2] (...)"`},
		{"another version", "x", mc("[M1] (old)", "4 0 0 0 0"), `x:1:1: unsupported macrocell version "[M1]": want [M2]`},
		{"header only", "x", mc("[M2] (golly 3.3)", "#R B3/S23"), `x:2: no nodes: a macrocell file ends with its root node (is it truncated? "4 0 0 0 0" is an empty pattern)`},
		{"a leaf, no root", "x", mc("[M2]", "#C one leaf", "*$"), "x:3: the file ends with a leaf: the root, a node line after the leaves, is missing (is it truncated?)"},
		{"truncated", "gosper.mc", cut, "gosper.mc:4: node 1 is not part of the pattern: no node after it refers to it, and the root is the last node, on line 18 (is the file truncated?)"},
		{"a node out of range", "x", mc("[M2]", "*$", "4 0 1 0 3"), "x:3:9: node 3 is out of range: the file holds nodes 1 to 2, and 0, the empty square"},
		{"a negative node", "x", mc("[M2]", "*$", "4 0 -1 0 0"), "x:3:5: node -1 is out of range: the file holds nodes 1 to 2, and 0, the empty square"},
		{"a node past int64", "x", mc("[M2]", "*$", "4 0 99999999999999999999 0 0"), "x:3:5: node 99999999999999999999 is out of range: the file holds nodes 1 to 2, and 0, the empty square"},
		{"a node refers to itself", "x", mc("[M2]", "*$", "4 1 2 0 0"), "x:3:5: node 2 refers to itself; a node's children come before it"},
		{"a node refers forward", "x", mc("[M2]", "4 0 2 0 0", "*$", "4 0 1 0 2"), "x:2:5: node 1 refers to node 2, which comes later; a node's children come before it"},
		{"a child of the wrong level", "x", mc("[M2]", "", "*$", "5 0 0 1 0"), "x:4:7: node 1 (line 3) is of level 3; the children of a level 5 node are of level 4"},
		{"level 0", "x", mc("[M2]", "0 0 0 0 0"), "x:2:1: level 0: want 1 to 62 (a square of 2^62 cells a side is the largest the plane holds)"},
		{"level 63", "x", mc("[M2]", "  63 0 0 0 0"), "x:2:3: level 63: want 1 to 62 (a square of 2^62 cells a side is the largest the plane holds)"},
		{"four fields", "x", mc("[M2]", "4 0 0 0"), `x:2:1: want a node "level nw ne sw se" of five numbers, found 4 fields`},
		{"not a number", "x", mc("[M2]", "4 0 0 0 x"), `x:2:9: want a node "level nw ne sw se" of five numbers, found "x"`},
		{"a bad leaf", "x", mc("[M2]", "..*$.o$"), "x:2:6: unexpected 'o' in a leaf; want '.' (dead), '*' (alive) or '$' (end of a row)"},
		{"a leaf row of 9 cells", "x", mc("[M2]", "$........*$"), "x:2:10: cell beyond the 8 × 8 leaf: a leaf is 8 rows of 8 cells, each row ended by '$'"},
		{"a leaf of 9 rows", "x", mc("[M2]", "$$$$$$$$*$"), "x:2:9: cell beyond the 8 × 8 leaf: a leaf is 8 rows of 8 cells, each row ended by '$'"},
		{"a bad rule", "x", mc("[M2]", "#R B9/S23", "4 0 0 0 0"), `x:2:4: rule "B9/S23": unexpected '9' in "9"; neighbour counts are digits 0 to 8`},
		{"a rule Golly has but colife has not", "x", mc("[M2]", "#R  WireWorld", "4 0 0 0 0"), `x:2:5: rule "WireWorld": want two parts separated by '/', such as B3/S23, a third for a Generations rule, such as B2/S/C3, or a name such as life`},
		{"#G not a number", "x", mc("[M2]", "#G 12x", "4 0 0 0 0"), `x:2:4: #G "12x": want the generation, a whole number 0 or more`},
		{"#G negative", "x", mc("[M2]", "#G -1", "4 0 0 0 0"), `x:2:4: #G "-1": want the generation, a whole number 0 or more`},
		{"#G of 1001 digits", "x", mc("[M2]", "#G "+strings.Repeat("9", 1001), "4 0 0 0 0"), "x:2:4: #G: a generation of 1001 digits; want at most 1000"},
		{"a state the rule has not", "x", mc("[M2]", "#R B2/S/C3", "1 0 0 3 0", "2 1 0 0 0"), "x:3:7: state 3 but rule B2/S/C3 has 3 states, 0 to 2"},
		{"a dying state under a two-state rule", "x", mc("[M2]", "#R B3/S23", "1 0 2 0 0", "2 1 0 0 0"), "x:3:5: state 2 but rule B3/S23 has 2 states, 0 to 1"},
		{"state 256", "x", mc("[M2]", "1 0 0 256 0", "2 1 0 0 0"), "x:2:7: state 256: want 0 to 255"},
		{"a level-1 leaf among 8 × 8 ones", "x", mc("[M2]", "*$", "1 0 1 0 0"), "x:3:1: level 1 node in a file of 8 × 8 leaves of '.', '*' and '$' (line 2): the nodes above them are level 4 and up"},
		{"a level-2 node among 8 × 8 leaves", "x", mc("[M2]", "*$", "2 0 0 0 0"), "x:3:1: level 2 node in a file of 8 × 8 leaves of '.', '*' and '$' (line 2): the nodes above them are level 4 and up"},
		{"an 8 × 8 leaf among level-1 ones", "x", mc("[M2]", "1 0 1 0 0", "*$"), "x:3:1: a leaf of '.', '*' and '$' in a file whose leaves are level-1 nodes of states (line 2): one kind of leaf to a file"},
		{"a frame of a later node", "x", mc("[M2]", "*$", "#FRAME 0 2", "4 1 0 0 0"), `x:3:1: want "#FRAME index node", node being 0 or a node before this line`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := pattern.ReadMacrocell(strings.NewReader(tt.in), tt.file)
			assert.Nil(t, m)
			assert.EqualError(t, err, tt.want)
			var pe *pattern.ParseError
			assert.True(t, errors.As(err, &pe), "a *ParseError")
			p, err := pattern.Read(strings.NewReader(tt.in), tt.file)
			assert.Nil(t, p)
			assert.EqualError(t, err, tt.want, "Read")
		})
	}
}

// TestMacrocellGolly reads what bgolly wrote (testdata/macrocell: each file
// says how it was made), and checks it against colife's own runs of the
// same patterns.
func TestMacrocellGolly(t *testing.T) {
	t.Run("gosper gun", func(t *testing.T) {
		m := readMC(t, "gosper.mc")
		p, err := m.Pattern()
		require.NoError(t, err)
		gun := builtin(t, "gosper")
		require.Equal(t, life.Point{}, *p.Position, "where Golly puts an RLE file's box")
		assert.Equal(t, gun.Cells, p.Cells)
		assert.Equal(t, uint64(36), m.Population())
		assert.Equal(t, life.RectOf(life.Point{}, 36, 9), m.Bounds())
	})
	t.Run("R-pentomino far away, at generation 1103", func(t *testing.T) {
		m := readMC(t, "r-pentomino-far-1103.mc")
		assert.Equal(t, big.NewInt(1103), m.Generation)
		u, err := m.Universe(0)
		require.NoError(t, err)
		want := evolve(t, builtin(t, "r-pentomino"), life.Point{X: -123456789, Y: 987654321}, 1103)
		assert.Equal(t, 116, want.Population())
		assert.True(t, want.Equal(u), "colife's run and Golly's file")
		assert.Equal(t, want.Bounds(), m.Bounds())
		assert.Equal(t, uint64(116), m.Population())
	})
	t.Run("Brian's Brain at generation 25", func(t *testing.T) {
		m := readMC(t, "brians-brain-25.mc")
		require.True(t, m.MultiState)
		u, err := m.Universe(0)
		require.NoError(t, err)
		want := evolve(t, builtin(t, "brians-brain"), life.Point{}, 25)
		assert.True(t, want.Equal(u), "colife's run and Golly's file")
		assert.Equal(t, uint64(want.Population()), m.Population())
		assert.Equal(t, want.Bounds(), m.Bounds())
	})
	t.Run("metacatacryst, from Golly's own patterns", func(t *testing.T) {
		m := readMC(t, "metacatacryst.mc")
		assert.Equal(t, "", m.Rule, "Golly 2.0 wrote no #R")
		assert.Equal(t, "metacatacryst -- a 52-cell pattern exhibiting quadratic growth.", m.Comments[0])
		assert.Equal(t, uint64(52), m.Population())
		p, err := m.Pattern()
		require.NoError(t, err)
		assert.Len(t, p.Cells, 52)
		assert.Equal(t, life.RectOf(*p.Position, int64(p.Width), int64(p.Height)), m.Bounds())
	})
}

// TestMacrocellGosper2e40: the Gosper gun at generation 2^40, as bgolly
// wrote it, has the population bgolly printed, and that and its bounding
// box follow from a short run of colife's: from generation t on, 60
// generations later the gun is where it was and the stream of gliders has
// two more gliders (5 cells each), its front 15 cells further down and
// right. The pattern is too big to expand, and each expansion says so.
func TestMacrocellGosper2e40(t *testing.T) {
	const gen = 1 << 40
	m := readMC(t, "gosper-2e40.mc")
	assert.Equal(t, big.NewInt(gen), m.Generation)
	assert.Equal(t, uint64(183_251_938_004), m.Population(), "as bgolly printed it")

	short := gen%60 + 5*60
	u := evolve(t, builtin(t, "gosper"), life.Point{}, short)
	periods := int64(gen-short) / 60
	assert.Equal(t, uint64(u.Population())+uint64(periods)*10, m.Population())
	b := u.Bounds()
	b.Max = b.Max.Add(life.Point{X: 15 * periods, Y: 15 * periods})
	assert.Equal(t, b, m.Bounds())

	_, err := m.Pattern()
	assert.EqualError(t, err, "pattern has 183,251,938,004 live cells, more than the 4,194,304 the engines that expand it take; run it with -engine hashlife")
	assert.ErrorIs(t, err, life.ErrSize)
	_, err = m.Universe(1 << 30)
	require.ErrorIs(t, err, life.ErrBudget)
	assert.True(t, strings.HasPrefix(err.Error(), "pattern has 183,251,938,004 live cells, and expanding them is over the memory budget: the run needs about "), err.Error())
	assert.Contains(t, err.Error(), "and the budget is 1.0 GiB")

	f, err := os.Open(filepath.Join("testdata", "macrocell", "gosper-2e40.mc"))
	require.NoError(t, err)
	defer f.Close()
	_, err = pattern.Read(f, "gun.mc")
	assert.EqualError(t, err, "gun.mc: the pattern has 183,251,938,004 live cells, more than the 4,194,304 the engines that expand it take; run it with -engine hashlife")
	var pe *pattern.ParseError
	assert.True(t, errors.As(err, &pe))
	assert.ErrorIs(t, err, life.ErrSize)
}

// TestMacrocellTooWide: a pattern of few cells but too wide a box is not
// expanded into a Pattern, but is into a Universe.
func TestMacrocellTooWide(t *testing.T) {
	// A cell at each far corner of a level-41 root.
	lines := []string{"[M2]", "*$", "$$$$$$$.......*$", "4 1 0 0 0", "4 0 0 0 2"}
	for l := 5; l <= 40; l++ {
		nw, se := 2*(l-5)+3, 2*(l-5)+4 // the nodes of the level below
		lines = append(lines, fmt.Sprintf("%d %d 0 0 0", l, nw), fmt.Sprintf("%d 0 0 0 %d", l, se))
	}
	lines = append(lines, "41 75 0 0 76")
	m, err := pattern.ReadMacrocell(strings.NewReader(mc(lines...)), "wide.mc")
	require.NoError(t, err)
	assert.Equal(t, uint64(2), m.Population())
	assert.Equal(t, life.Rect{Min: life.Point{X: -1 << 40, Y: 1 - 1<<40}, Max: life.Point{X: 1 << 40, Y: 1<<40 + 1}}, m.Bounds())
	_, err = m.Pattern()
	assert.EqualError(t, err, "pattern spans 2,199,023,255,552 × 2,199,023,255,552 cells, more than a box of cells may (1,048,576 a side, 1,073,741,824 cells); run it with -engine hashlife")
	u, err := m.Universe(0)
	require.NoError(t, err)
	assert.Equal(t, life.Alive, u.At(-1<<40, 1-1<<40))
	assert.Equal(t, life.Alive, u.At(1<<40-1, 1<<40))
	assert.Equal(t, 2, u.Population())
}

// TestWriteMacrocell writes patterns drawn as pictures and expects what
// bgolly -a HashLife (or -a Generations) writes for the same RLE file, its
// box's top-left cell at (0, 0) or at a "#CXRLE Pos".
func TestWriteMacrocell(t *testing.T) {
	tests := []struct {
		name string
		rows []string // as life.ParseGrid reads them
		rule string
		at   *life.Point
		gen  int
		want string
	}{
		{
			name: "glider", rows: []string{".O.", "..O", "OOO"}, rule: "B3/S23",
			want: mc("[M2] (colife)", "#R B3/S23", "$$$$$$$.*$", "..*$***$", "4 0 1 0 2"),
		},
		{
			name: "a cell at (-8, -8), at generation 7", rows: []string{"O"}, rule: "B3/S23", at: &life.Point{X: -8, Y: -8}, gen: 7,
			want: mc("[M2] (colife)", "#R B3/S23", "#G 7", "$$$$$$$*$", "4 0 1 0 0", "5 2 0 0 0"),
		},
		{
			name: "a cell at (100, -300)", rows: []string{"O"}, rule: "B36/S23", at: &life.Point{X: 100, Y: -300},
			want: mc("[M2] (colife)", "#R B36/S23", "$$$....*$", "4 1 0 0 0", "5 0 0 2 0", "6 0 3 0 0", "7 0 0 0 4", "8 0 0 5 0", "9 6 0 0 0", "10 0 7 0 0"),
		},
		{
			name: "Brian's Brain's states, in Golly's S/B/C", rows: []string{"O2"}, rule: "B2/S/C3", at: &life.Point{X: 0, Y: 1},
			want: mc("[M2] (colife)", "#R /2/3", "1 1 2 0 0", "2 0 0 0 1"),
		},
		{
			name: "a Generations rule without dying cells", rows: []string{"OO"}, rule: "B2/S345/C4",
			want: mc("[M2] (colife)", "#R 345/2/4", "1 0 0 1 1", "2 0 1 0 0"),
		},
		{
			name: "no live cell", rows: []string{"."}, rule: "B3/S23",
			want: mc("[M2] (colife)", "#R B3/S23", "4 0 0 0 0"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := life.ParseGrid(tt.rows...)
			require.NoError(t, err)
			p := pattern.FromGrid(g, "", mustRule(t, tt.rule))
			p.Position, p.Generation = tt.at, tt.gen
			m, err := pattern.MacrocellFromPattern(p)
			require.NoError(t, err)
			var b bytes.Buffer
			require.NoError(t, pattern.WriteMacrocell(&b, m))
			assert.Equal(t, tt.want, b.String())
		})
	}
}

// TestWriteMacrocellGosper writes the Gosper gun as bgolly wrote it
// (testdata/macrocell/gosper.mc), node for node.
func TestWriteMacrocellGosper(t *testing.T) {
	p := builtin(t, "gosper")
	m, err := pattern.MacrocellFromPattern(p)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, pattern.WriteMacrocell(&b, m))
	golly, err := os.ReadFile(filepath.Join("testdata", "macrocell", "gosper.mc"))
	require.NoError(t, err)
	assert.Equal(t, nodeLines(string(golly)), nodeLines(b.String()))
	assert.Contains(t, b.String(), "#N gosper\n#C Gosper glider gun: the first gun found, a glider every 30 generations\n")
}

// sameMacrocell asserts that two Macrocells hold the same pattern, and say
// the same of it: what a round trip through a file keeps. (A rule may be
// written in another form, "B2/S/C3" as Golly's "/2/3", so rules are compared
// parsed.)
func sameMacrocell(t *testing.T, want, got *pattern.Macrocell) {
	t.Helper()
	assert.Equal(t, want.Name, got.Name, "name")
	assert.Equal(t, want.Comments, got.Comments, "comments")
	assert.Equal(t, want.Rule == "", got.Rule == "", "has a rule")
	if want.Rule != "" && got.Rule != "" {
		assert.Equal(t, mustRule(t, want.Rule), mustRule(t, got.Rule), "rule")
	}
	assert.Equal(t, want.Grid, got.Grid, "bounded grid")
	gen := func(m *pattern.Macrocell) *big.Int { // nil is 0
		if m.Generation == nil {
			return new(big.Int)
		}
		return m.Generation
	}
	assert.Zero(t, gen(want).Cmp(gen(got)), "generation %s, read back as %s", gen(want), gen(got))
	assert.Equal(t, want.MultiState, got.MultiState, "kind of leaves")
	assert.Equal(t, want.Nodes, got.Nodes, "nodes")
}

// nodeLines returns the lines of a macrocell file after its '#' lines.
func nodeLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n")[1:] {
		if l != "" && l[0] != '#' {
			out = append(out, l)
		}
	}
	return out
}

// TestMacrocellRoundTrip writes random universes as macrocell files, from
// the universe and from its Pattern, and reads them back in place, as
// Macrocells and as Patterns: two-state ones, Generations ones, far from the
// origin and across it.
func TestMacrocellRoundTrip(t *testing.T) {
	far := soupCase{40, 40, life.Point{X: -(1 << 61), Y: 1<<61 - 39}, 0.5} // at the corners of the largest root
	eachSoup(t, rand.New(rand.NewPCG(7, 8)), append(slices.Clip(soups), far), func(t *testing.T, rule life.Rule, u *life.Universe) {
		m, err := pattern.MacrocellFromUniverse(u, "soup", rule, 9)
		require.NoError(t, err)
		require.NoError(t, m.Check())
		assert.Equal(t, uint64(u.Population()), m.Population())
		assert.Equal(t, u.Bounds(), m.Bounds())

		var b bytes.Buffer
		require.NoError(t, pattern.WriteMacrocell(&b, m))
		back, err := pattern.ReadMacrocell(bytes.NewReader(b.Bytes()), "back.mc")
		require.NoError(t, err, b.String())
		sameMacrocell(t, m, back)
		bu, err := back.Universe(0)
		require.NoError(t, err)
		assert.True(t, u.Equal(bu), "read back in place")

		p := pattern.FromUniverse(u, "soup", rule, 9)
		fromP, err := pattern.MacrocellFromPattern(p)
		require.NoError(t, err)
		assert.Equal(t, m, fromP, "from the universe and from its Pattern")
		q, err := pattern.Read(bytes.NewReader(b.Bytes()), "back.mc")
		require.NoError(t, err)
		if u.Population() > 0 {
			same(t, p, q)
			assert.Equal(t, p.Position, q.Position)
			assert.Equal(t, 9, q.Generation)
		}
	})
}

// TestMacrocellLibrary writes every built-in pattern as a macrocell file,
// from RLE, and reads the same cells back, where Golly puts an RLE file
// without a position.
func TestMacrocellLibrary(t *testing.T) {
	for _, p := range pattern.Library() {
		t.Run(p.Name, func(t *testing.T) {
			m, err := pattern.MacrocellFromPattern(p)
			require.NoError(t, err)
			var b bytes.Buffer
			require.NoError(t, pattern.WriteMacrocell(&b, m))
			q, err := pattern.Read(&b, p.Name+".mc")
			require.NoError(t, err)
			assert.True(t, universe(t, p).Equal(universe(t, q)), "the same cells in the same place")
			assert.Equal(t, p.Name, q.Name)
			assert.Equal(t, p.Comments, q.Comments)
			pr, _ := p.LifeRule()
			qr, _ := q.LifeRule()
			assert.Equal(t, pr, qr)
		})
	}
}

// TestMacrocellCanonical: a large periodic pattern is a few nodes, one for
// each distinct square.
func TestMacrocellCanonical(t *testing.T) {
	u := life.NewUniverse()
	for y := int64(0); y < 1024; y += 4 {
		for x := int64(0); x < 1024; x += 4 {
			u.Set(x, y, life.Alive)
			u.Set(x+1, y, life.Alive)
			u.Set(x, y+1, life.Alive)
			u.Set(x+1, y+1, life.Alive)
		}
	}
	m, err := pattern.MacrocellFromUniverse(u, "blocks", life.Conway, 0)
	require.NoError(t, err)
	assert.Equal(t, uint64(4*256*256), m.Population())
	assert.Equal(t, life.RectOf(life.Point{}, 1022, 1022), m.Bounds())
	assert.Less(t, len(m.Nodes), 60, "nodes")
	seen := map[pattern.Node]bool{}
	for _, n := range m.Nodes {
		assert.False(t, seen[n], "node %+v twice", n)
		seen[n] = true
	}
	var b bytes.Buffer
	require.NoError(t, pattern.WriteMacrocell(&b, m))
	assert.Less(t, b.Len(), 1000, "bytes")
}

func TestMacrocellFromPatternErrors(t *testing.T) {
	far := life.Point{X: 1 << 61, Y: 0}
	tests := []struct {
		name string
		p    *pattern.Pattern
		want string
	}{
		{"cell outside the box", &pattern.Pattern{Name: "out", Width: 2, Height: 2, Cells: []pattern.Cell{{X: 2, Y: 0}}}, `pattern "out": cell (2, 0) lies outside its 2x2 box`},
		{"bad rule", &pattern.Pattern{Rule: "B9", Width: 1, Height: 1}, `pattern: rule "B9": want two parts separated by '/', such as B3/S23, a third for a Generations rule, such as B2/S/C3, or a name such as life`},
		{"a dying cell under B3/S23", &pattern.Pattern{Rule: "B3/S23", Width: 1, Height: 1, Cells: []pattern.Cell{{Dying: 2}}}, "pattern has cells in state 2 (B), but rule B3/S23 has 2 states, 0 to 1"},
		{"too far", &pattern.Pattern{Name: "far", Width: 1, Height: 1, Position: &far, Cells: []pattern.Cell{{}}}, `pattern "far": cell (2305843009213693952, 0) lies beyond the largest square a macrocell file holds here, from -2^61 to 2^61`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pattern.MacrocellFromPattern(tt.p)
			assert.EqualError(t, err, tt.want)
		})
	}
	u := life.NewUniverse()
	u.Set(0, 0, 2)
	_, err := pattern.MacrocellFromUniverse(u, "soup", life.Conway, 0)
	assert.EqualError(t, err, `pattern "soup" has cells in state 2 (B), but rule B3/S23 has 2 states, 0 to 1`)
}

// TestMacrocellCheck: WriteMacrocell, Pattern and Universe refuse a
// Macrocell that is not one ReadMacrocell would return, and write nothing.
func TestMacrocellCheck(t *testing.T) {
	leaf := pattern.Node{Level: 3, Leaf: 1}
	tests := []struct {
		name string
		m    pattern.Macrocell
		want string
	}{
		{"no nodes", pattern.Macrocell{}, "pattern has no nodes; an empty pattern is one node without children"},
		{"a level too high", pattern.Macrocell{Nodes: []pattern.Node{{Level: 63}}}, "pattern: node 1: level 63; want 1 to 62"},
		{"a child after its parent", pattern.Macrocell{Name: "x", Nodes: []pattern.Node{{Level: 4, Children: [4]int32{2}}, leaf}}, `pattern "x": node 1: child 2; want 0 (empty) or an earlier node`},
		{"a child of the wrong level", pattern.Macrocell{Nodes: []pattern.Node{leaf, {Level: 5, Children: [4]int32{1}}}}, "pattern: node 2 of level 5: child 1 is of level 3; want 4"},
		{"a node no other refers to", pattern.Macrocell{Nodes: []pattern.Node{leaf, {Level: 4}}}, "pattern: node 1 is not part of the pattern: no node after it refers to it"},
		{"a node below the leaves", pattern.Macrocell{Nodes: []pattern.Node{{Level: 2}, {Level: 4}}}, "pattern: node 1: level 2 is below the leaves' level, 3"},
		{"a leaf for a root", pattern.Macrocell{Nodes: []pattern.Node{leaf}}, "pattern: the root is a leaf; a root of 8 × 8 leaves is of level 4 and up"},
		{"a state past the rule's", pattern.Macrocell{Rule: "B2/S/C3", MultiState: true, Nodes: []pattern.Node{{Level: 1, States: [4]life.State{0, 3}}}}, "pattern has cells in state 3, but rule B2/S/C3 has 3 states, 0 to 2"},
		{"a negative generation", pattern.Macrocell{Generation: big.NewInt(-1), Nodes: []pattern.Node{{Level: 4}}}, "pattern: generation -1; want 0 or more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.EqualError(t, tt.m.Check(), tt.want)
			var b bytes.Buffer
			assert.EqualError(t, pattern.WriteMacrocell(&b, &tt.m), tt.want)
			assert.Zero(t, b.Len())
			_, err := tt.m.Pattern()
			assert.EqualError(t, err, tt.want)
			_, err = tt.m.Universe(0)
			assert.EqualError(t, err, tt.want)
			tt.m.Population() // no panic
			tt.m.Bounds()
		})
	}
}

func TestLoadMacrocell(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "blinker.rle")
	require.NoError(t, os.WriteFile(file, []byte("#N file blinker\nx = 3, y = 1\n3o!\n"), 0o644))
	for _, tc := range []struct {
		spec, stdin, name string
		pop               uint64
	}{
		{spec: filepath.Join("testdata", "macrocell", "gosper.mc"), pop: 36},
		{spec: file, name: "file blinker", pop: 3},
		{spec: "glider", name: "glider", pop: 5},
		{spec: "-", stdin: mc("[M2]", "#N from stdin", "**$", "4 0 0 0 1"), name: "from stdin", pop: 2},
	} {
		m, err := pattern.LoadMacrocell(tc.spec, strings.NewReader(tc.stdin))
		require.NoError(t, err, tc.spec)
		assert.Equal(t, tc.name, m.Name, tc.spec)
		assert.Equal(t, tc.pop, m.Population(), tc.spec)
	}
	_, err := pattern.LoadMacrocell("nothing", nil)
	assert.ErrorIs(t, err, pattern.ErrUnknown)
	_, err = pattern.LoadMacrocell("-", strings.NewReader("[M2]\n"))
	assert.EqualError(t, err, `stdin:1: no nodes: a macrocell file ends with its root node (is it truncated? "4 0 0 0 0" is an empty pattern)`)
}

// TestGollyReadsMacrocell writes patterns as macrocell files and has bgolly
// (Golly 3.3, when installed) read each and write it again: read back, the
// file Golly wrote holds the same cells in the same place.
func TestGollyReadsMacrocell(t *testing.T) {
	bgolly, err := exec.LookPath("bgolly")
	if err != nil {
		t.Skip("bgolly is not installed: Golly does not check the macrocell writer")
	}
	r := rand.New(rand.NewPCG(9, 10))
	brain := mustRule(t, "briansbrain")
	for _, tc := range []struct {
		rule life.Rule
		at   life.Point
	}{
		{life.Conway, life.Point{}},
		{life.Conway, life.Point{X: -1000, Y: 12345}},
		{mustRule(t, "B2-a/S12"), life.Point{X: 1 << 40, Y: -(1 << 33)}},
		{brain, life.Point{X: -77, Y: -5}},
	} {
		t.Run(fmt.Sprintf("%s at %s", tc.rule, tc.at), func(t *testing.T) {
			g, err := life.NewGrid(50, 30)
			require.NoError(t, err)
			g.Randomize(r, 0.4)
			randomStates(g, r, tc.rule.States())
			u := life.NewUniverse()
			u.Paste(g, tc.at)
			m, err := pattern.MacrocellFromUniverse(u, "", tc.rule, 0)
			require.NoError(t, err)
			dir := t.TempDir()
			in, out := filepath.Join(dir, "in.mc"), filepath.Join(dir, "out.mc")
			var b bytes.Buffer
			require.NoError(t, pattern.WriteMacrocell(&b, m))
			require.NoError(t, os.WriteFile(in, b.Bytes(), 0o644))
			algo := "HashLife"
			if tc.rule.States() > 2 {
				algo = "Generations"
			}
			msg, err := exec.Command(bgolly, "-a", algo, "-m", "0", "-o", out, in).CombinedOutput()
			require.NoError(t, err, "%s", msg)
			assert.Contains(t, string(msg), fmt.Sprintf("0: %d\n", u.Population()), "bgolly's population")
			f, err := os.Open(out)
			require.NoError(t, err)
			defer f.Close()
			back, err := pattern.ReadMacrocell(f, "out.mc")
			require.NoError(t, err)
			bu, err := back.Universe(0)
			require.NoError(t, err)
			assert.True(t, u.Equal(bu), "Golly's file holds the cells where they were")
		})
	}
}
