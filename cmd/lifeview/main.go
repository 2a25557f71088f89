// Command lifeview is Conway's Game of Life in a desktop window, every cell a
// goroutine: watch it, steer it and draw on it while it runs.
//
// Usage:
//
//	lifeview [flags]
//
// Run lifeview -h for the flags, and press H in the window for the keys.
// Without flags it shows a Gosper glider gun on the unbounded plane, running:
// its gliders fly off for ever.
//
// With -screenshot FILE.png it is a camera for scripts and tests: it runs
// -gens generations, draws the last once, saves what the window shows and
// exits.
//
// Exit status: 0 on success, 2 for a usage error (a bad flag or value), 1 for
// anything else (an unreadable pattern, a failed write, no display, an
// interruption of -gif or -png).
//
// Built for a browser (GOOS=js GOARCH=wasm, make web) it is a web page
// instead, which takes its flags from its address (main_js.go).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"colife/cmd/internal/setup"
	"colife/cmd/lifeview/internal/cli"
)

// lifeview is the whole program: it parses args, then lists the patterns,
// writes pictures or opens the window. A panic on the main goroutine (where
// Ebitengine runs the window, and everything else happens) is turned into an
// error, so that the user sees one line rather than a stack trace.
func lifeview(ctx context.Context, args []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	cfg, err := cli.Parse(args, os.Stdout)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return nil
	case err != nil:
		return err
	case cfg.List:
		return setup.WriteList(os.Stdout)
	}
	cfg.LimitMemory() // the garbage collector works harder before -memory's budget is reached
	return run(ctx, cfg, os.Stdin, os.Stderr)
}
