package cli_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/cmd/lifeview/internal/cli"
	"colife/life"
	"colife/life/pattern"
	"colife/life/sim"
)

// TestPageStart reads the page's address as lifeview reads its flags: each
// start is the one the same flags give.
func TestPageStart(t *testing.T) {
	glider := "#N glider\nx = 3, y = 3, rule = B3/S23\nbo$2bo$3o!\n"
	for _, tt := range []struct {
		name  string
		query string
		check func(t *testing.T, cfg *cli.Config, name string, g *life.Grid, opt sim.Options)
	}{
		{"nothing: the gun on the unbounded plane", "", func(t *testing.T, cfg *cli.Config, name string, g *life.Grid, opt sim.Options) {
			assert.Equal(t, "gosper", name)
			assert.Equal(t, life.Unbounded, opt.Topology)
			assert.Equal(t, 36, g.Population())
		}},
		{"a built-in pattern", "pattern=glider", func(t *testing.T, cfg *cli.Config, name string, g *life.Grid, opt sim.Options) {
			assert.Equal(t, "glider", name)
			assert.Equal(t, 5, g.Population())
			assert.Equal(t, sim.Goroutine, opt.Engine)
		}},
		{"an RLE, with the window's flags", "rle=" + url.QueryEscape(glider) + "&rule=highlife&engine=direct&zoom=8&speed=60&topology=torus&size=32x32&hud=false&gens=7",
			func(t *testing.T, cfg *cli.Config, name string, g *life.Grid, opt sim.Options) {
				assert.Equal(t, "glider", name, "its #N")
				assert.Equal(t, 5, g.Population())
				assert.Equal(t, "B36/S23", opt.Rule.String(), "rule= over the RLE's")
				assert.Equal(t, sim.Direct, opt.Engine)
				assert.Equal(t, life.Torus, opt.Topology)
				assert.Equal(t, [2]int{32, 32}, [2]int{g.Width(), g.Height()})
				assert.Equal(t, [4]any{8.0, 60.0, false, 7}, [4]any{cfg.Zoom, cfg.Speed, cfg.HUD, cfg.Gens})
			}},
		{"an RLE without a name", "rle=x+%3D+2%2C+y+%3D+1%0A2o%21", func(t *testing.T, cfg *cli.Config, name string, g *life.Grid, opt sim.Options) {
			assert.Equal(t, "rle", name)
			assert.Equal(t, 2, g.Population())
		}},
		{"the page's memory budget", "", func(t *testing.T, cfg *cli.Config, name string, g *life.Grid, opt sim.Options) {
			want, err := life.ParseBytes(cli.PageMemory)
			require.NoError(t, err)
			assert.Equal(t, want, opt.Memory)
		}},
		{"memory= over it", "memory=512M", func(t *testing.T, cfg *cli.Config, name string, g *life.Grid, opt sim.Options) {
			assert.Equal(t, uint64(512<<20), opt.Memory)
		}},
		{"empty parameters", "&&pattern=glider&", func(t *testing.T, cfg *cli.Config, name string, g *life.Grid, opt sim.Options) {
			assert.Equal(t, "glider", name)
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg, start, err := cli.PageStart(tt.query)
			require.NoError(t, err)
			tt.check(t, cfg, start.Name, start.Grid, start.Options)
		})
	}
}

// parseError returns the error of the pattern parser for text, read as a
// file named "rle".
func parseError(t *testing.T, text string) string {
	t.Helper()
	_, err := pattern.Read(strings.NewReader(text), "rle")
	require.Error(t, err)
	return err.Error()
}

// TestPageStartErrors gives the page bad addresses: each is one line that
// says what is wrong, the parser's own for a bad RLE.
func TestPageStartErrors(t *testing.T) {
	for _, tt := range []struct {
		name, query, want string
	}{
		{"unknown pattern", "pattern=no-such", `pattern "no-such": unknown pattern: no built-in pattern of that name (L on the page lists them)`},
		{"a bad RLE body", "rle=" + url.QueryEscape("x = 3, y = 1\n2oz!"), parseError(t, "x = 3, y = 1\n2oz!")},
		{"not an RLE", "rle=hello", parseError(t, "hello")},
		{"an empty RLE", "rle=", parseError(t, "")},
		{"unknown parameter", "pattern=glider&png=x.png", `unknown parameter "png" in the address; the page takes pattern, rle, rule, size, topology, random, seed, engine, zoom, speed, hud, gens, history, memory`},
		{"bad escape", "rle=%zz", `the address's parameter "rle=%zz": invalid URL escape "%zz"`},
		{"both", "pattern=glider&rle=" + url.QueryEscape("x = 1, y = 1\no!"), "give pattern= or rle=, not both"},
		{"stdin", "pattern=-", "pattern=-: a page has no standard input; give the pattern in rle="},
		{"bad zoom", "zoom=big", `invalid value "big" for flag -zoom: want a number of pixels per cell, such as 8, or 1/2`},
		{"bad rule", "rule=B9", ""},
		{"too big", "size=100000x100000&engine=direct", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := cli.PageStart(tt.query)
			require.Error(t, err)
			if tt.want != "" {
				assert.Equal(t, tt.want, err.Error())
			}
			assert.NotContains(t, err.Error(), "\n", "one line")
		})
	}
	_, _, err := cli.PageStart("pattern=nothing-like-it")
	assert.ErrorIs(t, err, pattern.ErrUnknown)
}

// TestEmptyStart is the board of a page with a bad address: nothing alive,
// on the unbounded plane, (0, 0) in the middle.
func TestEmptyStart(t *testing.T) {
	s := cli.EmptyStart()
	assert.Zero(t, s.Grid.Population())
	assert.Equal(t, cli.DefaultSize().W, s.Grid.Width())
	assert.Equal(t, life.Unbounded, s.Options.Topology)
	assert.Equal(t, cli.Origin(s.Grid.Width(), s.Grid.Height()), s.Options.Origin)
	assert.Equal(t, life.Conway, s.Options.Rule)
}
