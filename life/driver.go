package life

import (
	"runtime"
	"sync"
)

// message is what travels on a driver's inbox: a Query or a Transition from
// the cell whose index in the grid is from. It is a small value: sending one
// shares nothing.
type message struct {
	from  int32 // the sender's index in the grid, and so its reply channel
	x, y  int32 // the queried cell, or the sender itself for a transition
	kind  uint8 // kindQuery or kindTransition
	state State // the new state, for a transition
}

const (
	kindQuery uint8 = iota
	kindTransition
)

// cellPort is a cell goroutine's end of the protocol. The cell sends on
// inbox, which its driver owns and never closes (the driver outlives every
// cell that sends on it), and receives on reply, which only the driver sends
// on and closes.
type cellPort struct {
	id    int32
	inbox chan<- message
	reply <-chan State
	dead  bool // reply was closed: the simulation is shutting down
}

// query sends q and blocks until the driver answers: the yield of the book's
// Query. Once the simulation shuts down it answers Empty and sends nothing.
func (c *cellPort) query(q Query) State {
	if c.dead {
		return Empty
	}
	c.inbox <- message{from: c.id, x: int32(q.X), y: int32(q.Y), kind: kindQuery}
	s, ok := <-c.reply
	c.dead = !ok
	return s
}

// transition sends t. The cell then waits for the driver to start the next
// generation: the book's TICK.
func (c *cellPort) transition(t Transition) {
	if c.dead {
		return
	}
	c.inbox <- message{from: c.id, x: int32(t.X), y: int32(t.Y), kind: kindTransition, state: t.State}
}

// runCell is the life of cell i of the shard, one goroutine: wait for a
// generation to start, run the cell program, and again, until the driver
// closes the cell's reply channel. Everything a cell needs it reads from its
// driver, so that starting it allocates as little as possible.
func (d *driver) runCell(i int) {
	defer d.cells.Done()
	id := d.lo + i
	c := cellPort{id: int32(id), inbox: d.inbox, reply: d.replies[i]}
	x, y := id%d.width, id/d.width
	for {
		if _, ok := <-c.reply; !ok {
			return
		}
		stepCell(&c, x, y, d.rule)
		if c.dead {
			return
		}
	}
}

// driver is the generation driver for one shard of the grid, cells lo to hi
// in row-major order: the book's live_a_generation. It owns its inbox and its
// cells' reply channels. Each generation it sends every cell its start signal,
// then answers each Query from the current grid and writes each Transition
// into the progeny, until every cell of the shard has sent its Transition.
type driver struct {
	lo, hi  int
	width   int  // of the grid
	rule    Rule // for the cells: the driver itself never applies it
	inbox   chan message
	replies []chan State // replies[i] belongs to cell lo+i; buffered, so a send never blocks
	cells   sync.WaitGroup
}

// goroutines is the goroutine engine: one driver per shard, each with its own
// goroutine, and one goroutine per cell.
type goroutines struct {
	topology Topology
	drivers  []*driver
	start    []chan generation // start[i] tells drivers[i] to run a generation
	done     chan bool         // each driver sends true when it has finished a generation, false if it gave up
	quit     chan struct{}     // closed to shut everything down
	quitOnce sync.Once
	wg       sync.WaitGroup // the drivers' goroutines
}

// generation is one generation's pair of grids, handed to every driver.
type generation struct {
	cur, next *Grid
}

// shardsFor returns how many drivers share n cells.
func shardsFor(n int) int {
	s := 4 * runtime.GOMAXPROCS(0)
	return max(1, min(s, n/256))
}

func newGoroutines(w, h int, rule Rule, t Topology) *goroutines {
	n := w * h
	e := &goroutines{
		topology: t,
		done:     make(chan bool),
		quit:     make(chan struct{}),
	}
	shards := shardsFor(n)
	for i := range shards {
		d := &driver{lo: i * n / shards, hi: (i + 1) * n / shards, width: w, rule: rule}
		size := d.hi - d.lo
		d.inbox = make(chan message, size)
		d.replies = make([]chan State, size)
		d.cells.Add(size)
		for j := range d.replies {
			d.replies[j] = make(chan State, 1)
		}
		for j := range d.replies {
			go d.runCell(j)
		}
		e.drivers = append(e.drivers, d)
		start := make(chan generation)
		e.start = append(e.start, start)
		e.wg.Add(1)
		go e.run(d, start)
	}
	return e
}

// run is the life of one driver goroutine.
func (e *goroutines) run(d *driver, start <-chan generation) {
	defer e.wg.Done()
	defer func() {
		for _, r := range d.replies {
			close(r)
		}
		d.cells.Wait()
	}()
	for {
		select {
		case g := <-start:
			ok := e.live(d, g)
			select {
			case e.done <- ok:
			case <-e.quit:
				return
			}
			if !ok {
				return
			}
		case <-e.quit:
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
// It starts the first window cells, and each time a cell sends its Transition
// it starts the next one, so that a window of cells is always in flight. When
// the inbox is empty it yields, so that the cells it has just answered run
// and fill the inbox, instead of waking it for every message.
func (e *goroutines) live(d *driver, g generation) bool {
	cur, next := g.cur, g.next
	size := d.hi - d.lo
	started := min(window, size)
	for _, r := range d.replies[:started] {
		r <- Alive // TICK: start the generation
	}
	for pending := size; pending > 0; {
		if len(d.inbox) == 0 {
			runtime.Gosched()
			select {
			case <-e.quit:
				return false
			default:
			}
		}
		m := <-d.inbox
		if m.kind == kindTransition {
			next.Cells[m.from] = m.state
			pending--
			if started < size {
				d.replies[started] <- Alive
				started++
			}
			continue
		}
		d.replies[int(m.from)-d.lo] <- e.topology.Query(cur, Query{int(m.x), int(m.y)})
	}
	return true
}

// step runs one generation over every shard, reporting false if the
// simulation was shut down, or cancel closed, before it finished. After false
// the engine is shutting down: call stop.
func (e *goroutines) step(cur, next *Grid, cancel <-chan struct{}) bool {
	g := generation{cur: cur, next: next}
	for _, s := range e.start {
		select {
		case s <- g:
		case <-e.quit:
			return false
		case <-cancel:
			e.quitOnce.Do(func() { close(e.quit) })
			return false
		}
	}
	ok := true
	for range e.start {
		select {
		case r := <-e.done:
			ok = ok && r
		case <-e.quit:
			return false
		case <-cancel:
			e.quitOnce.Do(func() { close(e.quit) })
			return false
		}
	}
	return ok
}

// stop shuts every goroutine down and returns when they have all ended.
func (e *goroutines) stop() {
	e.quitOnce.Do(func() { close(e.quit) })
	e.wg.Wait()
}
