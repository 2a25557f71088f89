package pattern_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/pattern"
)

// same asserts that two patterns have the same name, comments, rule, box and
// cells: what a round trip through a file keeps. (A rule may be written in
// another form, "23/3" as "B3/S23", so rules are compared parsed.)
func same(t *testing.T, want, got *pattern.Pattern) {
	t.Helper()
	assert.Equal(t, want.Name, got.Name, "name")
	assert.Equal(t, want.Comments, got.Comments, "comments")
	wr, wok := want.LifeRule()
	gr, gok := got.LifeRule()
	assert.Equal(t, wok, gok, "has a rule")
	assert.Equal(t, wr, gr, "rule")
	assert.Equal(t, [2]int{want.Width, want.Height}, [2]int{got.Width, got.Height}, "box")
	assert.Equal(t, want.Bounds, got.Bounds, "bounded grid")
	if !slices.Equal(want.Cells, got.Cells) { // fast for the fuzzers' millions of cells
		assert.Equal(t, want.Cells, got.Cells, "cells")
	}
}

// fromPicture reads rows of '.' and 'O' as a pattern.
func fromPicture(t *testing.T, rows ...string) *pattern.Pattern {
	t.Helper()
	p, err := pattern.Read(strings.NewReader(strings.Join(rows, "\n")+"\n"), "picture.cells")
	require.NoError(t, err)
	return p
}

func TestWriteRLE(t *testing.T) {
	tests := []struct {
		name string
		p    *pattern.Pattern
		want string
	}{
		{
			name: "glider with everything",
			p: &pattern.Pattern{Name: "Glider", Comments: []string{"The smallest spaceship.", "", "Author: Richard K. Guy"},
				Rule: "23/3", Width: 3, Height: 3, Cells: []pattern.Cell{{X: 1, Y: 0}, {X: 2, Y: 1}, {X: 0, Y: 2}, {X: 1, Y: 2}, {X: 2, Y: 2}}},
			want: "#N Glider\n#C The smallest spaceship.\n#C\n#O Richard K. Guy\nx = 3, y = 3, rule = B3/S23\nbo$2bo$3o!\n",
		},
		{
			name: "no name, no rule, empty rows, dead margins",
			p:    &pattern.Pattern{Width: 5, Height: 6, Cells: []pattern.Cell{{X: 1, Y: 1}, {X: 3, Y: 4}, {X: 4, Y: 4}}},
			want: "x = 5, y = 6\n$bo3$3b2o!\n",
		},
		{
			name: "cells in any order, twice",
			p:    &pattern.Pattern{Width: 3, Height: 2, Cells: []pattern.Cell{{X: 2, Y: 1}, {X: 0, Y: 0}, {X: 1, Y: 1}, {X: 2, Y: 1}}},
			want: "x = 3, y = 2\no$b2o!\n",
		},
		{
			name: "no cells",
			p:    &pattern.Pattern{Width: 4, Height: 4},
			want: "x = 4, y = 4\n!\n",
		},
		{
			name: "a name on two lines",
			p:    &pattern.Pattern{Name: "two\nlines", Width: 1, Height: 1, Cells: []pattern.Cell{{X: 0, Y: 0}}},
			want: "#N two lines\nx = 1, y = 1\no!\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, pattern.WriteRLE(&b, tt.p))
			assert.Equal(t, tt.want, b.String())
		})
	}
}

func TestWriteErrors(t *testing.T) {
	tests := []struct {
		name string
		p    *pattern.Pattern
		want string
	}{
		{"cell outside the box", &pattern.Pattern{Name: "out", Width: 2, Height: 2, Cells: []pattern.Cell{{X: 2, Y: 0}}}, `pattern "out": cell (2, 0) lies outside its 2x2 box`},
		{"negative cell", &pattern.Pattern{Width: 2, Height: 2, Cells: []pattern.Cell{{X: 0, Y: -1}}}, `pattern: cell (0, -1) lies outside its 2x2 box`},
		{"bad rule", &pattern.Pattern{Name: "r", Comments: []string{strings.Repeat("long ", 2000)}, Rule: "B9", Width: 1, Height: 1}, `pattern "r": rule "B9": want two parts separated by '/', such as B3/S23, a third for a Generations rule, such as B2/S/C3, or a name such as life`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			assert.EqualError(t, pattern.WriteRLE(&b, tt.p), tt.want)
			assert.EqualError(t, pattern.WriteCells(&b, tt.p), tt.want)
			assert.Zero(t, b.Len(), "wrote something before the error")
			if tt.p.Rule == "" {
				assert.EqualError(t, tt.p.Place(must(life.NewGrid(9, 9))), tt.want)
			}
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestWriteRLELibrary writes every built-in pattern back and expects the very
// file it was read from: those were made by another program (a few lines of
// Python), from the same pictures.
func TestWriteRLELibrary(t *testing.T) {
	for _, p := range pattern.Library() {
		t.Run(p.Name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("library", p.Name+".rle"))
			require.NoError(t, err)
			var b bytes.Buffer
			require.NoError(t, pattern.WriteRLE(&b, p))
			assert.Equal(t, string(want), b.String())
		})
	}
}

func TestWriteRLELongLines(t *testing.T) {
	// A row of alternating cells makes 300 one-character tokens; a checker
	// board of runs makes tokens of two and three characters.
	var rows []string
	for y := range 40 {
		var r strings.Builder
		for x := range 300 {
			if (x+y)%2 == 0 || (x/7+y)%3 == 0 {
				r.WriteByte('O')
			} else {
				r.WriteByte('.')
			}
		}
		rows = append(rows, r.String())
	}
	p := fromPicture(t, rows...)
	var b bytes.Buffer
	require.NoError(t, pattern.WriteRLE(&b, p))
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	require.Greater(t, len(lines), 40)
	full := 0
	for i, l := range lines {
		assert.LessOrEqual(t, len(l), 70, "line %d: %q", i+1, l)
		if len(l) >= 68 {
			full++
		}
	}
	assert.Greater(t, full, len(lines)/2, "lines are filled up to 70 characters")
	q, err := pattern.Read(&b, "long.rle")
	require.NoError(t, err)
	same(t, p, q)
}

func TestRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		p    *pattern.Pattern
	}{
		{"glider", fromPicture(t, ".O.", "..O", "OOO")},
		{"dead margins all round", fromPicture(t, ".....", "..O..", ".....", "....")},
		{"empty rows inside", fromPicture(t, "O", ".", ".", "O")},
		{"no cells", fromPicture(t, "...", "...")},
		{"name, rule and comments", &pattern.Pattern{
			Name: "Replicator", Rule: "highlife", Width: 5, Height: 5,
			Comments: []string{"Name: not the name", "Rule: not the rule", "", "Author: someone"},
			Cells:    fromPicture(t, "..OOO", ".O..O", "O...O", "O..O.", "OOO..").Cells,
		}},
		{"wide and sparse", &pattern.Pattern{Width: 5000, Height: 3, Cells: []pattern.Cell{{X: 0, Y: 0}, {X: 4999, Y: 2}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, f := range []struct {
				file  string
				write func(*bytes.Buffer, *pattern.Pattern) error
			}{
				{"x.rle", func(b *bytes.Buffer, p *pattern.Pattern) error { return pattern.WriteRLE(b, p) }},
				{"x.cells", func(b *bytes.Buffer, p *pattern.Pattern) error { return pattern.WriteCells(b, p) }},
			} {
				var b bytes.Buffer
				require.NoError(t, f.write(&b, tt.p))
				q, err := pattern.Read(&b, f.file)
				require.NoError(t, err, f.file)
				same(t, tt.p, q)
				assert.Empty(t, q.Warnings)
			}
		})
	}
}

// TestXRLE reads and writes Golly's "#CXRLE Pos=x,y Gen=n" line.
func TestXRLE(t *testing.T) {
	p, err := pattern.Read(strings.NewReader("#CXRLE Pos=-7,12 Gen=99\nx = 2, y = 1\n2o!\n"), "far.rle")
	require.NoError(t, err)
	require.NotNil(t, p.Position)
	assert.Equal(t, life.Point{X: -7, Y: 12}, *p.Position)
	assert.Equal(t, 99, p.Generation)
	var b strings.Builder
	require.NoError(t, pattern.WriteRLE(&b, p))
	assert.Equal(t, "#CXRLE Pos=-7,12 Gen=99\nx = 2, y = 1\n2o!\n", b.String())

	for in, want := range map[string]string{
		"#CXRLE Pos=1\nx = 1, y = 1\no!\n":        `bad.rle:1:8: #CXRLE Pos="1": want two whole numbers x,y`,
		"#CXRLE Pos=a,2\nx = 1, y = 1\no!\n":      `bad.rle:1:8: #CXRLE Pos="a,2": want two whole numbers x,y`,
		"#CXRLE Pos=0,0 Gen=-3\nx = 1, y = 1\no!": `bad.rle:1:16: #CXRLE Gen="-3": want a generation, 0 or more`,
	} {
		_, err := pattern.Read(strings.NewReader(in), "bad.rle")
		assert.EqualError(t, err, want, in)
	}
}
