package setup_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/cmd/internal/setup"
	"colife/life"
)

// TestStartBoundedGridSuffix: a rule's suffix ":T8,4" or ":P8,4" gives the
// board's topology and size when the flags do not; -topology and -size win,
// each on its own.
func TestStartBoundedGridSuffix(t *testing.T) {
	const torus = "x = 2, y = 1, rule = B3/S23:T8,4\n2o!\n"
	const plane = "x = 2, y = 1, rule = B36/S23:P6,3\n2o!\n"
	tests := []struct {
		name     string
		defTop   life.Topology // the caller's default, as the window's unbounded plane
		args     []string
		stdin    string
		wantTop  life.Topology
		wantSize setup.Size
	}{
		{name: "the suffix's torus and size", args: nil, stdin: torus, wantTop: life.Torus, wantSize: setup.Size{W: 8, H: 4}},
		{name: "the suffix's plane", args: nil, stdin: plane, wantTop: life.Plane, wantSize: setup.Size{W: 6, H: 3}},
		{name: "over the caller's default", defTop: life.Unbounded, args: nil, stdin: torus, wantTop: life.Torus, wantSize: setup.Size{W: 8, H: 4}},
		{name: "-size wins, the topology stays", args: []string{"-size", "5x5"}, stdin: torus, wantTop: life.Torus, wantSize: setup.Size{W: 5, H: 5}},
		{name: "-topology wins, the size stays", args: []string{"-topology", "plane"}, stdin: torus, wantTop: life.Plane, wantSize: setup.Size{W: 8, H: 4}},
		{name: "-topology unbounded takes no bounded size", args: []string{"-topology", "unbounded"}, stdin: torus, wantTop: life.Unbounded, wantSize: setup.Size{W: 12, H: 11}},
		{name: "no suffix: the flags' and the Sizer's", args: nil, stdin: "x = 2, y = 1\n2o!\n", wantTop: life.Torus, wantSize: setup.Size{W: 12, H: 11}},
		{name: "-rule's suffix over the pattern's", args: []string{"-rule", "B3/S23:P9,7"}, stdin: torus, wantTop: life.Plane, wantSize: setup.Size{W: 9, H: 7}},
		{name: "-rule's suffix, -size wins", args: []string{"-rule", "B3/S23:P9,7", "-size", "5x5"}, stdin: torus, wantTop: life.Plane, wantSize: setup.Size{W: 5, H: 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := setup.Config{Topology: tt.defTop}
			require.NoError(t, parse(t, &c, append([]string{"-pattern", "-"}, tt.args...)...))
			s, err := c.Start(strings.NewReader(tt.stdin), setup.Fit(5, setup.Size{W: 1, H: 11}))
			require.NoError(t, err)
			assert.Equal(t, tt.wantTop, s.Options.Topology, "the run's topology")
			assert.Equal(t, tt.wantTop, c.Topology, "the config's, which the callers' costs read")
			assert.Equal(t, tt.wantSize, setup.Size{W: s.Grid.Width(), H: s.Grid.Height()})
			assert.Equal(t, 2, s.Grid.Population())
		})
	}
}

func TestStartSuffixSmallerThanThePattern(t *testing.T) {
	var c setup.Config
	require.NoError(t, parse(t, &c, "-pattern", "-"))
	_, err := c.Start(strings.NewReader("x = 5, y = 1, rule = B3/S23:T3,3\n5o!\n"), setup.Fit(2, setup.Size{}))
	assert.EqualError(t, err, `pattern is 5x1, larger than the 3x3 grid, the size its rule's suffix :T3,3 asks for (-size gives another)`)
}

// TestStartRuleSuffixSoup: -rule's suffix gives a soup its board too, and a
// board too big blames -rule.
func TestStartRuleSuffixSoup(t *testing.T) {
	var c setup.Config
	require.NoError(t, parse(t, &c, "-rule", "B3/S23:T40,20", "-seed", "3"))
	s, err := c.Start(nil, setup.Fit(2, setup.Size{W: 32, H: 16}))
	require.NoError(t, err)
	assert.Equal(t, life.Torus, s.Options.Topology)
	assert.Equal(t, setup.Size{W: 40, H: 20}, setup.Size{W: s.Grid.Width(), H: s.Grid.Height()})

	c = setup.Config{}
	require.NoError(t, parse(t, &c, "-rule", "B3/S23:T30000,30000", "-memory", "1M"))
	_, err = c.Start(nil, setup.Fit(2, setup.Size{W: 32, H: 16}))
	var fe *setup.FlagError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "rule", fe.Flag)
	assert.Regexp(t, `^the grid of its suffix :T30000,30000 is too big: `, fe.Err.Error())
}

func TestStartSuffixTooBig(t *testing.T) {
	var c setup.Config
	require.NoError(t, parse(t, &c, "-pattern", "-", "-memory", "1M"))
	_, err := c.Start(strings.NewReader("x = 1, y = 1, rule = B3/S23:T30000,30000\no!\n"), setup.Fit(2, setup.Size{}))
	require.Error(t, err)
	assert.Regexp(t, `^pattern "stdin": the grid its rule's suffix :T30000,30000 asks for is too big: `, err.Error())
}

// TestStartStates: a dying cell's state reaches the grid, and one the run's
// rule has not is refused, blaming -rule when it was given.
func TestStartStates(t *testing.T) {
	const brain = "#N ship\nx = 2, y = 2, rule = B2/S/C3\n2A$2B!\n"
	var c setup.Config
	require.NoError(t, parse(t, &c, "-pattern", "-", "-size", "4x4"))
	s, err := c.Start(strings.NewReader(brain), nil)
	require.NoError(t, err)
	assert.Equal(t, picture("----", "-**-", "-22-", "----"), s.Grid.String())
	assert.Equal(t, 3, s.Options.Rule.States())

	c = setup.Config{}
	require.NoError(t, parse(t, &c, "-pattern", "-", "-size", "4x4", "-rule", "life"))
	_, err = c.Start(strings.NewReader(brain), nil)
	var fe *setup.FlagError
	require.True(t, errors.As(err, &fe), "a *FlagError: %v", err)
	assert.Equal(t, "rule", fe.Flag)
	assert.EqualError(t, err, `-rule: pattern "ship" has cells in state 2 (B), but rule B3/S23 has 2 states, 0 to 1`)

	// A file without a rule takes its states from -rule, and without -rule
	// is Life's, which has none to give its dying cells.
	const norule = "x = 2, y = 1\nAB!\n"
	c = setup.Config{}
	require.NoError(t, parse(t, &c, "-pattern", "-", "-size", "2x1", "-rule", "starwars"))
	s, err = c.Start(strings.NewReader(norule), nil)
	require.NoError(t, err)
	assert.Equal(t, "*2\n", s.Grid.String())
	c = setup.Config{}
	require.NoError(t, parse(t, &c, "-pattern", "-", "-size", "2x1"))
	_, err = c.Start(strings.NewReader(norule), nil)
	assert.EqualError(t, err, `pattern has cells in state 2 (B), but rule B3/S23 has 2 states, 0 to 1`)
	assert.False(t, errors.As(err, &fe), "the file's fault, not a flag's")
}
