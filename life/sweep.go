package life

// sweep is the direct engine for the rules the bit-parallel boards cannot
// run: isotropic non-totalistic ones, whose next state depends on which
// neighbours are alive, not on how many, and on an unbounded plane
// Generations rules, whose cells have more than two states. It runs the cell program itself,
// stepCell, on the caller's goroutine, with a port that answers each Query
// from the board at once, and only on the cells that can change, as the
// goroutine engine does (active.go): the neighbourhoods of the last
// generation's changes. On any topology, with no goroutine of its own.
type sweep struct {
	rule     Rule
	topology Topology
	grid     *Grid     // the board of a Torus or Plane, written in place
	uni      *Universe // the board of an unbounded plane, written in place

	marks      marks
	list, next []Point
	changes    []change
	read       tileReader
	gen        int // counts the generations run
}

// newSweep returns the engine for g (bounded) or u (unbounded), with the
// cells of generation 0 listed.
func newSweep(g *Grid, u *Universe, rule Rule, t Topology) *sweep {
	e := &sweep{rule: rule, topology: t, grid: g, uni: u}
	if g != nil {
		e.marks.stamp = make([]uint32, len(g.Cells))
	} else {
		e.marks.tiles = make(map[tileKey]*markTile)
	}
	e.marks.next()
	if g != nil {
		for i, s := range g.Cells {
			if s != Empty {
				e.touch(i%g.w, i/g.w)
			} else if rule.BirthOnZero() {
				e.listed(Point{int64(i % g.w), int64(i / g.w)})
			}
		}
	} else {
		u.Live(u.Bounds(), func(x, y int64) { e.touch(int(x), int(y)) })
	}
	return e
}

// touch lists the neighbourhood of the cell at (x, y) for the next
// generation.
func (e *sweep) touch(x, y int) { around(e.topology, e.grid, x, y, e.listed) }

// listed adds p to the next generation's cells, once.
func (e *sweep) listed(p Point) {
	if e.marks.add(p, e.grid) {
		e.next = append(e.next, p)
	}
}

// query answers the cell program's Query from the board.
func (e *sweep) query(q Query) State {
	if g := e.grid; g != nil {
		if uint(q.X) < uint(g.w) && uint(q.Y) < uint(g.h) {
			return g.Cells[q.Y*g.w+q.X]
		}
		return e.topology.Query(g, q)
	}
	return e.read.at(e.uni, int64(q.X), int64(q.Y))
}

// transition records the cell program's Transition if it changes the cell.
func (e *sweep) transition(t Transition) {
	if t.State != e.query(Query{t.X, t.Y}) {
		e.changes = append(e.changes, change{Point{int64(t.X), int64(t.Y)}, t.State})
	}
}

// step runs one generation.
func (e *sweep) step() {
	e.list, e.next = e.next, e.list[:0]
	e.changes = e.changes[:0]
	e.read.ok = false
	for _, p := range e.list {
		stepCell(e, int(p.X), int(p.Y), &e.rule)
	}
	e.marks.next()
	for _, c := range e.changes {
		if e.grid != nil {
			e.grid.Cells[int(c.p.Y)*e.grid.w+int(c.p.X)] = c.s
		} else {
			e.uni.Set(c.p.X, c.p.Y, c.s)
		}
	}
	e.read.ok = false
	for _, c := range e.changes {
		e.touch(int(c.p.X), int(c.p.Y))
	}
	if e.gen++; e.uni != nil && e.gen%16 == 0 {
		e.uni.prune()
		e.marks.prune()
	}
}
