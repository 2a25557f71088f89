package main

import (
	"context"
	"fmt"
	"io"

	"colife/cmd/internal/setup"
	"colife/life/pattern"
	"colife/life/sim"
	files "colife/render/output" // this package has an output type of its own
)

// writeOut writes the simulation's current grid, whole, to name (stdout for
// "-") as a pattern whose box is the grid (on an unbounded plane the live
// cells' box, placed), so that it reads back in place: on a torus or plane
// the rule has Golly's suffix, such as ":T80,40", and reading it back gives
// the same board. RLE and plaintext are written straight from the board, a
// row at a time, with no list of the live cells; a macrocell file (.mc)
// holds the board's quadtree, a few bytes for each 8 × 8 square that has a
// live cell. A name that ends in ".gz" (gun.mc.gz) gets the file compressed
// with gzip, as Golly writes it. When ctx is done before the file is
// complete, the file is left as it was and the error is ctx's.
func writeOut(ctx context.Context, name string, format outFormat, start *setup.Start, s *sim.Simulation, stdout io.Writer) error {
	title := fmt.Sprintf("%s, generation %d", start.Name, s.Generation())
	rule, top := s.Options().Rule, s.Options().Topology
	u, err := s.Flatten()
	if err != nil && format != formatMacrocell {
		return fmt.Errorf("-out %s: %w; a macrocell file (.mc) holds the tree as it is", name, err)
	}
	var write func(io.Writer) error
	switch {
	case format == formatMacrocell:
		write = func(w io.Writer) error { return writeMacrocell(w, s, title) }
	case u != nil && format == formatCells:
		write = func(w io.Writer) error { return pattern.WriteUniverseCells(w, u, title, rule, s.Generation()) }
	case u != nil:
		write = func(w io.Writer) error { return pattern.WriteUniverseRLE(w, u, title, rule, s.Generation()) }
	case format == formatCells:
		write = func(w io.Writer) error { return pattern.WriteGridCells(w, s.Grid(), title, rule, top) }
	default:
		write = func(w io.Writer) error { return pattern.WriteGridRLE(w, s.Grid(), title, rule, top) }
	}
	if name == "-" {
		return write(stdout)
	}
	if _, gzipped := pattern.Ext(name); gzipped {
		write = files.Gzip(write)
	}
	if err := files.WriteFileContext(ctx, name, write); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("-out %s: %w", name, err)
	}
	return nil
}

// writeMacrocell writes the simulation's board in Golly's macrocell format:
// the live cells of the unbounded plane where they lie, or the whole grid of
// a torus or plane where Golly puts the bounded grid of the rule's suffix.
func writeMacrocell(w io.Writer, s *sim.Simulation, title string) error {
	m, err := s.Macrocell(title)
	if err != nil {
		return err
	}
	return pattern.WriteMacrocell(w, m)
}
