// Package view maps a grid of cells onto a screen of pixels and paints it:
// the viewport maths (zoom at a point, pan, fit, bounds) and the painting of a
// life.Grid into an RGBA buffer, in plain Go that needs no display.
package view

import "math"

// The zoom ladder: a View's zoom is always one of these numbers of screen
// pixels per cell, or the reciprocal of a power of two below 1 (2, 4 ... cells
// per pixel). Whole pixels per cell keep every cell the same size on screen.
var ladder = []float64{1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256}

// Limits of the zoom, in screen pixels per cell.
const (
	// MinZoom shows 64 cells per pixel across.
	MinZoom = 1.0 / 64
	// MaxZoom is the largest rung of the ladder.
	MaxZoom = 256.0
)

// View places a grid of GridW × GridH cells on a screen of ScreenW × ScreenH
// pixels. The cell (x, y) covers the screen rectangle from
// (OffX + x·Zoom, OffY + y·Zoom), Zoom pixels on a side; screen pixel (px, py)
// is sampled at its centre (px+0.5, py+0.5). Beyond the edges of the grid lies
// nothing: CellAt reports false there, whatever the topology.
//
// Every method keeps the view in bounds: the zoom on the ladder between
// MinZoom and MaxZoom, and at least half of the grid, or half of the screen if
// that is smaller, visible on each axis.
//
// The zero View is not usable; use New.
type View struct {
	GridW, GridH     int
	ScreenW, ScreenH int
	Zoom             float64 // screen pixels per cell
	OffX, OffY       float64 // screen position of the top-left corner of cell (0, 0)
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

// Snap returns the rung of the zoom ladder at or below z, within MinZoom and
// MaxZoom.
func Snap(z float64) float64 {
	switch {
	case !(z > MinZoom): // also NaN
		return MinZoom
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

// next returns the rung after z going up (steps > 0) or down (steps < 0), by
// |steps| rungs, within MinZoom and MaxZoom.
func next(z float64, steps int) float64 {
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
	for ; steps < 0 && z > MinZoom; steps++ {
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
	return Snap(min(float64(v.ScreenW)/float64(v.GridW), float64(v.ScreenH)/float64(v.GridH)))
}

// Fit zooms so that the whole grid fits on the screen, as large as the
// ladder allows, and centres it.
func (v *View) Fit() {
	v.Zoom = v.FitZoom()
	v.centre()
}

// centre puts the middle of the grid in the middle of the screen.
func (v *View) centre() {
	v.OffX = math.Floor((float64(v.ScreenW) - float64(v.GridW)*v.Zoom) / 2)
	v.OffY = math.Floor((float64(v.ScreenH) - float64(v.GridH)*v.Zoom) / 2)
	v.clamp()
}

// CellAt returns the cell under the centre of screen pixel (px, py), and
// whether it lies inside the grid.
func (v View) CellAt(px, py int) (x, y int, ok bool) {
	x = int(math.Floor((float64(px) + 0.5 - v.OffX) / v.Zoom))
	y = int(math.Floor((float64(py) + 0.5 - v.OffY) / v.Zoom))
	return x, y, x >= 0 && y >= 0 && x < v.GridW && y < v.GridH
}

// ZoomAt moves the zoom by steps rungs of the ladder (up for positive steps)
// keeping the point under the centre of screen pixel (px, py) where it is, so
// that the cell under the cursor stays under it. Only the bounds of the view
// can move it: when zooming out leaves too little of the grid on screen.
func (v *View) ZoomAt(px, py int, steps int) {
	v.SetZoomAt(px, py, next(v.Zoom, steps))
}

// SetZoomAt sets the zoom (snapped to the ladder) keeping the point under the
// centre of screen pixel (px, py) where it is, as ZoomAt does.
func (v *View) SetZoomAt(px, py int, zoom float64) {
	zoom = Snap(zoom)
	cx, cy, _ := v.CellAt(px, py)
	sx, sy := float64(px)+0.5, float64(py)+0.5
	u := (sx - v.OffX) / v.Zoom // the point under the cursor, in cells
	w := (sy - v.OffY) / v.Zoom
	v.Zoom = zoom
	v.OffX = sx - u*zoom
	v.OffY = sy - w*zoom
	// Rounding may put a point on a cell's edge on the wrong side of it: put
	// the cell's centre under the cursor instead.
	if x, y, _ := v.CellAt(px, py); x != cx || y != cy {
		v.OffX = sx - (float64(cx)+0.5)*zoom
		v.OffY = sy - (float64(cy)+0.5)*zoom
	}
	v.clamp()
}

// Pan moves the grid by (dx, dy) screen pixels, within the bounds.
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
// smaller, on screen along each axis.
func (v *View) clamp() {
	v.Zoom = Snap(v.Zoom)
	v.OffX = bound(v.OffX, float64(v.GridW)*v.Zoom, float64(v.ScreenW))
	v.OffY = bound(v.OffY, float64(v.GridH)*v.Zoom, float64(v.ScreenH))
}

// bound returns off moved as little as possible so that a span of size grid
// starting at off overlaps [0, screen) by at least half the smaller of the two.
func bound(off, grid, screen float64) float64 {
	keep := min(grid, screen) / 2
	return min(max(off, keep-grid), screen-keep)
}
