package life

// Line calls plot with every cell of the line from a to b, both included,
// with no gaps: each cell touches the next by an edge or a corner
// (Bresenham's algorithm). The renderers draw a drag of the mouse with it.
func Line(a, b Point, plot func(Point)) {
	dx, dy := abs64(b.X-a.X), -abs64(b.Y-a.Y)
	sx, sy := sign64(b.X-a.X), sign64(b.Y-a.Y)
	e := dx + dy
	for {
		plot(a)
		if a == b {
			return
		}
		e2 := 2 * e
		if e2 >= dy {
			e += dy
			a.X += sx
		}
		if e2 <= dx {
			e += dx
			a.Y += sy
		}
	}
}

// sign64 returns -1, 0 or 1, as v is negative, zero or positive.
func sign64(v int64) int64 {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}
