package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"

	"colife/cmd/internal/setup"
	"colife/cmd/lifeview/internal/cli"
	"colife/life"
	"colife/render/runner"
	"colife/render/window"
)

// run opens the window on the start the flags describe and returns when it
// closes.
func run(ctx context.Context, cfg *cli.Config, stdin io.Reader, stderr io.Writer) error {
	start, err := cli.Prepare(cfg, stdin, stderr)
	if err != nil {
		return err
	}
	if cfg.Pictures.Enabled() {
		return cli.WritePictures(ctx, cfg, start)
	}
	return open(ctx, cfg, start, title(start))
}

// open opens the window on start, with title, and returns when it closes.
func open(ctx context.Context, cfg *cli.Config, start *setup.Start, title string) error {
	seed, density := start.Seed, start.Density
	if seed == 0 {
		seed = cfg.Seed // -seed with a pattern: the S key's soups
	}
	for seed == 0 {
		seed = rand.Uint64()
	}
	if density == 0 {
		density = setup.DefaultDensity
	}
	wc := window.Config{
		Runner: runner.Config{
			Grid:      start.Grid,
			Macrocell: start.Macrocell,
			Options:   start.Options,
			Speed:     cfg.Speed,
			Running:   cfg.Screenshot == "" && !cfg.GensSet,
			Density:   density,
			Seed:      seed,
			History:   cfg.History,
			Rest:      restShare,
		},
		Title:      title,
		Name:       start.Name,
		Zoom:       cfg.Zoom,
		HUD:        cfg.HUD,
		Screenshot: cfg.Screenshot,
		Gens:       cfg.Gens,
	}
	return window.Run(ctx, wc)
}

// title returns the window's title: "colife: " and what start is, such as
// "gosper 36x9 on the unbounded plane, B3/S23, goroutine engine".
func title(start *setup.Start) string {
	if start.Options.Topology != life.Unbounded {
		return "colife: " + start.String()
	}
	what := fmt.Sprintf("random soup (density %g, seed %d) in %dx%d", start.Density, start.Seed, start.Grid.Width(), start.Grid.Height())
	if start.Pattern != nil {
		what = fmt.Sprintf("%s %dx%d", start.Name, start.Pattern.Width, start.Pattern.Height)
	}
	return fmt.Sprintf("colife: %s on the unbounded plane, %s, %s engine", what, start.Options.Rule, start.Options.Engine)
}

// restShare is how long the simulation pauses after a generation when it
// cannot keep up with -speed, as a share of the time that generation took:
// the goroutine engine would otherwise take both cores from the window, which
// then draws few frames. 1 gives the window at least half the time.
const restShare = 1
