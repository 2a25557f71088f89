package pattern_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/pattern"
)

// TestEmptyUniverseReadsBack: a plane with no live cell (a run that died
// out) is written as one dead cell, which reads back, and not as a 0 × 0 box,
// which does not.
func TestEmptyUniverseReadsBack(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, pattern.WriteUniverseRLE(&buf, life.NewUniverse(), "diehard", life.Conway, 140))
	p, err := pattern.Read(&buf, "dead.rle")
	require.NoError(t, err, buf.String())
	assert.Equal(t, 1, p.Width)
	assert.Equal(t, 1, p.Height)
	assert.Empty(t, p.Cells)
}
