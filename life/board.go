package life

// A Board is one generation's cells, however an engine keeps them: a Grid
// (a bounded rectangle, byte a cell), a Universe (the unbounded plane in bit
// tiles), or another engine's own form, such as HashLife's quadtree.
// Renderers, exporters and the detector read boards through it, as Go's
// image package draws any image.Image; an engine keeps its own form inside.
type Board interface {
	// Bounds returns the board's extent: a bounded grid's rectangle from
	// (0, 0), or on an unbounded plane the bounding box of the cells that
	// are not Empty (the zero Rect if there is none).
	Bounds() Rect
	// Population returns how many cells are not Empty.
	Population() int
	// Cells calls f with each cell in r that is not Empty, and its state,
	// row by row from the top, each row from the left.
	Cells(r Rect, f func(x, y int64, s State))
}

// Live calls f with each cell of b in r that is Alive (not Empty, nor a
// dying state of a Generations rule), in the order Board.Cells visits them.
func Live(b Board, r Rect, f func(x, y int64)) {
	b.Cells(r, func(x, y int64, s State) {
		if s == Alive {
			f(x, y)
		}
	})
}

// A BlockBoard is a Board that counts the cells of large aligned squares
// without visiting them: HashLife's quadtree, whose nodes know their
// populations. A painter that shows many cells a pixel asks it for the
// squares of about a pixel's side.
type BlockBoard interface {
	Board
	// Blocks calls f with the top-left cell (x, y) and the population n of
	// each square of 2^level × 2^level cells, aligned to multiples of
	// 2^level, that meets r and holds a cell that is not Empty.
	Blocks(r Rect, level uint, f func(x, y int64, n uint64))
}
