package pattern_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/pattern"
)

// TestWriteGridMatchesFromGrid writes random grids two ways, straight from
// the grid and through FromGrid's list of cells, and wants the same bytes.
func TestWriteGridMatchesFromGrid(t *testing.T) {
	highlife, err := life.ParseRule("B36/S23")
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(1, 2))
	for _, size := range [][2]int{{1, 1}, {1, 7}, {7, 1}, {3, 3}, {71, 4}, {150, 9}, {40, 40}} {
		for _, density := range []float64{0, 0.05, 0.5, 1} {
			g, err := life.NewGrid(size[0], size[1])
			require.NoError(t, err)
			if density > 0 {
				g.Randomize(r, density)
			}
			t.Run(fmt.Sprintf("%dx%d at %g", size[0], size[1], density), func(t *testing.T) {
				p := pattern.FromGrid(g, "soup", highlife)
				var want, got bytes.Buffer
				require.NoError(t, pattern.WriteRLE(&want, p))
				require.NoError(t, pattern.WriteGridRLE(&got, g, "soup", highlife))
				assert.Equal(t, want.String(), got.String(), "RLE")
				want.Reset()
				got.Reset()
				require.NoError(t, pattern.WriteCells(&want, p))
				require.NoError(t, pattern.WriteGridCells(&got, g, "soup", highlife))
				assert.Equal(t, want.String(), got.String(), "plaintext")
			})
		}
	}
}

type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n < len(p) {
		return 0, fmt.Errorf("disk full")
	}
	f.n -= len(p)
	return len(p), nil
}

func TestWriteGridFails(t *testing.T) {
	g, err := life.NewGrid(300, 300)
	require.NoError(t, err)
	g.Randomize(rand.New(rand.NewPCG(3, 4)), 0.5)
	assert.EqualError(t, pattern.WriteGridRLE(&failAfter{5000}, g, "soup", life.Conway), "disk full")
	assert.EqualError(t, pattern.WriteGridCells(&failAfter{5000}, g, "soup", life.Conway), "disk full")
}
