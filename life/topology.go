package life

import (
	"fmt"
	"strings"
)

// Topology says what lies beyond the edges of a grid.
type Topology uint8

const (
	// Torus joins each edge to the opposite one, as the book's Grid.query does
	// with modulo arithmetic. On a grid 1 or 2 cells wide a neighbour may be
	// the cell itself, or the same cell counted twice, exactly as modulo
	// arithmetic says. Torus is the zero value.
	Torus Topology = iota
	// Plane is a bounded plane: every cell beyond the edge is dead, always.
	Plane
	// Unbounded is a plane with no edge: live cells may go anywhere, at any
	// int64 position. A grid given to a Simulation on it is only where the
	// cells start (at Options.Origin); the board is a Universe. Rules with
	// B0 are refused on it, as Golly's unbounded algorithms refuse them: the
	// empty plane itself would come alive.
	Unbounded
)

// String returns "torus", "plane" or "unbounded".
func (t Topology) String() string {
	switch t {
	case Plane:
		return "plane"
	case Unbounded:
		return "unbounded"
	}
	return "torus"
}

// Bounded reports whether the topology has a grid of fixed size: Torus or
// Plane.
func (t Topology) Bounded() bool { return t != Unbounded }

// ParseTopology reads "torus", "plane" or "unbounded" (also "infinite"), in
// any case.
func ParseTopology(s string) (Topology, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "torus":
		return Torus, nil
	case "plane":
		return Plane, nil
	case "unbounded", "infinite":
		return Unbounded, nil
	}
	return 0, fmt.Errorf("topology %q: want torus, plane or unbounded", s)
}

// Wrap maps a coordinate to [0, n) the book's way, modulo n, for Torus, or
// reports false for Plane when it lies outside. n must be positive.
func (t Topology) Wrap(v, n int) (int, bool) {
	if uint(v) < uint(n) {
		return v, true
	}
	if t == Plane {
		return 0, false
	}
	v %= n
	if v < 0 {
		v += n
	}
	return v, true
}

// Query answers the book's Query for (x, y) from g under topology t: the state
// of the cell there, wrapped on a torus, or Empty beyond the edge of a plane.
func (t Topology) Query(g *Grid, q Query) State {
	x, ok := t.Wrap(q.X, g.w)
	if !ok {
		return Empty
	}
	y, ok := t.Wrap(q.Y, g.h)
	if !ok {
		return Empty
	}
	return g.Cells[y*g.w+x]
}
