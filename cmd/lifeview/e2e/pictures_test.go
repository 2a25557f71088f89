package e2e_test

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
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
	live := color.RGBA64Model.Convert(picture.Palette(2)[life.Alive])
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

	t.Run("png at 1/2: 2x2 cells a pixel, alive if any is", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "half.png")
		code, stderr := lifeview(t, bin, "-pattern", "blinker", "-size", "5x5", "-topology", "plane", "-gens", "0", "-zoom", "1/2", "-png", path)
		require.Equal(t, 0, code, stderr)
		img := readPNG(t, path)
		assert.Equal(t, image.Rect(0, 0, 3, 3), img.Bounds())
		for y := range 3 {
			for x := range 3 {
				assert.Equal(t, y == 1 && x <= 1, alive(img, 1, x, y), "pixel (%d,%d): the blinker along row 2, cells 1 to 3", x, y)
			}
		}
	})

	t.Run("interrupted", func(t *testing.T) {
		// The pattern comes on a pipe, a long comment first: once the
		// pipe has taken more than it holds, lifeview is reading it, so
		// it is past setting up its signals. SIGINT then, and the rest of
		// the pattern: the run is cut short, says so, and writes nothing.
		path := filepath.Join(dir, "cut.png")
		pr, pw, err := os.Pipe()
		require.NoError(t, err)
		cmd := exec.Command(bin, "-pattern", "-", "-size", "64x64", "-gens", "1000000000", "-png", path)
		cmd.Stdin = pr
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		require.NoError(t, cmd.Start())
		pr.Close()
		comment := []byte("#C " + strings.Repeat("a comment line, ", 4) + "\n")
		for written := 0; written < 1<<20 && err == nil; written += len(comment) { // more than any pipe holds
			_, err = pw.Write(comment)
		}
		if err == nil { // else lifeview has ended: Wait says how
			require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
			_, err = pw.Write([]byte("x = 3, y = 3\nbo$2bo$3o!\n"))
		}
		assert.NoError(t, err, "the pattern is written")
		pw.Close()
		err = cmd.Wait()
		var exit *exec.ExitError
		require.ErrorAs(t, err, &exit, "stderr: %s", stderr.String())
		assert.Equal(t, 1, exit.ExitCode(), "stderr: %s", stderr.String())
		assert.Equal(t, "lifeview: interrupted\n", stderr.String())
		assert.NoFileExists(t, path)
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
