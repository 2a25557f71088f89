package main

import (
	"colife/life"
	"colife/render/picture"
)

// costs returns what a run of this command line on a w × h grid allocates
// besides the simulation, for the memory check before the grid is made:
// -columns' copies of the generations in a block, the -size box on an
// unbounded plane, and the pictures of -gif and -png. Text is written a row
// at a time, and -out from the board, so neither needs memory to speak of.
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
	if c.pictures.Enabled() && picture.CheckSize(w, h, c.pictures.Zoom) == nil {
		z := uint64(c.pictures.Zoom)
		pixels := cells * z * z
		if c.pictures.PNG != "" {
			costs = append(costs, life.Cost{What: "the -png picture", Bytes: pixels})
		}
		if c.pictures.GIF != "" {
			// -until-stable's length is not known: as many frames as fit.
			frames := uint64(picture.MaxAnimationBytes)/pixels + 1
			if !c.untilStable {
				frames = min(frames, uint64(c.lastGeneration()/c.every+1))
			}
			costs = append(costs, life.Cost{What: "the -gif frames", Bytes: frames * pixels})
		}
	}
	return costs
}
