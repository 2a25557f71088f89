// Package picture draws generations of a life.Grid as pictures to share: a
// still PNG of one generation, or an animated GIF of many, at a zoom in
// pixels a cell as the window counts it: at zoom z from 1 up each cell is a
// square of z × z pixels; at zoom 1/n each pixel is a square of n × n cells,
// and is alive if any of them is, as Golly draws a pattern zoomed out (its
// hlifedraw.cpp sets a pixel for a node that is not empty). Pixels are
// painted from the palette of the rule's states (render/palette: Empty,
// Alive, and the dying states of a Generations rule), so the index of a
// pixel is the State of its cell (of several: Alive if any is, else the
// first that is not Empty). Files are written atomically: a failed write
// leaves any existing file as it was.
package picture

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"

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

// ErrSize is returned, wrapped, for a zoom that is neither a whole number
// of pixels a cell nor 1/n, or for a picture too large.
var ErrSize = errors.New("bad picture size")

// scale reads a zoom: px pixels a cell, or cells cells a pixel; one of them
// is 1.
func scale(zoom float64) (px, cells int, err error) {
	switch {
	case zoom >= 1 && zoom <= MaxSide && zoom == math.Trunc(zoom):
		return int(zoom), 1, nil
	case zoom > 0 && zoom < 1:
		n := math.Round(1 / zoom)
		if n <= MaxSide && math.Abs(zoom*n-1) < 1e-9 {
			return 1, int(n), nil
		}
	}
	return 0, 0, fmt.Errorf("%w: zoom %g: want a whole number of pixels per cell, 1 or more, or 1/n for n×n cells a pixel", ErrSize, zoom)
}

// PixelSize returns the size in pixels of a picture of a w × h grid at zoom
// (a pixel of several cells takes the cells that are left at the right or
// bottom edge), or an error wrapping ErrSize that says why it may not be made.
func PixelSize(w, h int, zoom float64) (pw, ph int, err error) {
	px, cells, err := scale(zoom)
	switch {
	case err != nil:
		return 0, 0, err
	case w < 1 || h < 1:
		return 0, 0, fmt.Errorf("%w: a %dx%d grid has no cells", ErrSize, w, h)
	case w > MaxSide*cells/px || h > MaxSide*cells/px:
		return 0, 0, fmt.Errorf("%w: a %dx%d grid at zoom %g is more than %d pixels across", ErrSize, w, h, zoom, MaxSide)
	}
	pw, ph = (w*px+cells-1)/cells, (h*px+cells-1)/cells
	if pw > MaxPixels/ph {
		return 0, 0, fmt.Errorf("%w: a %dx%d grid at zoom %g is more than %d pixels", ErrSize, w, h, zoom, MaxPixels)
	}
	return pw, ph, nil
}

// CheckSize reports whether a picture of a w × h grid at zoom may be made,
// with an error wrapping ErrSize that says why not.
func CheckSize(w, h int, zoom float64) error {
	_, _, err := PixelSize(w, h, zoom)
	return err
}

// Image returns a picture of g at zoom, or an error from CheckSize.
func Image(g *life.Grid, zoom float64, states int) (*image.Paletted, error) {
	pw, ph, err := PixelSize(g.Width(), g.Height(), zoom)
	if err != nil {
		return nil, err
	}
	img := image.NewPaletted(image.Rect(0, 0, pw, ph), Palette(states))
	paint(img, g, zoom)
	return img, nil
}

// paint draws g into img, which is PixelSize's size, empty where g is. A
// state beyond img's palette takes its last colour.
func paint(img *image.Paletted, g *life.Grid, zoom float64) {
	zoomIn, cells, _ := scale(zoom)
	w := g.Width()
	last := uint8(len(img.Palette) - 1)
	if cells > 1 {
		for y := range g.Height() {
			line := img.Pix[y/cells*img.Stride:]
			for x, s := range g.Cells[y*w : (y+1)*w] {
				// Alive wins; else the first state that is not Empty.
				if px := &line[x/cells]; s == life.Alive || *px == uint8(life.Empty) {
					*px = min(uint8(s), last)
				}
			}
		}
		return
	}
	for y := range g.Height() {
		line := img.Pix[y*zoomIn*img.Stride : y*zoomIn*img.Stride+w*zoomIn]
		for x, s := range g.Cells[y*w : (y+1)*w] {
			px := line[x*zoomIn : (x+1)*zoomIn]
			for i := range px {
				px[i] = min(uint8(s), last)
			}
		}
		for i := 1; i < zoomIn; i++ {
			copy(img.Pix[(y*zoomIn+i)*img.Stride:], line)
		}
	}
}

// EncodePNG writes a PNG picture of g, under a rule of states states, to w.
func EncodePNG(w io.Writer, g *life.Grid, zoom float64, states int) error {
	img, err := Image(g, zoom, states)
	if err != nil {
		return err
	}
	return png.Encode(w, img)
}

// WritePNG writes a PNG picture of g, under a rule of states states, to the
// file path, atomically.
func WritePNG(path string, g *life.Grid, zoom float64, states int) error {
	img, err := Image(g, zoom, states)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return writeFile(path, func(w io.Writer) error { return png.Encode(w, img) })
}
