package main

import (
	"colife/life"
	"colife/life/pattern"
)

// costs returns what a run of this command line on a w × h grid allocates
// besides the simulation, for the memory check before the grid is made:
// -columns' copies of the generations in a block, the -size box on an
// unbounded plane, the quadtree of -out x.mc (at most every 8 × 8 square of
// the grid alive), and the pictures of -gif and -png. Text is written a row
// at a time, and -out's RLE and plaintext from the board, so neither needs
// memory to speak of.
func (c *config) costs(w, h int) []life.Cost {
	cells := uint64(w) * uint64(h)
	var costs []life.Cost
	if c.columns > 0 && !c.untilStable && c.out != "-" && c.printing() != printNone {
		// Each column's rows, built and then kept as strings.
		costs = append(costs, life.Cost{What: "the -columns block", Bytes: 2 * uint64(c.columns) * (uint64(w) + 1) * uint64(h)})
	}
	if c.Topology == life.Unbounded && c.Size.W > 0 {
		boxes := uint64(1) // print mode's window onto the plane
		if c.pictures.Enabled() {
			boxes++ // the pictures' own
		}
		costs = append(costs, life.Cost{What: "the -size box", Bytes: boxes * cells})
	}
	frames := 0 // -until-stable's length is not known beforehand
	if !c.untilStable {
		frames = c.lastGeneration()/c.every + 1
	}
	if c.outFormat() == formatMacrocell {
		squares := (uint64(w) + 7) / 8 * ((uint64(h) + 7) / 8)
		costs = append(costs, life.Cost{What: "the -out macrocell tree", Bytes: squares * pattern.MacrocellLeafBytes})
	}
	return append(costs, c.pictures.Costs(w, h, frames)...)
}
