// Package picture draws generations of a life.Grid as pictures to share: a
// still PNG of one generation, or an animated GIF of many. Each cell is a
// square of zoom × zoom pixels, painted from the palette of the rule's
// states (render/palette: Empty, Alive, and the dying states of a
// Generations rule), so the index of a pixel is the State of its cell. Files are
// written atomically: a failed write leaves any existing file as it was.
package picture

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"

	"colife/life"
	"colife/render/palette"
)

// Palette returns a new palette of the colours of a picture under a rule of
// states states (2 for a two-state rule), those of the window: at index
// life.Empty the colour of an empty cell, near-black (#101218), at index
// life.Alive that of a live cell, amber (#ffc83c), and from 2 up the ramp
// of the dying states.
func Palette(states int) color.Palette { return palette.Cells(states) }

// MaxSide is the largest width or height, in pixels, of a picture: the
// largest a GIF can hold.
const MaxSide = 1<<16 - 1

// MaxPixels is the largest number of pixels of one picture, one byte each.
const MaxPixels = 1 << 28

// ErrSize is returned, wrapped, for a zoom below 1 or a picture too large.
var ErrSize = errors.New("bad picture size")

// CheckSize reports whether a picture of a w × h grid at zoom pixels per cell
// may be made, with an error wrapping ErrSize that says why not.
func CheckSize(w, h, zoom int) error {
	switch {
	case zoom < 1:
		return fmt.Errorf("%w: zoom %d: want at least 1 pixel per cell", ErrSize, zoom)
	case w < 1 || h < 1:
		return fmt.Errorf("%w: a %dx%d grid has no cells", ErrSize, w, h)
	case w > MaxSide/zoom || h > MaxSide/zoom:
		return fmt.Errorf("%w: a %dx%d grid at zoom %d is more than %d pixels across", ErrSize, w, h, zoom, MaxSide)
	case w*zoom > MaxPixels/(h*zoom):
		return fmt.Errorf("%w: a %dx%d grid at zoom %d is more than %d pixels", ErrSize, w, h, zoom, MaxPixels)
	}
	return nil
}

// Image returns a picture of g, under a rule of states states, with zoom ×
// zoom pixels per cell, or an error from CheckSize.
func Image(g *life.Grid, zoom, states int) (*image.Paletted, error) {
	if err := CheckSize(g.Width(), g.Height(), zoom); err != nil {
		return nil, err
	}
	img := image.NewPaletted(image.Rect(0, 0, g.Width()*zoom, g.Height()*zoom), Palette(states))
	paint(img, g, zoom)
	return img, nil
}

// paint draws g into img, which is exactly g's size times zoom. A state
// beyond img's palette takes its last colour.
func paint(img *image.Paletted, g *life.Grid, zoom int) {
	w := g.Width()
	last := uint8(len(img.Palette) - 1)
	for y := range g.Height() {
		line := img.Pix[y*zoom*img.Stride : y*zoom*img.Stride+w*zoom]
		for x, s := range g.Cells[y*w : (y+1)*w] {
			px := line[x*zoom : (x+1)*zoom]
			for i := range px {
				px[i] = min(uint8(s), last)
			}
		}
		for i := 1; i < zoom; i++ {
			copy(img.Pix[(y*zoom+i)*img.Stride:], line)
		}
	}
}

// EncodePNG writes a PNG picture of g, under a rule of states states, to w.
func EncodePNG(w io.Writer, g *life.Grid, zoom, states int) error {
	img, err := Image(g, zoom, states)
	if err != nil {
		return err
	}
	return png.Encode(w, img)
}

// WritePNG writes a PNG picture of g, under a rule of states states, to the
// file path, atomically.
func WritePNG(path string, g *life.Grid, zoom, states int) error {
	img, err := Image(g, zoom, states)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return writeFile(path, func(w io.Writer) error { return png.Encode(w, img) })
}
