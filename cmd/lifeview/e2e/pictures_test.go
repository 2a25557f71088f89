package e2e_test

import (
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/render/picture"
)

// TestPictures runs lifeview -gif and -png, which write files and open no
// window (but, as every run of lifeview, need a display).
func TestPictures(t *testing.T) {
	needDisplay(t)
	bin := build(t)
	dir := t.TempDir()
	live := color.RGBA64Model.Convert(picture.Palette()[life.Alive])
	alive := func(img image.Image, zoom, x, y int) bool {
		return color.RGBA64Model.Convert(img.At(x*zoom+zoom/2, y*zoom+zoom/2)) == live
	}

	t.Run("gif", func(t *testing.T) {
		path := filepath.Join(dir, "glider.gif")
		code, stderr := lifeview(t, bin, "-pattern", "glider", "-size", "8x8", "-topology", "plane", "-engine", "direct",
			"-gens", "4", "-zoom", "2", "-delay", "50", "-gif", path)
		require.Equal(t, 0, code, stderr)
		f, err := os.Open(path)
		require.NoError(t, err)
		defer f.Close()
		g, err := gif.DecodeAll(f)
		require.NoError(t, err)
		require.Len(t, g.Image, 5, "generations 0 to 4")
		assert.Equal(t, []int{5, 5, 5, 5, 5}, g.Delay, "50 ms is 5/100 s")
		assert.Equal(t, image.Rect(0, 0, 16, 16), g.Image[0].Bounds())
		// The glider, centred, has its top cell at (3,2); four generations
		// later the glider has moved one cell down and right.
		assert.True(t, alive(g.Image[0], 2, 3, 2))
		assert.False(t, alive(g.Image[4], 2, 3, 2))
		assert.True(t, alive(g.Image[4], 2, 4, 3))
		assert.True(t, alive(g.Image[4], 2, 5, 5))
	})

	t.Run("png", func(t *testing.T) {
		path := filepath.Join(dir, "blinker.png")
		code, stderr := lifeview(t, bin, "-pattern", "blinker", "-size", "5x5", "-gens", "1", "-zoom", "3", "-png", path)
		require.Equal(t, 0, code, stderr)
		f, err := os.Open(path)
		require.NoError(t, err)
		defer f.Close()
		img, err := png.Decode(f)
		require.NoError(t, err)
		assert.Equal(t, image.Rect(0, 0, 15, 15), img.Bounds())
		for y := range 5 {
			for x := range 5 {
				assert.Equal(t, x == 2 && y >= 1 && y <= 3, alive(img, 3, x, y), "cell (%d,%d): the blinker stands up in generation 1", x, y)
			}
		}
	})

	t.Run("errors", func(t *testing.T) {
		missing := filepath.Join(dir, "missing", "a.gif")
		tests := []struct {
			name    string
			args    []string
			wantErr string
		}{
			{"with -screenshot", []string{"-gif", filepath.Join(dir, "a.gif"), "-screenshot", filepath.Join(dir, "a.png")},
				"lifeview: -gif and -png write files without a window; leave out -screenshot (run lifeview -h for help)"},
			{"zoom below 1", []string{"-png", filepath.Join(dir, "a.png"), "-zoom", "1/2"},
				"lifeview: -gif and -png need a -zoom of 1 pixel per cell or more (run lifeview -h for help)"},
			{"gif not .gif", []string{"-gif", "a.png"},
				`lifeview: invalid value "a.png" for flag -gif: "a.png": want a .gif file (run lifeview -h for help)`},
			{"a missing directory", []string{"-pattern", "block", "-gif", missing},
				"lifeview: -gif: " + missing + ": directory " + filepath.Dir(missing) + " does not exist (run lifeview -h for help)"},
			{"history 0", []string{"-history", "0"},
				`lifeview: invalid value "0" for flag -history: want a whole number of generations from 1 to 1048576 (run lifeview -h for help)`},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				code, stderr := lifeview(t, bin, tt.args...)
				assert.Equal(t, 2, code)
				assert.Equal(t, tt.wantErr+"\n", stderr)
			})
		}
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		for _, e := range entries {
			assert.Contains(t, []string{"glider.gif", "blinker.png"}, e.Name(), "nothing else written")
		}
	})
}
