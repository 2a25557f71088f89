package view

import (
	"image"
	"image/color"
	"math"

	"colife/life"
	"colife/render/palette"
)

// Palette is the colours a Painter paints with.
type Palette struct {
	Live    color.RGBA // a live cell
	Dead    color.RGBA // an empty cell
	Line    color.RGBA // the first row and column of pixels of an empty cell, when cells are big
	Outside color.RGBA // beyond the edge of the grid; an unbounded plane has none
	// Young and Old are the ends of the ramp of a Generations rule's dying
	// states: Young the first (state 2), Old the last (States-1).
	Young, Old color.RGBA
	// States is the number of states of the rule painted: 2 (or 0) for a
	// two-state rule.
	States int
}

// WithStates returns p for a rule of n states.
func (p Palette) WithStates(n int) Palette {
	p.States = n
	return p
}

// DefaultPalette is the dark theme: amber cells on a near-black grid in a
// grey surround.
var DefaultPalette = Palette{
	Live:    palette.Alive,
	Dead:    palette.Empty,
	Line:    color.RGBA{0x1e, 0x22, 0x2c, 0xff},
	Outside: color.RGBA{0x3a, 0x3d, 0x45, 0xff},
	Young:   palette.Young,
	Old:     palette.Old,
}

// LightPalette is the light theme: dark blue cells on white, in a light grey
// surround; dying cells fade from a deep orange to a pale lilac.
var LightPalette = Palette{
	Live:    color.RGBA{0x1c, 0x3f, 0x94, 0xff},
	Dead:    color.RGBA{0xfa, 0xfa, 0xf7, 0xff},
	Line:    color.RGBA{0xdc, 0xdf, 0xe6, 0xff},
	Outside: color.RGBA{0xb4, 0xb8, 0xc0, 0xff},
	Young:   color.RGBA{0xd2, 0x4a, 0x14, 0xff},
	Old:     color.RGBA{0xe2, 0xd6, 0xee, 0xff},
}

// Cell returns the colour of a cell in state s: the one place a cell gets its
// colour. A dying state of a Generations rule takes its place on the ramp
// from Young to Old; a state beyond the rule's, Old.
func (p Palette) Cell(s life.State) color.RGBA {
	switch s {
	case life.Empty:
		return p.Dead
	case life.Alive:
		return p.Live
	}
	n := max(p.States-2, 1)
	return palette.Between(p.Young, p.Old, min(int(s)-2, n-1), n)
}

// LineZoom is the smallest zoom, in pixels per cell, at which a Painter draws
// grid lines (unless NoLines). The lines are drawn in empty cells only: a live
// cell is always Zoom × Zoom pixels of its colour.
const LineZoom = 8

// Painter paints a grid as a View shows it into an RGBA buffer. It keeps its
// scratch space from one frame to the next, so that painting the same size of
// screen again allocates nothing.
//
// The zero Painter paints with the zero Palette, all transparent black; set
// Palette, to DefaultPalette say.
type Painter struct {
	Palette Palette
	// NoLines leaves the grid lines out at every zoom.
	NoLines bool
	cols    []span       // the cells each column of pixels covers
	line    []bool       // whether each column of pixels starts a cell
	alive   []int32      // scratch: the live cells under each pixel of the row being painted
	dying   []life.State // scratch: the first dying cell's state under each pixel, if any

	// For PaintUniverse: the rows' spans, the live cells under every pixel,
	// and which pixels each visible column and row of cells covers.
	rows         []span
	count        []int32
	state        []life.State // the state of every pixel: Alive if any cell under it is, else the first not Empty
	mass         []float64    // below MinZoom: the live cells under every pixel
	colPx, rowPx []span
}

// span is a range of cells [lo, hi) along one axis; empty beyond the grid.
type span struct{ lo, hi int32 }

// spanOf returns the cells screen pixel p covers along an axis of n cells
// that starts at off, at zoom z: at zoom 1 or more, the one cell under the
// pixel's centre; below 1, the cells whose centres lie inside the pixel.
func spanOf(p int, off, z float64, n int) span {
	lo, hi := cellsOf(p, off, z)
	lo, hi = max(lo, 0), min(hi, n)
	if lo >= hi {
		return span{}
	}
	return span{int32(lo), int32(hi)}
}

// cellsOf returns the cells [lo, hi) screen pixel p covers along an axis
// whose cell 0 starts at off, at zoom z, as spanOf does but with no edge.
func cellsOf(p int, off, z float64) (lo, hi int) {
	if z >= 1 {
		lo = int(math.Floor((float64(p) + 0.5 - off) / z))
		return lo, lo + 1
	}
	lo = int(math.Ceil((float64(p)-off)/z - 0.5))
	hi = int(math.Ceil((float64(p)+1-off)/z - 0.5))
	return lo, hi
}

// Paint paints g into dst as v shows it: every pixel of dst's bounds, with
// dst's top-left pixel as the screen's (0, 0). Where a pixel covers several
// cells (zoom below 1) its colour says how many are alive: Live if all of
// them, Dead if none, and in between at least half way to Live if some. v
// should be a view of g's size.
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
	p.dying = grow(p.dying, w)
	lines := v.Zoom >= LineZoom && !p.NoLines
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
			c := pal.Cell(life.Empty)
			switch cs := p.cols[x]; {
			case cs.lo >= cs.hi:
				c = pal.Outside
			case p.alive[x] == 0 && p.dying[x] == life.Empty && (startsCell || p.line[x]):
				c = pal.Line
			case cs.hi-cs.lo == 1 && rows.hi-rows.lo == 1: // one cell: its own colour
				c = pal.Cell(g.Cells[int(rows.lo)*gw+int(cs.lo)])
			case p.alive[x] > 0:
				c = shade(pal.Cell(life.Empty), pal.Cell(life.Alive), int(p.alive[x]), int(cs.hi-cs.lo)*int(rows.hi-rows.lo))
			case p.dying[x] != life.Empty: // dying cells only
				c = pal.Cell(p.dying[x])
			}
			row[4*x], row[4*x+1], row[4*x+2], row[4*x+3] = c.R, c.G, c.B, c.A
		}
	}
}

// PaintPlane paints the cells of b, an unbounded plane, that v shows into
// dst, as Paint paints a grid: every pixel of dst's bounds, with dst's
// top-left pixel as the screen's (0, 0), in the same colours, grid lines and
// shades; there is no outside. v should be an unbounded view. The work is
// one pass over the pixels and one over the live cells on screen
// (Board.Cells over the visible rectangle), however far from (0, 0) the
// view is and however many cells each pixel covers.
//
// Below MinZoom (1/64), where a pixel covers more cells than a screen could
// list column by column, it adds up what lies under each pixel instead: on a
// life.BlockBoard (HashLife's tree) from its squares of half a pixel's side,
// never descending into an empty one, so that a pattern millions of cells
// wide paints in a few milliseconds; on another board from its cells. A
// square counts for the pixel under its centre.
func (p *Painter) PaintPlane(dst *image.RGBA, u life.Board, v View) {
	b := dst.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= 0 || h <= 0 {
		return
	}
	// Spans relative to v.Origin: small numbers, wherever the view is.
	v.Zoom = v.snap(v.Zoom)
	v.rebase()
	if v.Zoom < MinZoom {
		p.paintCoarse(dst, u, v)
		return
	}
	p.cols = grow(p.cols, w)
	p.line = grow(p.line, w)
	p.rows = grow(p.rows, h)
	lines := v.Zoom >= LineZoom && !p.NoLines
	for x := range w {
		lo, hi := cellsOf(x, v.OffX, v.Zoom)
		p.cols[x] = span{int32(lo), int32(hi)}
		p.line[x] = lines && x > 0 && p.cols[x] != p.cols[x-1]
	}
	for y := range h {
		lo, hi := cellsOf(y, v.OffY, v.Zoom)
		p.rows[y] = span{int32(lo), int32(hi)}
	}
	// The visible cells, and the pixels each of their columns and rows
	// covers: the spans of consecutive pixels follow each other with no gap.
	x0, y0 := p.cols[0].lo, p.rows[0].lo
	p.colPx = pixelsOf(p.colPx, p.cols, x0)
	p.rowPx = pixelsOf(p.rowPx, p.rows, y0)
	vis := life.RectOf(v.Origin.Add(life.Point{X: int64(x0), Y: int64(y0)}), int64(len(p.colPx)), int64(len(p.rowPx)))
	p.count = grow(p.count, w*h)
	clear(p.count)
	p.state = grow(p.state, w*h)
	clear(p.state)
	u.Cells(vis, func(x, y int64, s life.State) {
		cs, rs := p.colPx[x-vis.Min.X], p.rowPx[y-vis.Min.Y]
		for py := rs.lo; py < rs.hi; py++ {
			row := p.count[int(py)*w : int(py+1)*w]
			state := p.state[int(py)*w : int(py+1)*w]
			for px := cs.lo; px < cs.hi; px++ {
				if s == life.Alive {
					row[px]++
				}
				if s == life.Alive || state[px] == life.Empty {
					state[px] = s
				}
			}
		}
	})
	pal := p.Palette
	for y := range h {
		i := dst.PixOffset(b.Min.X, b.Min.Y+y)
		row := dst.Pix[i : i+4*w]
		rows := p.rows[y]
		startsCell := lines && y > 0 && rows != p.rows[y-1]
		counts := p.count[y*w : (y+1)*w]
		states := p.state[y*w : (y+1)*w]
		for x, k := range counts {
			c := pal.Cell(life.Empty)
			switch {
			case states[x] == life.Empty && (startsCell || p.line[x]):
				c = pal.Line
			case k > 0:
				cs := p.cols[x]
				c = shade(pal.Cell(life.Empty), pal.Cell(life.Alive), int(k), int(cs.hi-cs.lo)*int(rows.hi-rows.lo))
			case states[x] != life.Empty: // dying cells only
				c = pal.Cell(states[x])
			}
			row[4*x], row[4*x+1], row[4*x+2], row[4*x+3] = c.R, c.G, c.B, c.A
		}
	}
}

// paintCoarse paints for PaintPlane below MinZoom, where a pixel covers
// 2^k × 2^k cells, k > 6.
func (p *Painter) paintCoarse(dst *image.RGBA, u life.Board, v View) {
	b := dst.Bounds()
	w, h := b.Dx(), b.Dy()
	k := int(math.Round(-math.Log2(v.Zoom)))
	p.mass = grow(p.mass, w*h)
	clear(p.mass)
	p.state = grow(p.state, w*h)
	clear(p.state)
	// put adds n live cells (or one in state s) around (x, y), relative to
	// v.Origin, to the pixel under it.
	put := func(x, y, n float64, s life.State) {
		px := int(math.Floor(x*v.Zoom + v.OffX))
		py := int(math.Floor(y*v.Zoom + v.OffY))
		if px < 0 || py < 0 || px >= w || py >= h {
			return
		}
		i := py*w + px
		if s == life.Alive {
			p.mass[i] += n
		}
		if s == life.Alive || p.state[i] == life.Empty {
			p.state[i] = s
		}
	}
	vis := v.Visible()
	if bb, ok := u.(life.BlockBoard); ok {
		level := uint(k - 1)
		half := math.Exp2(float64(level - 1))
		full := math.Exp2(float64(2 * level)) // a square's cells: a population that saturates counts as all
		bb.Blocks(vis, level, func(x, y int64, n uint64) {
			count := float64(n)
			if n == math.MaxUint64 {
				count = full
			}
			put(float64(x-v.Origin.X)+half, float64(y-v.Origin.Y)+half, count, life.Alive)
		})
	} else {
		u.Cells(vis, func(x, y int64, s life.State) {
			put(float64(x-v.Origin.X)+0.5, float64(y-v.Origin.Y)+0.5, 1, s)
		})
	}
	pal := p.Palette
	cells := math.Exp2(float64(2 * k)) // under a pixel
	for y := range h {
		i := dst.PixOffset(b.Min.X, b.Min.Y+y)
		row := dst.Pix[i : i+4*w]
		for x := range w {
			c := pal.Cell(life.Empty)
			switch n, s := p.mass[y*w+x], p.state[y*w+x]; {
			case n > 0:
				c = shadeShare(pal.Cell(life.Empty), pal.Cell(life.Alive), n/cells)
			case s != life.Empty:
				c = pal.Cell(s)
			}
			row[4*x], row[4*x+1], row[4*x+2], row[4*x+3] = c.R, c.G, c.B, c.A
		}
	}
}

// pixelsOf returns, for each cell from first to the last one that spans (the
// cells of consecutive pixels, in order and with no gap) cover, the pixels
// [lo, hi) that cover it, in px's storage.
func pixelsOf(px []span, spans []span, first int32) []span {
	px = grow(px, int(spans[len(spans)-1].hi-first))
	for p, s := range spans {
		for c := s.lo; c < s.hi; c++ {
			if p == 0 || c >= spans[p-1].hi { // the first pixel of cell c
				px[c-first].lo = int32(p)
			}
			px[c-first].hi = int32(p) + 1
		}
	}
	return px
}

// scan sets p.alive[x] for each column of pixels: how many of the cells in
// rows and in the column's cells are alive.
func (p *Painter) scan(g *life.Grid, rows span) {
	gw := g.Width()
	for x, cs := range p.cols {
		n, dying := int32(0), life.Empty
		for r := int(rows.lo); r < int(rows.hi); r++ {
			for _, s := range g.Cells[r*gw+int(cs.lo) : r*gw+int(cs.hi)] {
				switch {
				case s == life.Alive:
					n++
				case s != life.Empty && dying == life.Empty:
					dying = s
				}
			}
		}
		p.alive[x], p.dying[x] = n, dying
	}
}

// shade returns the colour of a pixel over n cells of which k (1 to n) are
// alive: live if all are, else between dead and live, at least half way, so
// that a lone cell still shows and a dense crowd looks denser than a sparse
// one.
func shade(dead, live color.RGBA, k, n int) color.RGBA {
	if k >= n {
		return live
	}
	mix := func(a, b uint8) uint8 { return uint8(int(a) + (int(b)-int(a))*(n+k)/(2*n)) }
	return color.RGBA{mix(dead.R, live.R), mix(dead.G, live.G), mix(dead.B, live.B), mix(dead.A, live.A)}
}

// shadeShare is shade for a share of the cells alive, 0 to 1 (above 0).
func shadeShare(dead, live color.RGBA, share float64) color.RGBA {
	if share >= 1 {
		return live
	}
	t := (1 + share) / 2
	mix := func(a, b uint8) uint8 { return uint8(float64(a) + (float64(b)-float64(a))*t) }
	return color.RGBA{mix(dead.R, live.R), mix(dead.G, live.G), mix(dead.B, live.B), mix(dead.A, live.A)}
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
