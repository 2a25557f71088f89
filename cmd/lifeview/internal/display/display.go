//go:build freebsd || (linux && !android) || netbsd || openbsd

// Package display checks, as the program starts, that the X display the
// window needs can be opened, and otherwise ends the program with a one-line
// error and exit status 1. Ebitengine opens the display when its own package
// is initialised and panics if it cannot; import this package (for its side
// effect) in a command that opens a window. Go initialises the packages of a
// program in the order of their import paths where it can, and this one's
// ("colife/...") comes before Ebitengine's ("github.com/hajimehoshi/...")
// once the X client library both use is ready.
package display

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/jezek/xgb"
)

func init() {
	if err := Check(); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", filepath.Base(os.Args[0]), err)
		os.Exit(1)
	}
}

// Check opens and closes a connection to the X display named by $DISPLAY,
// and says what is wrong if it cannot.
func Check() error {
	name := os.Getenv("DISPLAY")
	if name == "" {
		return fmt.Errorf("no display: DISPLAY is not set; the window needs an X11 (or XWayland) display: run it in a desktop session, or under xvfb-run -a")
	}
	c, err := xgb.NewConnDisplay(name)
	if err != nil {
		return fmt.Errorf("no display: cannot open DISPLAY %q: %v", name, err)
	}
	c.Close()
	return nil
}
