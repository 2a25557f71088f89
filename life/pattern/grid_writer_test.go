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

// randomStates gives each live cell of g a random state 1 to n-1.
func randomStates(g *life.Grid, r *rand.Rand, n int) {
	for i, s := range g.Cells {
		if s != life.Empty {
			g.Cells[i] = life.State(1 + r.IntN(n-1))
		}
	}
}

// TestWriteGridMatchesFromGrid writes random grids two ways, straight from
// the grid and through FromGrid's list of cells, and wants the same bytes;
// and reads them back. The grids are two-state ones under HighLife, and ones
// with states up to 4 and 255 under Generations rules, on each topology.
func TestWriteGridMatchesFromGrid(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, rule := range []string{"B36/S23", "B2/S345/C5", "B2/S/C256"} {
		lr, err := life.ParseRule(rule)
		require.NoError(t, err)
		for _, size := range [][2]int{{1, 1}, {1, 7}, {7, 1}, {3, 3}, {71, 4}, {150, 9}, {40, 40}} {
			for _, density := range []float64{0, 0.05, 0.5, 1} {
				g, err := life.NewGrid(size[0], size[1])
				require.NoError(t, err)
				if density > 0 {
					g.Randomize(r, density)
					randomStates(g, r, lr.States())
				}
				for _, top := range []life.Topology{life.Torus, life.Plane, life.Unbounded} {
					t.Run(fmt.Sprintf("%s %dx%d at %g on a %s", rule, size[0], size[1], density, top), func(t *testing.T) {
						p := pattern.FromGrid(g, "soup", lr)
						if top != life.Unbounded {
							p.Bounds = life.Bounds{Topology: top, Width: g.Width(), Height: g.Height()}
						}
						var want, got bytes.Buffer
						require.NoError(t, pattern.WriteRLE(&want, p))
						require.NoError(t, pattern.WriteGridRLE(&got, g, "soup", lr, top))
						assert.Equal(t, want.String(), got.String(), "RLE")
						back, err := pattern.Read(&got, "back.rle")
						require.NoError(t, err)
						assert.Equal(t, p.Bounds, back.Bounds, "the board's topology and size")
						bg, err := back.Grid(0)
						require.NoError(t, err)
						assert.True(t, g.Equal(bg), "read back:\n%s\nwant:\n%s", bg, g)

						want.Reset()
						got.Reset()
						samePlaintext(t, p, &want, pattern.WriteCells(&want, p), &got, pattern.WriteGridCells(&got, g, "soup", lr, top))
					})
				}
			}
		}
	}
}

// samePlaintext checks what WriteCells wrote of p, want and errWant, against
// what a streaming writer wrote, got and errGot: the same bytes, or for a
// pattern with a dying cell ErrMultiState from both and nothing written.
func samePlaintext(t *testing.T, p *pattern.Pattern, want *bytes.Buffer, errWant error, got *bytes.Buffer, errGot error) {
	t.Helper()
	if p.MaxState() > life.Alive {
		assert.ErrorIs(t, errWant, pattern.ErrMultiState)
		assert.ErrorIs(t, errGot, pattern.ErrMultiState)
		assert.Zero(t, got.Len()+want.Len(), "nothing written")
		return
	}
	require.NoError(t, errWant)
	require.NoError(t, errGot)
	assert.Equal(t, want.String(), got.String(), "plaintext")
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
	assert.EqualError(t, pattern.WriteGridRLE(&failAfter{5000}, g, "soup", life.Conway, life.Torus), "disk full")
	assert.EqualError(t, pattern.WriteGridCells(&failAfter{5000}, g, "soup", life.Conway, life.Torus), "disk full")
}

// TestWriteUniverseMatchesFromUniverse writes random universes two ways,
// straight from the tiles and through FromUniverse's list of cells, and reads
// them back in place; two-state ones and ones of a Generations rule.
func TestWriteUniverseMatchesFromUniverse(t *testing.T) {
	eachSoup(t, rand.New(rand.NewPCG(5, 6)), soups, func(t *testing.T, rule life.Rule, u *life.Universe) {
		p := pattern.FromUniverse(u, "soup", rule, 7)
		var want, got bytes.Buffer
		require.NoError(t, pattern.WriteRLE(&want, p))
		require.NoError(t, pattern.WriteUniverseRLE(&got, u, "soup", rule, 7))
		assert.Equal(t, want.String(), got.String(), "RLE")
		if u.Population() > 0 { // an empty box, 0x0, is not a file Read takes
			back, err := pattern.Read(&got, "back.rle")
			require.NoError(t, err)
			require.NotNil(t, back.Position)
			bg, err := back.Grid(0)
			require.NoError(t, err)
			bu := life.NewUniverse()
			bu.Paste(bg, *back.Position)
			assert.True(t, u.Equal(bu), "read back in place")
			for _, c := range back.Cells {
				assert.Equal(t, u.At(back.Position.X+int64(c.X), back.Position.Y+int64(c.Y)), c.State())
			}
		}

		want.Reset()
		got.Reset()
		samePlaintext(t, p, &want, pattern.WriteCells(&want, p), &got, pattern.WriteUniverseCells(&got, u, "soup", rule, 7))
	})
}

// soupCase is a random soup on the plane: a w × h grid of that density, its
// top-left cell at at.
type soupCase struct {
	w, h    int
	at      life.Point
	density float64
}

// soups are the universes the writers' tests write and read back.
var soups = []soupCase{
	{1, 1, life.Point{}, 1},
	{3, 3, life.Point{X: -70, Y: 5}, 0.5},
	{130, 70, life.Point{X: -64, Y: -65}, 0.3},
	{200, 3, life.Point{X: 1 << 40, Y: -(1 << 40)}, 0.9},
	{5, 5, life.Point{}, 0}, // empty
}

// eachSoup calls f in a subtest with each soup of the list, drawn from r,
// under B3/S23 and under Brian's Brain (with its dying states).
func eachSoup(t *testing.T, r *rand.Rand, list []soupCase, f func(t *testing.T, rule life.Rule, u *life.Universe)) {
	for _, rule := range []life.Rule{life.Conway, mustRule(t, "briansbrain")} {
		for _, tc := range list {
			t.Run(fmt.Sprintf("%s %dx%d at %s, %g", rule, tc.w, tc.h, tc.at, tc.density), func(t *testing.T) {
				g, err := life.NewGrid(tc.w, tc.h)
				require.NoError(t, err)
				g.Randomize(r, tc.density)
				randomStates(g, r, rule.States())
				u := life.NewUniverse()
				u.Paste(g, tc.at)
				f(t, rule, u)
			})
		}
	}
}
