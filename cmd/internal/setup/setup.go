// Package setup holds what the terminal program (cmd/life) and the window
// (cmd/lifeview) share about starting a simulation: the flags -pattern,
// -size, -rule, -topology, -random, -seed and -engine, registered on the
// caller's flag.FlagSet into a Config, and Config.Start, which turns them into
// the first generation and the sim.Options to run it with.
//
// Each flag's value is checked as it is parsed, so a bad value is an error
// from FlagSet.Parse that names the flag; mistakes that only show once the
// flags are put together (a pattern larger than -size, say) are a *FlagError.
// Both are the user's to fix: a program exits with status 2 for them.
package setup

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"

	"colife/life"
	"colife/life/pattern"
	"colife/life/sim"
)

// DefaultDensity is the density of the random soup a program starts from when
// it is given neither -pattern nor -random and has no default of its own.
const DefaultDensity = 0.3

// Config is the start of a simulation as the flags describe it. A caller may
// set fields before Register to give its own defaults (the window starts from
// a pattern, say); the flags then override them.
type Config struct {
	// Pattern is a built-in pattern's name, a file, or "-" for standard input.
	Pattern string
	// Size is the grid's size; the zero Size means the caller's default.
	Size Size
	// Rule overrides the pattern's rule when not nil.
	Rule *life.Rule
	// Topology is what lies beyond the grid's edge.
	Topology life.Topology
	// Random, when not 0, is the density in (0, 1] of a random soup to start
	// from instead of a pattern.
	Random float64
	// Seed seeds the random soup; 0 means pick one (Start reports it).
	Seed uint64
	// Engine runs the cell program.
	Engine sim.Engine
	// Memory is the run's memory budget in bytes (-memory); 0 means
	// life.DefaultBudget.
	Memory uint64
	// MoreSoups says that the caller makes new random soups as it runs (the
	// window's S key), with Seed and, when given, Random's density. Then
	// -seed is accepted with a pattern too, for those soups, and -h says
	// so; otherwise a seed without a soup to start from is a *FlagError.
	// Set it before Register.
	MoreSoups bool
	// Costs, when not nil, returns what the caller will allocate for a
	// w × h grid besides the simulation (its text, pictures or history),
	// for Start's memory check.
	Costs func(w, h int) []life.Cost
	// SizeDefault says, for -h, what the grid's size is without -size. Set
	// it before Register; empty says "the pattern with a margin around it".
	SizeDefault string

	patternSet, randomSet, seedSet, topologySet bool        // given on the command line
	ruleBounds                                  life.Bounds // the bounded grid of -rule's suffix, if it has one
}

// Register defines the shared flags on fs, storing into c. The defaults shown
// by -h are c's values when Register is called.
func (c *Config) Register(fs *flag.FlagSet) {
	fs.Var(&patternValue{c}, "pattern", "start from `SPEC`: a built-in pattern's name (see -list), a file (.rle, .cells, .lif/.life), or - for standard input")
	sizeDefault := c.SizeDefault
	if sizeDefault == "" {
		sizeDefault = "the pattern with a margin around it"
	}
	fs.Var(&sizeValue{&c.Size}, "size", "grid size `WxH`, such as 80x40 (default: "+sizeDefault+")")
	fs.Var(&ruleValue{&c.Rule, &c.ruleBounds}, "rule", "`RULE`: B/S (B36/S23), Hensel (B2-a/S12) or Generations (B2/S/C3) notation, or a name such as highlife or briansbrain; a suffix :T100,80 or :P100,80 gives the board (default: the pattern's rule, else B3/S23)")
	fs.Var(&topologyValue{&c.Topology, &c.topologySet}, "topology", "topology `T`: torus (the edges wrap around, as in the book), plane (dead beyond the edges) or unbounded (no edge: -size is only the box the start is drawn in)")
	random := "start from a random soup in which each cell is alive with probability `D`, 0 < D <= 1, instead of a pattern"
	if c.Pattern != "" {
		random += fmt.Sprintf(" (without it: the pattern, %s unless -pattern is given)", c.Pattern)
	} else {
		random += fmt.Sprintf(" (with neither -pattern nor -random: a soup of density %g)", DefaultDensity)
	}
	seed := "seed `N` for the random soup; 0 picks one, which is reported"
	if c.MoreSoups {
		random += fmt.Sprintf("; the new soups made as it runs have the same density (default %g)", DefaultDensity)
		seed = "seed `N` for the random soups: the one to start from (-random) and the new ones made as it runs, with or without a pattern; 0 picks one"
	}
	fs.Var(&randomValue{c}, "random", random)
	fs.Var(&seedValue{c}, "seed", seed)
	fs.Var(&engineValue{&c.Engine}, "engine", "engine `E` that runs the cells: goroutine (a goroutine for each cell that can change, its messages sent over channels; the default), coroutine (the same cells each an iter.Pull coroutine, resumed with each answer as the book's generator is with send: no channels, no scheduler), generator (the same cells and messages, the book's way: one iter.Pull coroutine a core running every cell's step in turn; the fastest of these), dense or dense-coroutine (every cell, every generation, over channels or coroutines: the book's form), direct (in line, fast) or hashlife (Gosper's HashLife on the unbounded plane, the default topology with it: regular patterns to generation 2^40 and beyond; -step jumps)")
	fs.Func("memory", "memory budget `SIZE` for the run, such as 4G or 512M, at most what this process may use: a larger need is refused with an error, not a crash (default: 80% of what this process may use)", func(v string) error {
		n, err := life.ParseBytes(v)
		if err != nil {
			return err
		}
		if most := life.MaxMemory(); most > 0 && n > most {
			return fmt.Errorf("%q is more than the %s this process may use", v, life.FormatBytes(most))
		}
		c.Memory = n
		return nil
	})
}

// FlagError is a mistake in how the flags were put together, found by Start:
// the user's to fix, like a bad flag value.
type FlagError struct {
	// Flag is the flag's name without its dash.
	Flag string
	// Err says what is wrong.
	Err error
}

// Error returns "-flag: what is wrong".
func (e *FlagError) Error() string { return "-" + e.Flag + ": " + e.Err.Error() }

// Unwrap returns Err.
func (e *FlagError) Unwrap() error { return e.Err }

// A Sizer gives the grid size to use when -size is not given. w × h is the
// pattern's declared box, or 0 × 0 for a random soup.
type Sizer func(w, h int) Size

// Fit returns a Sizer for a grid that holds the pattern with margin empty
// cells on every side, and is at least min (a random soup gets min).
func Fit(margin int, min Size) Sizer {
	return func(w, h int) Size {
		return Size{W: max(w+2*margin, min.W), H: max(h+2*margin, min.H)}
	}
}

// Start is the first generation of a simulation and how to run it.
type Start struct {
	// Grid is generation 0.
	Grid *life.Grid
	// Options are the rule, topology and engine to run it with.
	Options sim.Options
	// Pattern is the pattern placed in Grid, or nil for a random soup (and
	// for a macrocell file too large to expand: Macrocell has it).
	Pattern *pattern.Pattern
	// Macrocell is the tree of a macrocell file when HashLife runs it: New
	// builds the board from it, whatever its size, not from Grid.
	Macrocell *pattern.Macrocell
	// Name is the pattern's name (else its file's name, or "stdin"), or
	// "random" for a soup.
	Name string
	// Density and Seed describe a random soup; both are 0 for a pattern.
	Density float64
	Seed    uint64
	// Warnings are things the pattern's reader accepted but a person may want
	// to know, one line each.
	Warnings []string
}

// String describes the start in one line, such as
// "glider 3x3 on a 9x5 torus, B3/S23, goroutine engine" or
// "random soup (density 0.3, seed 42) on a 80x40 plane, B36/S23, direct engine".
func (s *Start) String() string {
	what := s.Name
	switch {
	case s.Macrocell != nil:
		b := s.Macrocell.Bounds()
		what += fmt.Sprintf(" %dx%d", b.Dx(), b.Dy())
	case s.Pattern != nil:
		what += fmt.Sprintf(" %dx%d", s.Pattern.Width, s.Pattern.Height)
	default:
		what = fmt.Sprintf("random soup (density %g, seed %d)", s.Density, s.Seed)
	}
	return fmt.Sprintf("%s on a %dx%d %s, %s, %s engine", what, s.Grid.Width(), s.Grid.Height(),
		s.Options.Topology, s.Options.Rule, s.Options.Engine)
}

// Start makes the first generation. The pattern is read with pattern.Load
// (stdin serves "-"), and placed in the middle of the grid; a random soup is
// drawn from the seed (picked at random when 0). Without -size the grid is as
// big as size says. The rule is -rule, else the pattern's, else B3/S23; a
// pattern with a cell in a state the rule has not (a dying cell under a
// two-state rule) is refused.
//
// A pattern whose rule has Golly's bounded-grid suffix, such as
// "B3/S23:T100,80", gives the defaults of the board: without -topology,
// Start sets c.Topology to the suffix's torus or plane; without -size, the
// grid on a torus or plane is the suffix's size. So a file written by life
// -out on a torus reads back as the same board.
//
// A bad combination of flags is a *FlagError; a pattern that cannot be read,
// or that is too big for a grid without -size, is an error naming it.
func (c *Config) Start(stdin io.Reader, size Sizer) (*Start, error) {
	if c.patternSet && c.randomSet {
		return nil, &FlagError{"random", errors.New("give -pattern or -random, not both")}
	}
	// A flag given beats a default set by the caller; with neither, a soup.
	soup := c.randomSet || (!c.patternSet && c.Pattern == "")
	density := c.Random
	if density == 0 {
		density = DefaultDensity
	}
	if !soup && c.seedSet && !c.MoreSoups {
		return nil, &FlagError{"seed", errors.New("a seed is for a random soup (-random), not a pattern")}
	}
	if c.Engine == sim.Hashlife && !c.topologySet {
		// HashLife's plane has no edge: it is the board unless one is asked for.
		c.Topology = life.Unbounded
	}
	s := &Start{Options: sim.Options{Rule: life.Conway, Topology: c.Topology, Engine: c.Engine, Memory: c.Memory}}
	w, h := 0, 0
	if !soup {
		p, err := c.load(s, stdin)
		if err != nil {
			return nil, err
		}
		s.Pattern, s.Name, s.Warnings = p, p.Name, p.Warnings
		if s.Name == "" {
			s.Name = filepath.Base(c.Pattern)
			if c.Pattern == "-" {
				s.Name = "stdin"
			}
		}
		w, h = p.Width, p.Height
		if r, ok := p.LifeRule(); ok {
			s.Options.Rule = r
		} else if p.Rule != "" {
			s.Warnings = append(s.Warnings, fmt.Sprintf("%s: rule %q is not a life-like rule; using B3/S23", s.Name, p.Rule))
		}
	}
	// A bounded-grid suffix, -rule's or else the pattern's, gives the
	// topology and the size that -topology and -size do not.
	suffix, suffixOf := c.ruleBounds, "-rule"
	if suffix.IsZero() && s.Pattern != nil {
		suffix, suffixOf = s.Pattern.Bounds, ""
	}
	if !suffix.IsZero() && !c.topologySet {
		c.Topology = suffix.Topology
		s.Options.Topology = c.Topology
	}
	if c.Rule != nil {
		s.Options.Rule = *c.Rule
	}
	if c.Engine == sim.Hashlife {
		// The other engines' refusals (B0 on the unbounded plane, the dense
		// engine there) are the simulation's, which callers report as they
		// always have.
		if err := c.Engine.Runs(s.Options.Rule, c.Topology); err != nil {
			return nil, &FlagError{"engine", err}
		}
	}
	if s.Pattern != nil {
		if err := s.Pattern.CheckStates(s.Options.Rule); err != nil {
			if c.Rule != nil {
				return nil, &FlagError{"rule", err}
			}
			return nil, err
		}
	}
	gs := c.Size
	suffixSize := gs == (Size{}) && !suffix.IsZero() && c.Topology != life.Unbounded
	switch {
	case suffixSize:
		gs = Size{W: suffix.Width, H: suffix.Height}
	case gs == (Size{}):
		gs = size(w, h)
	}
	// badSize blames -size if it was given, else -rule's suffix, else the
	// pattern.
	badSize := func(err error) error {
		switch {
		case suffixSize && suffixOf == "-rule":
			return &FlagError{"rule", fmt.Errorf("the grid of its suffix %s is too big: %w", suffix, err)}
		case c.Size != (Size{}) || soup:
			return &FlagError{"size", err}
		}
		name := c.Pattern
		if name == "-" {
			name = "stdin"
		}
		if suffixSize {
			return fmt.Errorf("pattern %q: the grid its rule's suffix %s asks for is too big: %w", name, suffix, err)
		}
		return fmt.Errorf("pattern %q is %dx%d; with its margin the grid would be too big: %w", name, w, h, err)
	}
	if err := c.Engine.Check(gs.W, gs.H); err != nil { // before a grid that big is made
		return nil, badSize(err)
	}
	if err := life.CheckBudget(c.Memory, c.costs(gs)...); err != nil { // the same
		return nil, badSize(err)
	}
	g, err := life.NewGrid(gs.W, gs.H)
	if err != nil {
		return nil, badSize(err)
	}
	s.Grid = g
	if soup {
		s.Name, s.Density, s.Seed = "random", density, c.Seed
		for s.Seed == 0 {
			s.Seed = rand.Uint64()
		}
		g.Randomize(rand.New(rand.NewPCG(s.Seed, s.Seed)), s.Density)
		return s, nil
	}
	if err := s.Pattern.Place(g); err != nil {
		if c.Size != (Size{}) {
			return nil, &FlagError{"size", err}
		}
		if suffixSize {
			return nil, fmt.Errorf("%w, the size its rule's suffix %s asks for (-size gives another)", err, suffix)
		}
		return nil, err
	}
	if p := s.Pattern.Position; p != nil && c.Topology == life.Unbounded {
		// Where the file says the pattern lies: the grid is drawn around it.
		s.Options.Origin = life.Point{X: p.X - int64((gs.W-w)/2), Y: p.Y - int64((gs.H-h)/2)}
	}
	return s, nil
}

// load reads -pattern: for HashLife a macrocell file's tree too, into
// s.Macrocell, and when its cells are too many to expand a stand-in of one
// dead cell where the tree's live cells begin, to place as a pattern is
// placed (it is not what runs: New builds the board from the tree).
func (c *Config) load(s *Start, stdin io.Reader) (*pattern.Pattern, error) {
	if c.Engine != sim.Hashlife {
		return pattern.Load(c.Pattern, stdin)
	}
	p, m, _, err := pattern.LoadTree(c.Pattern, stdin)
	if err != nil || m == nil {
		return p, err
	}
	s.Macrocell = m
	if p == nil {
		at := m.Bounds().Min
		p = &pattern.Pattern{Name: m.Name, Comments: m.Comments, Rule: m.Rule, Bounds: m.Grid, Width: 1, Height: 1, Position: &at, Warnings: m.Warnings}
	}
	return p, nil
}

// New starts the simulation of s, as sim.New does with Grid and Options,
// and for a macrocell file run by HashLife builds the board from its tree.
func (s *Start) New(ctx context.Context) (*sim.Simulation, error) {
	sm, err := sim.New(ctx, s.Grid, s.Options)
	if err != nil || s.Macrocell == nil {
		return sm, err
	}
	if err := sm.LoadMacrocell(s.Macrocell); err != nil {
		sm.Close()
		return nil, err
	}
	return sm, nil
}

// costs returns what a run on a grid of size gs allocates: the start grid,
// the engine's grids on a bounded board, and the caller's Costs.
func (c *Config) costs(gs Size) []life.Cost {
	costs := []life.Cost{{What: "the start grid", Bytes: uint64(gs.W) * uint64(gs.H)}}
	if c.Topology != life.Unbounded {
		costs = append(costs, c.Engine.Costs(gs.W, gs.H)...)
	}
	if c.Costs != nil {
		costs = append(costs, c.Costs(gs.W, gs.H)...)
	}
	return costs
}

// Budget returns the run's memory budget in bytes: -memory, else
// life.DefaultBudget; 0 if neither is known.
func (c *Config) Budget() uint64 {
	if c.Memory > 0 {
		return c.Memory
	}
	return life.DefaultBudget()
}

// LimitMemory sets the Go runtime's soft memory limit to the run's budget,
// so that the garbage collector works harder before the budget is reached
// rather than letting the heap grow past it. It does nothing if the budget is
// unknown.
func (c *Config) LimitMemory() {
	if b := c.Budget(); b > 0 && b < math.MaxInt64 {
		debug.SetMemoryLimit(int64(b))
	}
}

// Box returns where the start grid lies on the board: on an unbounded plane
// the box -size (or the pattern with its margin) gave, around the start.
func (s *Start) Box() life.Rect {
	return life.RectOf(s.Options.Origin, int64(s.Grid.Width()), int64(s.Grid.Height()))
}

// Size is a grid's width and height in cells.
type Size struct{ W, H int }

// String returns "WxH", or "" for the zero Size.
func (s Size) String() string {
	if s == (Size{}) {
		return ""
	}
	return fmt.Sprintf("%dx%d", s.W, s.H)
}

// ParseSize reads "WxH" (or "WXH"), such as "80x40": two whole numbers of
// cells, at least 1 each, whose product is at most life.MaxCells.
func ParseSize(s string) (Size, error) {
	const want = "want WxH, such as 80x40"
	ws, hs, ok := strings.Cut(strings.ToLower(strings.TrimSpace(s)), "x")
	if !ok {
		return Size{}, fmt.Errorf("%q: %s", s, want)
	}
	w, err := sizeNumber("width", ws)
	if err != nil {
		return Size{}, fmt.Errorf("%q: %w", s, err)
	}
	h, err := sizeNumber("height", hs)
	if err != nil {
		return Size{}, fmt.Errorf("%q: %w", s, err)
	}
	if err := life.CheckSize(w, h); err != nil {
		return Size{}, err
	}
	return Size{W: w, H: h}, nil
}

// sizeNumber reads one side of a size.
func sizeNumber(what, s string) (int, error) {
	if s == "" {
		return 0, fmt.Errorf("missing %s; want WxH, such as 80x40", what)
	}
	n, err := strconv.Atoi(s)
	switch {
	case errors.Is(err, strconv.ErrRange) || (err == nil && n > life.MaxCells):
		return 0, fmt.Errorf("%s %s is too large; at most %d cells in all", what, s, life.MaxCells)
	case err != nil:
		return 0, fmt.Errorf("%s %q is not a whole number; want WxH, such as 80x40", what, s)
	case n < 1:
		return 0, fmt.Errorf("%s must be at least 1, not %d", what, n)
	}
	return n, nil
}

// ParseDensity reads a random soup's density: a number in (0, 1].
func ParseDensity(s string) (float64, error) {
	d, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(d) || d <= 0 || d > 1 {
		return 0, fmt.Errorf("density %q: want a number above 0 and at most 1, such as 0.3", s)
	}
	return d, nil
}
