package main

import (
	"context"
	"errors"

	"colife/cmd/internal/setup"
	"colife/cmd/lifeview/internal/cli"
	"colife/life"
)

// writePictures is lifeview for scripts, with -gif or -png: without a
// window, it runs start to generation -gens and writes the GIF of every
// generation and the PNG of the last. On the unbounded plane each picture
// shows the starting grid's box, wherever the life has gone. A signal (ctx cancelled) stops it with
// errInterrupted, before it writes anything.
func writePictures(ctx context.Context, cfg *cli.Config, start *setup.Start) error {
	g := start.Grid
	rec, err := cfg.Pictures.NewRecorder(g.Width(), g.Height(), cfg.Gens+1)
	var fe *setup.FlagError
	if errors.As(err, &fe) {
		return &cli.UsageError{Err: err}
	}
	if err != nil {
		return err
	}
	sim, err := life.NewSimulation(ctx, g, start.Options)
	if err != nil {
		return interrupted(ctx, err)
	}
	defer sim.Close()
	frame := sim.Grid
	if start.Options.Topology == life.Unbounded {
		box, err := life.NewGrid(g.Width(), g.Height()) // g's size: cannot fail
		if err != nil {
			return err
		}
		frame = func() *life.Grid {
			sim.Window(box, start.Options.Origin)
			return box
		}
	}
	for {
		if err := rec.Generation(frame()); err != nil {
			return err
		}
		if sim.Generation() >= cfg.Gens {
			break
		}
		if err := sim.Run(ctx, 1); err != nil {
			return interrupted(ctx, err) // and write nothing
		}
	}
	return rec.Finish(frame())
}

// errInterrupted is returned when a signal cut the run short.
var errInterrupted = errors.New("interrupted")

// interrupted returns errInterrupted if err is ctx's cancellation, else err.
func interrupted(ctx context.Context, err error) error {
	if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		return errInterrupted
	}
	return err
}
