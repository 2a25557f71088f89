// Package text draws grids as text for a terminal or a pipe: one generation
// at a time as the book prints it (rows of '*' and '-' under a header line),
// several generations side by side in the book's ColumnPrinter layout, and
// the frames of the live view, two grid rows per character row with half
// blocks. Everything writes to an io.Writer, so a test passes a bytes.Buffer,
// and writes a grid a row at a time: however large the grid, no more than a
// row of text is held in memory at once (a ColumnPrinter keeps its columns).
package text

import (
	"io"
	"strconv"

	"colife/life"
)

// WriteGeneration writes one generation as print mode shows it: the line
// "generation N  population P", the grid as rows of '*' (alive) and '-'
// (empty), then a blank line. It writes no escape sequence.
func WriteGeneration(w io.Writer, generation int, g *life.Grid) error {
	return Style{}.WriteGeneration(w, generation, g)
}

// WriteGeneration is text.WriteGeneration in style s.
func (s Style) WriteGeneration(w io.Writer, generation int, g *life.Grid) error {
	header := append([]byte("generation "), strconv.Itoa(generation)...)
	header = append(header, "  population "...)
	header = strconv.AppendInt(header, int64(g.Population()), 10)
	return s.WriteFrame(w, string(header), g)
}

// WriteFrame writes a generation as WriteGeneration does, under a header line
// of the caller's: header and a newline, the grid's rows, a blank line.
func WriteFrame(w io.Writer, header string, g *life.Grid) error {
	return Style{}.WriteFrame(w, header, g)
}

// WriteFrame is text.WriteFrame in style s.
func (s Style) WriteFrame(w io.Writer, header string, g *life.Grid) error {
	if _, err := io.WriteString(w, header+"\n"); err != nil {
		return err
	}
	if err := s.WriteGrid(w, g); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// WriteGrid writes g as Grid.String draws it, one line per row, '*' for a
// live cell and '-' for an empty one, with one Write a row: it holds only a
// row of text at a time, so a caller that writes to a file or a pipe should
// pass a bufio.Writer.
func WriteGrid(w io.Writer, g *life.Grid) error { return Style{}.WriteGrid(w, g) }

// WriteGrid is text.WriteGrid in style s: in colour, a dying cell of a
// Generations rule is a '+' in its colour of the ramp, and a live one a '*'
// in the live colour; without, a dying cell is a '-', as an empty one.
func (s Style) WriteGrid(w io.Writer, g *life.Grid) error {
	row := make([]byte, 0, g.Width()+1)
	for y := range g.Height() {
		row = s.appendRow(row[:0], g, y)
		if _, err := w.Write(row); err != nil {
			return err
		}
	}
	return nil
}

// appendRow appends row y of g, '*' and '-' (and in colour '+'), and a
// newline.
func (s Style) appendRow(buf []byte, g *life.Grid, y int) []byte {
	colored := s.colored()
	last := life.Empty // the colour set: Empty for none
	for _, st := range g.Cells[g.Index(0, y):g.Index(0, y+1)] {
		if colored && st != last {
			if st == life.Empty {
				buf = append(buf, ResetAttributes...)
			} else {
				buf = s.appendColor(buf, st, false)
			}
			last = st
		}
		switch {
		case st == life.Alive:
			buf = append(buf, '*')
		case st != life.Empty && colored:
			buf = append(buf, '+')
		default:
			buf = append(buf, '-')
		}
	}
	if last != life.Empty {
		buf = append(buf, ResetAttributes...)
	}
	return append(buf, '\n')
}
