package cells

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"

	"colife/life"
)

// BytesPerCell is the memory the goroutine engines are estimated to need for
// each cell they run as a goroutine: a goroutine's stack and descriptor, its
// reply channel, its place in a driver's inbox. The dense engine runs every
// cell of the grid; the goroutine engine only the active ones.
const BytesPerCell = 3 << 10

// BookkeepingPerCell is what the goroutine engine holds for each cell of a
// bounded grid besides the goroutines of its active cells: the cell, the
// slot of the goroutine running it, and its mark in the next list.
const BookkeepingPerCell = 9

// Active is the goroutine engine run on the cells that can change: the
// active cells. A cell's next state depends only on its 3 × 3 neighbourhood,
// so a cell none of whose neighbourhood changed in the last generation keeps
// its state; the active cells of the next generation are the neighbourhoods
// of the cells that just changed. Generation 0 has no last generation: every
// cell near a live one is active then (every cell, under a rule with B0).
// This holds for every B/S rule, so the engine is exact; its cost follows
// the life on the board, not the board's area.
//
// Each active cell is a goroutine running the cell program, speaking the
// same Query/Transition protocol over channels to the driver of its shard
// as the dense engine's cells do (doc.go). A cell that stays active keeps
// its goroutine from one generation to the next. One that falls quiet lets
// its goroutine go idle, parked at the first Query of its next step; an idle
// goroutine is handed the next cell that becomes active (it is told it has
// moved, and starts the program again for its new cell), so the goroutines
// are a pool that follows the action, and the idle ones beyond a small
// reserve are retired. Nothing outlives stop.
//
// The shards are fixed functions of a cell's position, so a cell's goroutine
// always talks to the same driver. After every driver has finished, the
// engine writes the generation's changes into the board, in place, and from
// them makes the next generation's active cells: the activity is computed
// once, by whoever knows the changes, and the drivers read it.
type Active struct {
	topology life.Topology
	rule     life.Rule
	grid     *life.Grid     // the board of a Torus or Plane, written in place
	uni      *life.Universe // the board of an unbounded plane, written in place
	budget   uint64         // bytes the goroutines may take; 0: no limit

	team[struct{}]
	drivers []*activeDriver // drivers[i] is the team's driver i

	marks   marks // which cells are already listed for the next generation
	pending int   // how many cells are listed for the next generation
	running int   // the cell goroutines alive after the last generation
	peak    int   // the most cell goroutines alive at once, so far
}

// change is one cell's new state, found by a driver.
type change struct {
	p life.Point
	s life.State
}

// answer is what a driver gives a cell program: the State it asked for,
// or one of the answers beyond every State.
type answer uint16

const (
	// moved tells an idle cell program that it runs another cell now:
	// the one its slot names. It drops the step it was in.
	moved answer = 0x100 + iota
	// retire tells an idle cell goroutine to end (a coroutine is stopped
	// instead).
	retire
)

// slot is one cell program of a driver, a goroutine or a coroutine as the
// transport has it, and the cell it runs.
type slot struct {
	x, y  int  // the cell: written by the driver before it starts or moves the program
	bound bool // runs a cell that is active (else idle)
	gone  bool // retired: its program has ended, or been told to
}

// chunks holds a driver's slots, or what a transport keeps for each, in
// chunks that never move, so that a cell program may keep a pointer to its
// own while more are added, and the ones started one after another lie side
// by side in memory.
type chunks[T any] struct {
	chunks [][]T
	n      int32
}

const slotChunk = 1 << 12

func (s *chunks[T]) at(id int32) *T { return &s.chunks[id/slotChunk][id%slotChunk] }

// add returns the id of a new zero element.
func (s *chunks[T]) add() int32 {
	if int(s.n/slotChunk) == len(s.chunks) {
		s.chunks = append(s.chunks, make([]T, slotChunk))
	}
	s.n++
	return s.n - 1
}

// activeDriver drives one shard of the active cells: the bookkeeping every
// transport shares (which cells run, which slot runs each, what changed),
// and its transport, which carries the messages.
type activeDriver struct {
	e *Active
	t transport

	slots chunks[slot]
	pairs []listed   // scratch for order
	keep  []uint32   // keep[id] is the last generation that listed slot id's cell
	grid  *life.Grid // the engine's, for a bounded board
	// cells, w and h are grid's, kept here: every Query reads them, and the
	// Grid's own header may share a cache line with something another core
	// writes all the time (a coroutine's state, a few dozen bytes): then
	// each read missed, and two cores ran the generator engine no faster
	// than one (1.3 M cell updates/s against 2.3 M on a 1024x1024 soup, as
	// the heap's layout fell, measured).
	cells []life.State
	w, h  int
	top   life.Topology // the engine's
	bound []int32       // slots bound to an active cell
	idle  []int32       // slots whose goroutine waits, bound to no cell
	free  []int32       // slots whose goroutine has retired

	list, next []life.Point         // this generation's active cells of the shard, and the next one's
	ids        []int32              // the slot running each cell of list, or -1
	index      []int32              // bounded board: the slot of each cell, -1 for none
	where      map[life.Point]int32 // unbounded board: the slot of each cell that has one
	changes    []change             // this generation's changes
	gen        uint32               // counts the generations run
	last       tileReader           // on an unbounded board
}

// transport is how the messages between a shard's cell programs and its
// driver travel: over channels, each program a goroutine (channel.go), or
// by switches between coroutines, each program an iter.Pull coroutine
// (coroutine.go). The driver's bookkeeping is the same for both.
type transport interface {
	// live runs one generation of the cells d lists, recording their
	// changes in d.changes (d.reset, or d.prepare and d.assign for a
	// transport whose every cell has a program of its own), and reports
	// false if the engine was shut down first.
	live(d *activeDriver) bool
	// perCell reports whether each active cell has a program of its own,
	// a goroutine or a coroutine of BytesPerCell, in a slot of d's.
	perCell() bool
	// programs returns how many cell programs the transport keeps alive
	// for d.
	programs(d *activeDriver) int
	// grow makes room for n more slots.
	grow(n int)
	// retire ends the program of slot id, which is idle.
	retire(id int32)
	// close ends the program of every slot d has not retired, and returns
	// when they have ended.
	close(d *activeDriver)
}

// Transport says how the messages of the cell programs travel.
type Transport uint8

const (
	// Channels runs each cell program as a goroutine that sends its
	// messages over channels: every Query a send, a park and a wake-up by
	// the scheduler.
	Channels Transport = iota
	// Coroutines runs each cell program as an iter.Pull coroutine that its
	// driver resumes: every Query a yield, answered as Python's send
	// answers a generator, with two switches between coroutines and no
	// scheduler.
	Coroutines
	// Generator runs each shard's cells in one iter.Pull coroutine, the
	// book's simulate, which runs the step of every active cell of the
	// shard in turn (as simulate does yield from step_cell(y, x)), and
	// yields each Query and each Transition to its driver, which resumes it
	// with the answer: Coroutines' messages and switches, and TICK's, with
	// one coroutine a shard instead of one a cell.
	Generator
)

// stepper is a Port that knows whether its program goes on.
type stepper interface {
	life.Port
	// again reports whether the program runs another step (for the cell
	// its slot names then, after a move another one) or has ended.
	again() bool
}

// program is the life of the goroutine or coroutine of a slot: the cell
// program, step after step, for the cell the slot names, until its port
// says it has ended.
func program[P stepper](p P, s *slot, rule *life.Rule) {
	for {
		life.StepCell(p, s.x, s.y, rule)
		if !p.again() {
			return
		}
	}
}

// NewActive returns the engine for g (bounded) or u (unbounded), with the
// cells of generation 0 listed, whose cell programs speak over tr.
func NewActive(g *life.Grid, u *life.Universe, rule life.Rule, t life.Topology, budget uint64, tr Transport) *Active {
	e := &Active{topology: t, rule: rule, grid: g, uni: u, budget: budget}
	e.init()
	shards := 2 * runtime.GOMAXPROCS(0)
	if tr != Channels {
		shards = runtime.GOMAXPROCS(0)
	}
	if g != nil {
		e.marks.stamp = make([]uint32, len(g.Cells))
	} else {
		e.marks.tiles = make(map[life.TileKey]*markTile)
	}
	var index []int32
	if g != nil && tr != Generator {
		index = make([]int32, len(g.Cells))
		for i := range index {
			index[i] = -1
		}
	}
	for range shards {
		d := &activeDriver{e: e, grid: g, top: t, index: index}
		if g != nil {
			d.cells, d.w, d.h = g.Cells, g.Width(), g.Height()
		}
		switch tr {
		case Coroutines:
			d.t = &coroutines{rule: &e.rule, quit: e.quit}
		case Generator:
			d.t = &generator{rule: &e.rule, quit: e.quit}
		default:
			d.t = newChannels(&e.rule, e.quit)
		}
		if g == nil && d.t.perCell() {
			d.where = make(map[life.Point]int32)
		}
		e.drivers = append(e.drivers, d)
		e.spawn(func(start <-chan struct{}) { e.run(d, start) })
	}
	e.listAll()
	return e
}

// listAll lists every cell of generation 0 that can change: the
// neighbourhoods of the live and dying cells or, under a rule with B0 on a bounded
// board, every cell.
func (e *Active) listAll() {
	e.marks.next()
	if e.grid != nil {
		w := e.grid.Width()
		for i, s := range e.grid.Cells {
			if s != life.Empty {
				e.Touch(i%w, i/w)
			} else if e.rule.BirthOnZero() {
				e.list(life.Point{X: int64(i % w), Y: int64(i / w)})
			}
		}
		return
	}
	e.uni.Live(e.uni.Bounds(), func(x, y int64) { e.Touch(int(x), int(y)) })
}

// Touch lists the neighbourhood of the cell at (x, y) for the next
// generation, wrapped or cut off as the topology says.
func (e *Active) Touch(x, y int) { around(e.topology, e.grid, x, y, e.list) }

// around calls list with each cell of the 3 × 3 neighbourhood of (x, y): on
// g, wrapped or cut off as t says, or on an unbounded plane if g is nil.
func around(t life.Topology, g *life.Grid, x, y int, list func(life.Point)) {
	for dy := -1; dy <= 1; dy++ {
		for dx := -1; dx <= 1; dx++ {
			if g == nil {
				list(life.Point{X: int64(x + dx), Y: int64(y + dy)})
				continue
			}
			nx, ok := t.Wrap(x+dx, g.Width())
			if !ok {
				continue
			}
			ny, ok := t.Wrap(y+dy, g.Height())
			if !ok {
				continue
			}
			list(life.Point{X: int64(nx), Y: int64(ny)})
		}
	}
}

// list adds p to the next generation's active cells, once.
func (e *Active) list(p life.Point) {
	if !e.marks.add(p, e.grid) {
		return
	}
	d := e.drivers[shardOf(p, len(e.drivers))]
	d.next = grow(d.next, p)
	e.pending++
}

// grow appends v to s, doubling the capacity when it is full rather than
// adding a quarter, as append does beyond a few hundred elements. The
// slices of the bookkeeping grow fastest as a big engine starts, with the
// garbage collector paused: by quarters, they left four times their final
// size behind them as garbage (400 MB of a 1024x1024 soup's 3.4 GB at its
// start, measured); by doubling, once their size.
func grow[T any](s []T, v T) []T {
	if len(s) == cap(s) {
		s = slices.Grow(s, max(cap(s), 64))
	}
	return append(s, v)
}

// shardOf returns the shard of the cell at p: cells in the same 4 × 4 block
// share one, and the blocks are spread evenly.
func shardOf(p life.Point, n int) int {
	h := uint64(p.X>>2)*0x9e3779b97f4a7c15 ^ uint64(p.Y>>2)*0xc2b2ae3d27d4eb4f
	return int((h >> 32) % uint64(n))
}

// run is the life of one driver goroutine: a generation each time it is
// told, until the engine shuts down; then it ends its cells.
func (e *Active) run(d *activeDriver, start <-chan struct{}) {
	defer d.t.close(d)
	e.serve(start, func(struct{}) bool { return d.t.live(d) })
}

// Check refuses a next generation whose goroutines would not fit in the
// budget.
func (e *Active) Check(gen int) error {
	need := uint64(e.pending) * BytesPerCell
	if e.budget == 0 || need <= e.budget || !e.drivers[0].t.perCell() {
		return nil
	}
	return fmt.Errorf("%w: generation %d would have %d active cells, whose goroutines need about %s, more than the memory budget of %s",
		life.ErrBudget, gen+1, e.pending, life.FormatBytes(need), life.FormatBytes(e.budget))
}

// Step runs one generation, reporting false if the engine was shut down, or
// cancel closed, first.
func (e *Active) Step(cancel <-chan struct{}) bool {
	fresh := 0
	for _, d := range e.drivers {
		d.list, d.next = d.next, d.list[:0]
		fresh += len(d.list)
	}
	if fresh-e.running >= quietStartCells && e.drivers[0].t.perCell() {
		// Many goroutines to start: as the dense engine does (pauseGC), keep
		// the collector from scanning their stacks again and again while
		// they start, then collect once, now, rather than in the
		// generations that follow, which would pay for it with write
		// barriers and the scan of every stack (a third of each of the next
		// generations of a 512x512 soup, measured).
		restore := pauseGC()
		defer func() {
			restore()
			runtime.GC()
		}()
	}
	e.pending = 0
	if !e.step(struct{}{}, cancel) {
		return false
	}
	// Every driver has finished: write the changes and list the cells they
	// make active.
	e.marks.next()
	e.running = 0
	for _, d := range e.drivers {
		for _, c := range d.changes {
			if e.grid != nil {
				e.grid.Cells[int(c.p.Y)*e.grid.Width()+int(c.p.X)] = c.s
			} else {
				e.uni.Set(c.p.X, c.p.Y, c.s)
			}
		}
		e.running += d.t.programs(d)
	}
	for _, d := range e.drivers {
		for _, c := range d.changes {
			e.Touch(int(c.p.X), int(c.p.Y))
		}
	}
	e.peak = max(e.peak, e.running)
	if e.uni != nil && e.drivers[0].gen%16 == 0 {
		e.uni.Prune()
		e.marks.prune()
	}
	return true
}

// Stop shuts every goroutine down and returns when they have all ended.
func (e *Active) Stop() { e.stop() }

// Goroutines returns the cell goroutines (or coroutines) alive and the
// drivers'.
func (e *Active) Goroutines() int { return e.running + len(e.drivers) }

// Peak returns the most cell goroutines the engine has run at once, so far.
func (e *Active) Peak() int { return e.peak }

// state returns the current state of the cell at (x, y), as the topology
// says beyond a bounded board's edge.
func (d *activeDriver) state(x, y int) life.State {
	if d.grid != nil {
		if uint(x) < uint(d.w) && uint(y) < uint(d.h) {
			return d.cells[y*d.w+x]
		}
		return d.top.Query(d.grid, life.Query{X: x, Y: y})
	}
	return d.last.at(d.e.uni, int64(x), int64(y))
}

// tileReader reads the cells of a Universe, keeping the tile read last.
type tileReader struct {
	k  life.TileKey
	t  *life.Tile
	ok bool
}

// at returns the state of the cell at (x, y) of u, which must not have
// changed since the reader was last reset.
func (l *tileReader) at(u *life.Universe, x, y int64) life.State {
	k, c, r := life.TileOf(x, y)
	if !l.ok || l.k != k {
		l.k, l.t, l.ok = k, u.Tile(k), true
	}
	if l.t == nil {
		return life.Empty
	}
	return l.t.State(c, r)
}

// slotOf returns the slot running the cell at p, or -1.
func (d *activeDriver) slotOf(p life.Point) int32 {
	if d.index != nil {
		return d.index[int(p.Y)*d.e.grid.Width()+int(p.X)]
	}
	if s, ok := d.where[p]; ok {
		return s
	}
	return -1
}

// setSlot records that slot s runs the cell at p; -1 that none does.
func (d *activeDriver) setSlot(p life.Point, s int32) {
	switch {
	case d.index != nil:
		d.index[int(p.Y)*d.e.grid.Width()+int(p.X)] = s
	case s < 0:
		delete(d.where, p)
	default:
		d.where[p] = s
	}
}

// reset makes ready for a generation: no change found yet.
func (d *activeDriver) reset() {
	d.gen++
	d.changes = d.changes[:0]
	d.last.ok = false // the board has changed since
}

// prepare makes ready for a generation, as reset does, and for a
// transport whose every cell has a program of its own: the programs of the
// cells no longer listed go idle, and the idle ones beyond what the
// generation needs, and a reserve, retire.
func (d *activeDriver) prepare() {
	d.reset()
	fresh := 0
	d.ids = slices.Grow(d.ids[:0], len(d.list))
	for _, p := range d.list {
		s := d.slotOf(p)
		if s >= 0 {
			d.keep[s] = d.gen
		} else {
			fresh++
		}
		d.ids = append(d.ids, s)
	}
	d.order()
	// The slots the new cells will take: grown once, not one by one.
	d.bound = slices.Grow(d.bound, fresh)
	if more := fresh - len(d.idle) - len(d.free); more > 0 {
		d.keep = slices.Grow(d.keep, more)
		d.t.grow(more)
	}
	kept := d.bound[:0]
	for _, id := range d.bound {
		if d.keep[id] == d.gen {
			kept = append(kept, id)
			continue
		}
		s := d.slots.at(id)
		s.bound = false
		d.setSlot(life.Point{X: int64(s.x), Y: int64(s.y)}, -1)
		d.idle = append(d.idle, id)
	}
	d.bound = kept
	reserve := fresh + len(d.list)/4
	for len(d.idle) > reserve {
		id := d.idle[len(d.idle)-1]
		d.idle = d.idle[:len(d.idle)-1]
		s := d.slots.at(id)
		s.gone = true
		d.t.retire(id)
		d.free = append(d.free, id)
	}
}

// order sorts the list by the slot of each cell, the cells without one
// last. Slots were started in order, so their goroutines' stacks lie in
// that order in memory: visiting them in order keeps the processor's page
// tables and caches warm, where the order of the list drifts away from it as
// idle goroutines are handed new cells.
func (d *activeDriver) order() {
	d.pairs = slices.Grow(d.pairs[:0], len(d.list))
	for i, p := range d.list {
		d.pairs = append(d.pairs, listed{uint32(d.ids[i]), p}) // -1: last
	}
	slices.SortFunc(d.pairs, func(a, b listed) int { return cmp.Compare(a.id, b.id) })
	for i, e := range d.pairs {
		d.ids[i], d.list[i] = int32(e.id), e.p
	}
}

// listed is a cell of the list and its slot, for order.
type listed struct {
	id uint32
	p  life.Point
}

// how says how a driver begins the step of a cell: what its slot's program
// is doing.
type how uint8

const (
	// resume: the slot's program runs the cell already and waits at the
	// first Query of its step, which the driver answers (the book's TICK).
	resume how = iota
	// move: an idle program is handed the cell; it is told moved, and asks
	// the first Query of the new cell's step.
	move
	// spawn: a new slot, whose program the transport starts.
	spawn
)

// assign finds the slot of the i-th cell of the list, whose step is about to
// begin: the slot that runs it, or an idle one bound to it, or a new one;
// how says which.
func (d *activeDriver) assign(i int) (int32, how) {
	p := d.list[i]
	if id := d.ids[i]; id >= 0 {
		return id, resume
	}
	x, y := int(p.X), int(p.Y)
	if n := len(d.idle); n > 0 {
		id := d.idle[n-1]
		d.idle = d.idle[:n-1]
		s := d.slots.at(id)
		s.x, s.y, s.bound = x, y, true
		d.keep[id] = d.gen
		d.bind(p, id)
		return id, move
	}
	var id int32
	if n := len(d.free); n > 0 {
		id = d.free[n-1]
		d.free = d.free[:n-1]
	} else {
		id = d.slots.add()
		d.keep = append(d.keep, 0)
	}
	*d.slots.at(id) = slot{x: x, y: y, bound: true}
	d.keep[id] = d.gen
	d.bind(p, id)
	return id, spawn
}

// transition records the Transition of the cell at (x, y) to state, if it
// changes the cell.
func (d *activeDriver) transition(x, y int, state life.State) {
	if state != d.state(x, y) {
		d.changes = grow(d.changes, change{life.Point{X: int64(x), Y: int64(y)}, state})
	}
}

func (d *activeDriver) bind(p life.Point, id int32) {
	d.setSlot(p, id)
	d.bound = append(d.bound, id)
}

// marks tells which cells are listed for the next generation: a cell is
// listed if its stamp is the current one. A bounded board has a stamp per
// cell; an unbounded one, a stamp per cell of the tiles touched lately.
type marks struct {
	now   uint32
	stamp []uint32
	tiles map[life.TileKey]*markTile
	last  struct {
		k life.TileKey
		t *markTile
	}
}

type markTile struct {
	stamp [life.TileSide * life.TileSide]uint32
	used  uint32 // the last stamp given in it
}

// next starts a new list: no cell is listed.
func (m *marks) next() {
	m.now++
	m.last.t = nil
}

// add lists p, reporting false if it was listed already. g is the bounded
// board, or nil.
func (m *marks) add(p life.Point, g *life.Grid) bool {
	if g != nil {
		i := int(p.Y)*g.Width() + int(p.X)
		if m.stamp[i] == m.now {
			return false
		}
		m.stamp[i] = m.now
		return true
	}
	k, c, r := life.TileOf(p.X, p.Y)
	t := m.last.t
	if t == nil || m.last.k != k {
		t = m.tiles[k]
		if t == nil {
			t = new(markTile)
			m.tiles[k] = t
		}
		m.last.k, m.last.t = k, t
	}
	t.used = m.now
	i := r*life.TileSide + c
	if t.stamp[i] == m.now {
		return false
	}
	t.stamp[i] = m.now
	return true
}

// prune forgets the tiles of an unbounded board that no recent list touched.
func (m *marks) prune() {
	for k, t := range m.tiles {
		if m.now-t.used > 2 {
			delete(m.tiles, k)
		}
	}
	m.last.t = nil
}
