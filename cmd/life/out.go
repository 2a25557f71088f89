package main

import (
	"fmt"
	"io"

	"colife/cmd/internal/setup"
	"colife/life"
	"colife/life/pattern"
	files "colife/render/output" // this package has an output type of its own
)

// writeOut writes the simulation's current grid, whole, to name (stdout for
// "-") as a pattern whose box is the grid, so that it reads back in place.
func writeOut(name string, format outFormat, start *setup.Start, sim *life.Simulation, stdout io.Writer) error {
	title := fmt.Sprintf("%s, generation %d", start.Name, sim.Generation())
	var p *pattern.Pattern
	if u := sim.Universe(); u != nil {
		p = pattern.FromUniverse(u, title, sim.Options().Rule, sim.Generation())
	} else {
		p = pattern.FromGrid(sim.Grid(), title, sim.Options().Rule)
	}
	write := pattern.WriteRLE
	if format == formatCells {
		write = pattern.WriteCells
	}
	if name == "-" {
		return write(stdout, p)
	}
	if err := files.WriteFile(name, func(w io.Writer) error { return write(w, p) }); err != nil {
		return fmt.Errorf("-out %s: %w", name, err)
	}
	return nil
}
