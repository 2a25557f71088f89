// Command lifeview is Conway's Game of Life in a desktop window, every cell a
// goroutine: watch it, steer it and draw on it while it runs.
//
// Usage:
//
//	lifeview [flags]
//
// Run lifeview -h for the flags, and press H in the window for the keys.
// Without flags it shows a Gosper glider gun on a torus, running.
//
// With -screenshot FILE.png it is a camera for scripts and tests: it runs
// -gens generations, draws the last once, saves what the window shows and
// exits.
//
// Exit status: 0 on success, 2 for a usage error (a bad flag or value), 1 for
// anything else (an unreadable pattern, a failed write, no display).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"colife/cmd/internal/setup"
	"colife/cmd/lifeview/internal/display" // before Ebitengine: a clear error without a display
)

func main() {
	display.Close() // Ebitengine has its own connection now
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	cfg, err := parseFlags(os.Args[1:], os.Stdout)
	switch {
	case err != nil:
	case cfg.list:
		err = setup.WriteList(os.Stdout)
	default:
		err = run(ctx, cfg, os.Stdin, os.Stderr)
	}
	stop()
	if errors.Is(err, flag.ErrHelp) {
		err = nil
	}
	os.Exit(report(os.Stderr, err))
}

// report prints err, if any, as one line and returns the exit status.
func report(stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	var u *usageError
	if errors.As(err, &u) {
		fmt.Fprintf(stderr, "lifeview: %v (run lifeview -h for help)\n", err)
		return 2
	}
	fmt.Fprintf(stderr, "lifeview: %v\n", err)
	return 1
}

// usageError is a mistake on the command line.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }
