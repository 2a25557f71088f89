package view

import (
	"image"
	"image/color"
	"math"

	"colife/life"
)

// Palette is the colours a Painter paints with.
type Palette struct {
	Live    color.RGBA // a live cell
	Dead    color.RGBA // an empty cell
	Line    color.RGBA // the first row and column of pixels of an empty cell, when cells are big
	Outside color.RGBA // beyond the edge of the grid
}

// DefaultPalette is amber cells on a near-black grid in a grey surround.
var DefaultPalette = Palette{
	Live:    color.RGBA{0xff, 0xc8, 0x3c, 0xff},
	Dead:    color.RGBA{0x10, 0x12, 0x18, 0xff},
	Line:    color.RGBA{0x1e, 0x22, 0x2c, 0xff},
	Outside: color.RGBA{0x3a, 0x3d, 0x45, 0xff},
}

// LineZoom is the smallest zoom, in pixels per cell, at which a Painter draws
// grid lines. The lines are drawn in empty cells only: a live cell is always
// Zoom × Zoom pixels of the Live colour.
const LineZoom = 6

// Painter paints a grid as a View shows it into an RGBA buffer. It keeps its
// scratch space from one frame to the next, so that painting the same size of
// screen again allocates nothing.
//
// The zero Painter paints with the zero Palette, all transparent black; set
// Palette, to DefaultPalette say.
type Painter struct {
	Palette Palette
	cols    []span // the cells each column of pixels covers
	line    []bool // whether each column of pixels starts a cell
	alive   []bool // scratch: whether each pixel of the row being painted is alive
}

// span is a range of cells [lo, hi) along one axis; empty beyond the grid.
type span struct{ lo, hi int32 }

// spanOf returns the cells screen pixel p covers along an axis of n cells
// that starts at off, at zoom z: at zoom 1 or more, the one cell under the
// pixel's centre; below 1, the cells whose centres lie inside the pixel.
func spanOf(p int, off, z float64, n int) span {
	var lo, hi int
	if z >= 1 {
		lo = int(math.Floor((float64(p) + 0.5 - off) / z))
		hi = lo + 1
	} else {
		lo = int(math.Ceil((float64(p)-off)/z - 0.5))
		hi = int(math.Ceil((float64(p)+1-off)/z - 0.5))
	}
	lo, hi = max(lo, 0), min(hi, n)
	if lo >= hi {
		return span{}
	}
	return span{int32(lo), int32(hi)}
}

// Paint paints g into dst as v shows it: every pixel of dst's bounds, with
// dst's top-left pixel as the screen's (0, 0). Where a pixel covers several
// cells (zoom below 1) it is live if any of them is. v should be a view of
// g's size.
func (p *Painter) Paint(dst *image.RGBA, g *life.Grid, v View) {
	b := dst.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= 0 || h <= 0 {
		return
	}
	gw, gh := g.Width(), g.Height()
	p.cols = grow(p.cols, w)
	p.line = grow(p.line, w)
	p.alive = grow(p.alive, w)
	lines := v.Zoom >= LineZoom
	for x := range w {
		p.cols[x] = spanOf(x, v.OffX, v.Zoom, gw)
		p.line[x] = lines && x > 0 && p.cols[x] != p.cols[x-1]
	}
	pal := p.Palette
	prev, prevLine := span{-1, -1}, false
	for y := range h {
		i := dst.PixOffset(b.Min.X, b.Min.Y+y)
		row := dst.Pix[i : i+4*w]
		rows := spanOf(y, v.OffY, v.Zoom, gh)
		if y > 0 && rows == prev && !prevLine {
			// The same cells as the row above: the same pixels.
			copy(row, dst.Pix[i-dst.Stride:i-dst.Stride+4*w])
			continue
		}
		startsCell := lines && y > 0 && rows != prev
		prev, prevLine = rows, startsCell
		if rows.lo >= rows.hi {
			fill(row, pal.Outside)
			continue
		}
		p.scan(g, rows)
		for x := range w {
			c := pal.Dead
			switch {
			case p.cols[x].lo >= p.cols[x].hi:
				c = pal.Outside
			case p.alive[x]:
				c = pal.Live
			case startsCell || p.line[x]:
				c = pal.Line
			}
			row[4*x], row[4*x+1], row[4*x+2], row[4*x+3] = c.R, c.G, c.B, c.A
		}
	}
}

// scan sets p.alive[x] for each column of pixels: whether any cell of rows
// within the column's cells is alive.
func (p *Painter) scan(g *life.Grid, rows span) {
	gw := g.Width()
	for x, cs := range p.cols {
		alive := false
		for r := int(rows.lo); r < int(rows.hi) && !alive; r++ {
			cells := g.Cells[r*gw : (r+1)*gw]
			for c := cs.lo; c < cs.hi; c++ {
				if cells[c] == life.Alive {
					alive = true
					break
				}
			}
		}
		p.alive[x] = alive
	}
}

// grow returns s resized to n, reusing its storage when it can.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// fill paints every pixel of row c.
func fill(row []byte, c color.RGBA) {
	for i := 0; i+3 < len(row); i += 4 {
		row[i], row[i+1], row[i+2], row[i+3] = c.R, c.G, c.B, c.A
	}
}
