package cells

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

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

	drivers  []*activeDriver
	start    []chan struct{} // start[i] tells drivers[i] to run a generation
	done     chan bool
	quit     chan struct{}
	quitOnce sync.Once
	wg       sync.WaitGroup

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

// amsg is a message on an active driver's inbox: a Query or a Transition
// from the goroutine in slot from.
type amsg struct {
	from  int32
	kind  uint8
	state life.State
	x, y  int
}

// answer is what a driver sends a cell goroutine: the State it asked for,
// or one of the answers beyond every State.
type answer uint16

const (
	// moved tells an idle cell goroutine that it runs another cell now:
	// the one its slot names. It drops the step it was in.
	moved answer = 0x100 + iota
	// retire tells an idle cell goroutine to end.
	retire
)

// slot is one cell goroutine of a driver, and the cell it runs.
type slot struct {
	x, y  int  // the cell: written by the driver before it starts or moves the goroutine
	bound bool // runs a cell that is active (else idle)
	gone  bool // retired: its goroutine has been told to end
}

// slots holds a driver's slots in chunks that never move, so that a cell
// goroutine may keep a pointer to its own while more are added, and the
// slots started one after another lie side by side in memory.
type slots struct {
	chunks [][]slot
	n      int32
}

const slotChunk = 1 << 12

func (s *slots) at(id int32) *slot { return &s.chunks[id/slotChunk][id%slotChunk] }

// add returns the id of a new zero slot.
func (s *slots) add() int32 {
	if int(s.n/slotChunk) == len(s.chunks) {
		s.chunks = append(s.chunks, make([]slot, slotChunk))
	}
	s.n++
	return s.n - 1
}

// activeDriver drives one shard of the active cells.
type activeDriver struct {
	e     *Active
	inbox chan amsg
	batch []amsg
	owed  atomic.Int32 // as driver.owed: the Queries still to come of the batch
	wake  chan struct{}
	cells sync.WaitGroup

	slots slots
	// replies[id] is slot id's reply channel, which only the driver sends
	// on and closes (buffered 1); ahead[id] says that its goroutine has
	// sent its Transition this generation, so its next Query is held. They
	// lie apart from the slots so that answering a batch reads flat arrays.
	replies []chan answer
	ahead   []bool
	pairs   []listed      // scratch for order
	keep    []uint32      // keep[id] is the last generation that listed slot id's cell
	grid    *life.Grid    // the engine's, for a bounded board
	top     life.Topology // the engine's
	bound   []int32       // slots bound to an active cell
	idle    []int32       // slots whose goroutine waits, bound to no cell
	free    []int32       // slots whose goroutine has retired

	list, next []life.Point         // this generation's active cells of the shard, and the next one's
	ids        []int32              // the slot running each cell of list, or -1
	index      []int32              // bounded board: the slot of each cell, -1 for none
	where      map[life.Point]int32 // unbounded board: the slot of each cell that has one
	changes    []change             // this generation's changes
	gen        uint32               // counts the generations run
	last       tileReader           // on an unbounded board
}

// activePort is a cell goroutine's end of the protocol with an active driver.
type activePort struct {
	id    int32
	d     *activeDriver
	reply <-chan answer
	moved bool // told to run another cell: the rest of this step sends nothing
	dead  bool // told to end, or the engine is shutting down
}

func (c *activePort) Query(q life.Query) life.State {
	if c.dead || c.moved {
		return life.Empty
	}
	c.d.inbox <- amsg{from: c.id, kind: kindQuery, x: q.X, y: q.Y}
	if c.d.owed.Add(-1) == 0 {
		select {
		case c.d.wake <- struct{}{}:
		default:
		}
	}
	s, ok := <-c.reply
	switch {
	case !ok || s == retire:
		c.dead = true
		return life.Empty
	case s == moved:
		c.moved = true
		return life.Empty
	}
	return life.State(s)
}

func (c *activePort) Transition(t life.Transition) {
	if c.dead || c.moved {
		return
	}
	c.d.inbox <- amsg{from: c.id, kind: kindTransition, x: t.X, y: t.Y, state: t.State}
}

// runCell is the life of the goroutine of slot id: the cell program, step
// after step, for the cell its slot names, until it is retired or the
// driver closes its reply.
func (d *activeDriver) runCell(id int32, s *slot, reply <-chan answer) {
	defer d.cells.Done()
	c := activePort{id: id, d: d, reply: reply}
	for {
		life.StepCell(&c, s.x, s.y, &d.e.rule)
		if c.dead {
			return
		}
		c.moved = false
	}
}

// NewActive returns the engine for g (bounded) or u (unbounded), with the
// cells of generation 0 listed.
func NewActive(g *life.Grid, u *life.Universe, rule life.Rule, t life.Topology, budget uint64) *Active {
	e := &Active{topology: t, rule: rule, grid: g, uni: u, budget: budget, done: make(chan bool), quit: make(chan struct{})}
	shards := 2 * runtime.GOMAXPROCS(0)
	if g != nil {
		e.marks.stamp = make([]uint32, len(g.Cells))
	} else {
		e.marks.tiles = make(map[life.TileKey]*markTile)
	}
	var index []int32
	if g != nil {
		index = make([]int32, len(g.Cells))
		for i := range index {
			index[i] = -1
		}
	}
	for range shards {
		d := &activeDriver{e: e, grid: g, top: t, inbox: make(chan amsg, 2*window), batch: make([]amsg, 2*window), wake: make(chan struct{}, 1), index: index}
		if g == nil {
			d.where = make(map[life.Point]int32)
		}
		start := make(chan struct{})
		e.drivers = append(e.drivers, d)
		e.start = append(e.start, start)
		e.wg.Add(1)
		go e.run(d, start)
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
	d.next = append(d.next, p)
	e.pending++
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
	defer e.wg.Done()
	defer func() {
		for id := range d.slots.n {
			if !d.slots.at(id).gone {
				close(d.replies[id])
			}
		}
		d.cells.Wait()
	}()
	serve(start, e.done, e.quit, func(struct{}) bool { return d.live() })
}

// Check refuses a next generation whose goroutines would not fit in the
// budget.
func (e *Active) Check(gen int) error {
	need := uint64(e.pending) * BytesPerCell
	if e.budget == 0 || need <= e.budget {
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
	if fresh-e.running >= quietStartCells {
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
	if !lockstep(e.start, struct{}{}, e.done, e.quit, &e.quitOnce, cancel) {
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
		e.running += len(d.bound) + len(d.idle)
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
func (e *Active) Stop() {
	e.quitOnce.Do(func() { close(e.quit) })
	e.wg.Wait()
}

// Goroutines returns the cell goroutines alive and the drivers'.
func (e *Active) Goroutines() int { return e.running + len(e.drivers) }

// Peak returns the most cell goroutines the engine has run at once, so far.
func (e *Active) Peak() int { return e.peak }

// state returns the current state of the cell at (x, y), as the topology
// says beyond a bounded board's edge.
func (d *activeDriver) state(x, y int) life.State {
	if g := d.grid; g != nil {
		if uint(x) < uint(g.Width()) && uint(y) < uint(g.Height()) {
			return g.Cells[y*g.Width()+x]
		}
		return d.top.Query(g, life.Query{X: x, Y: y})
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

// prepare makes ready for a generation: the goroutines of the cells no
// longer listed go idle, and the idle ones beyond what the generation needs,
// and a reserve, retire. It returns how many cells need a goroutine.
func (d *activeDriver) prepare() {
	d.gen++
	d.changes = d.changes[:0]
	d.last.ok = false // the board has changed since
	fresh := 0
	d.ids = d.ids[:0]
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
		d.replies[id] <- retire
		d.free = append(d.free, id)
	}
}

// order sorts the list by the slot of each cell, the cells without one
// last. Slots were started in order, so their goroutines' stacks lie in
// that order in memory: visiting them in order keeps the processor's page
// tables and caches warm, where the order of the list drifts away from it as
// idle goroutines are handed new cells.
func (d *activeDriver) order() {
	d.pairs = d.pairs[:0]
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

// begin starts the step of the i-th cell of the list, which the caller has
// counted as owed: its slot's goroutine is answered the Query it holds, or
// an idle one is moved to it, or a new one is started for it.
func (d *activeDriver) begin(i int) {
	p := d.list[i]
	if id := d.ids[i]; id >= 0 {
		d.replies[id] <- answer(d.state(int(p.X), int(p.Y)))
		return
	}
	x, y := int(p.X), int(p.Y)
	if n := len(d.idle); n > 0 {
		id := d.idle[n-1]
		d.idle = d.idle[:n-1]
		s := d.slots.at(id)
		s.x, s.y, s.bound = x, y, true
		d.keep[id] = d.gen
		d.bind(p, id)
		d.replies[id] <- moved
		return
	}
	var id int32
	if n := len(d.free); n > 0 {
		id = d.free[n-1]
		d.free = d.free[:n-1]
	} else {
		id = d.slots.add()
		d.replies = append(d.replies, nil)
		d.ahead = append(d.ahead, false)
		d.keep = append(d.keep, 0)
	}
	s := d.slots.at(id)
	*s = slot{x: x, y: y, bound: true}
	d.keep[id] = d.gen
	reply := make(chan answer, 1)
	d.replies[id], d.ahead[id] = reply, false
	d.bind(p, id)
	d.cells.Add(1)
	go d.runCell(id, s, reply)
}

func (d *activeDriver) bind(p life.Point, id int32) {
	d.setSlot(p, id)
	d.bound = append(d.bound, id)
}

// live runs one generation of the shard's active cells, as the dense
// driver's live does (driver.go): a window of cells in flight, each batch of
// messages answered at once when the last Query of the batch is in. It
// records the cells whose state changes, and reports false if the engine
// was shut down first.
func (d *activeDriver) live() bool {
	d.prepare()
	n := len(d.list)
	started := min(window, n)
	d.owed.Add(int32(started))
	for i := range started {
		d.begin(i)
	}
	for finished := 0; finished < n; {
		select {
		case <-d.wake:
		case <-d.e.quit:
			return false
		}
		batch := d.batch[:len(d.inbox)]
		replies, transitions := 0, 0
		for i := range batch {
			m := <-d.inbox
			switch {
			case m.kind == kindTransition:
				d.ahead[m.from] = true
				transitions++
			case d.ahead[m.from]:
				d.ahead[m.from] = false
				m.kind = kindHeld
			default:
				replies++
			}
			batch[i] = m
		}
		replies += min(transitions, n-started)
		d.owed.Add(int32(replies))
		for _, m := range batch {
			switch m.kind {
			case kindQuery:
				d.replies[m.from] <- answer(d.state(m.x, m.y))
			case kindTransition:
				if m.state != d.state(m.x, m.y) {
					d.changes = append(d.changes, change{life.Point{X: int64(m.x), Y: int64(m.y)}, m.state})
				}
				finished++
				if started < n {
					d.begin(started)
					started++
				}
			}
		}
	}
	return true
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
