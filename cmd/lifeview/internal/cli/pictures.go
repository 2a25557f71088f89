package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"

	"colife/cmd/internal/setup"
	"colife/life"
)

// Prepare makes the start the flags describe, as the window and the
// pictures both begin: the pattern or soup, its warnings written to stderr,
// and on the unbounded plane (0, 0) in the middle of the starting grid.
func Prepare(cfg *Config, stdin io.Reader, stderr io.Writer) (*setup.Start, error) {
	start, err := cfg.Start(stdin, setup.Fit(Margin, DefaultSize()))
	var fe *setup.FlagError
	if errors.As(err, &fe) {
		return nil, &UsageError{Err: err}
	}
	if err != nil {
		return nil, err
	}
	for _, w := range start.Warnings {
		fmt.Fprintf(stderr, "lifeview: warning: %s\n", w)
	}
	start.Options.Topology = cfg.Bounded(start.Options)
	if start.Options.Topology == life.Unbounded {
		start.Options.Origin = Origin(start.Grid.Width(), start.Grid.Height())
	}
	return start, nil
}

// WritePictures is lifeview for scripts, with -gif or -png: without a
// window, it runs start to generation -gens and writes the GIF of every
// generation and the PNG of the last. On the unbounded plane each picture
// shows the starting grid's box, wherever the life has gone. A signal (ctx cancelled) stops it with
// ErrInterrupted, before it writes anything.
func WritePictures(ctx context.Context, cfg *Config, start *setup.Start) error {
	g := start.Grid
	cfg.Pictures.States = start.Options.Rule.States()
	rec, err := cfg.Pictures.NewRecorder(g.Width(), g.Height(), cfg.Gens+1)
	var fe *setup.FlagError
	if errors.As(err, &fe) {
		return &UsageError{Err: err}
	}
	if err != nil {
		return err
	}
	s, err := start.New(ctx)
	if err != nil {
		return interrupted(ctx, err)
	}
	defer s.Close()
	last := s.Generation() + min(cfg.Gens, math.MaxInt-s.Generation()) // -gens counts from the start's
	frame := s.Grid
	if start.Options.Topology == life.Unbounded {
		box, err := life.NewGrid(g.Width(), g.Height()) // g's size: cannot fail
		if err != nil {
			return err
		}
		frame = func() *life.Grid {
			s.Window(box, start.Options.Origin)
			return box
		}
	}
	for {
		if err := rec.Generation(frame()); err != nil {
			return err
		}
		if s.Generation() >= last {
			break
		}
		n := 1 // a frame of the GIF each
		if cfg.Pictures.GIF == "" {
			n = last - s.Generation() // the PNG's alone: straight there (HashLife jumps)
		}
		if err := s.Run(ctx, n); err != nil {
			return interrupted(ctx, err) // and write nothing
		}
	}
	return rec.Finish(frame())
}

// ErrInterrupted is returned when a signal cut the run short.
var ErrInterrupted = errors.New("interrupted")

// interrupted returns ErrInterrupted if err is ctx's cancellation, else err.
func interrupted(ctx context.Context, err error) error {
	if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		return ErrInterrupted
	}
	return err
}
