package text

import "colife/life"

// The live view's zoom: a Viewport's Zoom is a whole number from MinZoom to
// MaxZoom.
const (
	// MinZoom draws a cell as 4 × 2 characters (4 × 4 pixels).
	MinZoom = -2
	// MaxZoom draws 64 × 128 cells in a character (64 × 64 in a pixel).
	MaxZoom = 6
)

// Viewport is the part of a board the live view shows: Cols × Rows
// characters (the terminal less its status line). Each character is two
// pixels, its upper and its lower half, which are about square. At Zoom z
// from 0 up a pixel shows 2^z × 2^z cells; below 0 a cell is 2^-z × 2^-z
// pixels. At is the cell at the top-left corner.
//
// The zero Viewport is empty; set Cols and Rows.
type Viewport struct {
	At         life.Point
	Zoom       int
	Cols, Rows int
}

// pixels returns the viewport's size in pixels.
func (v Viewport) pixels() (w, h int) { return v.Cols, 2 * v.Rows }

// toCells returns the cells n pixels cover, rounded towards 0 (a part of a
// cell below zoom 0), so that n and -n cover as many.
func (v Viewport) toCells(n int64) int64 {
	if v.Zoom >= 0 {
		return n << v.Zoom
	}
	return n / (1 << -v.Zoom)
}

// Rect returns the cells on screen, the last row and column of them perhaps
// cut by the edge.
func (v Viewport) Rect() life.Rect {
	w, h := v.pixels()
	if v.Zoom >= 0 {
		return life.RectOf(v.At, int64(w)<<v.Zoom, int64(h)<<v.Zoom)
	}
	side := int64(1) << -v.Zoom // pixels a cell
	return life.RectOf(v.At, (int64(w)+side-1)/side, (int64(h)+side-1)/side)
}

// Cell returns the cell under character (col, row), counted from 0: the
// cell at the top-left of the character's upper half, or of its lower half.
func (v Viewport) Cell(col, row int, lower bool) life.Point {
	py := 2 * int64(row)
	if lower {
		py++
	}
	return v.At.Add(life.Point{X: v.toCells(int64(col)), Y: v.toCells(py)})
}

// Center returns the cell in the middle of the screen.
func (v Viewport) Center() life.Point {
	w, h := v.pixels()
	return v.At.Add(life.Point{X: v.toCells(int64(w / 2)), Y: v.toCells(int64(h / 2))})
}

// CenterOn moves the viewport so that p is in the middle of the screen.
func (v *Viewport) CenterOn(p life.Point) {
	w, h := v.pixels()
	v.At = p.Sub(life.Point{X: v.toCells(int64(w / 2)), Y: v.toCells(int64(h / 2))})
}

// Pan moves the viewport by cols characters across and rows down (negative:
// left, up), at least one cell for a move of one character.
func (v *Viewport) Pan(cols, rows int) {
	move := func(n int64) int64 {
		c := v.toCells(n)
		switch {
		case n > 0 && c == 0:
			return 1
		case n < 0 && c == 0:
			return -1
		}
		return c
	}
	v.At = v.At.Add(life.Point{X: move(int64(cols)), Y: move(2 * int64(rows))})
}

// ZoomAt changes the zoom by steps (positive: out, more cells a character),
// within MinZoom and MaxZoom, keeping the cell under character (col, row)
// where it is on screen.
func (v *Viewport) ZoomAt(col, row, steps int) {
	p := v.Cell(col, row, false)
	v.Zoom = min(max(v.Zoom+steps, MinZoom), MaxZoom)
	v.At = p.Sub(life.Point{X: v.toCells(int64(col)), Y: v.toCells(2 * int64(row))})
}

// Fit sets the zoom nearest in (fewest cells a character) at which r fits
// on screen, MaxZoom if none does, and puts r in the middle. An empty r
// changes nothing.
func (v *Viewport) Fit(r life.Rect) {
	if r.Empty() {
		return
	}
	for v.Zoom = MinZoom; v.Zoom < MaxZoom; v.Zoom++ {
		w, h := v.pixels()
		if v.toCells(int64(w)) >= r.Dx() && v.toCells(int64(h)) >= r.Dy() { // whole cells
			break
		}
	}
	v.CenterOn(life.Point{X: r.Min.X + r.Dx()/2, Y: r.Min.Y + r.Dy()/2})
}

// Clamp keeps a bounded board b on screen: when b is wider than the screen,
// the screen stays within it; when narrower, b stays within the screen. The
// same holds for the height.
func (v *Viewport) Clamp(b life.Rect) {
	s := v.Rect()
	clamp := func(at, lo, boardLen, screenLen int64) int64 {
		a, z := lo, lo+boardLen-screenLen // the screen's leftmost places
		if a > z {
			a, z = z, a
		}
		return min(max(at, a), z)
	}
	v.At.X = clamp(v.At.X, b.Min.X, b.Dx(), s.Dx())
	v.At.Y = clamp(v.At.Y, b.Min.Y, b.Dy(), s.Dy())
}
