package life

import "fmt"

// Point is a cell's position on a board: x grows to the right and y
// downwards. On an unbounded plane either may be negative.
type Point struct {
	X, Y int64
}

// Add returns p shifted by q.
func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

// Sub returns p less q.
func (p Point) Sub(q Point) Point { return Point{p.X - q.X, p.Y - q.Y} }

// String returns "(x,y)".
func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

// Rect is the rectangle of cells from Min, included, to Max, excluded, like
// image.Rectangle: it holds Dx() × Dy() cells, and none if Max.X <= Min.X or
// Max.Y <= Min.Y.
type Rect struct {
	Min, Max Point
}

// RectOf returns the rectangle of w × h cells whose top-left cell is at p.
func RectOf(p Point, w, h int64) Rect { return Rect{p, Point{p.X + w, p.Y + h}} }

// Dx returns the rectangle's width.
func (r Rect) Dx() int64 { return r.Max.X - r.Min.X }

// Dy returns the rectangle's height.
func (r Rect) Dy() int64 { return r.Max.Y - r.Min.Y }

// Empty reports whether r holds no cell.
func (r Rect) Empty() bool { return r.Min.X >= r.Max.X || r.Min.Y >= r.Max.Y }

// Contains reports whether the cell at p lies in r.
func (r Rect) Contains(p Point) bool {
	return r.Min.X <= p.X && p.X < r.Max.X && r.Min.Y <= p.Y && p.Y < r.Max.Y
}

// Union returns the smallest rectangle that holds both r and s; an empty one
// adds nothing.
func (r Rect) Union(s Rect) Rect {
	switch {
	case r.Empty():
		return s
	case s.Empty():
		return r
	}
	return Rect{
		Point{min(r.Min.X, s.Min.X), min(r.Min.Y, s.Min.Y)},
		Point{max(r.Max.X, s.Max.X), max(r.Max.Y, s.Max.Y)},
	}
}

// Intersect returns the largest rectangle inside both r and s, or the zero
// Rect if they do not overlap.
func (r Rect) Intersect(s Rect) Rect {
	i := Rect{
		Point{max(r.Min.X, s.Min.X), max(r.Min.Y, s.Min.Y)},
		Point{min(r.Max.X, s.Max.X), min(r.Max.Y, s.Max.Y)},
	}
	if i.Empty() {
		return Rect{}
	}
	return i
}

// Inset returns r grown by n cells on every side (shrunk, for a negative n).
func (r Rect) Inset(n int64) Rect {
	return Rect{Point{r.Min.X - n, r.Min.Y - n}, Point{r.Max.X + n, r.Max.Y + n}}
}

// String returns "WxH at (x,y)", or "empty".
func (r Rect) String() string {
	if r.Empty() {
		return "empty"
	}
	return fmt.Sprintf("%dx%d at %s", r.Dx(), r.Dy(), r.Min)
}
