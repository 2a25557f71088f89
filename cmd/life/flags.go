package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"colife/cmd/internal/export"
	"colife/cmd/internal/setup"
	"colife/life"
	"colife/life/pattern"
	"colife/render/text"

	"golang.org/x/term"
)

// config is the command line, parsed.
type config struct {
	setup.Config // -pattern -size -rule -topology -random -seed -engine

	gens    int    // -gens; see gensSet
	gensSet bool   // -gens was given
	every   int    // -every
	columns int    // -columns; 0: one generation under another
	out     string // -out
	watch   bool   // -watch
	list    bool   // -list

	untilStable bool          // -until-stable
	pictures    export.Config // -gif -png -zoom -delay
	speed       float64       // -speed, in -watch
	print       printChoice   // -print; see printSet
	counts      bool          // -counts
	printSet    bool          // -print was given
	colors      text.Colors   // -color, unless colorsAuto
	colorsAuto  bool          // -color auto: detect from the terminal
}

// style returns how to draw the grids of a rule of states states on out:
// in the colours -color asks for, or by default those a terminal shows
// (none for a pipe or a file).
func (c *config) style(out io.Writer, states int) text.Style {
	colors := c.colors
	if c.colorsAuto {
		f, ok := out.(*os.File)
		colors = text.DetectColors(ok && term.IsTerminal(int(f.Fd())), os.Getenv)
	}
	return text.Style{Colors: colors, States: states}
}

// printChoice is which generations print mode prints.
type printChoice int

const (
	printAll  printChoice = iota // every -every-th generation
	printLast                    // only the last
	printNone                    // none
)

// printChoices are -print's values, in the order of printChoice.
var printChoices = []string{"all", "last", "none"}

// printing returns which generations print mode prints: -print, or by
// default all of them, or none when -gif, -png or -out FILE keeps the result
// elsewhere and -counts does not ask for their lines.
func (c *config) printing() printChoice {
	switch {
	case c.printSet:
		return c.print
	case c.counts:
		return printAll
	case c.pictures.Enabled() || c.out != "" && c.out != "-":
		return printNone
	}
	return printAll
}

// outFormat is how -out writes a grid.
type outFormat int

const (
	formatRLE outFormat = iota
	formatCells
	formatMacrocell
)

// outFormat returns the format -out's file name asks for.
func (c *config) outFormat() outFormat {
	switch ext, _ := pattern.Ext(c.out); ext {
	case ".cells":
		return formatCells
	case ".mc":
		return formatMacrocell
	}
	return formatRLE
}

// lastGeneration returns the generation print mode stops at: -gens, or by
// default one block of -columns, stableGens with -until-stable, or 10.
func (c *config) lastGeneration() int {
	switch {
	case c.gensSet:
		return c.gens
	case c.columns > 0:
		return (c.columns - 1) * c.every
	case c.untilStable:
		return stableGens
	}
	return 10
}

// newFlagSet returns the flags of life, storing into c.
func newFlagSet(c *config) *flag.FlagSet {
	fs := flag.NewFlagSet("life", flag.ContinueOnError)
	c.SizeDefault = fmt.Sprintf("the pattern with %d empty cells around it, or %dx%d for a random soup; in -watch, at least the terminal", printMargin, printSoup.W, printSoup.H)
	c.Register(fs)
	fs.Func("gens", "run `N` generations from the start's (0, or a macrocell file's #G), such as 1000, 2^40 or 10^6 (default: 10, or one block with -columns; in -watch, pause after N)", func(s string) error {
		n, err := setup.ParseCount(s)
		c.gens, c.gensSet = int(n), true
		return err
	})
	c.every = 1
	step := func(s string) error {
		n, err := setup.ParseCount(s)
		if err == nil && n == 0 {
			err = errors.New("want 1 or more")
		}
		c.every = int(n)
		return err
	}
	fs.Func("step", "step `N` generations at a time, such as 30 or 2^20: print every N-th generation, and in -watch step N at once; -engine hashlife jumps N in one go (default 1)", step)
	fs.Func("every", "the same as -step `K`", step)
	fs.Func("columns", "print `N` generations side by side, as the book's ColumnPrinter does", func(s string) error {
		n, err := nonNegative(s)
		c.columns = n
		return err
	})
	fs.Func("out", "after the last generation, write the whole grid to `FILE`: RLE for .rle, plaintext for .cells, Golly's macrocell for .mc, and any of them compressed with gzip for a name ending in .gz (gun.mc.gz); - writes the RLE on standard output instead of the generations", func(s string) error {
		switch ext, _ := pattern.Ext(s); {
		case s == "-", ext == ".rle", ext == ".cells", ext == ".mc":
		case s == "":
			return errors.New("empty; want a .rle, .cells or .mc file (.gz after it compresses it), or - for standard output")
		default:
			return fmt.Errorf("%q: want a .rle, .cells or .mc file (.gz after it compresses it), or - for standard output", s)
		}
		c.out = s
		return nil
	})
	fs.Func("print", "which generations print mode prints: `WHAT` is all (every -step-th), last (only the last) or none (default: all, but none with -gif, -png or -out FILE)", func(s string) error {
		for i, name := range printChoices {
			if strings.EqualFold(strings.TrimSpace(s), name) {
				c.print, c.printSet = printChoice(i), true
				return nil
			}
		}
		return fmt.Errorf("%q: want all, last or none", s)
	})
	fs.BoolVar(&c.counts, "counts", false, "print each generation's line alone (generation, population and, on the unbounded plane, the box its grid would fill: the live cells' or -size's), not its grid: one line a generation, for patterns too big to print, such as HashLife's gun at -gens 2^40 -print last; with -out FILE, -gif or -png as well")
	c.colorsAuto = true
	fs.Func("color", "colours of the dying states of a Generations rule: `WHEN` is auto (those the terminal shows; none when piped), never, 256 or truecolor (default auto)", func(s string) error {
		var err error
		c.colors, c.colorsAuto, err = text.ParseColors(s)
		return err
	})
	c.speed = defaultSpeed
	setup.RegisterSpeed(fs, &c.speed, "in -watch")
	fs.BoolVar(&c.watch, "watch", false, "animate in place in the terminal, with the mouse to draw (keys below; ? shows them)")
	fs.BoolVar(&c.list, "list", false, "list the built-in patterns and exit")
	c.pictures.Register(fs)
	fs.BoolVar(&c.untilStable, "until-stable", false, fmt.Sprintf("instead of the generations, print one line when the pattern dies out, stands still, oscillates or moves as a spaceship (periods up to %d), or that it did not within -gens (default %d) generations", life.DefaultPeriodLimit, stableGens))
	return fs
}

// nonNegative reads a whole number, 0 or more.
func nonNegative(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	switch {
	case err != nil:
		return 0, errors.New("want a whole number")
	case n < 0:
		return 0, errors.New("want 0 or more")
	}
	return n, nil
}

// parseFlags reads args into a config. For -h it writes the usage to stdout
// and returns flag.ErrHelp; any other mistake is a *usageError.
func parseFlags(args []string, stdout io.Writer) (*config, error) {
	c := &config{}
	fs := newFlagSet(c)
	if err := setup.Parse(fs, args, stdout, usage); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, &usageError{err}
	}
	if c.untilStable && c.watch {
		return nil, &usageError{errors.New("-until-stable is for print mode, not -watch")}
	}
	if c.pictures.Enabled() && c.watch {
		return nil, &usageError{errors.New("-gif and -png are for print mode, not -watch")}
	}
	if c.untilStable && c.columns > 0 {
		return nil, &usageError{errors.New("-until-stable prints one line, not -columns")}
	}
	if c.watch && c.columns > 0 {
		return nil, &usageError{errors.New("-columns is for print mode, not -watch")}
	}
	speedSet := false
	fs.Visit(func(f *flag.Flag) { speedSet = speedSet || f.Name == "speed" })
	if speedSet && !c.watch {
		return nil, &usageError{errors.New("-speed is for -watch; print mode runs as fast as it can")}
	}
	if c.printSet && c.watch {
		return nil, &usageError{errors.New("-print is for print mode, not -watch")}
	}
	if c.printSet && c.untilStable {
		return nil, &usageError{errors.New("-print chooses generations to print; -until-stable prints one line instead")}
	}
	if c.printSet && c.out == "-" {
		return nil, &usageError{errors.New("-print chooses generations to print; -out - prints the last grid's RLE instead")}
	}
	if c.counts && (c.columns > 0 || c.watch || c.untilStable || c.out == "-") {
		return nil, &usageError{errors.New("-counts prints the generations' lines without their grids, in print mode: not with -columns, -watch, -until-stable or -out -")}
	}
	if c.counts && c.printSet && c.print == printNone {
		return nil, &usageError{errors.New("-counts prints the generations' lines; -print none prints none")}
	}
	if c.printSet && c.print == printNone && c.columns > 0 {
		return nil, &usageError{errors.New("-columns prints generations side by side; -print none prints none")}
	}
	return c, nil
}

// usage writes life -h.
func usage(fs *flag.FlagSet) {
	fmt.Fprint(fs.Output(), `life: Conway's Game of Life with every cell a goroutine.

Usage: life [flags]

Print mode (the default) prints each generation as a line "generation N
population P", the grid as rows of * (alive) and - (empty), and a blank line;
-print last prints only the last generation, and -print none (the default
with -gif, -png or -out FILE) none; -counts prints the lines alone. -watch
animates in the terminal instead.

The board is the pattern printed tight: on a torus, 2 empty cells around it,
no minimum size, and without -pattern a random soup. lifeview's window is a
canvas to watch and draw on, so it leaves 16 cells around a pattern, is at
least 160x100, lies on the unbounded plane and starts from a glider gun: give
-size and -topology for the same board in both.

Flags:
`)
	fs.PrintDefaults()
	fmt.Fprint(fs.Output(), `
Examples:
  life -pattern glider -size 9x5 -columns 5     the book's Item 40 block
  life -pattern gosper -gens 60 -step 30         a glider gun, every 30th generation
  life -engine hashlife -pattern gosper -gens 2^40 -print last -counts
                                                 the gun at generation 2^40, in milliseconds
  life -random 0.3 -seed 7 -gens 100 -out end.rle
  life -watch -random 0.3                        watch a soup on the whole terminal
  life -pattern diehard -size 40x30 -topology plane -until-stable
                                                 prints "extinct at generation 130"
  life -pattern glider -size 16x16 -gens 64 -gif glider.gif -zoom 8 -delay 50

Keys in -watch (? shows them there):
`)
	for _, l := range strings.Split(watchKeys, "\n") {
		fmt.Fprintf(fs.Output(), "  %s\n", l)
	}
	fmt.Fprint(fs.Output(), `
Exit status: 0 on success, 2 for a usage error, 1 for any other error.
`)
}
