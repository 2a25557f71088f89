package cells

import "colife/life"

// Sweep is the direct engine for the rules the bit-parallel boards cannot
// run: isotropic non-totalistic ones, whose next state depends on which
// neighbours are alive, not on how many, and on an unbounded plane
// Generations rules, whose cells have more than two states. It runs the cell program itself,
// life.StepCell, on the caller's goroutine, with a port that answers each Query
// from the board at once, and only on the cells that can change, as the
// goroutine engine does (active.go): the neighbourhoods of the last
// generation's changes. On any topology, with no goroutine of its own.
type Sweep struct {
	rule     life.Rule
	topology life.Topology
	grid     *life.Grid     // the board of a Torus or Plane, written in place
	uni      *life.Universe // the board of an unbounded plane, written in place

	marks      marks
	list, next []life.Point
	changes    []change
	read       tileReader
	gen        int // counts the generations run
}

// NewSweep returns the engine for g (bounded) or u (unbounded), with the
// cells of generation 0 listed.
func NewSweep(g *life.Grid, u *life.Universe, rule life.Rule, t life.Topology) *Sweep {
	e := &Sweep{rule: rule, topology: t, grid: g, uni: u}
	if g != nil {
		e.marks.stamp = make([]uint32, len(g.Cells))
	} else {
		e.marks.tiles = make(map[life.TileKey]*markTile)
	}
	e.marks.next()
	if g != nil {
		for i, s := range g.Cells {
			if s != life.Empty {
				e.Touch(i%g.Width(), i/g.Width())
			} else if rule.BirthOnZero() {
				e.listed(life.Point{X: int64(i % g.Width()), Y: int64(i / g.Width())})
			}
		}
	} else {
		u.Live(u.Bounds(), func(x, y int64) { e.Touch(int(x), int(y)) })
	}
	return e
}

// Touch lists the neighbourhood of the cell at (x, y) for the next
// generation.
func (e *Sweep) Touch(x, y int) { around(e.topology, e.grid, x, y, e.listed) }

// listed adds p to the next generation's cells, once.
func (e *Sweep) listed(p life.Point) {
	if e.marks.add(p, e.grid) {
		e.next = append(e.next, p)
	}
}

// inline is a Sweep as the cell program's port: it answers at once.
type inline Sweep

// Query answers the cell program's Query from the board.
func (p *inline) Query(q life.Query) life.State {
	e := (*Sweep)(p)
	if g := e.grid; g != nil {
		if uint(q.X) < uint(g.Width()) && uint(q.Y) < uint(g.Height()) {
			return g.Cells[q.Y*g.Width()+q.X]
		}
		return e.topology.Query(g, q)
	}
	return e.read.at(e.uni, int64(q.X), int64(q.Y))
}

// Transition records the cell program's Transition if it changes the cell.
func (p *inline) Transition(t life.Transition) {
	e := (*Sweep)(p)
	if t.State != p.Query(life.Query{X: t.X, Y: t.Y}) {
		e.changes = append(e.changes, change{life.Point{X: int64(t.X), Y: int64(t.Y)}, t.State})
	}
}

// Step runs one generation.
func (e *Sweep) Step() {
	e.list, e.next = e.next, e.list[:0]
	e.changes = e.changes[:0]
	e.read.ok = false
	for _, p := range e.list {
		life.StepCell((*inline)(e), int(p.X), int(p.Y), &e.rule)
	}
	e.marks.next()
	for _, c := range e.changes {
		if e.grid != nil {
			e.grid.Cells[int(c.p.Y)*e.grid.Width()+int(c.p.X)] = c.s
		} else {
			e.uni.Set(c.p.X, c.p.Y, c.s)
		}
	}
	e.read.ok = false
	for _, c := range e.changes {
		e.Touch(int(c.p.X), int(c.p.Y))
	}
	if e.gen++; e.uni != nil && e.gen%16 == 0 {
		e.uni.Prune()
		e.marks.prune()
	}
}
