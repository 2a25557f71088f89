package main

import (
	"context"
	"errors"

	"colife/cmd/internal/setup"
	"colife/life"
)

// writePictures is lifeview for scripts, with -gif or -png: without a
// window, it runs start to generation -gens and writes the GIF of every
// generation and the PNG of the last.
func writePictures(ctx context.Context, cfg *config, start *setup.Start) error {
	g := start.Grid
	rec, err := cfg.pictures.NewRecorder(g.Width(), g.Height(), cfg.gens+1)
	var fe *setup.FlagError
	if errors.As(err, &fe) {
		return &usageError{err}
	}
	if err != nil {
		return err
	}
	sim, err := life.NewSimulation(ctx, g, start.Options)
	if err != nil {
		return err
	}
	defer sim.Close()
	for {
		if err := rec.Generation(sim.Grid()); err != nil {
			return err
		}
		if sim.Generation() >= cfg.gens {
			break
		}
		if err := sim.Run(ctx, 1); err != nil {
			return err
		}
	}
	return rec.Finish(sim.Grid())
}
