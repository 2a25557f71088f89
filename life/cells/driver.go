package cells

import (
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"colife/life"
)

// message is what travels on a driver's inbox: a Query or a Transition from
// the cell whose index in the grid is from. It is a small value: sending one
// shares nothing.
type message struct {
	from  int32      // the sender's index in the grid, and so its reply channel
	x, y  int32      // the queried cell, or the sender itself for a transition
	kind  uint8      // kindQuery or kindTransition; kindHeld once the driver holds it
	state life.State // the new state, for a transition
}

const (
	kindQuery uint8 = iota
	kindTransition
	kindHeld // a Query for the next generation, held by the driver
)

// cellPort is a cell goroutine's end of the protocol. The cell sends on its
// driver's inbox, which the driver owns and never closes (the driver outlives
// every cell that sends on it), and receives on reply, which only the driver
// sends on and closes.
type cellPort struct {
	id    int32
	d     *driver
	reply <-chan life.State
	dead  bool // reply was closed: the simulation is shutting down
}

// Query sends q and blocks until the driver answers: the yield of the book's
// Query. The cell whose Query brings the driver's owed count to zero wakes
// it. Once the simulation shuts down it answers Empty and sends nothing.
func (c *cellPort) Query(q life.Query) life.State {
	if c.dead {
		return life.Empty
	}
	c.d.inbox <- message{from: c.id, x: int32(q.X), y: int32(q.Y), kind: kindQuery}
	if c.d.owed.Add(-1) == 0 {
		select {
		case c.d.wake <- struct{}{}:
		default: // cannot happen: the driver takes each wake before it owes again
		}
	}
	s, ok := <-c.reply
	c.dead = !ok
	return s
}

// Transition sends t and returns at once, as the book's coroutine runs on
// from a Transition to the next step's first Query: that Query the driver
// holds until it starts the cell in the next generation (the book's TICK).
func (c *cellPort) Transition(t life.Transition) {
	if c.dead {
		return
	}
	c.d.inbox <- message{from: c.id, x: int32(t.X), y: int32(t.Y), kind: kindTransition, state: t.State}
}

// runCell is the life of cell i of the shard, one goroutine: run the cell
// program, step after step, until the driver closes the cell's reply
// channel. Everything a cell needs it reads from its driver, so that starting
// it allocates as little as possible.
func (d *driver) runCell(i int) {
	defer d.cells.Done()
	id := d.lo + i
	c := cellPort{id: int32(id), d: d, reply: d.replies[i]}
	x, y := id%d.width, id/d.width
	for !c.dead {
		life.StepCell(&c, x, y, &d.rule)
	}
}

// driver is the generation driver for one shard of the grid, cells lo to hi
// in row-major order: the book's live_a_generation. It owns its inbox and its
// cells' reply channels. Each generation it answers each Query from the
// current grid, holding each cell's first one until it starts the cell, and
// writes each Transition into the progeny, until every cell of the shard has
// sent its Transition.
type driver struct {
	lo, hi  int
	width   int       // of the grid
	rule    life.Rule // for the cells: the driver itself never applies it
	inbox   chan message
	replies []chan life.State // replies[i] belongs to cell lo+i; buffered, so a send never blocks
	cells   sync.WaitGroup
	batch   []message // the messages being answered

	// held[i] is cell lo+i's first Query of its next step, which it sends
	// right after its Transition and the driver answers when it starts the
	// cell in the next generation. ahead[i] says that cell lo+i has sent its
	// Transition this generation, so its next Query is one to hold.
	held  []message
	ahead []bool

	// owed counts the Queries the driver is waiting for: one from each
	// cell it has answered or started that has not yet sent its next one.
	// The cell that brings it to zero sends on wake, which is buffered, so
	// the driver sleeps until its whole batch is in. Only the driver
	// receives on wake; nobody closes it.
	owed atomic.Int32
	wake chan struct{}
}

// Dense is the goroutine engine: one driver per shard, each with its own
// goroutine, and one goroutine per cell.
type Dense struct {
	topology life.Topology
	drivers  []*driver
	start    []chan generation // start[i] tells drivers[i] to run a generation
	done     chan bool         // each driver sends true when it has finished a generation, false if it gave up
	quit     chan struct{}     // closed to shut everything down
	quitOnce sync.Once
	wg       sync.WaitGroup // the drivers' goroutines
}

// generation is one generation's pair of grids, handed to every driver.
type generation struct {
	cur, next *life.Grid
}

// shardsFor returns how many drivers share n cells.
func shardsFor(n int) int {
	s := 4 * runtime.GOMAXPROCS(0)
	return max(1, min(s, n/256))
}

func NewDense(w, h int, rule life.Rule, t life.Topology) *Dense {
	n := w * h
	if n >= quietStartCells {
		defer pauseGC()()
	}
	e := &Dense{
		topology: t,
		done:     make(chan bool),
		quit:     make(chan struct{}),
	}
	shards := shardsFor(n)
	var ready sync.WaitGroup // each driver has started its cells
	ready.Add(shards)
	for i := range shards {
		d := &driver{lo: i * n / shards, hi: (i + 1) * n / shards, width: w, rule: rule}
		size := d.hi - d.lo
		// The inbox holds every cell's first Query while the cells start,
		// and during a generation at most two messages (a Transition and
		// the next Query) from each cell in flight: no send ever blocks.
		d.inbox = make(chan message, max(size, 2*min(window, size)))
		d.batch = make([]message, 2*min(window, size))
		d.wake = make(chan struct{}, 1)
		d.replies = make([]chan life.State, size)
		d.held = make([]message, size)
		d.ahead = make([]bool, size)
		e.drivers = append(e.drivers, d)
		start := make(chan generation)
		e.start = append(e.start, start)
		e.wg.Add(1)
		go e.run(d, start, &ready)
	}
	ready.Wait()
	return e
}

// run is the life of one driver goroutine. It starts its shard's cells, all
// drivers at once so that a big grid starts on every core, then runs a
// generation each time it is told to, until the simulation shuts down; then
// it ends its cells and waits for them.
func (e *Dense) run(d *driver, start <-chan generation, ready *sync.WaitGroup) {
	defer e.wg.Done()
	for j := range d.replies {
		d.replies[j] = make(chan life.State, 1)
	}
	d.cells.Add(len(d.replies))
	defer func() {
		for _, r := range d.replies {
			close(r)
		}
		d.cells.Wait()
	}()
	d.owed.Add(int32(len(d.replies))) // every cell's first Query
	for j := range d.replies {
		go d.runCell(j)
		if j%startBatch == startBatch-1 {
			// Let the cells just made reach their first wait while their
			// stacks are warm, and let other goroutines (a window's) run:
			// a goroutine that only starts goroutines is preempted only
			// every 10 ms.
			runtime.Gosched()
		}
	}
	// Hold each cell's first Query for the first generation. Every cell
	// sends one, so the wake comes.
	<-d.wake
	for range d.replies {
		m := <-d.inbox
		d.held[int(m.from)-d.lo] = m
	}
	ready.Done()
	serve(start, e.done, e.quit, func(g generation) bool { return e.live(d, g) })
}

// serve is a driver's loop: it runs live on each generation that start
// hands it and reports how it went on done, until live fails or quit is
// closed.
func serve[T any](start <-chan T, done chan<- bool, quit <-chan struct{}, live func(T) bool) {
	for {
		select {
		case g := <-start:
			ok := live(g)
			select {
			case done <- ok:
			case <-quit:
				return
			}
			if !ok {
				return
			}
		case <-quit:
			return
		}
	}
}

// window is how many cells of a shard are in flight at once: started and
// not yet finished. Keeping it small keeps the goroutines that run close
// together in the CPU's caches and in their P's local run queue.
const window = 64

// live runs one generation of the shard, reporting false if the simulation
// was shut down before it finished.
//
// It starts the first window cells by answering the Queries it holds for
// them. Then it works in batches: it sleeps until every cell it has answered
// has sent its next Query, takes every message from the inbox and answers
// each. A Query is answered from the current grid, unless its cell has
// already sent its Transition: then it is the cell's first Query of the next
// generation, and held. A Transition is written into the progeny and starts
// the next cell of the shard, if any. Sleeping until the whole batch is in,
// rather than waking for each message, costs one goroutine switch per Query
// instead of two, and keeps the driver on the P where its cells run.
func (e *Dense) live(d *driver, g generation) bool {
	cur, next := g.cur, g.next
	answer := func(m message) {
		d.replies[int(m.from)-d.lo] <- e.topology.Query(cur, life.Query{X: int(m.x), Y: int(m.y)})
	}
	size := d.hi - d.lo
	started := min(window, size)
	d.owed.Add(int32(started))
	for _, m := range d.held[:started] {
		answer(m) // TICK: the cell's generation starts
	}
	for finished := 0; finished < size; {
		select {
		case <-d.wake:
		case <-e.quit:
			return false
		}
		// Every cell answered has sent its Query: the inbox holds the batch,
		// with the Transitions sent before them.
		batch := d.batch[:len(d.inbox)]
		replies, transitions := 0, 0
		for i := range batch {
			m := <-d.inbox
			c := int(m.from) - d.lo
			switch {
			case m.kind == kindTransition:
				d.ahead[c] = true
				transitions++
			case d.ahead[c]:
				d.ahead[c] = false
				d.held[c] = m
				m.kind = kindHeld
			default:
				replies++
			}
			batch[i] = m
		}
		replies += min(transitions, size-started) // cells to start
		d.owed.Add(int32(replies))
		for _, m := range batch {
			switch m.kind {
			case kindQuery:
				answer(m)
			case kindTransition:
				next.Cells[m.from] = m.state
				finished++
				if started < size {
					answer(d.held[started])
					started++
				}
			}
		}
	}
	return true
}

// Step runs one generation over every shard, reporting false if the
// simulation was shut down, or cancel closed, before it finished. After false
// the engine is shutting down: call stop.
func (e *Dense) Step(cur, next *life.Grid, cancel <-chan struct{}) bool {
	return lockstep(e.start, generation{cur: cur, next: next}, e.done, e.quit, &e.quitOnce, cancel)
}

// lockstep hands v to every driver on its start channel and waits until each
// has reported on done, reporting whether all finished: false if quit was
// closed or cancel was (then it closes quit, once).
func lockstep[T any](start []chan T, v T, done <-chan bool, quit chan struct{}, once *sync.Once, cancel <-chan struct{}) bool {
	for _, s := range start {
		select {
		case s <- v:
		case <-quit:
			return false
		case <-cancel:
			once.Do(func() { close(quit) })
			return false
		}
	}
	ok := true
	for range start {
		select {
		case r := <-done:
			ok = ok && r
		case <-quit:
			return false
		case <-cancel:
			once.Do(func() { close(quit) })
			return false
		}
	}
	return ok
}

// Drivers returns how many driver goroutines the engine runs, besides its
// cells' goroutines.
func (e *Dense) Drivers() int { return len(e.drivers) }

// Stop shuts every goroutine down and returns when they have all ended.
func (e *Dense) Stop() {
	e.quitOnce.Do(func() { close(e.quit) })
	e.wg.Wait()
}

// startBatch is how many cells a driver starts before it yields.
const startBatch = 256

// quietStartCells is the size from which starting the goroutine engine
// pauses the garbage collector.
const quietStartCells = 1 << 16

// gcPause serialises the pauses of the garbage collector, so that two
// engines starting at once do not restore each other's setting.
var gcPause sync.Mutex

// pauseGC turns the garbage collector off until the function it returns is
// called, which restores the previous setting.
//
// Starting a million goroutines grows the heap and the stacks so fast that
// the collector would run again and again, each time scanning every stack
// made so far: on a 2048×2048 grid that was two thirds of the start-up time
// (about 29 s against 12 s with the collector off, measured on 2 cores).
// What the start allocates stays alive, so pausing collects nothing late.
// The memory a start may take is bounded beforehand by checkMemory. The
// setting is the process's, so a program that changes it at the same moment
// may find it restored under it.
func pauseGC() (restore func()) {
	gcPause.Lock()
	old := debug.SetGCPercent(-1)
	return func() {
		debug.SetGCPercent(old)
		gcPause.Unlock()
	}
}
