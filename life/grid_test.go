package life_test

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
)

func TestParseGridAndString(t *testing.T) {
	g, err := life.ParseGrid(
		".O.",
		"..*",
		"OO#",
	)
	require.NoError(t, err)
	assert.Equal(t, 3, g.Width())
	assert.Equal(t, 3, g.Height())
	assert.Equal(t, 5, g.Population())
	assert.Equal(t, "-*-\n--*\n***\n", g.String())
	assert.Equal(t, life.Alive, g.At(1, 0))
	assert.Equal(t, life.Alive, g.Cells[g.Index(2, 1)])
}

func TestParseGridPadsShortRows(t *testing.T) {
	g, err := life.ParseGrid("O", "...O")
	require.NoError(t, err)
	assert.Equal(t, "*---\n---*\n", g.String())
}

func TestParseGridRejectsOtherCharacters(t *testing.T) {
	_, err := life.ParseGrid("..", ".x")
	assert.EqualError(t, err, `grid row 2, column 2: unexpected 'x'`)
}

func TestGridEdges(t *testing.T) {
	g, err := life.NewGrid(4, 3)
	require.NoError(t, err)
	for _, p := range [][2]int{{-1, 0}, {0, -1}, {4, 0}, {0, 3}, {-5, -5}, {100, 1}} {
		g.Set(p[0], p[1], life.Alive)
		assert.Equal(t, life.Empty, g.At(p[0], p[1]), "At%v outside the grid", p)
		assert.False(t, g.Contains(p[0], p[1]))
	}
	assert.Zero(t, g.Population(), "Set outside the grid changed a cell")
	g.Set(3, 2, life.Alive)
	assert.Equal(t, life.Alive, g.At(3, 2))
	assert.Equal(t, life.Alive, g.Cells[11])
}

func TestGridCloneEqualCopy(t *testing.T) {
	g, err := life.NewGrid(8, 5)
	require.NoError(t, err)
	g.Randomize(rand.New(rand.NewPCG(3, 4)), 0.5)
	c := g.Clone()
	require.True(t, g.Equal(c))
	c.Set(0, 0, 1-c.At(0, 0))
	assert.False(t, g.Equal(c), "a clone shares cells with its original")

	d, err := life.NewGrid(8, 5)
	require.NoError(t, err)
	require.NoError(t, d.CopyFrom(g))
	assert.True(t, d.Equal(g))

	other, err := life.NewGrid(5, 8)
	require.NoError(t, err)
	assert.False(t, other.Equal(g), "grids of different shapes are equal")
	assert.EqualError(t, other.CopyFrom(g), "copy a 8x5 grid into a 5x8 one: sizes differ")

	d.Clear()
	assert.Zero(t, d.Population())
}

func TestRandomizeDensity(t *testing.T) {
	g, err := life.NewGrid(200, 200)
	require.NoError(t, err)
	g.Randomize(rand.New(rand.NewPCG(1, 1)), 0.25)
	assert.InDelta(t, 0.25, float64(g.Population())/40000, 0.02)
	g.Randomize(rand.New(rand.NewPCG(1, 1)), 1)
	assert.Equal(t, 40000, g.Population())
}

func TestNewGridRejectsBadSizes(t *testing.T) {
	for _, tc := range []struct {
		w, h int
		want string
	}{
		{0, 5, "bad grid size 0x5: width and height must be at least 1"},
		{5, 0, "bad grid size 5x0: width and height must be at least 1"},
		{-3, 4, "bad grid size -3x4: width and height must be at least 1"},
		{1 << 16, 1<<14 + 1, "bad grid size 65536x16385: more than 1073741824 cells"},
		{1 << 62, 1 << 62, "bad grid size 4611686018427387904x4611686018427387904: more than 1073741824 cells"},
	} {
		_, err := life.NewGrid(tc.w, tc.h)
		assert.ErrorIs(t, err, life.ErrSize)
		assert.EqualError(t, err, tc.want)
	}
}

// TestDyingStates checks that a grid keeps the dying states of a
// Generations rule, counts them in its population and draws them.
func TestDyingStates(t *testing.T) {
	g, err := life.ParseGrid("*2", "-9")
	require.NoError(t, err)
	g.Set(0, 1, life.State(12))
	assert.Equal(t, life.State(2), g.At(1, 0))
	assert.Equal(t, life.State(12), g.At(0, 1))
	assert.Equal(t, 4, g.Population())
	assert.Equal(t, "*2\n+9\n", g.String())
}
