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

// TestWriteUniverseMatchesFromUniverse writes random universes two ways,
// straight from the tiles and through FromUniverse's list of cells.
func TestWriteUniverseMatchesFromUniverse(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, tc := range []struct {
		w, h    int
		at      life.Point
		density float64
	}{
		{1, 1, life.Point{}, 1},
		{3, 3, life.Point{X: -70, Y: 5}, 0.5},
		{130, 70, life.Point{X: -64, Y: -65}, 0.3},
		{200, 3, life.Point{X: 1 << 40, Y: -(1 << 40)}, 0.9},
		{5, 5, life.Point{}, 0}, // empty
	} {
		t.Run(fmt.Sprintf("%dx%d at %s, %g", tc.w, tc.h, tc.at, tc.density), func(t *testing.T) {
			g, err := life.NewGrid(tc.w, tc.h)
			require.NoError(t, err)
			if tc.density > 0 {
				g.Randomize(r, tc.density)
			}
			u := life.NewUniverse()
			u.Paste(g, tc.at)
			p := pattern.FromUniverse(u, "soup", life.Conway, 7)
			var want, got bytes.Buffer
			require.NoError(t, pattern.WriteRLE(&want, p))
			require.NoError(t, pattern.WriteUniverseRLE(&got, u, "soup", life.Conway, 7))
			assert.Equal(t, want.String(), got.String(), "RLE")
			want.Reset()
			got.Reset()
			require.NoError(t, pattern.WriteCells(&want, p))
			require.NoError(t, pattern.WriteUniverseCells(&got, u, "soup", life.Conway, 7))
			assert.Equal(t, want.String(), got.String(), "plaintext")
		})
	}
}
