// Command life is Conway's Game of Life in a terminal, every cell a
// goroutine: it prints generations as "Effective Python" Item 40 does, sets
// them side by side in the book's columns, or animates them in place.
//
// Usage:
//
//	life [flags]
//
// Run life -h for the flags. Print mode (the default) writes plain text and
// never an escape sequence; -watch animates in the terminal, where keys
// pause, step, change the speed, restart, pan, zoom, fit and open another
// pattern, and the mouse draws (? lists the keys, as life -h does).
//
// Exit status: 0 on success, 2 for a usage error (a bad flag or value), 1 for
// anything else (an unreadable file, a failed write, an interruption).
//
// SIGINT, SIGTERM, SIGHUP and SIGQUIT all end the run the same way: the
// terminal restored in -watch, no file of -out, -gif or -png replaced, the
// message "life: interrupted" and exit status 1. SIGQUIT gives no goroutine
// dump.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(report(os.Stderr, err))
}

// report prints err, if any, as one line and returns the exit status.
func report(stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	var u *usageError
	if errors.As(err, &u) {
		fmt.Fprintf(stderr, "life: %v (run life -h for help)\n", err)
		return 2
	}
	fmt.Fprintf(stderr, "life: %v\n", err)
	return 1
}

// usageError is a mistake on the command line.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// errInterrupted is returned when a signal cut the run short.
var errInterrupted = errors.New("interrupted")
