package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"colife/cmd/internal/export"
	"colife/cmd/internal/setup"
	"colife/life/sim"
)

// printMargin is the room print mode leaves around a pattern without -size;
// printSoup is the size of a random soup without -size.
var (
	printMargin = 2
	printSoup   = setup.Size{W: 32, H: 16}
)

// run is the whole program: it parses args, sets up the start, and runs print
// mode or watch mode. A panic is turned into an error, after watch mode has
// restored the terminal, so that the user never sees a stack trace.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	cfg, err := parseFlags(args, stdout)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	if cfg.list {
		return setup.WriteList(stdout)
	}
	cfg.LimitMemory()
	cfg.Costs = cfg.costs
	// However the run ends before its last step, a signal makes it
	// "interrupted": not "context canceled" from an early stage, nor success
	// for a late one. A signal after the last step (-out renamed in place,
	// say) changes nothing.
	done := false
	defer func() {
		if !done && ctx.Err() != nil && (err == nil || errors.Is(err, ctx.Err()) || errors.Is(err, sim.ErrClosed)) {
			err = errInterrupted
		}
	}()

	var view *terminal
	sizer := func(w, h int) setup.Size {
		if w == 0 && h == 0 {
			return printSoup
		}
		return setup.Fit(printMargin, setup.Size{})(w, h)
	}
	if cfg.watch {
		// Check the terminal before the (perhaps slow) start.
		if view, err = openTerminal(stdout); err != nil {
			return &usageError{err}
		}
		cols, rows := view.size()
		sizer = setup.Fit(printMargin, setup.Size{W: cols, H: 2 * (rows - 1)})
	}

	start, err := cfg.Start(stdin, sizer)
	var fe *setup.FlagError
	if errors.As(err, &fe) {
		return &usageError{err}
	}
	if err != nil {
		return err
	}
	for _, w := range start.Warnings {
		fmt.Fprintf(stderr, "life: warning: %s\n", w)
	}
	// Check -out, -gif and -png before the (perhaps slow) start of the engine.
	if cfg.out != "" && cfg.out != "-" {
		if err := export.CheckPath(cfg.out); err != nil {
			return &usageError{fmt.Errorf("-out %w", err)}
		}
	}
	pictures, err := newPictures(cfg, start)
	if errors.As(err, &fe) {
		return &usageError{err}
	}
	if err != nil {
		return err
	}

	s, err := start.New(ctx)
	if err != nil {
		return err
	}
	defer s.Close()

	if start.Pattern == nil && cfg.Seed == 0 && !cfg.watch {
		// The watch view shows the seed; print mode keeps stdout for the grids.
		fmt.Fprintf(stderr, "life: random soup with seed %d (-seed %d makes it again)\n", start.Seed, start.Seed)
	}
	if cfg.watch {
		// The o key may open another pattern in another simulation: the
		// view closes the one it replaces, and this closes the last.
		w := &watched{start: start, sim: s, size: sizer}
		defer func() { w.sim.Close() }()
		err = watch(ctx, view, cfg, w)
		start, s = w.start, w.sim
	} else {
		err = printMode(ctx, cfg, s, start, pictures, stdout)
	}
	if ctx.Err() != nil {
		return errInterrupted // and leave -out alone
	}
	if err == nil && cfg.out != "" {
		err = writeOut(ctx, cfg.out, cfg.outFormat(), start, s, stdout)
	}
	done = err == nil
	return err
}
