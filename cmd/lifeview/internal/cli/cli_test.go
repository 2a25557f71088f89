package cli_test

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"colife/cmd/internal/export"
	"colife/cmd/lifeview/internal/cli"
	"colife/life"
	"colife/life/sim"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestParseDefaults(t *testing.T) {
	c, err := cli.Parse(nil, nil)
	require.NoError(t, err)
	assert.Equal(t, "gosper", c.Pattern)
	assert.Equal(t, 30.0, c.Speed)
	assert.True(t, c.HUD)
	assert.Zero(t, c.Zoom, "no -zoom: fit the screen")
	assert.False(t, c.GensSet)
	assert.False(t, c.Pictures.Enabled())
}

func TestParseValues(t *testing.T) {
	for _, tt := range []struct {
		args  []string
		check func(t *testing.T, c *cli.Config)
	}{
		{[]string{"-zoom", "8"}, func(t *testing.T, c *cli.Config) { assert.Equal(t, 8.0, c.Zoom) }},
		{[]string{"-zoom", "5"}, func(t *testing.T, c *cli.Config) { assert.Equal(t, 4.0, c.Zoom, "down to the rung below") }},
		{[]string{"-zoom", "1/4"}, func(t *testing.T, c *cli.Config) { assert.Equal(t, 0.25, c.Zoom) }},
		{[]string{"-speed", "0.125"}, func(t *testing.T, c *cli.Config) { assert.Equal(t, 0.125, c.Speed) }},
		{[]string{"-hud=false"}, func(t *testing.T, c *cli.Config) { assert.False(t, c.HUD) }},
		{[]string{"-gens", "4"}, func(t *testing.T, c *cli.Config) { assert.Equal(t, 4, c.Gens); assert.True(t, c.GensSet) }},
		{[]string{"-history", "9"}, func(t *testing.T, c *cli.Config) { assert.Equal(t, 9, c.History) }},
		{[]string{"-png", "x.png", "-zoom", "3"}, func(t *testing.T, c *cli.Config) { assert.Equal(t, 3.0, c.Pictures.Zoom) }},
		{[]string{"-png", "x.png", "-zoom", "1/2"}, func(t *testing.T, c *cli.Config) {
			assert.Equal(t, 0.5, c.Pictures.Zoom, "pictures take the window's zooms")
		}},
		{[]string{"-gif", "x.gif"}, func(t *testing.T, c *cli.Config) { assert.Equal(t, float64(export.DefaultZoom), c.Pictures.Zoom) }},
		{[]string{"-list"}, func(t *testing.T, c *cli.Config) { assert.True(t, c.List) }},
		{[]string{"-pattern", "glider", "-seed", "7"}, func(t *testing.T, c *cli.Config) { assert.Equal(t, uint64(7), c.Seed) }},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			c, err := cli.Parse(tt.args, nil)
			require.NoError(t, err)
			tt.check(t, c)
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-zoom", "0"}, `invalid value "0" for flag -zoom: want from 1/64 to `},
		{[]string{"-zoom", "many"}, `invalid value "many" for flag -zoom: want a number of pixels per cell, such as 8, or 1/2`},
		{[]string{"-speed", "0"}, `invalid value "0" for flag -speed: want from 0.125 to 16384 generations per second`},
		{[]string{"-screenshot", "shot.jpg"}, `invalid value "shot.jpg" for flag -screenshot: "shot.jpg": want a file name ending in .png`},
		{[]string{"-history", "0"}, `invalid value "0" for flag -history: want a whole number of generations from 1 to 1048576`},
		{[]string{"-gens", "-2"}, `invalid value "-2" for flag -gens: want 0 or more`},
		{[]string{"-png", "x.png", "-screenshot", "y.png"}, "-gif and -png write files without a window; leave out -screenshot"},
		{[]string{"-screenshot", "/no/such/dir/shot.png"}, "-screenshot: /no/such/dir/shot.png: directory /no/such/dir does not exist"},
		{[]string{"stray"}, `unexpected argument "stray"; flags start with -`},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, err := cli.Parse(tt.args, nil)
			var u *cli.UsageError
			require.ErrorAs(t, err, &u)
			assert.True(t, strings.HasPrefix(err.Error(), tt.want), err.Error())
			var out strings.Builder
			assert.Equal(t, 2, cli.Report(&out, err))
			assert.Equal(t, "lifeview: "+err.Error()+" (run lifeview -h for help)\n", out.String())
		})
	}
}

func TestParseHelp(t *testing.T) {
	var out strings.Builder
	_, err := cli.Parse([]string{"-h"}, &out)
	assert.ErrorIs(t, err, flag.ErrHelp)
	for _, name := range []string{"-pattern", "-size", "-rule", "-topology", "-random", "-seed", "-engine", "-zoom", "-speed", "-hud", "-screenshot", "-gens", "-history", "-gif", "-png", "-delay", "-list"} {
		assert.Regexp(t, "\n  "+name+"[ \n]", out.String(), "-h documents %s", name)
	}
	min := cli.DefaultSize()
	assert.Contains(t, out.String(), fmt.Sprintf("%d empty cells around it, and at least %dx%d;", cli.Margin, min.W, min.H), "-h gives the window's own default size")
	assert.Contains(t, out.String(), "Without flags: a Gosper glider gun on the unbounded plane")
	assert.Contains(t, out.String(), "(default unbounded)\n", "-h gives the window's own default topology")
	assert.Contains(t, out.String(), "The window is a canvas to watch and draw on", "-h says why life gives another board for the same -pattern")
}

// TestTopology checks the window's default topology, the unbounded plane,
// and the torus it falls back to for what the plane cannot run.
func TestTopology(t *testing.T) {
	b0, err := life.ParseRule("B03/S23")
	require.NoError(t, err)
	for _, tt := range []struct {
		args []string
		opt  sim.Options // the engine and rule to run
		want life.Topology
	}{
		{nil, sim.Options{Rule: life.Conway}, life.Unbounded},
		{[]string{"-topology", "torus"}, sim.Options{Rule: life.Conway}, life.Torus},
		{[]string{"-topology", "plane"}, sim.Options{Rule: life.Conway}, life.Plane},
		{[]string{"-topology", "infinite"}, sim.Options{Rule: life.Conway}, life.Unbounded},
		{nil, sim.Options{Rule: life.Conway, Engine: sim.Dense}, life.Torus},
		{nil, sim.Options{Rule: b0}, life.Torus},
		{[]string{"-topology", "unbounded"}, sim.Options{Rule: b0}, life.Unbounded}, // asked for: the simulation refuses it
	} {
		t.Run(fmt.Sprintf("%v %v %v", tt.args, tt.opt.Engine, tt.opt.Rule), func(t *testing.T) {
			c, err := cli.Parse(tt.args, nil)
			require.NoError(t, err)
			tt.opt.Topology = c.Topology
			assert.Equal(t, tt.want, c.Bounded(tt.opt))
		})
	}
	assert.Equal(t, life.Point{X: -80, Y: -50}, cli.Origin(160, 100), "(0, 0) in the middle of the box")
	assert.Equal(t, life.Point{X: -1, Y: 0}, cli.Origin(3, 1))
}

func TestReport(t *testing.T) {
	var out strings.Builder
	assert.Equal(t, 0, cli.Report(&out, nil))
	assert.Equal(t, 1, cli.Report(&out, errors.New("pattern \"x\": no such file")))
	assert.Equal(t, "lifeview: pattern \"x\": no such file\n", out.String())
}

// TestZoomOneMeaning checks that lifeview's -zoom and life's (export's)
// read the same values the same way.
func TestZoomOneMeaning(t *testing.T) {
	for _, z := range []string{"1", "2", "5", "8", "256", "1/2", "0.5", "1/3", "1/64", "0", "300", "1/128", "many", "-1"} {
		c, errWindow := cli.Parse([]string{"-zoom", z}, nil)
		var e export.Config
		fs := flag.NewFlagSet("life", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		e.Register(fs)
		errPictures := fs.Parse([]string{"-zoom", z})
		if errWindow != nil {
			require.Error(t, errPictures, z)
			assert.Equal(t, errors.Unwrap(errWindow).Error(), errPictures.Error(), z)
			continue
		}
		require.NoError(t, errPictures, z)
		assert.Equal(t, c.Zoom, e.Zoom, z)
	}
}
