package cli

import (
	"colife/life"
	"colife/render/runner"
)

// costs returns what lifeview keeps besides the simulation for a w × h grid,
// for the memory check of setup.Config.Start: the history of -history
// (runner's: N grids, or on the unbounded plane tiles up to
// runner.DefaultHistoryBytes), or with -gif and -png, which open no window
// and keep no history, the pictures; and the boards kept for undo
// (runner.UndoBytes).
func (c *Config) costs(w, h int) []life.Cost {
	if c.Pictures.Enabled() {
		return c.Pictures.Costs(w, h, c.Gens+1)
	}
	cells := uint64(w) * uint64(h)
	history := uint64(runner.DefaultHistoryBytes)
	switch {
	case c.Topology == life.Unbounded:
	case c.History > 0:
		history = uint64(c.History) * cells
	default:
		history = max(min(runner.DefaultHistory*cells, history), cells)
	}
	return []life.Cost{
		{What: "the -history generations", Bytes: history},
		{What: "the boards kept for undo", Bytes: runner.UndoBytes(w, h, c.Topology == life.Unbounded)},
	}
}
