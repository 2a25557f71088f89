package life

// Query is the message a cell sends to ask for the state of the cell at
// (X, Y) in the current generation: the book's Query(y, x). X and Y may lie
// beyond the edge; the driver answers as the Topology says.
type Query struct {
	X, Y int
}

// Transition is the message a cell sends to give its own state, at (X, Y),
// in the next generation: the book's Transition(y, x, state).
type Transition struct {
	X, Y  int
	State State
}

// A port is the engine's end of a cell program, the other side of the book's
// yield. query sends a Query and returns the answer; transition sends a
// Transition. The goroutine engine's port sends over channels and blocks until
// the driver answers; a port that reads the grid itself answers at once.
type port interface {
	query(Query) State
	transition(Transition)
}

// neighbourhood lists the offsets of a cell's eight neighbours in the order
// the book's count_neighbors queries them: N, NE, E, SE, S, SW, W, NW.
var neighbourhood = [8]struct{ dx, dy int }{
	{0, -1}, {1, -1}, {1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1},
}

// stepCell is the cell program for one generation, the book's step_cell: it
// queries its own state, then (as yield from count_neighbors) each of its eight
// neighbours, applies the rule, and yields its Transition.
func stepCell[P port](p P, x, y int, rule Rule) {
	state := p.query(Query{x, y})
	neighbours := countNeighbours(p, x, y)
	p.transition(Transition{x, y, rule.Next(state, neighbours)})
}

// countNeighbours is the book's count_neighbors: one Query per neighbour,
// returning how many answered Alive.
func countNeighbours[P port](p P, x, y int) int {
	n := 0
	for _, d := range &neighbourhood {
		n += int(p.query(Query{x + d.dx, y + d.dy}))
	}
	return n
}
