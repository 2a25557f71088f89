package e2e_test

import (
	"path/filepath"
	"testing"

	"github.com/jezek/xgb/xproto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
)

// testHiDPI tells the display that it has 192 dots per inch (Xft.dpi, which
// GLFW reads as a device scale factor of 2) and takes the e2e screenshot
// again: the window is the same size in device-independent pixels, so the
// picture has twice as many pixels across, and each cell is 16 × 16 real
// pixels, crisp.
func testHiDPI(t *testing.T, bin string) {
	needDisplay(t)
	u := newXUser(t)
	old, err := xproto.GetProperty(u.conn, false, u.root, xproto.AtomResourceManager, xproto.AtomString, 0, 1<<16).Reply()
	require.NoError(t, err)
	set := func(v []byte) {
		require.NoError(t, xproto.ChangePropertyChecked(u.conn, xproto.PropModeReplace, u.root, xproto.AtomResourceManager, xproto.AtomString, 8, uint32(len(v)), v).Check())
	}
	t.Cleanup(func() {
		if old.ValueLen == 0 {
			xproto.DeletePropertyChecked(u.conn, u.root, xproto.AtomResourceManager).Check()
			return
		}
		set(old.Value)
	})
	set([]byte("Xft.dpi:\t192\n"))

	out := filepath.Join(t.TempDir(), "hidpi.png")
	code, stderr := lifeview(t, bin, "-pattern", "glider", "-size", "32x32", "-zoom", "8", "-hud=false", "-gens", "4", "-screenshot", out)
	require.Equal(t, 0, code, "stderr: %s", stderr)
	img := readPNG(t, out)
	require.Equal(t, 512, img.Bounds().Dx(), "twice the pixels across")
	require.Equal(t, 512, img.Bounds().Dy())
	want := expected(t, 4)
	count := 0
	for y := range 512 {
		for x := range 512 {
			isLive := rgba(img.At(x, y)) == liveColour
			if isLive {
				count++
			}
			assert.Equal(t, want.At(x/16, y/16) == life.Alive, isLive, "pixel (%d, %d) of cell (%d, %d)", x, y, x/16, y/16)
		}
	}
	assert.Equal(t, want.Population()*256, count)
}
