package text_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/render/text"
)

func TestColumnPrinter(t *testing.T) {
	type column struct {
		label   string
		picture []string
	}
	tests := []struct {
		name    string
		columns []column
		want    string
	}{
		{
			name:    "no columns",
			columns: nil,
			want:    "\n",
		},
		{
			name:    "one column, label centred over an odd width",
			columns: []column{{"0", []string{"O..", "..O"}}},
			want: "" +
				" 0 \n" +
				"*--\n" +
				"--*\n",
		},
		{
			name: "two columns joined by a bar",
			columns: []column{
				{"0", []string{"O..", "..O"}},
				{"1", []string{".O.", "OOO"}},
			},
			want: "" +
				" 0  |  1 \n" +
				"*-- | -*-\n" +
				"--* | ***\n",
		},
		{
			// Python: '10'.center(3) == ' 10', '1'.center(4) == ' 1  '.
			name: "odd padding goes left on odd widths, right on even ones",
			columns: []column{
				{"10", []string{"OOO"}},
				{"1", []string{"O..O"}},
			},
			want: "" +
				" 10 |  1  \n" +
				"*** | *--*\n",
		},
		{
			name:    "a label wider than its column is kept whole",
			columns: []column{{"123", []string{"O", "."}}},
			want: "" +
				"123\n" +
				"*\n" +
				"-\n",
		},
		{
			// Python: 'a'.center(2) == 'a '.
			name: "a shorter column is padded with spaces",
			columns: []column{
				{"a", []string{"OO", "OO", "OO"}},
				{"b", []string{"O."}},
			},
			want: "" +
				"a  | b \n" +
				"** | *-\n" +
				"** |   \n" +
				"** |   \n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c text.ColumnPrinter
			for _, col := range tt.columns {
				c.Append(col.label, grid(t, col.picture...))
			}
			assert.Equal(t, len(tt.columns), c.Len())
			assert.Equal(t, tt.want, c.String())
			var b bytes.Buffer
			n, err := c.WriteTo(&b)
			require.NoError(t, err)
			assert.Equal(t, int64(len(tt.want)), n)
			assert.Equal(t, tt.want, b.String())
		})
	}
}

func TestColumnPrinterCopiesAndResets(t *testing.T) {
	var c text.ColumnPrinter
	g := grid(t, "O.")
	c.Append("0", g)
	g.Cells[0] = 0 // changing the grid afterwards must not change the column
	assert.Equal(t, "0 \n*-\n", c.String())
	c.Reset()
	assert.Equal(t, 0, c.Len())
	c.Append("1", g)
	assert.Equal(t, "1 \n--\n", c.String())
}
