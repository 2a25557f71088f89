package life_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"colife/life"
)

// TestUniverseStates: a universe keeps the dying states of a Generations
// rule, shares none of them with a clone, tells them apart in Equal, and
// counts the byte a cell they take.
func TestUniverseStates(t *testing.T) {
	u := life.NewUniverse()
	u.Set(1, 1, life.Alive)
	u.Set(-70, 3, life.Alive)
	two := u.Bytes()
	assert.Equal(t, 2*life.TileBytes, two)

	u.Set(2, 1, 5)
	assert.Equal(t, life.State(5), u.At(2, 1))
	assert.Equal(t, life.Alive, u.At(1, 1), "a live cell beside a dying one")
	assert.Equal(t, two+64*64, u.Bytes(), "the tile with a dying state holds a byte a cell")
	assert.Equal(t, 3, u.Population())

	c := u.Clone()
	assert.True(t, c.Equal(u))
	c.Set(2, 1, 6)
	assert.Equal(t, life.State(5), u.At(2, 1), "the clone shares no state")
	assert.False(t, c.Equal(u), "the same cells in other states differ")
	c.Set(2, 1, life.Alive)
	assert.Equal(t, life.Alive, c.At(2, 1))

	var got []life.State
	u.Cells(u.Bounds(), func(x, y int64, s life.State) { got = append(got, s) })
	assert.Equal(t, []life.State{life.Alive, 5, life.Alive}, got, "row by row, each from the left")
	u.Set(2, 1, life.Empty)
	assert.Equal(t, life.Empty, u.At(2, 1))
	assert.Equal(t, 2, u.Population())
}
