package e2e_test

import (
	"context"
	"image"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/cmd/lifeview/internal/cli"
	"colife/life"
	"colife/life/pattern"
	"colife/life/sim"
	"colife/render/view"
)

// TestHashlifeWindow runs the Gosper gun on HashLife to generation 2^30 in
// the window, then F fits the live cells, a diagonal of gliders 2^28 cells
// long, 2^19 cells a pixel: the screenshot is, pixel for pixel,
// the tree as the life package computes it, painted from its squares (but
// for the bottom rows, where the window says it saved the screenshot
// before).
func TestHashlifeWindow(t *testing.T) {
	needDisplay(t)
	bin := build(t)
	u := newXUser(t)
	dir := t.TempDir()
	const gens = 1 << 30
	p := startLifeview(t, bin, dir, "-engine", "hashlife", "-pattern", "gosper", "-gens", "2^30", "-hud=false")
	u.window(p, "colife: gosper")
	s := &shooter{u: u, dir: dir, seen: map[string]bool{}}
	s.until("the window is at generation 2^30", func() {}, func(name string, _ image.Image) bool {
		return strings.HasSuffix(name, "-gen1073741824.png")
	})

	board, release := hashlifeOnPlane(t, "gosper", gens)
	defer release()
	bounds := board.Bounds()
	require.Greater(t, bounds.Dx(), int64(1<<27), "the gliders have flown far")
	var v view.View
	_, img := s.until("F fits the live cells", func() { u.tap(symF) }, func(_ string, img image.Image) bool {
		v = view.NewUnbounded(bounds, img.Bounds().Dx(), img.Bounds().Dy(), 0)
		return unlikeAbove(img, board, v, img.Bounds().Dy()-noteRows) == 0
	})
	assert.LessOrEqual(t, v.Zoom, 1.0/(1<<19), "2^19 cells a pixel and more")
	assert.Greater(t, lit(cropped{img, image.Rect(0, 0, img.Bounds().Dx(), img.Bounds().Dy()-noteRows)}), 300, "the gun and a diagonal of gliders, across the window")
	u.quit(p)
	require.NoError(t, p.err, "stderr: %s", p.stderr.String())
}

// symF is the F key: fit the live cells.
const symF = 'f'

// noteRows is how many rows at the bottom of the window a note takes.
const noteRows = 40

// hashlifeOnPlane returns the built-in pattern name as the window starts it
// on the unbounded plane (as onPlane does), gens generations on, as HashLife
// computes it, and the function that releases it.
func hashlifeOnPlane(t *testing.T, name string, gens int) (life.Board, func()) {
	t.Helper()
	p, err := pattern.Builtin(name)
	require.NoError(t, err)
	size := cli.DefaultSize()
	g, err := life.NewGrid(size.W, size.H)
	require.NoError(t, err)
	require.NoError(t, p.Place(g))
	opt := sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Hashlife, Origin: cli.Origin(size.W, size.H)}
	s, err := sim.New(context.Background(), g, opt)
	require.NoError(t, err)
	require.NoError(t, s.Run(context.Background(), gens))
	snap := s.Snapshot()
	return snap.Board(), func() { snap.Release(); s.Close() }
}

// unlikeAbove is unlike over the rows of img above row h.
func unlikeAbove(img image.Image, u life.Board, v view.View, h int) int {
	top := image.Rect(0, 0, img.Bounds().Dx(), h)
	return unlike(cropped{img, top}, u, v)
}

// cropped is an image cut to its rectangle r.
type cropped struct {
	image.Image
	r image.Rectangle
}

func (c cropped) Bounds() image.Rectangle { return c.r }

// lit counts the pixels of img that are not the dark theme's empty cell.
func lit(img image.Image) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if rgba(img.At(x, y)) != view.DefaultPalette.Dead {
				n++
			}
		}
	}
	return n
}
