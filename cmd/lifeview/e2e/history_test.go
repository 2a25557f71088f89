package e2e_test

import (
	"image"
	"slices"
	"testing"

	"github.com/jezek/xgb/xproto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
)

// symB is the keysym of the B key, back one generation.
const symB = 'b'

// TestHistoryKeys plays a user who goes back with B and forward with N in a
// window that keeps two generations (-history 2), and checks each step on the
// window's own screenshots, named <pattern>-gen<N>.png by the P key.
func TestHistoryKeys(t *testing.T) {
	needDisplay(t)
	bin := build(t)
	u := newXUser(t)
	dir := t.TempDir()
	p := startLifeview(t, bin, dir, "-pattern", "glider", "-size", "32x32", "-zoom", "8", "-gens", "3", "-hud=false", "-history", "2")
	win := u.window(p, "colife: glider")
	require.Equal(t, image.Pt(640, 480), win.Size())
	u.move(win.Min.Add(image.Pt(320, 240)))
	s := &shooter{u: u, dir: dir, seen: map[string]bool{}}

	// shotOf does act and takes screenshots until one shows generation
	// gen, and checks that its grid is generation gen of the glider; the
	// ones before it must show one of the generations allowed. If three in
	// a row do not show gen, the key may have been lost: it does act again
	// (see shooter.until), so typing the key twice must be harmless or show
	// a generation not allowed.
	shotOf := func(what string, act func(), gen int, allowed ...int) {
		t.Helper()
		name, img := s.until(what, act, func(name string, _ image.Image) bool {
			shown := genOf(t, name)
			require.True(t, shown == gen || slices.Contains(allowed, shown), "unexpected screenshot %s", name)
			return shown == gen
		})
		// The 256 × 256 grid is in the middle of the 640 × 480 window.
		want := expected(t, gen)
		for y := range 32 {
			for x := range 32 {
				live := rgba(img.At(192+8*x+4, 112+8*y+4)) == liveColour
				assert.Equal(t, want.At(x, y) == life.Alive, live, "%s: cell (%d,%d)", name, x, y)
			}
		}
	}
	tap := func(sym xproto.Keysym) func() { return func() { u.tap(sym) } }

	shotOf("-gens 3", func() {}, 3, 0, 1, 2)
	shotOf("B goes back", tap(symB), 2, 3)
	// Generation 1 is not kept: B again stays at generation 2, and N goes
	// forward again to generation 3 (a second N would run generation 4:
	// it is typed again only after three screenshots of generation 2).
	u.tap(symB)
	shotOf("N goes forward", tap(symN), 3, 2)

	u.quit(p)
	require.NoError(t, p.err, "stderr: %s", p.stderr.String())
}
