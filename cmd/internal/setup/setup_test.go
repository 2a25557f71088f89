package setup_test

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"colife/cmd/internal/setup"
	"colife/life"
	"colife/life/sim"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestParseSize(t *testing.T) {
	tests := []struct {
		in      string
		want    setup.Size
		wantErr string
	}{
		{in: "80x40", want: setup.Size{W: 80, H: 40}},
		{in: "9X5", want: setup.Size{W: 9, H: 5}},
		{in: " 1x1 ", want: setup.Size{W: 1, H: 1}},
		{in: "0x5", wantErr: `"0x5": width must be at least 1, not 0`},
		{in: "5x0", wantErr: `"5x0": height must be at least 1, not 0`},
		{in: "-3x5", wantErr: `"-3x5": width must be at least 1, not -3`},
		{in: "10", wantErr: `"10": want WxH, such as 80x40`},
		{in: "", wantErr: `"": want WxH, such as 80x40`},
		{in: "x5", wantErr: `"x5": missing width; want WxH, such as 80x40`},
		{in: "5x", wantErr: `"5x": missing height; want WxH, such as 80x40`},
		{in: "ax5", wantErr: `"ax5": width "a" is not a whole number; want WxH, such as 80x40`},
		{in: "5x5x5", wantErr: `"5x5x5": height "5x5" is not a whole number; want WxH, such as 80x40`},
		{in: "99999999999999999999x5", wantErr: `"99999999999999999999x5": width 99999999999999999999 is too large; at most 1073741824 cells in all`},
		{in: "40000x40000", wantErr: "bad grid size 40000x40000: more than 1073741824 cells"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := setup.ParseSize(tt.in)
			if tt.wantErr != "" {
				assert.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, strings.ToLower(strings.TrimSpace(tt.in)), got.String())
		})
	}
}

// parse registers the flags on a new FlagSet and parses args.
func parse(t *testing.T, c *setup.Config, args ...string) error {
	t.Helper()
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.Register(fs)
	return fs.Parse(args)
}

func TestFlags(t *testing.T) {
	highlife, err := life.ParseRule("B36/S23")
	require.NoError(t, err)
	tests := []struct {
		name    string
		args    []string
		want    setup.Config // compared field by field, without what was set
		wantErr string
	}{
		{name: "no flags", args: nil, want: setup.Config{}},
		{
			name: "every flag",
			args: []string{"-pattern", "glider", "-size", "9x5", "-rule", "b36/s23", "-topology", "plane", "-engine", "direct"},
			want: setup.Config{Pattern: "glider", Size: setup.Size{W: 9, H: 5}, Rule: &highlife, Topology: life.Plane, Engine: sim.Direct},
		},
		{name: "a rule by name", args: []string{"-rule", "HighLife"}, want: setup.Config{Rule: &highlife}},
		{name: "random and seed", args: []string{"-random", "0.25", "-seed", "42"}, want: setup.Config{Random: 0.25, Seed: 42}},
		{name: "density 1", args: []string{"-random", "1"}, want: setup.Config{Random: 1}},
		{name: "bad size", args: []string{"-size", "0x5"}, wantErr: `invalid value "0x5" for flag -size: "0x5": width must be at least 1, not 0`},
		{name: "size without x", args: []string{"-size", "10"}, wantErr: `invalid value "10" for flag -size: "10": want WxH, such as 80x40`},
		{name: "bad rule", args: []string{"-rule", "B9/S23"}, wantErr: `invalid value "B9/S23" for flag -rule: rule "B9/S23": unexpected '9' in "9"; neighbour counts are digits 0 to 8`},
		{name: "bad topology", args: []string{"-topology", "sphere"}, wantErr: `invalid value "sphere" for flag -topology: topology "sphere": want torus, plane or unbounded`},
		{name: "bad engine", args: []string{"-engine", "threads"}, wantErr: `invalid value "threads" for flag -engine: engine "threads": want goroutine, coroutine, generator, direct, dense, dense-coroutine or hashlife`},
		{name: "density 0", args: []string{"-random", "0"}, wantErr: `invalid value "0" for flag -random: density "0": want a number above 0 and at most 1, such as 0.3`},
		{name: "density above 1", args: []string{"-random", "1.5"}, wantErr: `invalid value "1.5" for flag -random: density "1.5": want a number above 0 and at most 1, such as 0.3`},
		{name: "density not a number", args: []string{"-random", "NaN"}, wantErr: `invalid value "NaN" for flag -random: density "NaN": want a number above 0 and at most 1, such as 0.3`},
		{name: "negative seed", args: []string{"-seed", "-1"}, wantErr: `invalid value "-1" for flag -seed: seed "-1": want a whole number from 0 to 18446744073709551615`},
		{name: "empty pattern", args: []string{"-pattern", ""}, wantErr: `invalid value "" for flag -pattern: empty; want a built-in pattern's name, a file, or - for standard input`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c setup.Config
			err := parse(t, &c, tt.args...)
			if tt.wantErr != "" {
				assert.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want.Pattern, c.Pattern)
			assert.Equal(t, tt.want.Size, c.Size)
			assert.Equal(t, tt.want.Rule, c.Rule)
			assert.Equal(t, tt.want.Topology, c.Topology)
			assert.Equal(t, tt.want.Random, c.Random)
			assert.Equal(t, tt.want.Seed, c.Seed)
			assert.Equal(t, tt.want.Engine, c.Engine)
		})
	}
}

// TestMemoryFlag: -memory takes a size up to what the process may use, and
// refuses more, which would let a run grow until the system kills it.
func TestMemoryFlag(t *testing.T) {
	var c setup.Config
	require.NoError(t, parse(t, &c, "-memory", "1.5M"))
	assert.Equal(t, uint64(3<<19), c.Memory)
	assert.EqualError(t, parse(t, &c, "-memory", "lots"), `invalid value "lots" for flag -memory: memory "lots": want a size such as 4G, 512M or 1.5GiB`)

	most := life.MaxMemory()
	if most == 0 {
		t.Skip("this system does not say how much memory a process may use")
	}
	require.NoError(t, parse(t, &c, "-memory", strconv.FormatUint(most/10*9, 10)))
	assert.Equal(t, most/10*9, c.Memory, "more than the default may be asked for")
	// (Under an address-space limit what is left shrinks as the process
	// maps memory: the message's figure is the one at the time.)
	over := strconv.FormatUint(most+1<<30, 10)
	err := parse(t, &c, "-memory", over)
	assert.ErrorContains(t, err, fmt.Sprintf(`invalid value %q for flag -memory: %q is more than the `, over, over))
	assert.ErrorContains(t, err, "B this process may use")
}

func TestHelpDocumentsEveryFlag(t *testing.T) {
	var c setup.Config
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	var out strings.Builder
	fs.SetOutput(&out)
	c.Register(fs)
	fs.PrintDefaults()
	for _, name := range []string{"pattern", "size", "rule", "topology", "random", "seed", "engine"} {
		f := fs.Lookup(name)
		require.NotNil(t, f, name)
		assert.NotEmpty(t, f.Usage, name)
		assert.Contains(t, out.String(), "-"+name, name)
	}
}

// picture draws a grid for comparison: rows of '*' and '-'.
func picture(rows ...string) string {
	return strings.Join(rows, "\n") + "\n"
}

func TestStartPattern(t *testing.T) {
	const glider = ".O.\n..O\nOOO\n"
	const highlifeRLE = "#N Small\nx = 2, y = 1, rule = B36/S23\n2o!\n"
	highlife, err := life.ParseRule("B36/S23")
	require.NoError(t, err)
	seeds, err := life.ParseRule("B2/S")
	require.NoError(t, err)
	tests := []struct {
		name     string
		args     []string
		stdin    string
		sizer    setup.Sizer
		want     string
		wantRule life.Rule
		wantName string
	}{
		{
			name:  "centred in the -size grid",
			args:  []string{"-pattern", "-", "-size", "7x5"},
			stdin: glider,
			want: picture(
				"-------",
				"---*---",
				"----*--",
				"--***--",
				"-------"),
			wantRule: life.Conway,
			wantName: "stdin",
		},
		{
			name:  "odd room: the extra column and row go right and below",
			args:  []string{"-pattern", "-", "-size", "6x6"},
			stdin: glider,
			want: picture(
				"------",
				"--*---",
				"---*--",
				"-***--",
				"------",
				"------"),
			wantRule: life.Conway,
			wantName: "stdin",
		},
		{
			name:  "default size from the Sizer",
			args:  []string{"-pattern", "-"},
			stdin: glider,
			sizer: setup.Fit(1, setup.Size{}),
			want: picture(
				"-----",
				"--*--",
				"---*-",
				"-***-",
				"-----"),
			wantRule: life.Conway,
			wantName: "stdin",
		},
		{
			name:  "the Sizer's minimum",
			args:  []string{"-pattern", "-"},
			stdin: "OO\n",
			sizer: setup.Fit(0, setup.Size{W: 4, H: 3}),
			want: picture(
				"----",
				"-**-",
				"----"),
			wantRule: life.Conway,
			wantName: "stdin",
		},
		{
			name:     "the pattern's rule and name",
			args:     []string{"-pattern", "-", "-size", "4x1"},
			stdin:    highlifeRLE,
			want:     picture("-**-"),
			wantRule: highlife,
			wantName: "Small",
		},
		{
			name:     "-rule beats the pattern's rule",
			args:     []string{"-pattern", "-", "-size", "2x1", "-rule", "B2/S"},
			stdin:    highlifeRLE,
			want:     picture("**"),
			wantRule: seeds,
			wantName: "Small",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c setup.Config
			require.NoError(t, parse(t, &c, tt.args...))
			sizer := tt.sizer
			if sizer == nil {
				sizer = func(w, h int) setup.Size {
					t.Error("the Sizer was called despite -size")
					return setup.Size{W: 1, H: 1}
				}
			}
			s, err := c.Start(strings.NewReader(tt.stdin), sizer)
			require.NoError(t, err)
			assert.Equal(t, tt.want, s.Grid.String())
			assert.Equal(t, tt.wantRule, s.Options.Rule)
			assert.Equal(t, tt.wantName, s.Name)
			assert.NotNil(t, s.Pattern)
			assert.Zero(t, s.Seed)
		})
	}
}

func TestStartRandom(t *testing.T) {
	tests := []struct {
		name        string
		preset      setup.Config
		args        []string
		wantDensity float64
	}{
		{name: "-random", args: []string{"-random", "0.5", "-size", "40x30"}, wantDensity: 0.5},
		{name: "neither -pattern nor -random", args: []string{"-size", "40x30"}, wantDensity: setup.DefaultDensity},
		{name: "-random beats the caller's default pattern", preset: setup.Config{Pattern: "no such pattern"}, args: []string{"-random", "0.1", "-size", "40x30"}, wantDensity: 0.1},
		{name: "the caller's default density", preset: setup.Config{Random: 0.8}, args: []string{"-size", "40x30"}, wantDensity: 0.8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.preset
			require.NoError(t, parse(t, &c, tt.args...))
			s, err := c.Start(strings.NewReader(""), nil)
			require.NoError(t, err)
			assert.Nil(t, s.Pattern)
			assert.Equal(t, "random", s.Name)
			assert.Equal(t, tt.wantDensity, s.Density)
			require.NotZero(t, s.Seed, "a seed is picked and reported")
			assert.Equal(t, 40, s.Grid.Width())
			assert.Equal(t, 30, s.Grid.Height())
			// 1200 cells: the population is within 6 standard deviations of
			// the mean (for 0.5, 600 ± 104), whatever the seed.
			n, p := 1200.0, tt.wantDensity
			sd := 6 * math.Sqrt(n*p*(1-p))
			assert.InDelta(t, n*p, float64(s.Grid.Population()), sd+1)

			// The reported seed makes the same soup again.
			again := setup.Config{Random: s.Density, Seed: s.Seed, Size: setup.Size{W: 40, H: 30}}
			s2, err := again.Start(strings.NewReader(""), nil)
			require.NoError(t, err)
			assert.True(t, s.Grid.Equal(s2.Grid))
		})
	}
}

func TestStartSeeds(t *testing.T) {
	start := func(seed string) *life.Grid {
		var c setup.Config
		require.NoError(t, parse(t, &c, "-random", "0.5", "-size", "16x16", "-seed", seed))
		s, err := c.Start(nil, nil)
		require.NoError(t, err)
		assert.Equal(t, seed, strconv.FormatUint(s.Seed, 10))
		return s.Grid
	}
	a, b, c := start("42"), start("42"), start("43")
	assert.True(t, a.Equal(b), "the same seed gives the same soup")
	assert.False(t, a.Equal(c), "another seed gives another soup")
}

func TestStartErrors(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		stdin    string
		wantFlag string // the *FlagError's flag, or "" for another error
		wantErr  string
	}{
		{
			name:     "both -pattern and -random",
			args:     []string{"-pattern", "-", "-random", "0.3"},
			wantFlag: "random",
			wantErr:  "-random: give -pattern or -random, not both",
		},
		{
			name:     "a seed for a pattern",
			args:     []string{"-pattern", "-", "-seed", "7"},
			stdin:    "O\n",
			wantFlag: "seed",
			wantErr:  "-seed: a seed is for a random soup (-random), not a pattern",
		},
		{
			name:     "a pattern larger than -size",
			args:     []string{"-pattern", "-", "-size", "2x5"},
			stdin:    ".O.\n..O\nOOO\n",
			wantFlag: "size",
			wantErr:  "3x3, larger than the 2x5 grid",
		},
		{
			name:     "more goroutines than the machine can hold, refused before the grid is made",
			args:     []string{"-random", "0.3", "-size", "30000x30000"},
			wantFlag: "size",
			wantErr:  "-size: bad grid size 30000x30000: the goroutine engine needs about 2574.9 GiB (900000000 cells at 3072 bytes each)",
		},
		{
			name:     "a pattern in a -size too big for the goroutine engine: -size is to blame",
			args:     []string{"-pattern", "-", "-size", "30000x30000"},
			stdin:    "O\n",
			wantFlag: "size",
			wantErr:  "-size: bad grid size 30000x30000: the goroutine engine needs about 2574.9 GiB",
		},
		{
			name:    "a pattern too big for any grid, without -size: the pattern is to blame",
			args:    []string{"-pattern", "-"},
			stdin:   "x = 1048576, y = 1024\no!\n",
			wantErr: `pattern "stdin" is 1048576x1024; with its margin the grid would be too big: bad grid size 1048578x1026: more than 1073741824 cells`,
		},
		{
			name:    "a pattern too big for the goroutine engine, without -size",
			args:    []string{"-pattern", "-"},
			stdin:   "x = 29998, y = 29998\no!\n",
			wantErr: `pattern "stdin" is 29998x29998; with its margin the grid would be too big: bad grid size 30000x30000: the goroutine engine needs about 2574.9 GiB`,
		},
		{
			name:    "a file that is not there",
			args:    []string{"-pattern", "testdata/no such file.rle"},
			wantErr: "no such file",
		},
		{
			name:    "a bad pattern on stdin",
			args:    []string{"-pattern", "-", "-size", "5x5"},
			stdin:   "x = 2, y = 1\n2z!\n",
			wantErr: "unexpected 'z'",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if strings.Contains(tt.wantErr, "the goroutine engine needs") && sim.Goroutine.Check(30000, 30000) == nil {
				t.Skip("this machine's memory is unknown (not Linux) or big enough for 900 million goroutines")
			}
			var c setup.Config
			require.NoError(t, parse(t, &c, tt.args...))
			_, err := c.Start(strings.NewReader(tt.stdin), setup.Fit(1, setup.Size{}))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
			assert.NotContains(t, err.Error(), "\n", "one line")
			var fe *setup.FlagError
			if tt.wantFlag == "" {
				assert.False(t, errors.As(err, &fe), "not a flag error: %v", err)
				return
			}
			require.True(t, errors.As(err, &fe), "a flag error: %v", err)
			assert.Equal(t, tt.wantFlag, fe.Flag)
			assert.True(t, strings.HasPrefix(err.Error(), "-"+tt.wantFlag+": "), err.Error())
		})
	}
}

// TestSeedWithPattern: -seed with a pattern is a mistake unless the caller
// makes more soups as it runs (MoreSoups, as the window's S key does), when
// the seed is kept for them.
func TestSeedWithPattern(t *testing.T) {
	tests := []struct {
		name      string
		preset    setup.Config
		args      []string
		wantErr   string // "" when accepted
		wantSeed  uint64 // the Config's, for the caller's soups
		wantStart string // the start's name
	}{
		{name: "a pattern and a seed", args: []string{"-pattern", "-", "-seed", "7"},
			wantErr: "-seed: a seed is for a random soup (-random), not a pattern"},
		{name: "the caller's pattern and a seed", preset: setup.Config{Pattern: "glider"}, args: []string{"-seed", "7"},
			wantErr: "-seed: a seed is for a random soup (-random), not a pattern"},
		{name: "more soups: a pattern and a seed", preset: setup.Config{MoreSoups: true}, args: []string{"-pattern", "-", "-seed", "7"},
			wantSeed: 7, wantStart: "stdin"},
		{name: "more soups: the caller's pattern and a seed", preset: setup.Config{Pattern: "glider", MoreSoups: true}, args: []string{"-seed", "7"},
			wantSeed: 7, wantStart: "glider"},
		{name: "more soups: a soup and a seed", preset: setup.Config{Pattern: "glider", MoreSoups: true}, args: []string{"-random", "0.5", "-seed", "7"},
			wantSeed: 7, wantStart: "random"},
		{name: "more soups: still not both -pattern and -random", preset: setup.Config{MoreSoups: true}, args: []string{"-pattern", "-", "-random", "0.5", "-seed", "7"},
			wantErr: "-random: give -pattern or -random, not both"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.preset
			require.NoError(t, parse(t, &c, tt.args...))
			s, err := c.Start(strings.NewReader("O\n"), setup.Fit(1, setup.Size{W: 8, H: 8}))
			if tt.wantErr != "" {
				var fe *setup.FlagError
				require.ErrorAs(t, err, &fe)
				assert.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantSeed, c.Seed)
			assert.Equal(t, tt.wantStart, s.Name)
			if s.Pattern != nil {
				assert.Zero(t, s.Seed, "a pattern's start has no seed")
			} else {
				assert.Equal(t, tt.wantSeed, s.Seed)
			}
		})
	}
}

// TestHelpOfSoups: -h says what -random and -seed do for the caller: with
// or without a default pattern, with or without more soups made as it runs.
func TestHelpOfSoups(t *testing.T) {
	tests := []struct {
		name       string
		preset     setup.Config
		wantRandom []string
		notRandom  string
		wantSeed   []string
		notSeed    []string
	}{
		{name: "a soup by default",
			wantRandom: []string{"with neither -pattern nor -random: a soup of density 0.3"},
			notRandom:  "as it runs",
			wantSeed:   []string{"seed `N` for the random soup;", "which is reported"},
			notSeed:    []string{"as it runs"}},
		{name: "a pattern by default, more soups", preset: setup.Config{Pattern: "gosper", MoreSoups: true},
			wantRandom: []string{"without it: the pattern, gosper unless -pattern is given", "the new soups made as it runs have the same density (default 0.3)"},
			notRandom:  "with neither -pattern nor -random",
			wantSeed:   []string{"the one to start from (-random) and the new ones made as it runs, with or without a pattern"},
			notSeed:    []string{"which is reported"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.preset
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			c.Register(fs)
			var out strings.Builder
			fs.SetOutput(&out)
			fs.PrintDefaults()
			random, seed := fs.Lookup("random").Usage, fs.Lookup("seed").Usage
			for _, s := range tt.wantRandom {
				assert.Contains(t, random, s)
			}
			assert.NotContains(t, random, tt.notRandom)
			for _, s := range tt.wantSeed {
				assert.Contains(t, seed, s)
			}
			for _, s := range tt.notSeed {
				assert.NotContains(t, seed, s)
			}
			assert.Contains(t, out.String(), "-seed N")
		})
	}
}
