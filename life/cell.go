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

// A Port is an engine's end of the cell program, the other side of the
// book's yield: Query sends a Query and returns the answer, Transition sends
// a Transition. How the messages travel is the engine's: the goroutine
// engine's port sends them over channels and blocks until the driver
// answers; a port that reads the board itself answers at once.
type Port interface {
	Query(Query) State
	Transition(Transition)
}

// neighbourhood lists the offsets of a cell's eight neighbours in the order
// the book's count_neighbors queries them: N, NE, E, SE, S, SW, W, NW.
var neighbourhood = [8]struct{ dx, dy int }{
	{0, -1}, {1, -1}, {1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1},
}

// StepCell is the cell program for one generation, the book's step_cell: it
// queries its own state, then (as yield from count_neighbors) each of its
// eight neighbours, applies the rule, and yields its Transition. It is
// written once; every engine that runs it chooses only its Port.
func StepCell[P Port](p P, x, y int, rule *Rule) {
	state := p.Query(Query{x, y})
	alive := liveNeighbours(p, x, y)
	p.Transition(Transition{x, y, rule.Next(state, alive)})
}

// liveNeighbours is the book's count_neighbors, one Query per neighbour,
// except that it returns which neighbours answered Alive, a bit each in the
// order it asks them, not only how many: an isotropic non-totalistic rule
// needs their configuration. A dying state of a Generations rule is not
// alive.
func liveNeighbours[P Port](p P, x, y int) uint8 {
	var alive uint8
	for i, d := range &neighbourhood {
		if p.Query(Query{x + d.dx, y + d.dy}) == Alive {
			alive |= 1 << i
		}
	}
	return alive
}
