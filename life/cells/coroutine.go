package cells

import (
	"iter"
	"runtime"
	"sync"

	"colife/life"
)

// coroutine is one cell program run as an iter.Pull coroutine: the book's
// generator. Its driver resumes it with send, as Python's live_a_generation
// resumes step_cell with sim.send(state), and it runs on the driver's
// thread until it yields its next Query. Nothing is scheduled and nothing
// waits on a channel: a Query costs two switches between coroutines
// (runtime.coroswitch), the driver's into the cell and the cell's back.
//
// The cell and its driver never run at once, so the answer and the
// Transition pass through the fields below without a lock: the driver writes
// answer before it resumes the cell, the cell writes state and sent before
// it yields.
type coroutine struct {
	next   func() (life.Query, bool) // iter.Pull's: resume the cell until it yields
	stop   func()                    // iter.Pull's: end it
	answer answer                    // what the driver sends: the State asked for, or moved
	out    life.Transition           // the cell's Transition, once sent
	sent   bool                      // the cell has sent its Transition since the driver last looked
	ticked bool                      // the generator has yielded TICK: its generation is done
}

// send is the book's sim.send(value): it puts a in the answer slot, resumes
// the cell, and returns the Query the cell yields next.
func (c *coroutine) send(a answer) life.Query {
	c.answer = a
	q, _ := c.next()
	return q
}

// start makes c the coroutine of a cell whose program body runs (body calls
// program, or StepCell in a loop, with a coroPort), and resumes it up to its
// first Query, which it returns.
func (c *coroutine) start(body func(p *coroPort)) life.Query {
	c.next, c.stop = iter.Pull(func(yield func(life.Query) bool) {
		body(&coroPort{c: c, yield: yield})
	})
	c.sent, c.ticked = false, false
	q, _ := c.next()
	return q
}

// coroPort is a cell coroutine's end of the protocol: Query yields the Query
// and reads the answer its driver sent; Transition leaves itself in the
// coroutine's slot and returns at once, as the goroutine engine's
// Transition is a send that waits for nothing: the yield of the next step's
// first Query (or the generator's TICK) carries both back to the driver.
type coroPort struct {
	c     *coroutine
	yield func(life.Query) bool
	moved bool // told to run another cell: the rest of this step yields nothing
	dead  bool // stopped: the cell is retired, or the engine is shutting down
}

func (p *coroPort) Query(q life.Query) life.State {
	if p.dead || p.moved {
		return life.Empty
	}
	if !p.yield(q) {
		p.dead = true
		return life.Empty
	}
	if p.c.answer == moved {
		p.moved = true
		return life.Empty
	}
	return life.State(p.c.answer)
}

func (p *coroPort) Transition(t life.Transition) {
	if p.dead || p.moved {
		return
	}
	p.c.out, p.c.sent = t, true
}

// tick yields the book's TICK: the generation is done. It reports whether
// the coroutine goes on to the next one.
func (p *coroPort) tick() bool {
	if p.dead {
		return false
	}
	p.c.ticked = true
	if !p.yield(life.Query{}) {
		p.dead = true
	}
	return !p.dead
}

func (p *coroPort) again() bool {
	p.moved = false
	return !p.dead
}

// run is the driver's half of one cell's step: given the first Query the
// cell asks after it has been begun, it answers each Query with state and
// resumes the cell, until the cell has sent its Transition. The cell then
// waits at the first Query of its next step, which the driver answers when it
// begins the cell again (the book's TICK). It returns the new state.
func (c *coroutine) run(q life.Query, state func(x, y int) life.State) life.State {
	for !c.sent {
		q = c.send(answer(state(q.X, q.Y)))
	}
	c.sent = false
	return c.out.State
}

// checkEvery is how many cells a coroutine driver runs between two looks at
// the engine's quit channel.
const checkEvery = 256

// closed reports whether quit is closed.
func closed(quit <-chan struct{}) bool {
	select {
	case <-quit:
		return true
	default:
		return false
	}
}

// coroutines is the coroutine transport of one shard of the active engine:
// each slot's cell program a coroutine, which the shard's driver goroutine
// runs on its own thread, one cell after another. The shards still run in
// parallel, each on its driver's goroutine.
type coroutines struct {
	rule  *life.Rule
	quit  <-chan struct{} // the engine's
	cells chunks[coroutine]
}

func (t *coroutines) perCell() bool { return true }

func (t *coroutines) programs(d *activeDriver) int { return len(d.bound) + len(d.idle) }

func (t *coroutines) grow(int) {}

// retire stops slot id's coroutine, which returns when it has ended.
func (t *coroutines) retire(id int32) { t.cells.at(id).stop() }

func (t *coroutines) close(d *activeDriver) {
	for id := range d.slots.n {
		if !d.slots.at(id).gone {
			t.cells.at(id).stop()
		}
	}
}

// live runs one generation of the shard's active cells, each to its
// Transition before the next begins: the book's live_a_generation.
func (t *coroutines) live(d *activeDriver) bool {
	d.prepare()
	for i, p := range d.list {
		if i%checkEvery == 0 && closed(t.quit) {
			return false
		}
		id, how := d.assign(i)
		var q life.Query
		switch how {
		case resume:
			q = t.cells.at(id).send(answer(d.state(int(p.X), int(p.Y))))
		case move:
			q = t.cells.at(id).send(moved)
		case spawn:
			if id == t.cells.n {
				t.cells.add()
			}
			s := d.slots.at(id)
			q = t.cells.at(id).start(func(c *coroPort) { program(c, s, t.rule) })
		}
		d.transition(int(p.X), int(p.Y), t.cells.at(id).run(q, d.state))
	}
	return true
}

// generator is the transport of the book's own form for one shard: one
// iter.Pull coroutine, simulate, that runs the step of each cell the shard
// lists, in turn, as the book's simulate does yield from step_cell(y, x) for
// each cell, then yields TICK; the shard's driver is live_a_generation,
// which resumes it with the answer to each Query (send) and records each
// Transition, until TICK. One coroutine runs all of the shard's cells, so
// its stack stays in the CPU's caches and nothing is started per cell.
type generator struct {
	rule *life.Rule
	quit <-chan struct{} // the engine's
	c    coroutine
	list []life.Point // the cells simulate runs: set only while it waits at TICK
}

func (t *generator) perCell() bool { return false }

func (t *generator) programs(*activeDriver) int {
	if t.c.next == nil {
		return 0
	}
	return 1
}

func (t *generator) grow(int)     {}
func (t *generator) retire(int32) {}

func (t *generator) close(*activeDriver) {
	if t.c.stop != nil {
		t.c.stop()
	}
}

// simulate is the book's simulate for the shard: every listed cell's step,
// then TICK, generation after generation, until stopped.
func (t *generator) simulate(p *coroPort) {
	for {
		for _, c := range t.list {
			life.StepCell(p, int(c.X), int(c.Y), t.rule)
		}
		if !p.tick() {
			return
		}
	}
}

// queryCheck is how many Queries the generator's driver answers between two
// looks at the engine's quit channel.
const queryCheck = 4096

// live runs one generation of the shard's active cells: the book's
// live_a_generation, from simulate's first Query to its TICK.
func (t *generator) live(d *activeDriver) bool {
	d.reset()
	t.list = d.list
	var q life.Query
	if t.c.next == nil {
		q = t.c.start(t.simulate)
	} else {
		q = t.c.send(0) // after TICK: the generation begins
	}
	for n := 1; ; n++ {
		if c := &t.c; c.sent {
			d.transition(c.out.X, c.out.Y, c.out.State)
			c.sent = false
		}
		if t.c.ticked {
			t.c.ticked = false
			return true
		}
		if n%queryCheck == 0 && closed(t.quit) {
			return false
		}
		q = t.c.send(answer(d.state(q.X, q.Y)))
	}
}

// DenseCoroutines is the dense engine on coroutines: every cell of a bounded
// grid an iter.Pull coroutine, every generation, each shard's coroutines run
// in turn by the shard's driver goroutine, the drivers in parallel. It is to
// the coroutine transport what Dense is to channels: the book's form, what
// the coroutine floor benchmark measures.
type DenseCoroutines struct {
	team[generation]
	topology life.Topology
	rule     life.Rule
	width    int
	shards   []*denseShard
}

// denseShard is the cells lo to hi of the grid, in row-major order, and
// their coroutines.
type denseShard struct {
	lo, hi int
	cells  []coroutine
}

// NewDenseCoroutines starts the coroutines of every cell of a w × h grid
// and their drivers, and returns when each cell waits at its first Query.
func NewDenseCoroutines(w, h int, rule life.Rule, t life.Topology) *DenseCoroutines {
	n := w * h
	if n >= quietStartCells {
		defer pauseGC()()
	}
	e := &DenseCoroutines{topology: t, rule: rule, width: w}
	e.init()
	shards := max(1, min(runtime.GOMAXPROCS(0), n/256))
	var ready sync.WaitGroup
	ready.Add(shards)
	for i := range shards {
		sh := &denseShard{lo: i * n / shards, hi: (i + 1) * n / shards}
		e.shards = append(e.shards, sh)
		e.spawn(func(start <-chan generation) { e.run(sh, start, &ready) })
	}
	ready.Wait()
	return e
}

// run is the life of one driver goroutine: it starts its shard's coroutines,
// each up to its first Query, runs a generation each time it is told, and
// stops them when the engine shuts down.
func (e *DenseCoroutines) run(sh *denseShard, start <-chan generation, ready *sync.WaitGroup) {
	sh.cells = make([]coroutine, sh.hi-sh.lo)
	defer func() {
		for i := range sh.cells {
			sh.cells[i].stop()
		}
	}()
	for i := range sh.cells {
		id := sh.lo + i
		x, y := id%e.width, id/e.width
		sh.cells[i].start(func(p *coroPort) {
			for !p.dead {
				life.StepCell(p, x, y, &e.rule)
			}
		})
	}
	ready.Done()
	e.serve(start, func(g generation) bool {
		state := func(x, y int) life.State { return e.topology.Query(g.cur, life.Query{X: x, Y: y}) }
		for i := range sh.cells {
			if i%checkEvery == 0 && closed(e.quit) {
				return false
			}
			id := sh.lo + i
			c := &sh.cells[i]
			g.next.Cells[id] = c.run(c.send(answer(g.cur.Cells[id])), state)
		}
		return true
	})
}

// Step runs one generation over every shard, as Dense.Step does.
func (e *DenseCoroutines) Step(cur, next *life.Grid, cancel <-chan struct{}) bool {
	return e.step(generation{cur: cur, next: next}, cancel)
}

// Drivers returns how many driver goroutines the engine runs, besides its
// cells' coroutines.
func (e *DenseCoroutines) Drivers() int { return len(e.shards) }

// Stop shuts every coroutine and driver down and returns when they have all
// ended.
func (e *DenseCoroutines) Stop() { e.stop() }
