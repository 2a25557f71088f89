//go:build freebsd || (linux && !android) || netbsd || openbsd

// Package display checks, as the program starts, that the X display the
// window needs can be opened. Without one it answers what lifeview can
// answer without a window (-h, -list, a bad flag), and otherwise ends the
// program with a one-line error and exit status 1. Ebitengine opens the
// display when its own package is initialised and panics if it cannot; import
// this package (for its side effect) in a command that opens a window. It
// also writes the pictures of -gif and -png, which need no window. Go
// initialises the packages of a program in the order of their import paths
// where it can, and this one's ("colife/...") comes before Ebitengine's
// ("github.com/hajimehoshi/...") once the X client library both use is ready.
package display

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/jezek/xgb"

	"colife/cmd/internal/setup"
	"colife/cmd/lifeview/internal/cli"
)

// conn is the connection Check opened, kept open until Close: were it the
// display's only client, closing it at once would make an X server that
// resets when its last client leaves (as Xvfb does by default) refuse the
// next connection, Ebitengine's, while it resets.
var conn *xgb.Conn

func init() {
	if err := Check(); err != nil {
		os.Exit(withoutDisplay(err))
	}
}

// withoutDisplay does, before Ebitengine panics for want of a display, what
// lifeview can do without one: answer -h and -list, and report a bad flag as
// such. Otherwise it says that there is no display. It returns the exit
// status.
func withoutDisplay(noDisplay error) int {
	cfg, err := cli.Parse(os.Args[1:], os.Stdout)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case err != nil:
		return cli.Report(os.Stderr, err)
	case cfg.List:
		return cli.Report(os.Stderr, setup.WriteList(os.Stdout))
	case cfg.Pictures.Enabled():
		// -gif and -png open no window: they need no display either.
		return cli.Report(os.Stderr, pictures(cfg))
	}
	fmt.Fprintf(os.Stderr, "%s: %v\n", filepath.Base(os.Args[0]), noDisplay)
	return 1
}

// pictures writes the pictures cfg asks for, as lifeview does with a display.
func pictures(cfg *cli.Config) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cfg.LimitMemory()
	start, err := cli.Prepare(cfg, os.Stdin, os.Stderr)
	if err != nil {
		return err
	}
	return cli.WritePictures(ctx, cfg, start)
}

// Check opens a connection to the X display named by $DISPLAY, and says what
// is wrong if it cannot. The connection stays open until Close.
func Check() error {
	name := os.Getenv("DISPLAY")
	if name == "" {
		return fmt.Errorf("no display: DISPLAY is not set; the window needs an X11 (or XWayland) display: run it in a desktop session, or under xvfb-run -a")
	}
	c, err := xgb.NewConnDisplay(name)
	if err != nil {
		return fmt.Errorf("no display: cannot open DISPLAY %q: %v", name, err)
	}
	Close()
	conn = c
	return nil
}

// Close closes the connection Check opened, once Ebitengine has its own:
// call it from main.
func Close() {
	if conn != nil {
		conn.Close()
		conn = nil
	}
}
