package picture_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"colife/life"
	"colife/life/sim"
	"colife/render/palette"
	"colife/render/picture"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func grid(t *testing.T, rows ...string) *life.Grid {
	t.Helper()
	g, err := life.ParseGrid(rows...)
	require.NoError(t, err)
	return g
}

// assertPicture checks that img shows g at zoom: its size, and the colour of
// every pixel that of its cell.
func assertPicture(t *testing.T, g *life.Grid, zoom int, img image.Image) {
	t.Helper()
	require.Equal(t, image.Rect(0, 0, g.Width()*zoom, g.Height()*zoom), img.Bounds())
	pal := picture.Palette(2)
	for py := range g.Height() * zoom {
		for px := range g.Width() * zoom {
			want := pal[g.At(px/zoom, py/zoom)]
			if !assert.Equal(t, rgba(want), rgba(img.At(px, py)), "pixel (%d,%d) of cell (%d,%d)", px, py, px/zoom, py/zoom) {
				return
			}
		}
	}
}

func rgba(c color.Color) color.RGBA64 {
	r, g, b, a := c.RGBA()
	return color.RGBA64{R: uint16(r), G: uint16(g), B: uint16(b), A: uint16(a)}
}

func TestPalette(t *testing.T) {
	pal := picture.Palette(2)
	require.Len(t, pal, 2)
	assert.Equal(t, color.RGBA{R: 0x10, G: 0x12, B: 0x18, A: 0xff}, pal[life.Empty])
	assert.Equal(t, color.RGBA{R: 0xff, G: 0xc8, B: 0x3c, A: 0xff}, pal[life.Alive])
	pal[0] = color.White
	assert.NotEqual(t, color.White, picture.Palette(2)[0], "each palette is a new one")
}

func TestImage(t *testing.T) {
	tests := []struct {
		name string
		rows []string
		zoom int
	}{
		{"one cell", []string{"O"}, 1},
		{"glider at zoom 1", []string{".O.", "..O", "OOO"}, 1},
		{"glider at zoom 3", []string{".O.", "..O", "OOO"}, 3},
		{"wide and short at zoom 2", []string{"O...O.O", ".O....."}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := grid(t, tt.rows...)
			img, err := picture.Image(g, float64(tt.zoom), 2)
			require.NoError(t, err)
			assertPicture(t, g, tt.zoom, img)
		})
	}
	t.Run("several cells a pixel: alive if any is, as Golly draws", func(t *testing.T) {
		g := grid(t,
			"O.......O",
			"........O",
			"...O.....",
			".........",
			".........",
		)
		for _, tc := range []struct {
			zoom  float64
			w, h  int
			alive []uint8
		}{
			// 2x2 cells a pixel; the last column and row take the cells left.
			{0.5, 5, 3, []uint8{
				1, 0, 0, 0, 1,
				0, 1, 0, 0, 0,
				0, 0, 0, 0, 0,
			}},
			{0.25, 3, 2, []uint8{
				1, 0, 1,
				0, 0, 0,
			}},
			{1.0 / 16, 1, 1, []uint8{1}},
		} {
			img, err := picture.Image(g, tc.zoom, 2)
			require.NoError(t, err)
			assert.Equal(t, image.Rect(0, 0, tc.w, tc.h), img.Bounds(), "zoom %g", tc.zoom)
			assert.Equal(t, tc.alive, img.Pix, "zoom %g", tc.zoom)
		}
		empty, err := picture.Image(grid(t, "....", "...."), 0.5, 2)
		require.NoError(t, err)
		assert.Equal(t, []uint8{0, 0}, empty.Pix)
	})
	t.Run("pixels by hand", func(t *testing.T) {
		img, err := picture.Image(grid(t, ".O", ".."), 2, 2)
		require.NoError(t, err)
		assert.Equal(t, []uint8{
			0, 0, 1, 1,
			0, 0, 1, 1,
			0, 0, 0, 0,
			0, 0, 0, 0,
		}, img.Pix)
	})
}

func TestCheckSize(t *testing.T) {
	tests := []struct {
		name    string
		w, h    int
		zoom    float64
		wantErr string
	}{
		{"fine", 100, 50, 4, ""},
		{"the widest", picture.MaxSide, 1, 1, ""},
		{"several cells a pixel", 4 * picture.MaxSide, 1, 0.25, ""},
		{"one cell a pixel too many across", 4*picture.MaxSide + 1, 1, 0.25, "bad picture size: a 262141x1 grid at zoom 0.25 is more than 65535 pixels across"},
		{"zoom 0", 10, 10, 0, "bad picture size: zoom 0: want a whole number of pixels per cell, 1 or more, or 1/n for n×n cells a pixel"},
		{"negative zoom", 10, 10, -3, "bad picture size: zoom -3: want a whole number of pixels per cell, 1 or more, or 1/n for n×n cells a pixel"},
		{"part of a pixel", 10, 10, 2.5, "bad picture size: zoom 2.5: want a whole number of pixels per cell, 1 or more, or 1/n for n×n cells a pixel"},
		{"not 1/n", 10, 10, 0.4, "bad picture size: zoom 0.4: want a whole number of pixels per cell, 1 or more, or 1/n for n×n cells a pixel"},
		{"too wide", picture.MaxSide, 1, 2, "bad picture size: a 65535x1 grid at zoom 2 is more than 65535 pixels across"},
		{"too many pixels", 20000, 20000, 1, "bad picture size: a 20000x20000 grid at zoom 1 is more than 268435456 pixels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := picture.CheckSize(tt.w, tt.h, tt.zoom)
			if tt.wantErr == "" {
				assert.NoError(t, err)
				return
			}
			assert.EqualError(t, err, tt.wantErr)
			assert.ErrorIs(t, err, picture.ErrSize)
		})
	}
}

func TestWritePNG(t *testing.T) {
	g := grid(t,
		"......",
		"..O...",
		"...O..",
		".OOO..",
	)
	path := filepath.Join(t.TempDir(), "glider.png")
	require.NoError(t, picture.WritePNG(path, g, 5, 2))

	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	assert.Equal(t, image.Rect(0, 0, 30, 20), img.Bounds())
	alive, dead := rgba(picture.Palette(2)[life.Alive]), rgba(picture.Palette(2)[life.Empty])
	assert.Equal(t, alive, rgba(img.At(2*5, 1*5)), "top left pixel of the live cell (2,1)")
	assert.Equal(t, alive, rgba(img.At(3*5+4, 3*5+4)), "bottom right pixel of the live cell (3,3)")
	assert.Equal(t, dead, rgba(img.At(0, 0)), "the empty cell (0,0)")
	assert.Equal(t, dead, rgba(img.At(2*5+5, 1*5)), "the empty cell (3,1)")
	assertPicture(t, g, 5, img)

	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), info.Mode().Perm())
}

// generations returns generations 0 to n of rows on a plane.
func generations(t *testing.T, n int, rows ...string) []*life.Grid {
	t.Helper()
	s, err := sim.New(context.Background(), grid(t, rows...),
		sim.Options{Rule: life.Conway, Topology: life.Plane, Engine: sim.Direct})
	require.NoError(t, err)
	defer s.Close()
	out := []*life.Grid{s.Grid().Clone()}
	for range n {
		require.NoError(t, s.Step())
		out = append(out, s.Grid().Clone())
	}
	return out
}

func TestAnimation(t *testing.T) {
	gens := generations(t, 4,
		".....",
		"..O..",
		"...O.",
		".OOO.",
		".....",
		".....",
	)
	a, err := picture.NewAnimation(5, 6, 3, 2, 80*time.Millisecond)
	require.NoError(t, err)
	for _, g := range gens {
		require.NoError(t, a.Add(g))
	}
	assert.Equal(t, 5, a.Frames())
	path := filepath.Join(t.TempDir(), "glider.gif")
	require.NoError(t, a.WriteFile(path))

	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	out, err := gif.DecodeAll(f)
	require.NoError(t, err)
	require.Len(t, out.Image, 5)
	assert.Equal(t, []int{8, 8, 8, 8, 8}, out.Delay, "80 ms is 8/100 s")
	assert.Equal(t, 0, out.LoopCount, "loops for ever")
	assert.Equal(t, 15, out.Config.Width)
	assert.Equal(t, 18, out.Config.Height)
	alive := rgba(picture.Palette(2)[life.Alive])
	// The glider's cell (2,1) is alive in generation 0 only; (3,4) in
	// generation 4 only (the glider has moved one cell down and right).
	assert.Equal(t, alive, rgba(out.Image[0].At(2*3+1, 1*3+1)))
	assert.NotEqual(t, alive, rgba(out.Image[4].At(2*3+1, 1*3+1)))
	assert.Equal(t, alive, rgba(out.Image[4].At(3*3+1, 4*3+1)))
	assert.NotEqual(t, alive, rgba(out.Image[0].At(3*3+1, 4*3+1)))
	for i, img := range out.Image {
		t.Run("frame "+string(rune('0'+i)), func(t *testing.T) {
			assertPicture(t, gens[i], 3, img)
		})
	}
}

func TestAnimationDelay(t *testing.T) {
	tests := []struct {
		delay time.Duration
		want  int
	}{
		{0, 0},
		{4 * time.Millisecond, 0},
		{5 * time.Millisecond, 1},
		{100 * time.Millisecond, 10},
		{104 * time.Millisecond, 10},
		{105 * time.Millisecond, 11},
		{2 * time.Second, 200},
	}
	for _, tt := range tests {
		t.Run(tt.delay.String(), func(t *testing.T) {
			a, err := picture.NewAnimation(1, 1, 1, 2, tt.delay)
			require.NoError(t, err)
			require.NoError(t, a.Add(grid(t, "O")))
			var buf bytes.Buffer
			require.NoError(t, a.Encode(&buf))
			out, err := gif.DecodeAll(&buf)
			require.NoError(t, err)
			assert.Equal(t, []int{tt.want}, out.Delay)
		})
	}
}

func TestAnimationErrors(t *testing.T) {
	_, err := picture.NewAnimation(4, 4, 1, 2, -time.Millisecond)
	assert.EqualError(t, err, "gif delay -1ms: want 0 or more")
	_, err = picture.NewAnimation(4, 4, 1, 2, 11*time.Minute)
	assert.EqualError(t, err, "gif delay 11m0s: want at most 10m55.35s")
	_, err = picture.NewAnimation(4, 4, 0, 2, time.Millisecond)
	assert.ErrorIs(t, err, picture.ErrSize)

	a, err := picture.NewAnimation(4, 4, 1, 2, 0)
	require.NoError(t, err)
	assert.EqualError(t, a.Encode(io.Discard), "gif: no frames")
	path := filepath.Join(t.TempDir(), "none.gif")
	assert.EqualError(t, a.WriteFile(path), "write "+path+": no frames")
	assert.NoFileExists(t, path)
	assert.EqualError(t, a.Add(grid(t, "OO")), "gif frame 0: a 2x1 grid in a 4x4 animation")

	err = picture.CheckAnimation(1024, 1024, 4, 65)
	assert.EqualError(t, err, "bad picture size: 65 frames of 4096x4096 pixels are more than 1024 MiB; use fewer generations, a smaller zoom or a smaller grid")
	assert.NoError(t, picture.CheckAnimation(1024, 1024, 4, 64))
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "keep.png")
	require.NoError(t, os.WriteFile(path, []byte("the old picture"), 0o600))

	boom := errors.New("boom")
	err := picture.WriteFile(path, func(w io.Writer) error {
		_, err := w.Write(bytes.Repeat([]byte("x"), 100000)) // past any buffer
		require.NoError(t, err)
		return boom
	})
	assert.ErrorIs(t, err, boom)
	assert.EqualError(t, err, "write "+path+": boom")
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "the old picture", string(got), "the old file is untouched")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file is left behind")

	require.NoError(t, picture.WritePNG(path, grid(t, "O"), 1, 2))
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	_, err = png.Decode(f)
	assert.NoError(t, err, "a successful write replaces the old file")
}

func TestWriteErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		path    string
		zoom    float64
		wantErr string
	}{
		{"no such directory", filepath.Join(dir, "nope", "a.png"), 1, "write " + filepath.Join(dir, "nope", "a.png") + ": no such file or directory"},
		{"a directory", dir + string(filepath.Separator), 1, "write " + dir + "/: is a directory; want a file name"},
		{"an existing directory", dir, 1, "write " + dir + ": is a directory; want a file name"},
		{"zoom 0", filepath.Join(dir, "b.png"), 0, filepath.Join(dir, "b.png") + ": bad picture size: zoom 0: want a whole number of pixels per cell, 1 or more, or 1/n for n×n cells a pixel"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := picture.WritePNG(tt.path, grid(t, "O"), tt.zoom, 2)
			assert.EqualError(t, err, tt.wantErr)
		})
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries, "no temporary file is left behind")
}

func TestAnimationSeveralCellsAPixel(t *testing.T) {
	a, err := picture.NewAnimation(5, 3, 0.5, 2, 0)
	require.NoError(t, err)
	require.NoError(t, a.Add(grid(t, ".....", "....O", "O....")))
	var b bytes.Buffer
	require.NoError(t, a.Encode(&b))
	out, err := gif.DecodeAll(&b)
	require.NoError(t, err)
	require.Len(t, out.Image, 1)
	assert.Equal(t, image.Rect(0, 0, 3, 2), out.Image[0].Bounds())
	assert.Equal(t, []uint8{0, 0, 1, 1, 0, 0}, out.Image[0].Pix, "(4,1) in the top-right pixel, (0,2) in the bottom-left")
	assert.NoError(t, picture.CheckAnimation(4*1024, 4*1024, 0.25, 64), "1024x1024 pixels a frame")
	assert.Error(t, picture.CheckAnimation(4*1024, 4*1024, 0.25, 1025))
}

// TestDyingStates draws the dying states of a Generations rule in the ramp
// of render/palette, in a PNG and in every frame of a GIF.
func TestDyingStates(t *testing.T) {
	g := grid(t, "O23", "-3O")
	img, err := picture.Image(g, 2, 4)
	require.NoError(t, err)
	pal := palette.Cells(4)
	for _, c := range []struct{ x, y int }{{0, 0}, {1, 0}, {2, 0}, {0, 1}, {1, 1}, {2, 1}} {
		assert.Equal(t, rgba(pal[g.At(c.x, c.y)]), rgba(img.At(2*c.x+1, 2*c.y+1)), "cell (%d,%d)", c.x, c.y)
	}
	assert.NotEqual(t, rgba(pal[2]), rgba(pal[3]), "two dying states, two colours")

	a, err := picture.NewAnimation(3, 2, 1, 4, 0)
	require.NoError(t, err)
	require.NoError(t, a.Add(g))
	var buf bytes.Buffer
	require.NoError(t, a.Encode(&buf))
	anim, err := gif.DecodeAll(&buf)
	require.NoError(t, err)
	assert.Equal(t, rgba(pal[3]), rgba(anim.Image[0].At(2, 0)))
	assert.Equal(t, rgba(pal[2]), rgba(anim.Image[0].At(1, 0)))
}
