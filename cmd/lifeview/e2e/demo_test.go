package e2e_test

import (
	"context"
	"fmt"
	"image"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/cmd/lifeview/internal/cli"
	"colife/life"
	"colife/life/pattern"
	"colife/life/sim"
	"colife/render/view"
)

// demo returns the default demo, the Gosper gun in the middle of a 160 × 100
// box on the unbounded plane, gens generations on, as the life package
// computes it with the direct engine.
func demo(t *testing.T, gens int) *life.Universe { return onPlane(t, "gosper", gens) }

// onPlane returns the built-in pattern name as the window starts it on the
// unbounded plane without -size (in the middle of a 160 × 100 box, its
// middle cell at (0, 0)), gens generations on, as the life package computes
// it with the direct engine.
func onPlane(t *testing.T, name string, gens int) *life.Universe {
	t.Helper()
	p, err := pattern.Builtin(name)
	require.NoError(t, err)
	size := cli.DefaultSize()
	g, err := life.NewGrid(size.W, size.H)
	require.NoError(t, err)
	require.NoError(t, p.Place(g))
	opt := sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Direct, Origin: cli.Origin(size.W, size.H)}
	s, err := sim.New(context.Background(), g, opt)
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.Run(context.Background(), gens))
	return s.Universe().Clone()
}

// TestDemo runs the window with no flags but the camera's: the Gosper gun on
// the unbounded plane. Its screenshots at generations 300 and 600 are, pixel
// for pixel, the plane as the life package computes it, painted over the
// starting box; in between the gun has fired ten more gliders, none of which
// came round to wreck it, as they do on a torus.
func TestDemo(t *testing.T) {
	needDisplay(t)
	bin := build(t)
	dir := t.TempDir()
	size := cli.DefaultSize()
	box := life.RectOf(cli.Origin(size.W, size.H), int64(size.W), int64(size.H))
	pops := map[int]int{}
	for _, gens := range []int{300, 600} {
		t.Run(fmt.Sprint(gens), func(t *testing.T) {
			out := filepath.Join(dir, fmt.Sprintf("demo-%d.png", gens))
			code, stderr := lifeview(t, bin, "-zoom", "4", "-hud=false", "-gens", fmt.Sprint(gens), "-screenshot", out)
			require.Equal(t, 0, code, "stderr: %s", stderr)
			img := readPNG(t, out)
			require.Equal(t, image.Rect(0, 0, 4*size.W, 4*size.H), img.Bounds(), "the starting box at zoom 4")

			u := demo(t, gens)
			pops[gens] = u.Population()
			assert.False(t, box.Intersect(u.Bounds()) == u.Bounds(), "the gliders have left the starting box: %v", u.Bounds())
			assert.Zero(t, unlike(img, u, view.NewUnbounded(box, img.Bounds().Dx(), img.Bounds().Dy(), 4)), "pixels unlike the plane's generation %d", gens)
			assert.Positive(t, countLive(img), "the gun shows")
		})
	}
	assert.Equal(t, 10*5, pops[600]-pops[300], "ten more gliders of five cells: a glider every 30 generations")
}

// unlike counts the pixels of img that differ from u painted in v, as the
// window paints it (dark theme, grid lines where the zoom has room).
func unlike(img image.Image, u life.Board, v view.View) int {
	want := image.NewRGBA(img.Bounds())
	p := view.Painter{Palette: view.DefaultPalette}
	p.PaintPlane(want, u, v)
	bad := 0
	for y := range want.Rect.Dy() {
		for x := range want.Rect.Dx() {
			if rgba(img.At(x, y)) != want.RGBAAt(x, y) {
				bad++
			}
		}
	}
	return bad
}
