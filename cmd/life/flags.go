package main

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
}

// outFormat is how -out writes a grid.
type outFormat int

const (
	formatRLE outFormat = iota
	formatCells
)

// outFormat returns the format -out's file name asks for.
func (c *config) outFormat() outFormat {
	if strings.EqualFold(filepath.Ext(c.out), ".cells") {
		return formatCells
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
	fs.Func("gens", "run `N` generations (default: 10, or one block with -columns; in -watch, pause at generation N)", func(s string) error {
		n, err := nonNegative(s)
		c.gens, c.gensSet = n, true
		return err
	})
	c.every = 1
	fs.Func("every", "print every `K`-th generation (default 1); in -watch, step K generations at a time", func(s string) error {
		n, err := nonNegative(s)
		if err == nil && n == 0 {
			err = errors.New("want 1 or more")
		}
		c.every = n
		return err
	})
	fs.Func("columns", "print `N` generations side by side, as the book's ColumnPrinter does", func(s string) error {
		n, err := nonNegative(s)
		c.columns = n
		return err
	})
	fs.Func("out", "after the last generation, write the whole grid to `FILE`: RLE for .rle, plaintext for .cells; - writes the RLE on standard output instead of the generations", func(s string) error {
		switch ext := strings.ToLower(filepath.Ext(s)); {
		case s == "-", ext == ".rle", ext == ".cells":
		case s == "":
			return errors.New("empty; want a .rle or .cells file, or - for standard output")
		default:
			return fmt.Errorf("%q: want a .rle or .cells file, or - for standard output", s)
		}
		c.out = s
		return nil
	})
	fs.BoolVar(&c.watch, "watch", false, "animate in place in the terminal (keys: space pause, n step, + faster, - slower, r restart, q quit)")
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
	if err := setup.Parse(newFlagSet(c), args, stdout, usage); err != nil {
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
	return c, nil
}

// usage writes life -h.
func usage(fs *flag.FlagSet) {
	fmt.Fprint(fs.Output(), `life: Conway's Game of Life with every cell a goroutine.

Usage: life [flags]

Print mode (the default) prints each generation as a line "generation N
population P", the grid as rows of * (alive) and - (empty), and a blank line.
-watch animates in the terminal instead.

Flags:
`)
	fs.PrintDefaults()
	fmt.Fprint(fs.Output(), `
Examples:
  life -pattern glider -size 9x5 -columns 5     the book's Item 40 block
  life -pattern gosper -gens 60 -every 30        a glider gun, every 30th generation
  life -random 0.3 -seed 7 -gens 100 -out end.rle
  life -watch -random 0.3                        watch a soup on the whole terminal
  life -pattern diehard -size 40x30 -topology plane -until-stable
                                                 prints "extinct at generation 130"
  life -pattern glider -size 16x16 -gens 64 -gif glider.gif -zoom 8 -delay 50

Exit status: 0 on success, 2 for a usage error, 1 for any other error.
`)
}
