package pattern_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/pattern"
)

// drawn returns the pattern's box as life.Grid.String draws it: '*' alive,
// '-' empty, a digit for a dying state.
func drawn(t *testing.T, p *pattern.Pattern) string {
	t.Helper()
	g, err := p.Grid(0)
	require.NoError(t, err)
	return g.String()
}

// TestReadStates reads multi-state RLE bodies as Golly writes them.
func TestReadStates(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // as life.Grid.String draws it
		top  life.State
	}{
		{"Brian's Brain ship", "x = 2, y = 2, rule = B2/S/C3\n2A$2B!", []string{"**", "22"}, 2},
		{"dots, runs and rows", "x = 4, y = 3, rule = B2/S345/C4\n.A2.2$C.B!", []string{"-*--", "----", "3-2-"}, 3},
		{"b and o in a multi-state file", "x = 3, y = 1, rule = B2/S/C3\nboB!", []string{"-*2"}, 2},
		{"two-state file under a Generations rule", "x = 3, y = 1, rule = briansbrain\n3o!", []string{"***"}, 1},
		{"a run across a line break", "x = 5, y = 1, rule = B2/S/C10\n2\nH3I!", []string{"88999"}, 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := pattern.Read(strings.NewReader(tt.in), "g.rle")
			require.NoError(t, err)
			assert.Empty(t, p.Warnings)
			assert.Equal(t, strings.Join(tt.want, "\n")+"\n", drawn(t, p))
			assert.Equal(t, tt.top, p.MaxState())
		})
	}
}

// TestStateTags writes every state 1 to 255 and reads it back, and checks
// Golly's letters at the joins: X is 24, pA 25, pX 48, qA 49, yO 255.
func TestStateTags(t *testing.T) {
	rule, err := life.ParseRule("B2/S/C256")
	require.NoError(t, err)
	g, err := life.NewGrid(256, 1)
	require.NoError(t, err)
	for x := 1; x < 256; x++ {
		g.Set(x, 0, life.State(x))
	}
	var b bytes.Buffer
	require.NoError(t, pattern.WriteRLE(&b, pattern.FromGrid(g, "all", rule)))
	body := strings.Join(strings.Split(b.String(), "\n")[2:], "")
	assert.True(t, strings.HasPrefix(body, ".ABCDEFGHIJKLMNOPQRSTUVWXpApB"), body)
	assert.Contains(t, body, "pWpXqAqB")
	assert.True(t, strings.HasSuffix(body, "yMyNyO!"), body)
	for _, l := range strings.Split(b.String(), "\n") {
		assert.LessOrEqual(t, len(l), 70, "line %q", l)
		assert.False(t, strings.HasSuffix(l, "p") || strings.HasSuffix(l, "y"), "a state split across lines: %q", l)
	}
	p, err := pattern.Read(&b, "all.rle")
	require.NoError(t, err)
	back, err := p.Grid(0)
	require.NoError(t, err)
	assert.True(t, g.Equal(back), "read back")
}

// TestWriteTwoStateKeepsBO writes a pattern under a Generations rule with no
// dying cell as a two-state one, and one with a dying cell multi-state.
func TestWriteTwoStateKeepsBO(t *testing.T) {
	p := &pattern.Pattern{Rule: "B2/S/C3", Width: 3, Height: 2, Cells: []pattern.Cell{{X: 0, Y: 0}, {X: 2, Y: 0}}}
	var b bytes.Buffer
	require.NoError(t, pattern.WriteRLE(&b, p))
	assert.Equal(t, "x = 3, y = 2, rule = B2/S/C3\nobo!\n", b.String())
	p.Cells = append(p.Cells, pattern.Cell{X: 1, Y: 1, Dying: 2})
	b.Reset()
	require.NoError(t, pattern.WriteRLE(&b, p))
	assert.Equal(t, "x = 3, y = 2, rule = B2/S/C3\nA.A$.B!\n", b.String())
}

// TestWriteRefusesStatesTheRuleHasNot: a pattern whose cells do not fit its
// rule is not written.
func TestWriteRefusesStatesTheRuleHasNot(t *testing.T) {
	p := &pattern.Pattern{Name: "brain", Rule: "B3/S23", Width: 2, Height: 1, Cells: []pattern.Cell{{X: 0, Y: 0}, {X: 1, Y: 0, Dying: 2}}}
	var b bytes.Buffer
	assert.EqualError(t, pattern.WriteRLE(&b, p), `pattern "brain" has cells in state 2 (B), but rule B3/S23 has 2 states, 0 to 1`)
	assert.Zero(t, b.Len())
	assert.Error(t, pattern.WriteGridRLE(&b, mustGrid(t, p), "brain", life.Conway, life.Torus))
	assert.Zero(t, b.Len())
	brain, err := life.ParseRule("briansbrain")
	require.NoError(t, err)
	assert.NoError(t, p.CheckStates(brain))
	assert.Error(t, p.CheckStates(life.Conway))
}

func mustGrid(t *testing.T, p *pattern.Pattern) *life.Grid {
	t.Helper()
	g, err := p.Grid(0)
	require.NoError(t, err)
	return g
}

// TestCellsStaysTwoState: plaintext refuses a dying cell, saying to write
// RLE, and writes nothing.
func TestCellsStaysTwoState(t *testing.T) {
	p := &pattern.Pattern{Name: "ship", Rule: "B2/S/C3", Width: 2, Height: 2,
		Cells: []pattern.Cell{{X: 0, Y: 0}, {X: 1, Y: 0}, {X: 0, Y: 1, Dying: 2}, {X: 1, Y: 1, Dying: 2}}}
	var b bytes.Buffer
	err := pattern.WriteCells(&b, p)
	assert.ErrorIs(t, err, pattern.ErrMultiState)
	assert.EqualError(t, err, `pattern "ship" has dying cells (state 2), and plaintext (.cells) holds two states only: write it as RLE (.rle) instead`)
	assert.Zero(t, b.Len())

	brain, err := life.ParseRule("briansbrain")
	require.NoError(t, err)
	assert.ErrorIs(t, pattern.WriteGridCells(&b, mustGrid(t, p), "ship", brain, life.Torus), pattern.ErrMultiState)
	assert.Zero(t, b.Len())
	u := life.NewUniverse()
	u.Paste(mustGrid(t, p), life.Point{X: -5, Y: 9})
	assert.ErrorIs(t, pattern.WriteUniverseCells(&b, u, "ship", brain, 3), pattern.ErrMultiState)
	assert.Zero(t, b.Len())

	// Without dying cells, plaintext takes a Generations rule's pattern.
	p.Cells = p.Cells[:2]
	require.NoError(t, pattern.WriteCells(&b, p))
	assert.Equal(t, "!Name: ship\n!Rule: B2/S/C3\nOO\n..\n", b.String())
}

// TestBounds reads Golly's bounded-grid suffix into Bounds, keeps the rule
// without it, and writes it back.
func TestBounds(t *testing.T) {
	tests := []struct {
		name, file, in string
		rule           string
		bounds         life.Bounds
		out            string // the header or rule line written back
	}{
		{"torus", "g.rle", "x = 2, y = 1, rule = B3/S23:T10,8\n2o!", "B3/S23", life.Bounds{Topology: life.Torus, Width: 10, Height: 8}, "x = 2, y = 1, rule = B3/S23:T10,8"},
		{"plane, lower case", "g.rle", "x = 2, y = 1, rule = b36/s23:p6,4\n2o!", "b36/s23", life.Bounds{Topology: life.Plane, Width: 6, Height: 4}, "x = 2, y = 1, rule = B36/S23:P6,4"},
		{"square by one number", "g.rle", "x = 2, y = 1, rule = briansbrain:T50\nAB!", "briansbrain", life.Bounds{Topology: life.Torus, Width: 50, Height: 50}, "x = 2, y = 1, rule = B2/S/C3:T50,50"},
		{"#r line", "g.rle", "#r B3/S23:P9,9\nx = 1, y = 1\no!", "B3/S23", life.Bounds{Topology: life.Plane, Width: 9, Height: 9}, "x = 1, y = 1, rule = B3/S23:P9,9"},
		{"none", "g.rle", "x = 1, y = 1, rule = B3/S23\no!", "B3/S23", life.Bounds{}, "x = 1, y = 1, rule = B3/S23"},
		{"plaintext", "g.cells", "!Rule: B3/S23:T4,3\nOO\n", "B3/S23", life.Bounds{Topology: life.Torus, Width: 4, Height: 3}, "!Rule: B3/S23:T4,3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := pattern.Read(strings.NewReader(tt.in), tt.file)
			require.NoError(t, err)
			assert.Empty(t, p.Warnings)
			assert.Equal(t, tt.rule, p.Rule)
			assert.Equal(t, tt.bounds, p.Bounds)
			var b bytes.Buffer
			if strings.HasSuffix(tt.file, ".cells") {
				require.NoError(t, pattern.WriteCells(&b, p))
			} else {
				require.NoError(t, pattern.WriteRLE(&b, p))
			}
			assert.Contains(t, strings.Split(b.String(), "\n"), tt.out)
		})
	}
}
