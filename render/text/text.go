// Package text draws grids as text for a terminal or a pipe: one generation
// at a time as the book prints it (rows of '*' and '-' under a header line),
// several generations side by side in the book's ColumnPrinter layout, and
// the frames of the live view, two grid rows per character row with half
// blocks. Everything writes to an io.Writer, so a test passes a bytes.Buffer.
package text

import (
	"fmt"
	"io"

	"colife/life"
)

// WriteGeneration writes one generation as print mode shows it: the line
// "generation N  population P", the grid as rows of '*' (alive) and '-'
// (empty), then a blank line. It writes no escape sequence.
func WriteGeneration(w io.Writer, generation int, g *life.Grid) error {
	_, err := fmt.Fprintf(w, "generation %d  population %d\n%s\n", generation, g.Population(), g)
	return err
}
