package text

import (
	"io"
	"strings"

	"colife/life"
)

// ColumnPrinter sets generations side by side as "Effective Python" Item 40
// prints them: a header line with each column's label centred over it, then
// the grids' rows, the columns joined by " | ". The label is centred the way
// Python's str.center does it, so a 9-wide column labelled "0" reads
// "    0    ". The zero value is ready to use.
type ColumnPrinter struct {
	labels  []string
	columns [][]string // the rows of each column's grid
}

// Append adds g as the next column, under label. It keeps a copy of the
// drawing, (width + 1) × height bytes, so g may change afterwards.
func (c *ColumnPrinter) Append(label string, g *life.Grid) {
	c.labels = append(c.labels, label)
	text := make([]byte, 0, (g.Width()+1)*g.Height())
	rows := make([]string, g.Height())
	for y := range rows {
		start := len(text)
		text = Style{}.appendRow(text, g, y)
		rows[y] = string(text[start : len(text)-1])
	}
	c.columns = append(c.columns, rows)
}

// Len returns the number of columns appended since the last Reset.
func (c *ColumnPrinter) Len() int { return len(c.columns) }

// Reset removes every column.
func (c *ColumnPrinter) Reset() {
	c.labels, c.columns = c.labels[:0], c.columns[:0]
}

// String returns the block: the header line and one line per grid row, each
// ending in a newline. A column shorter than the others is padded with
// spaces. With no columns it returns a single empty line, as the book does.
func (c *ColumnPrinter) String() string {
	var b strings.Builder
	c.WriteTo(&b)
	return b.String()
}

// WriteTo writes String to w, one Write a line.
func (c *ColumnPrinter) WriteTo(w io.Writer) (int64, error) {
	rows := 0
	for _, col := range c.columns {
		rows = max(rows, len(col))
	}
	var line []byte
	var written int64
	for j := range rows + 1 {
		line = line[:0]
		for i, col := range c.columns {
			if i > 0 {
				line = append(line, " | "...)
			}
			width := len(col[0])
			switch {
			case j == 0:
				line = append(line, center(c.labels[i], width)...)
			case j-1 < len(col):
				line = append(line, col[j-1]...)
			default:
				for range width {
					line = append(line, ' ')
				}
			}
		}
		n, err := w.Write(append(line, '\n'))
		written += int64(n)
		if err != nil {
			return written, err
		}
	}
	return written, nil
}

// center pads s with spaces to width as Python's str.center does: when the
// padding is odd, the extra space goes on the left if width is odd, and on
// the right if it is even. A string already as wide as width is returned
// unchanged.
func center(s string, width int) string {
	pad := width - len(s)
	if pad <= 0 {
		return s
	}
	left := pad/2 + (pad & width & 1)
	return strings.Repeat(" ", left) + s + strings.Repeat(" ", pad-left)
}
