package cells

import (
	"slices"
	"sync"
	"sync/atomic"

	"colife/life"
)

// channels is the goroutine engine's transport for one shard: each cell
// program a goroutine that sends its Query and Transition messages on the
// driver's inbox and waits on its own reply channel, the protocol of the
// dense engine's cells (driver.go, and doc.go for who owns and who closes
// each channel). The driver keeps a window of cells in flight and answers
// their messages in batches.
type channels struct {
	rule  *life.Rule
	quit  <-chan struct{} // the engine's
	inbox chan amsg
	batch []amsg
	owed  atomic.Int32 // as driver.owed: the Queries still to come of the batch
	wake  chan struct{}
	cells sync.WaitGroup

	// replies[id] is slot id's reply channel, which only the driver sends
	// on and closes (buffered 1); ahead[id] says that its goroutine has
	// sent its Transition this generation, so its next Query is held. They
	// lie apart from the slots so that answering a batch reads flat arrays.
	replies []chan answer
	ahead   []bool
}

func newChannels(rule *life.Rule, quit <-chan struct{}) *channels {
	return &channels{rule: rule, quit: quit, inbox: make(chan amsg, 2*window), batch: make([]amsg, 2*window), wake: make(chan struct{}, 1)}
}

// amsg is a message on an active driver's inbox: a Query or a Transition
// from the goroutine in slot from.
type amsg struct {
	from  int32
	kind  uint8
	state life.State
	x, y  int
}

// activePort is a cell goroutine's end of the protocol with an active driver.
type activePort struct {
	id    int32
	t     *channels
	reply <-chan answer
	moved bool // told to run another cell: the rest of this step sends nothing
	dead  bool // told to end, or the engine is shutting down
}

func (c *activePort) Query(q life.Query) life.State {
	if c.dead || c.moved {
		return life.Empty
	}
	c.t.inbox <- amsg{from: c.id, kind: kindQuery, x: q.X, y: q.Y}
	if c.t.owed.Add(-1) == 0 {
		select {
		case c.t.wake <- struct{}{}:
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
	c.t.inbox <- amsg{from: c.id, kind: kindTransition, x: t.X, y: t.Y, state: t.State}
}

func (c *activePort) again() bool {
	c.moved = false
	return !c.dead
}

// runCell is the life of the goroutine of slot id, until it is retired or
// the driver closes its reply.
func (t *channels) runCell(id int32, s *slot, reply <-chan answer) {
	defer t.cells.Done()
	program(&activePort{id: id, t: t, reply: reply}, s, t.rule)
}

func (t *channels) perCell() bool { return true }

func (t *channels) programs(d *activeDriver) int { return len(d.bound) + len(d.idle) }

func (t *channels) grow(n int) {
	t.replies = slices.Grow(t.replies, n)
	t.ahead = slices.Grow(t.ahead, n)
}

func (t *channels) retire(id int32) { t.replies[id] <- retire }

func (t *channels) close(d *activeDriver) {
	for id := range d.slots.n {
		if !d.slots.at(id).gone {
			close(t.replies[id])
		}
	}
	t.cells.Wait()
}

// begin begins the step of the i-th cell of the list, which the caller has
// counted as owed: its slot's goroutine is answered the Query it holds, or
// an idle one is told it has moved to it, or a new one is started for it.
func (t *channels) begin(d *activeDriver, i int) {
	id, how := d.assign(i)
	switch how {
	case resume:
		p := d.list[i]
		t.replies[id] <- answer(d.state(int(p.X), int(p.Y)))
	case move:
		t.replies[id] <- moved
	case spawn:
		if int(id) == len(t.replies) {
			t.replies = append(t.replies, nil)
			t.ahead = append(t.ahead, false)
		}
		reply := make(chan answer, 1)
		t.replies[id], t.ahead[id] = reply, false
		t.cells.Add(1)
		go t.runCell(id, d.slots.at(id), reply)
	}
}

// live runs one generation of the shard's active cells, as the dense
// driver's live does (driver.go): a window of cells in flight, each batch of
// messages answered at once when the last Query of the batch is in.
func (t *channels) live(d *activeDriver) bool {
	d.prepare()
	n := len(d.list)
	started := min(window, n)
	t.owed.Add(int32(started))
	for i := range started {
		t.begin(d, i)
	}
	for finished := 0; finished < n; {
		select {
		case <-t.wake:
		case <-t.quit:
			return false
		}
		batch := t.batch[:len(t.inbox)]
		replies, transitions := 0, 0
		for i := range batch {
			m := <-t.inbox
			switch {
			case m.kind == kindTransition:
				t.ahead[m.from] = true
				transitions++
			case t.ahead[m.from]:
				t.ahead[m.from] = false
				m.kind = kindHeld
			default:
				replies++
			}
			batch[i] = m
		}
		replies += min(transitions, n-started)
		t.owed.Add(int32(replies))
		for _, m := range batch {
			switch m.kind {
			case kindQuery:
				t.replies[m.from] <- answer(d.state(m.x, m.y))
			case kindTransition:
				d.transition(m.x, m.y, m.state)
				finished++
				if started < n {
					t.begin(d, started)
					started++
				}
			}
		}
	}
	return true
}
