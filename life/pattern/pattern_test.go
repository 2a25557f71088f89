package pattern_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"colife/life"
	"colife/life/pattern"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// picture draws a pattern's box as rows of '.' and 'O'.
func picture(p *pattern.Pattern) []string {
	rows := make([][]byte, p.Height)
	for y := range rows {
		rows[y] = []byte(strings.Repeat(".", p.Width))
	}
	for _, c := range p.Cells {
		rows[c.Y][c.X] = 'O'
	}
	out := make([]string, len(rows))
	for y, r := range rows {
		out[y] = string(r)
	}
	return out
}

func TestRead(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		in       string
		want     []string // the box drawn with '.' and 'O'
		pname    string
		rule     string
		comments []string
	}{
		{
			name: "rle glider", file: "glider.rle",
			in:    "#N Glider\n#C The smallest spaceship.\n#O Richard K. Guy\nx = 3, y = 3, rule = B3/S23\nbob$2bo$3o!\n",
			want:  []string{".O.", "..O", "OOO"},
			pname: "Glider", rule: "B3/S23",
			comments: []string{"The smallest spaceship.", "Author: Richard K. Guy"},
		},
		{
			name: "rle without spaces, any case, no rule", file: "x",
			in:   "X=4,Y=2\n4o$o2bo!",
			want: []string{"OOOO", "O..O"},
		},
		{
			name: "rle runs of empty rows and dead margins", file: "x",
			in:   "x = 3, y = 5\no3$2bo!",
			want: []string{"O..", "...", "...", "..O", "..."},
		},
		{
			name: "rle wrapped between tokens, and a count across lines", file: "x",
			in:   "x = 6, y = 2, rule = b36/s23\no\nb2\no$\n6\no!\n",
			want: []string{"O.OO..", "OOOOOO"},
			rule: "b36/s23",
		},
		{
			name: "rle dots and A, spaces, text after !", file: "x",
			in:   "x = 3, y = 1, rule = HighLife\n. A o ! zzz\nmore junk",
			want: []string{".OO"},
			rule: "HighLife",
		},
		{
			name: "rle CRLF", file: "x",
			in:   "#N crlf\r\nx = 2, y = 2\r\n2o$\r\nbo!\r\n",
			want: []string{"OO", ".O"}, pname: "crlf",
		},
		{
			name: "rle #r rule when the header has none", file: "x",
			in:   "#r 23/36\nx = 1, y = 1\no!",
			want: []string{"O"}, rule: "23/36",
		},
		{
			name: "plaintext", file: "x.cells",
			in:    "!Name: Beehive\n!A still life.\n.OO.\nO..O\n.OO.\n",
			want:  []string{".OO.", "O..O", ".OO."},
			pname: "Beehive", comments: []string{"A still life."},
		},
		{
			name: "plaintext short rows, stars, blank row, dead rows", file: "x",
			in:   "*\n..*\n\n...\n\n\n",
			want: []string{"O..", "..O", "...", "..."},
		},
		{
			name: "plaintext CRLF and a rule", file: "x",
			in:   "!Rule: B36/S23\r\nO.O\r\n",
			want: []string{"O.O"}, rule: "B36/S23",
		},
		{
			name: "life 1.06 with negative coordinates", file: "x.lif",
			in:   "#Life 1.06\n#D a glider\n0 -1\n1 0\n-1 1\n0 1\n1 1\n1 1\n",
			want: []string{".O.", "..O", "OOO"}, comments: []string{"a glider"},
		},
		{
			name: "life 1.06 CRLF", file: "x",
			in:   "#Life 1.06\r\n5 5\r\n7 5\r\n",
			want: []string{"O.O"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := pattern.Read(strings.NewReader(tt.in), tt.file)
			require.NoError(t, err)
			assert.Equal(t, tt.want, picture(p))
			assert.Equal(t, tt.pname, p.Name)
			assert.Equal(t, tt.rule, p.Rule)
			assert.Equal(t, tt.comments, p.Comments)
			assert.Empty(t, p.Warnings)
		})
	}
}

func TestPlace(t *testing.T) {
	glider := builtin(t, "glider")
	tests := []struct {
		name   string
		grid   []string
		want   []string
		errMsg string
	}{
		{
			name: "middle of an odd grid",
			grid: []string{".....", ".....", ".....", ".....", "....."},
			want: []string{".....", "..O..", "...O.", ".OOO.", "....."},
		},
		{
			name: "an even grid rounds down, and nothing is cleared",
			grid: []string{"O...", "....", "....", "...."},
			want: []string{"OO..", "..O.", "OOO.", "...."},
		},
		{
			name: "exact fit",
			grid: []string{"...", "...", "..."},
			want: []string{".O.", "..O", "OOO"},
		},
		{
			name:   "too narrow",
			grid:   []string{"..", "..", "..", ".."},
			errMsg: `pattern "glider" is 3x3, larger than the 2x4 grid`,
		},
		{
			name:   "too short",
			grid:   []string{"....", "...."},
			errMsg: `pattern "glider" is 3x3, larger than the 4x2 grid`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := life.ParseGrid(tt.grid...)
			require.NoError(t, err)
			err = glider.Place(g)
			if tt.errMsg != "" {
				assert.EqualError(t, err, tt.errMsg)
				return
			}
			require.NoError(t, err)
			want, err := life.ParseGrid(tt.want...)
			require.NoError(t, err)
			assert.Equal(t, want.String(), g.String())
		})
	}
}

func TestGridAndFromGrid(t *testing.T) {
	p := builtin(t, "blinker")
	g, err := p.Grid(1)
	require.NoError(t, err)
	want, err := life.ParseGrid(".....", ".OOO.", ".....")
	require.NoError(t, err)
	assert.Equal(t, want.String(), g.String())

	q := pattern.FromGrid(g, "framed", life.Conway)
	assert.Equal(t, "framed", q.Name)
	assert.Equal(t, "B3/S23", q.Rule)
	assert.Equal(t, []string{".....", ".OOO.", "....."}, picture(q))

	_, err = p.Grid(-1)
	assert.EqualError(t, err, `pattern "blinker": margin -1: want 0 to 1048576`)
}
