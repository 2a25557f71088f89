package main

import (
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/render/picture"
)

func decodeGIF(t *testing.T, path string) *gif.GIF {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	g, err := gif.DecodeAll(f)
	require.NoError(t, err)
	return g
}

func decodePNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	return img
}

// alive reports whether the cell (x, y) of img, zoom pixels a side, has the
// colour of a live cell, looking at its middle pixel.
func alive(img image.Image, zoom, x, y int) bool {
	want := color.RGBA64Model.Convert(picture.Palette(2)[life.Alive])
	return color.RGBA64Model.Convert(img.At(x*zoom+zoom/2, y*zoom+zoom/2)) == want
}

func TestGIF(t *testing.T) {
	// The glider, centred in an 8x8 grid, starts with its top cell at (3,2)
	// and four generations later is one cell further down and right.
	type cell struct{ x, y int }
	tests := []struct {
		name        string
		args        []string
		wantFrames  int
		wantDelay   int
		wantStdout  string // "" for wantPrinted generations printed
		wantPrinted int
		alive       map[int][]cell
		dead        map[int][]cell
	}{
		{
			name:       "every generation",
			args:       []string{"-pattern", "glider", "-size", "8x8", "-topology", "plane", "-gens", "4", "-zoom", "2", "-delay", "50", "-print", "all"},
			wantFrames: 5, wantDelay: 5, wantPrinted: 5,
			alive: map[int][]cell{0: {{3, 2}, {4, 3}, {2, 4}, {3, 4}, {4, 4}}, 4: {{4, 3}, {5, 4}, {3, 5}, {4, 5}, {5, 5}}},
			dead:  map[int][]cell{0: {{0, 0}, {3, 3}}, 4: {{3, 2}, {2, 4}}},
		},
		{
			name:       "every other generation, the goroutine engine, default zoom and delay; by default nothing printed",
			args:       []string{"-pattern", "glider", "-size", "8x8", "-topology", "plane", "-gens", "4", "-every", "2"},
			wantFrames: 3, wantDelay: 10,
			alive: map[int][]cell{0: {{3, 2}}, 2: {{4, 3}, {5, 4}}},
			dead:  map[int][]cell{2: {{3, 2}}},
		},
		{
			name:       "until stable",
			args:       []string{"-pattern", "glider", "-size", "8x8", "-topology", "plane", "-until-stable", "-zoom", "3"},
			wantFrames: 5, wantDelay: 10,
			wantStdout: "spaceship period 4 moving (1,1) from generation 0\n",
			alive:      map[int][]cell{4: {{5, 5}}},
			dead:       map[int][]cell{4: {{3, 2}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "glider.gif")
			stdout, stderr, status := runLife(t, "", append(tt.args, "-gif", path)...)
			require.Equal(t, 0, status, stderr)
			assert.Empty(t, stderr)
			if tt.wantStdout != "" {
				assert.Equal(t, tt.wantStdout, stdout)
			} else {
				assert.Equal(t, tt.wantPrinted, strings.Count(stdout, "generation "), "generations printed")
			}
			g := decodeGIF(t, path)
			require.Len(t, g.Image, tt.wantFrames)
			zoom := g.Config.Width / 8
			assert.Equal(t, 8*zoom, g.Config.Height)
			for i, img := range g.Image {
				assert.Equal(t, image.Rect(0, 0, 8*zoom, 8*zoom), img.Bounds(), "frame %d", i)
				assert.Equal(t, tt.wantDelay, g.Delay[i], "frame %d", i)
			}
			for frame, cells := range tt.alive {
				for _, c := range cells {
					assert.True(t, alive(g.Image[frame], zoom, c.x, c.y), "frame %d: cell %v alive", frame, c)
				}
			}
			for frame, cells := range tt.dead {
				for _, c := range cells {
					assert.False(t, alive(g.Image[frame], zoom, c.x, c.y), "frame %d: cell %v empty", frame, c)
				}
			}
		})
	}
}

func TestPNG(t *testing.T) {
	// The blinker, centred in a 5x5 grid, lies along row 2 and stands along
	// column 2 a generation later.
	dir := t.TempDir()
	path := filepath.Join(dir, "blinker.png")
	require.NoError(t, os.WriteFile(path, []byte("an old picture"), 0o644))
	_, stderr, status := runLife(t, "", "-pattern", "blinker", "-size", "5x5", "-gens", "1", "-png", path, "-zoom", "3")
	require.Equal(t, 0, status, stderr)
	img := decodePNG(t, path)
	assert.Equal(t, image.Rect(0, 0, 15, 15), img.Bounds())
	for y := range 5 {
		for x := range 5 {
			assert.Equal(t, x == 2 && y >= 1 && y <= 3, alive(img, 3, x, y), "cell (%d,%d)", x, y)
		}
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left")
}

func TestPicturesSeveralCellsAPixel(t *testing.T) {
	// lifeview's zooms below 1: at 1/2 a pixel is 2x2 cells, alive if any
	// of them is. The blinker lies along row 2 of a 5x5 grid, cells 1 to 3.
	dir := t.TempDir()
	png := filepath.Join(dir, "half.png")
	_, stderr, status := runLife(t, "", "-pattern", "blinker", "-size", "5x5", "-gens", "0", "-png", png, "-zoom", "1/2")
	require.Equal(t, 0, status, stderr)
	img := decodePNG(t, png)
	require.Equal(t, image.Rect(0, 0, 3, 3), img.Bounds(), "the last column and row of pixels take the cells left")
	for y := range 3 {
		for x := range 3 {
			assert.Equal(t, y == 1 && x <= 1, alive(img, 1, x, y), "pixel (%d,%d)", x, y)
		}
	}

	// A GIF at 1/4 of a glider on the unbounded plane: the box of its
	// frames, 5x5 cells as it flies (1,1) every 4 generations, is 2x2
	// pixels. At first it lies in the top-left pixel; 8 generations on it
	// has cells in all four.
	anim := filepath.Join(dir, "quarter.gif")
	_, stderr, status = runLife(t, "", "-pattern", "glider", "-topology", "unbounded", "-gens", "8", "-gif", anim, "-zoom", "0.25")
	require.Equal(t, 0, status, stderr)
	g := decodeGIF(t, anim)
	require.Len(t, g.Image, 9)
	for i, frame := range g.Image {
		assert.Equal(t, image.Rect(0, 0, 2, 2), frame.Bounds(), "frame %d", i)
	}
	first, last := g.Image[0], g.Image[8]
	assert.Equal(t, []bool{true, false, false, false},
		[]bool{alive(first, 1, 0, 0), alive(first, 1, 1, 0), alive(first, 1, 0, 1), alive(first, 1, 1, 1)})
	assert.Equal(t, []bool{true, true, true, true},
		[]bool{alive(last, 1, 0, 0), alive(last, 1, 1, 0), alive(last, 1, 0, 1), alive(last, 1, 1, 1)})
}

func TestPicturesHelp(t *testing.T) {
	stdout, _, status := runLife(t, "", "-h")
	require.Equal(t, 0, status)
	for _, name := range []string{"gif", "png", "zoom", "delay"} {
		assert.Regexp(t, `\n  -`+name+`[ \n]`, stdout, "-h documents -%s", name)
	}
}

func TestPicturesErrors(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "keep.gif")
	require.NoError(t, os.WriteFile(keep, []byte("an old picture"), 0o644))
	missing := filepath.Join(dir, "missing", "a.gif")
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"gif not .gif", []string{"-gif", "a.png"},
			`life: invalid value "a.png" for flag -gif: "a.png": want a .gif file (run life -h for help)`},
		{"zoom 0", []string{"-png", "a.png", "-zoom", "0"},
			`life: invalid value "0" for flag -zoom: want from 1/64 to 256 pixels per cell (run life -h for help)`},
		{"zoom not a number", []string{"-png", "a.png", "-zoom", "x2"},
			`life: invalid value "x2" for flag -zoom: want a number of pixels per cell, such as 8, or 1/2 (run life -h for help)`},
		{"with -watch", []string{"-watch", "-png", "a.png"},
			"life: -gif and -png are for print mode, not -watch (run life -h for help)"},
		{"a missing directory", []string{"-pattern", "block", "-gif", missing},
			"life: -gif: " + missing + ": directory " + filepath.Dir(missing) + " does not exist (run life -h for help)"},
		{"too large", []string{"-pattern", "block", "-size", "1000x10", "-zoom", "100", "-png", filepath.Join(dir, "a.png")},
			"life: -zoom: bad picture size: a 1000x10 grid at zoom 96 is more than 65535 pixels across (run life -h for help)"},
		{"too many frames", []string{"-random", "0.3", "-size", "1024x1024", "-gens", "100", "-gif", keep},
			"life: -gif: bad picture size: 101 frames of 4096x4096 pixels are more than 1024 MiB; use fewer generations, a smaller zoom or a smaller grid (run life -h for help)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertUsageError(t, tt.args, tt.wantErr)
		})
	}
	got, err := os.ReadFile(keep)
	require.NoError(t, err)
	assert.Equal(t, "an old picture", string(got))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "nothing written")
}
