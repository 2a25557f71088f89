// Package view maps a board of cells onto a screen of pixels and paints it:
// the viewport maths (zoom at a point, pan, fit, bounds) and the painting of a
// life.Grid, or of the visible part of an unbounded life.Universe, into an
// RGBA buffer, in plain Go that needs no display.
package view

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"colife/life"
)

// The zoom ladder: a View's zoom is always one of these numbers of screen
// pixels per cell, or the reciprocal of a power of two below 1 (2, 4 ... cells
// per pixel). Whole pixels per cell keep every cell the same size on screen.
var ladder = []float64{1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256}

// Limits of the zoom, in screen pixels per cell.
const (
	// MinZoom shows 64 cells per pixel across: the least for a grid, and
	// for pictures.
	MinZoom = 1.0 / 64
	// MinPlaneZoom shows 2^50 cells per pixel across: the least on an
	// unbounded plane, where HashLife's patterns grow millions of cells
	// wide and more (a screen then spans most of the int64 plane).
	MinPlaneZoom = 1.0 / (1 << 50)
	// MaxZoom is the largest rung of the ladder.
	MaxZoom = 256.0
)

// View places a board of cells on a screen of ScreenW × ScreenH pixels: a
// grid of GridW × GridH cells, or an unbounded plane. The cell
// (Origin.X + x, Origin.Y + y) covers the screen rectangle from
// (OffX + x·Zoom, OffY + y·Zoom), Zoom pixels on a side; screen pixel (px, py)
// is sampled at its centre (px+0.5, py+0.5).
//
// On a grid, Origin is (0, 0) and beyond the edges of the grid lies nothing:
// CellAt reports false there, whatever the topology. Every method keeps the
// view in bounds: the zoom on the ladder between MinZoom and MaxZoom, and at
// least half of the grid, or half of the screen if that is smaller, visible
// on each axis.
//
// On an unbounded plane (Unbounded) the view pans anywhere an int64 reaches:
// each method moves whole cells from the offsets into Origin, so that OffX
// and OffY stay within a cell of the screen's corner and keep their
// precision wherever the view is, at (1e15, -1e15) as at (0, 0).
//
// The zero View is not usable; use New or NewUnbounded.
type View struct {
	GridW, GridH     int
	ScreenW, ScreenH int
	Zoom             float64 // screen pixels per cell
	OffX, OffY       float64 // screen position of the top-left corner of cell Origin
	// Unbounded makes this a view of an unbounded plane: no edges, no
	// bounds on panning; GridW and GridH are then unused.
	Unbounded bool
	// Origin is the cell at (OffX, OffY): (0, 0) on a grid.
	Origin life.Point
}

// New returns a view of a gridW × gridH grid on a screenW × screenH screen at
// the given zoom (rounded down to the ladder), centred; a zoom of 0 or less
// fits the grid to the screen.
func New(gridW, gridH, screenW, screenH int, zoom float64) View {
	v := View{GridW: max(gridW, 1), GridH: max(gridH, 1), ScreenW: max(screenW, 1), ScreenH: max(screenH, 1)}
	if zoom <= 0 {
		v.Fit()
		return v
	}
	v.Zoom = Snap(zoom)
	v.centre()
	return v
}

// NewUnbounded returns a view of an unbounded plane on a screenW × screenH
// screen at the given zoom (rounded down to the ladder), with the middle of box
// in the middle of the screen; a zoom of 0 or less fits box to the screen, as
// FitRect does. An empty box is the cell at its Min.
func NewUnbounded(box life.Rect, screenW, screenH int, zoom float64) View {
	v := View{ScreenW: max(screenW, 1), ScreenH: max(screenH, 1), Unbounded: true, GridW: 1, GridH: 1}
	if box.Empty() {
		box = life.RectOf(box.Min, 1, 1)
	}
	if zoom <= 0 {
		zoom = v.fitZoom(box)
	}
	v.Zoom = v.snap(zoom)
	v.centreOn(box)
	return v
}

// ParseZoom reads a zoom as both programs' -zoom flag gives it, for the
// window and for pictures alike: a number of pixels per cell, or 1/N for N
// cells a pixel, from MinZoom to MaxZoom, taken down to the rung of the
// ladder at or below it (Snap): "5" is 4, "1/3" is 1/4.
func ParseZoom(s string) (float64, error) {
	s = strings.TrimSpace(s)
	z, err := strconv.ParseFloat(s, 64)
	if num, den, ok := strings.Cut(s, "/"); ok && err != nil {
		n, err1 := strconv.ParseFloat(num, 64)
		d, err2 := strconv.ParseFloat(den, 64)
		z, err = n/d, errors.Join(err1, err2)
	}
	switch {
	case err != nil || math.IsNaN(z) || math.IsInf(z, 0):
		return 0, errors.New("want a number of pixels per cell, such as 8, or 1/2")
	case z < MinZoom || z > MaxZoom:
		return 0, fmt.Errorf("want from 1/%g to %g pixels per cell", 1/MinZoom, MaxZoom)
	}
	return Snap(z), nil
}

// Snap returns the rung of the zoom ladder at or below z, within MinZoom and
// MaxZoom.
func Snap(z float64) float64 { return snap(z, MinZoom) }

// snap returns the rung of the zoom ladder at or below z, within lo and
// MaxZoom.
func snap(z, lo float64) float64 {
	switch {
	case !(z > lo): // also NaN
		return lo
	case z >= MaxZoom:
		return MaxZoom
	case z < 1:
		// 1/2^k with 2^k the smallest power of two at or above 1/z.
		return 1 / math.Exp2(math.Ceil(math.Log2(1/z)-1e-9))
	}
	z0 := ladder[0]
	for _, r := range ladder {
		if r > z+1e-9 {
			break
		}
		z0 = r
	}
	return z0
}

// minZoom returns the least zoom of v: MinPlaneZoom on an unbounded plane,
// else MinZoom.
func (v View) minZoom() float64 {
	if v.Unbounded {
		return MinPlaneZoom
	}
	return MinZoom
}

// snap returns the rung of the ladder at or below z, within v's limits.
func (v View) snap(z float64) float64 { return snap(z, v.minZoom()) }

// next returns the rung after z going up (steps > 0) or down (steps < 0), by
// |steps| rungs, within lo and MaxZoom.
func next(z float64, steps int, lo float64) float64 {
	for ; steps > 0 && z < MaxZoom; steps-- {
		if z < 1 {
			z *= 2
			continue
		}
		for _, r := range ladder {
			if r > z+1e-9 {
				z = r
				break
			}
		}
	}
	for ; steps < 0 && z > lo; steps++ {
		if z <= 1 {
			z /= 2
			continue
		}
		for i := len(ladder) - 1; i >= 0; i-- {
			if ladder[i] < z-1e-9 {
				z = ladder[i]
				break
			}
		}
	}
	return z
}

// FitZoom returns the largest zoom on the ladder at which the whole grid fits
// on the screen.
func (v View) FitZoom() float64 {
	return v.fitZoom(life.RectOf(life.Point{}, int64(v.GridW), int64(v.GridH)))
}

// fitZoom returns the largest zoom on the ladder at which r, not empty, fits
// on the screen.
func (v View) fitZoom(r life.Rect) float64 {
	return v.snap(min(float64(v.ScreenW)/float64(r.Dx()), float64(v.ScreenH)/float64(r.Dy())))
}

// Fit zooms so that the whole grid fits on the screen, as large as the
// ladder allows, and centres it. On an unbounded plane there is no grid: use
// FitRect.
func (v *View) Fit() {
	v.FitRect(life.RectOf(life.Point{}, int64(v.GridW), int64(v.GridH)))
}

// FitRect zooms so that the cells of r fit on the screen, as large as the
// ladder allows, and puts the middle of r in the middle of the screen: on an
// unbounded plane, F frames the live cells' bounding box this way. An empty
// r changes nothing.
func (v *View) FitRect(r life.Rect) {
	if r.Empty() {
		return
	}
	v.Zoom = v.fitZoom(r)
	v.centreOn(r)
}

// centre puts the middle of the grid in the middle of the screen.
func (v *View) centre() {
	v.centreOn(life.RectOf(life.Point{}, int64(v.GridW), int64(v.GridH)))
}

// centreOn puts the middle of r, not empty, in the middle of the screen, at
// the current zoom.
func (v *View) centreOn(r life.Rect) {
	if v.Unbounded {
		v.Origin = r.Min
	}
	// The offsets are relative to Origin: r's corner is this many cells
	// from it, 0 on an unbounded plane.
	cx, cy := float64(r.Min.X-v.Origin.X), float64(r.Min.Y-v.Origin.Y)
	v.OffX = math.Floor((float64(v.ScreenW)-float64(r.Dx())*v.Zoom)/2) - cx*v.Zoom
	v.OffY = math.Floor((float64(v.ScreenH)-float64(r.Dy())*v.Zoom)/2) - cy*v.Zoom
	v.clamp()
}

// CellAt returns the cell under the centre of screen pixel (px, py), and
// whether it lies inside the grid; on an unbounded plane it always does (on a
// 64-bit machine, where an int holds any int64: PointAt is the cell as a
// life.Point everywhere).
func (v View) CellAt(px, py int) (x, y int, ok bool) {
	p := v.PointAt(px, py)
	x, y = int(p.X), int(p.Y)
	return x, y, v.Inside(x, y)
}

// ScreenOf returns the screen position of the top-left corner of cell p.
func (v View) ScreenOf(p life.Point) (x, y float64) {
	d := p.Sub(v.Origin)
	return v.OffX + float64(d.X)*v.Zoom, v.OffY + float64(d.Y)*v.Zoom
}

// PointAt returns the cell under the centre of screen pixel (px, py).
func (v View) PointAt(px, py int) life.Point {
	x, y := v.relAt(px, py)
	return v.Origin.Add(life.Point{X: x, Y: y})
}

// relAt returns the cell under the centre of screen pixel (px, py), relative
// to Origin.
func (v View) relAt(px, py int) (x, y int64) {
	x = int64(math.Floor((float64(px) + 0.5 - v.OffX) / v.Zoom))
	y = int64(math.Floor((float64(py) + 0.5 - v.OffY) / v.Zoom))
	return x, y
}

// Inside reports whether the cell (x, y) is on the board: inside the grid, or
// anywhere on an unbounded plane.
func (v View) Inside(x, y int) bool {
	return v.Unbounded || (x >= 0 && y >= 0 && x < v.GridW && y < v.GridH)
}

// Visible returns the cells the screen shows, in part or in whole; on a grid,
// those of the grid.
func (v View) Visible() life.Rect {
	x0, y0 := v.relAt(0, 0)
	x1, y1 := v.relAt(v.ScreenW-1, v.ScreenH-1)
	if v.Zoom < 1 { // a pixel covers the cells whose centres lie in it
		x0 = int64(math.Ceil(-v.OffX/v.Zoom - 0.5))
		y0 = int64(math.Ceil(-v.OffY/v.Zoom - 0.5))
		x1 = int64(math.Ceil((float64(v.ScreenW)-v.OffX)/v.Zoom-0.5)) - 1
		y1 = int64(math.Ceil((float64(v.ScreenH)-v.OffY)/v.Zoom-0.5)) - 1
	}
	r := life.Rect{Min: v.Origin.Add(life.Point{X: x0, Y: y0}), Max: v.Origin.Add(life.Point{X: x1 + 1, Y: y1 + 1})}
	if !v.Unbounded {
		r = r.Intersect(life.RectOf(life.Point{}, int64(v.GridW), int64(v.GridH)))
	}
	return r
}

// ZoomAt moves the zoom by steps rungs of the ladder (up for positive steps)
// keeping the point under the centre of screen pixel (px, py) where it is, so
// that the cell under the cursor stays under it. Only the bounds of the view
// can move it: when zooming out leaves too little of the grid on screen.
func (v *View) ZoomAt(px, py int, steps int) {
	v.SetZoomAt(px, py, next(v.Zoom, steps, v.minZoom()))
}

// SetZoomAt sets the zoom (snapped to the ladder) keeping the point under the
// centre of screen pixel (px, py) where it is, as ZoomAt does.
func (v *View) SetZoomAt(px, py int, zoom float64) {
	zoom = v.snap(zoom)
	cx, cy := v.relAt(px, py)
	sx, sy := float64(px)+0.5, float64(py)+0.5
	u := (sx - v.OffX) / v.Zoom // the point under the cursor, in cells
	w := (sy - v.OffY) / v.Zoom
	v.Zoom = zoom
	v.OffX = sx - u*zoom
	v.OffY = sy - w*zoom
	// Rounding may put a point on a cell's edge on the wrong side of it: put
	// the cell's centre under the cursor instead.
	if x, y := v.relAt(px, py); x != cx || y != cy {
		v.OffX = sx - (float64(cx)+0.5)*zoom
		v.OffY = sy - (float64(cy)+0.5)*zoom
	}
	v.clamp()
}

// Pan moves the board by (dx, dy) screen pixels, within the bounds of a grid.
func (v *View) Pan(dx, dy float64) {
	v.OffX += dx
	v.OffY += dy
	v.clamp()
}

// Resize changes the screen size, keeping the point at the centre of the
// screen at the centre.
func (v *View) Resize(screenW, screenH int) {
	screenW, screenH = max(screenW, 1), max(screenH, 1)
	v.OffX += float64(screenW-v.ScreenW) / 2
	v.OffY += float64(screenH-v.ScreenH) / 2
	v.OffX, v.OffY = math.Floor(v.OffX), math.Floor(v.OffY)
	v.ScreenW, v.ScreenH = screenW, screenH
	v.clamp()
}

// clamp keeps at least half of the grid, or half of the screen if that is
// smaller, on screen along each axis; on an unbounded plane it moves Origin
// to the cell at the screen's top-left corner instead.
func (v *View) clamp() {
	v.Zoom = v.snap(v.Zoom)
	if v.Unbounded {
		v.rebase()
		return
	}
	v.OffX = bound(v.OffX, float64(v.GridW)*v.Zoom, float64(v.ScreenW))
	v.OffY = bound(v.OffY, float64(v.GridH)*v.Zoom, float64(v.ScreenH))
}

// bound returns off moved as little as possible so that a span of size grid
// starting at off overlaps [0, screen) by at least half the smaller of the two.
func bound(off, grid, screen float64) float64 {
	keep := min(grid, screen) / 2
	return min(max(off, keep-grid), screen-keep)
}

// rebase moves whole cells from the offsets into Origin, so that the
// top-left corner of cell Origin lies within a cell of the screen's corner:
// OffX and OffY in (-Zoom, 0]. The cells stay where they are on screen, exactly:
// the zoom is a whole number or a power of two's reciprocal, so n·Zoom is
// exact for any n a float64 holds.
func (v *View) rebase() {
	if math.IsNaN(v.OffX) || math.IsInf(v.OffX, 0) {
		v.OffX = 0
	}
	if math.IsNaN(v.OffY) || math.IsInf(v.OffY, 0) {
		v.OffY = 0
	}
	dx := cells(-v.OffX / v.Zoom)
	dy := cells(-v.OffY / v.Zoom)
	v.Origin = v.Origin.Add(life.Point{X: dx, Y: dy})
	v.OffX += float64(dx) * v.Zoom
	v.OffY += float64(dy) * v.Zoom
}

// cells returns f rounded down to a whole number of cells, within what an
// int64 holds a long way from its ends (a view pans no further than that).
func cells(f float64) int64 {
	const far = 1 << 62
	return int64(min(max(math.Floor(f), -far), far))
}
