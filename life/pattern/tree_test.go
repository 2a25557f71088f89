package pattern_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/pattern"
)

// TestLoadTree: a macrocell file comes back as its tree, and as cells when
// they fit; one too big to expand as its tree alone, with Read's error for
// the cells; an RLE file and a built-in name as cells alone.
func TestLoadTree(t *testing.T) {
	p, m, expandErr, err := pattern.LoadTree("testdata/macrocell/gosper.mc", nil)
	require.NoError(t, err)
	require.NoError(t, expandErr)
	require.NotNil(t, m)
	require.NotNil(t, p)
	assert.Equal(t, uint64(len(p.Cells)), m.Population())

	p, m, expandErr, err = pattern.LoadTree("testdata/macrocell/gosper-2e40.mc", nil)
	require.NoError(t, err)
	assert.Nil(t, p)
	require.NotNil(t, m)
	assert.Equal(t, uint64(183251938004), m.Population())
	assert.ErrorIs(t, expandErr, life.ErrSize)
	assert.Contains(t, expandErr.Error(), "-engine hashlife")
	_, readErr := pattern.Load("testdata/macrocell/gosper-2e40.mc", nil)
	assert.Equal(t, readErr.Error(), expandErr.Error(), "the error Read gives")

	p, m, _, err = pattern.LoadTree("glider", nil)
	require.NoError(t, err)
	assert.Nil(t, m)
	assert.Len(t, p.Cells, 5)

	_, _, _, err = pattern.LoadTree("testdata/macrocell/no-such.mc", nil)
	assert.ErrorIs(t, err, pattern.ErrUnknown)
}
