// Package picture draws generations of a life.Grid as pictures to share: a
// still PNG of one generation, or an animated GIF of many. Each cell is a
// square of zoom × zoom pixels, painted from a palette of two colours, Dead
// then Alive, so the index of a pixel is the State of its cell. Files are
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
)

// Palette returns a new palette of the two colours of every picture, those of
// the window: at index life.Empty the colour of an empty cell, near-black
// (#101218), and at index life.Alive that of a live cell, amber (#ffc83c).
func Palette() color.Palette {
	return color.Palette{
		life.Empty: color.RGBA{R: 0x10, G: 0x12, B: 0x18, A: 0xff},
		life.Alive: color.RGBA{R: 0xff, G: 0xc8, B: 0x3c, A: 0xff},
	}
}

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

// Image returns a picture of g with zoom × zoom pixels per cell, or an error
// from CheckSize.
func Image(g *life.Grid, zoom int) (*image.Paletted, error) {
	if err := CheckSize(g.Width(), g.Height(), zoom); err != nil {
		return nil, err
	}
	img := image.NewPaletted(image.Rect(0, 0, g.Width()*zoom, g.Height()*zoom), Palette())
	paint(img, g, zoom)
	return img, nil
}

// paint draws g into img, which is exactly g's size times zoom.
func paint(img *image.Paletted, g *life.Grid, zoom int) {
	w := g.Width()
	for y := range g.Height() {
		line := img.Pix[y*zoom*img.Stride : y*zoom*img.Stride+w*zoom]
		for x, s := range g.Cells[y*w : (y+1)*w] {
			px := line[x*zoom : (x+1)*zoom]
			for i := range px {
				px[i] = uint8(s)
			}
		}
		for i := 1; i < zoom; i++ {
			copy(img.Pix[(y*zoom+i)*img.Stride:], line)
		}
	}
}

// EncodePNG writes a PNG picture of g to w.
func EncodePNG(w io.Writer, g *life.Grid, zoom int) error {
	img, err := Image(g, zoom)
	if err != nil {
		return err
	}
	return png.Encode(w, img)
}

// WritePNG writes a PNG picture of g to the file path, atomically.
func WritePNG(path string, g *life.Grid, zoom int) error {
	img, err := Image(g, zoom)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return writeFile(path, func(w io.Writer) error { return png.Encode(w, img) })
}
