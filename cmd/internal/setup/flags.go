package setup

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"colife/life"
	"colife/life/sim"
	"colife/render/runner"
)

// The flag.Value types below check a value as it is parsed, so that
// flag.FlagSet.Parse reports a bad one with the flag's name.

type patternValue struct{ c *Config }

func (v *patternValue) String() string {
	if v.c == nil {
		return ""
	}
	return v.c.Pattern
}

func (v *patternValue) Set(s string) error {
	if strings.TrimSpace(s) == "" {
		return fmt.Errorf("empty; want a built-in pattern's name, a file, or - for standard input")
	}
	v.c.Pattern, v.c.patternSet = s, true
	return nil
}

type sizeValue struct{ s *Size }

func (v *sizeValue) String() string {
	if v.s == nil {
		return ""
	}
	return v.s.String()
}

func (v *sizeValue) Set(s string) error {
	size, err := ParseSize(s)
	if err != nil {
		return err
	}
	*v.s = size
	return nil
}

// ruleValue is -rule: the rule, and the bounded grid of its suffix if it has
// one (":T100,80").
type ruleValue struct {
	r **life.Rule
	b *life.Bounds
}

func (v *ruleValue) String() string {
	if v.r == nil || *v.r == nil {
		return ""
	}
	return (*v.r).String()
}

func (v *ruleValue) Set(s string) error {
	r, b, err := life.ParseRuleBounds(s)
	if err != nil {
		return err
	}
	*v.r, *v.b = &r, b
	return nil
}

type topologyValue struct {
	t   *life.Topology
	set *bool // set once the flag is given
}

func (v *topologyValue) String() string {
	if v.t == nil {
		return life.Torus.String()
	}
	return v.t.String()
}

func (v *topologyValue) Set(s string) error {
	t, err := life.ParseTopology(s)
	if err != nil {
		return err
	}
	*v.t, *v.set = t, true
	return nil
}

type engineValue struct{ e *sim.Engine }

func (v *engineValue) String() string {
	if v.e == nil {
		return sim.Goroutine.String()
	}
	return v.e.String()
}

func (v *engineValue) Set(s string) error {
	e, err := sim.ParseEngine(s)
	if err != nil {
		return err
	}
	*v.e = e
	return nil
}

type randomValue struct{ c *Config }

func (v *randomValue) String() string {
	if v.c == nil || v.c.Random == 0 {
		return ""
	}
	return strconv.FormatFloat(v.c.Random, 'g', -1, 64)
}

func (v *randomValue) Set(s string) error {
	d, err := ParseDensity(s)
	if err != nil {
		return err
	}
	v.c.Random, v.c.randomSet = d, true
	return nil
}

type seedValue struct{ c *Config }

func (v *seedValue) String() string {
	if v.c == nil || v.c.Seed == 0 {
		return ""
	}
	return strconv.FormatUint(v.c.Seed, 10)
}

func (v *seedValue) Set(s string) error {
	n, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return fmt.Errorf("seed %q: want a whole number from 0 to %d", s, uint64(1<<64-1))
	}
	v.c.Seed, v.c.seedSet = n, true
	return nil
}

// RegisterSpeed defines -speed on fs: a target speed in generations per
// second, from runner.MinSpeed to runner.MaxSpeed, stored into *speed, whose
// value when RegisterSpeed is called is the default. when, if not empty,
// says for -h when the flag applies, such as "in -watch".
func RegisterSpeed(fs *flag.FlagSet, speed *float64, when string) {
	if when != "" {
		when += ", "
	}
	fs.Func("speed", fmt.Sprintf("%starget speed in generations per second, `G` from %g to %d (default %g); + and - double and halve it", when, runner.MinSpeed, runner.MaxSpeed, *speed), func(s string) error {
		g, err := ParseSpeed(s)
		if err == nil {
			*speed = g
		}
		return err
	})
}

// ParseSpeed reads a target speed in generations per second, from
// runner.MinSpeed to runner.MaxSpeed.
func ParseSpeed(s string) (float64, error) {
	g, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	switch {
	case err != nil || math.IsNaN(g):
		return 0, errors.New("want a number of generations per second, such as 30")
	case g < runner.MinSpeed || g > runner.MaxSpeed:
		return 0, fmt.Errorf("want from %g to %d generations per second", runner.MinSpeed, runner.MaxSpeed)
	}
	return g, nil
}

// Parse parses args with fs, silencing fs's own output. For -h it writes the
// program's usage (fs writing to stdout) and returns flag.ErrHelp; a bad flag
// or an argument that is not a flag is returned for the caller to report as a
// usage error.
func Parse(fs *flag.FlagSet, args []string, stdout io.Writer, usage func(*flag.FlagSet)) error {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			usage(fs)
		}
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q; flags start with -", fs.Arg(0))
	}
	return nil
}
