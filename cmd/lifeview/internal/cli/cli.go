// Package cli is lifeview's command line: its flags, their help and the
// errors they give. It does not import Ebitengine, so that lifeview can answer
// -h and -list, and report a bad flag, on a machine with no display, where
// Ebitengine cannot even start.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"colife/cmd/internal/export"
	"colife/cmd/internal/setup"
	"colife/life"
	"colife/life/sim"
	"colife/render/runner"
	"colife/render/view"
)

// Defaults of the window.
const (
	defaultPattern = "gosper"
	defaultSpeed   = 30 // generations per second

	// Margin is how many empty cells surround a pattern, without -size.
	Margin = 16

	// minW × minH is the smallest grid without -size: a random soup's.
	minW, minH = 160, 100
)

// DefaultSize returns minW × minH, the smallest grid without -size.
func DefaultSize() setup.Size { return setup.Size{W: minW, H: minH} }

// Config is the command line, parsed.
type Config struct {
	setup.Config // -pattern -size -rule -topology -random -seed -engine

	// TopologySet says -topology was given. Without it the window runs on
	// the unbounded plane, unless the engine (dense) or the rule (with B0)
	// needs a bounded board: then on a torus (see Bounded).
	TopologySet bool

	Zoom       float64 // -zoom; 0 (not given) fits the screen
	Speed      float64 // -speed
	HUD        bool    // -hud
	Screenshot string  // -screenshot
	Gens       int     // -gens
	GensSet    bool    // -gens was given
	List       bool    // -list

	History  int           // -history; 0: the runner's default
	Pictures export.Config // -gif -png -delay; Zoom from -zoom
}

// newFlagSet returns the flags of lifeview, storing into c.
func newFlagSet(c *Config) *flag.FlagSet {
	fs := flag.NewFlagSet("lifeview", flag.ContinueOnError)
	c.Pattern = defaultPattern
	c.MoreSoups = true // the S key makes soups from -seed, whatever the start
	c.Topology = life.Unbounded
	c.SizeDefault = fmt.Sprintf("the pattern with %d empty cells around it, and at least %dx%d; on the unbounded plane, the box the pattern starts in, in the middle of which lies (0, 0), and that -random and the S key's soups fill", Margin, minW, minH)
	c.Register(fs)
	// The window's default topology is not the terminal's.
	fs.Lookup("topology").Usage = "topology `T`: unbounded (an endless plane: patterns grow and gliders fly off for ever; alias infinite; without -topology, -engine dense and rules with B0 get a torus instead), torus (the edges wrap around, as in the book) or plane (dead beyond the edges)"
	fs.Func("zoom", fmt.Sprintf("`Z` pixels per cell: the window's at the start, and -gif's and -png's; one of 1 2 3 4 6 8 12 16 24 32 48 64 ... 256, or 1/2 1/4 ... 1/64 for several cells a pixel (a picture's pixel is alive if any of its cells is, as Golly draws); other values go down to the one below (default: the window's the largest up to 8 that fits the screen, the pictures' %d)", export.DefaultZoom), func(s string) error {
		z, err := view.ParseZoom(s) // not 0
		c.Zoom = z
		return err
	})
	c.Speed = defaultSpeed
	setup.RegisterSpeed(fs, &c.Speed, "")
	fs.BoolVar(&c.HUD, "hud", true, "show the HUD (generation, population, speed, FPS, rule, goroutines); I toggles it")
	fs.Func("screenshot", "run -gens generations, draw the last once, save what the window shows to `FILE.png` and exit (the window is the grid's size, on the unbounded plane the starting box's, at -zoom, if the screen has room)", func(s string) error {
		if !strings.EqualFold(filepath.Ext(s), ".png") {
			return fmt.Errorf("%q: want a file name ending in .png", s)
		}
		c.Screenshot = s
		return nil
	})
	fs.Func("gens", "run `N` generations from the start's (0, or a macrocell file's #G), such as 100, 2^40 or 10^6: to the one -screenshot shows, the last -gif and -png write (default 0), or in the window at once, pausing there", func(s string) error {
		n, err := setup.ParseCount(s)
		c.Gens, c.GensSet = int(n), true
		return err
	})
	fs.BoolVar(&c.List, "list", false, "list the built-in patterns and exit")
	fs.Func("history", fmt.Sprintf("keep the last `COUNT` generations for the B key (back one) and the N key (forward again), COUNT from 1 to %d; memory: COUNT × width × height bytes (default %d, %s for a %s grid, or fewer so as to take at most %s); on the unbounded plane, about %d bytes for each 64x64 tile with a live cell, at most %s in all",
		maxHistory, runner.DefaultHistory, mib(runner.DefaultHistory*minW*minH), DefaultSize(), mib(runner.DefaultHistoryBytes), life.TileBytes, mib(runner.DefaultHistoryBytes)), func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > maxHistory {
			return fmt.Errorf("want a whole number of generations from 1 to %d", maxHistory)
		}
		c.History = n
		return nil
	})
	c.Pictures.RegisterFiles(fs)
	c.Pictures.RegisterDelay(fs)
	return fs
}

// maxHistory is the most generations -history keeps.
const maxHistory = 1 << 20

// mib formats a number of bytes in MiB.
func mib(n int) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

// Parse reads args into a Config. For -h it writes the usage to stdout and
// returns flag.ErrHelp; any other mistake is a *UsageError.
func Parse(args []string, stdout io.Writer) (*Config, error) {
	c := &Config{}
	fs := newFlagSet(c)
	if err := setup.Parse(fs, args, stdout, usage); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, &UsageError{err}
	}
	fs.Visit(func(f *flag.Flag) { c.TopologySet = c.TopologySet || f.Name == "topology" })
	if c.Pictures.Enabled() {
		if c.Screenshot != "" {
			return nil, &UsageError{errors.New("-gif and -png write files without a window; leave out -screenshot")}
		}
		c.Pictures.Zoom = export.DefaultZoom
		if c.Zoom != 0 {
			c.Pictures.Zoom = c.Zoom
		}
	}
	if c.Screenshot != "" {
		if err := export.CheckPath(c.Screenshot); err != nil {
			return nil, &UsageError{fmt.Errorf("-screenshot: %w", err)}
		}
	}
	c.Costs = c.costs // the history or the pictures, in the memory check
	return c, nil
}

// Bounded returns the topology to run opt's rule and engine on: opt's, or a
// torus if -topology was not given and the default unbounded plane cannot
// run them (sim.Engine.Runs: the dense engines run every cell of a bounded
// board, and a B0 rule would fill the whole plane at once). HashLife runs
// on the plane only: what it cannot run there it cannot run on a torus.
func (c *Config) Bounded(opt sim.Options) life.Topology {
	if opt.Topology == life.Unbounded && !c.TopologySet && opt.Engine != sim.Hashlife && opt.Engine.Runs(opt.Rule, life.Unbounded) != nil {
		return life.Torus
	}
	return opt.Topology
}

// Origin returns where the top-left cell of a w × h starting grid lies on
// the unbounded plane: its middle cell at (0, 0).
func Origin(w, h int) life.Point { return life.Point{X: -int64(w / 2), Y: -int64(h / 2)} }

// usage writes lifeview -h.
func usage(fs *flag.FlagSet) {
	fmt.Fprint(fs.Output(), `lifeview: Conway's Game of Life in a window, with every cell a goroutine.

Usage: lifeview [flags]

Without flags: a Gosper glider gun on the unbounded plane, running: its
gliders fly off for ever (-topology torus gives a board whose edges wrap,
where they come round and wreck the gun). Press H in the window for the
keys: Space plays and pauses, N goes forward one generation and B back one,
+ and - change the speed, S makes a new random soup (from -seed, if given),
the left button draws, the right erases, the wheel zooms, arrows pan, F fits
the live cells to the window, Esc quits.

The window is a canvas to watch and draw on: without -size it leaves 16
empty cells around a pattern and is at least 160x100. life prints a pattern
tight instead (2 cells around it, no minimum, on a torus, and a random soup
without -pattern), so the same -pattern gives another board there; give
-size and -topology for the same one.

With -gif or -png it opens no window: it runs -gens generations and writes an
animated GIF of them all, or a PNG of the last, -zoom pixels a cell as in
the window (default 4; at 1/2 and below a pixel is alive if any of its
cells is), and exits; on the unbounded plane the pictures show the starting box
(-size). It needs no display, like -h and -list. -png writes the board's
cells; -screenshot instead saves what the window shows, HUD and zoom
included.

Flags:
`)
	fs.PrintDefaults()
	fmt.Fprint(fs.Output(), `
Examples:
  lifeview                                       a glider gun on the unbounded plane, running
  lifeview -topology torus -size 160x100         the gun on a torus, which its gliders wreck
  lifeview -pattern acorn -speed 240             a methuselah that spreads over the plane
  lifeview -random 0.3 -size 400x300 -engine direct
  lifeview -pattern acorn -size 300x200 -zoom 3 -speed 60
  lifeview -pattern glider -size 32x32 -zoom 8 -gens 4 -screenshot out.png
  lifeview -pattern glider -size 16x16 -gens 64 -gif glider.gif -zoom 8 -delay 50

Exit status: 0 on success, 2 for a usage error, 1 for any other error.
`)
}

// Report prints err, if any, as one line and returns the exit status: 2
// for a *UsageError, 1 for any other error, 0 for none.
func Report(stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	var u *UsageError
	if errors.As(err, &u) {
		fmt.Fprintf(stderr, "lifeview: %v (run lifeview -h for help)\n", err)
		return 2
	}
	fmt.Fprintf(stderr, "lifeview: %v\n", err)
	return 1
}

// UsageError is a mistake on the command line.
type UsageError struct{ Err error }

// Error returns the mistake.
func (e *UsageError) Error() string { return e.Err.Error() }

// Unwrap returns the mistake.
func (e *UsageError) Unwrap() error { return e.Err }
