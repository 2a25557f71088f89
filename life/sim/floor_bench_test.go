package sim_test

import (
	"fmt"
	"iter"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
)

// BenchmarkFloor measures the goroutine engine's protocol with the Game of
// Life taken out: what Go's channels and scheduler cost on this machine for
// one goroutine per cell under strict semantics, and so the most the
// goroutine engine could reach with its design. Each cell goroutine sends
// nine queries, each only after the answer to the previous one, then a
// transition, and runs on to its next step's first query; drivers answer
// from a byte slice in batches, as the engine's do (a window of cells in
// flight, an owed count, one wake-up per batch). There is no grid, rule,
// topology or progeny. One op is one generation.
func BenchmarkFloor(b *testing.B) {
	for _, n := range []int{64, 256, 1024} {
		for _, procs := range []int{1, 2} {
			name := fmt.Sprintf("size=%dx%d/procs=%d", n, n, procs)
			b.Run(name, func(b *testing.B) { benchFloor(b, n*n, procs) })
		}
	}
}

func benchFloor(b *testing.B, cells, procs int) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	answers := make([]uint8, cells)
	for i := range answers {
		answers[i] = uint8(i % 3 & 1)
	}
	shards := max(1, min(4*procs, cells/256))
	ds := make([]*floorDriver, shards)
	for i := range ds {
		ds[i] = newFloorDriver(i*cells/shards, (i+1)*cells/shards)
	}
	defer func() {
		for _, d := range ds {
			d.stop()
		}
	}()
	generation := func() {
		var wg sync.WaitGroup
		for _, d := range ds {
			wg.Add(1)
			go func() {
				defer wg.Done()
				d.live(answers)
			}()
		}
		wg.Wait()
	}
	timeFloor(b, cells, generation)
}

// floorWindow is how many cells a floor driver keeps in flight, as the
// engine's drivers do.
const floorWindow = 64

type floorMessage struct {
	from       int32
	query      int32 // 0 to 8: which of its nine queries
	transition bool
	held       bool // a query for the next generation
}

// floorDriver is one shard's driver, cells lo to hi.
type floorDriver struct {
	lo      int
	inbox   chan floorMessage
	replies []chan uint8
	held    []floorMessage // each cell's first query of its next step
	ahead   []bool         // the cell has sent its transition this generation
	batch   []floorMessage
	owed    atomic.Int32
	wake    chan struct{}
	cells   sync.WaitGroup
}

func newFloorDriver(lo, hi int) *floorDriver {
	size := hi - lo
	d := &floorDriver{
		lo:      lo,
		inbox:   make(chan floorMessage, max(size, 2*floorWindow)),
		replies: make([]chan uint8, size),
		held:    make([]floorMessage, size),
		ahead:   make([]bool, size),
		batch:   make([]floorMessage, 2*floorWindow),
		wake:    make(chan struct{}, 1),
	}
	d.owed.Store(int32(size))
	d.cells.Add(size)
	for i := range d.replies {
		d.replies[i] = make(chan uint8, 1)
		go d.cell(i)
	}
	<-d.wake // every cell has sent its first query
	for range size {
		m := <-d.inbox
		d.held[int(m.from)-lo] = m
	}
	return d
}

func (d *floorDriver) cell(i int) {
	defer d.cells.Done()
	id, reply := int32(d.lo+i), d.replies[i]
	for {
		alive := 0
		for q := range int32(9) {
			d.inbox <- floorMessage{from: id, query: q}
			if d.owed.Add(-1) == 0 {
				d.wake <- struct{}{}
			}
			a, ok := <-reply
			if !ok {
				return
			}
			alive += int(a)
		}
		d.inbox <- floorMessage{from: id, query: int32(alive), transition: true}
	}
}

func (d *floorDriver) live(answers []uint8) {
	answer := func(m floorMessage) {
		d.replies[int(m.from)-d.lo] <- answers[(int(m.from)+int(m.query))%len(answers)]
	}
	size := len(d.replies)
	started := min(floorWindow, size)
	d.owed.Add(int32(started))
	for _, m := range d.held[:started] {
		answer(m)
	}
	for finished := 0; finished < size; {
		<-d.wake
		batch := d.batch[:len(d.inbox)]
		owed, transitions := 0, 0
		for i := range batch {
			m := <-d.inbox
			c := int(m.from) - d.lo
			switch {
			case m.transition:
				d.ahead[c] = true
				transitions++
			case d.ahead[c]:
				d.ahead[c], m.held = false, true
				d.held[c] = m
			default:
				owed++
			}
			batch[i] = m
		}
		d.owed.Add(int32(owed + min(transitions, size-started)))
		for _, m := range batch {
			switch {
			case m.transition:
				finished++
				if started < size {
					answer(d.held[started])
					started++
				}
			case !m.held:
				answer(m)
			}
		}
	}
}

func (d *floorDriver) stop() {
	for _, r := range d.replies {
		close(r)
	}
	d.cells.Wait()
}

// BenchmarkCoroutineFloor is BenchmarkFloor for the coroutine transport:
// the dense-coroutine engine's protocol with the Game of Life taken out.
// Each cell is an iter.Pull coroutine that yields nine queries, each
// resumed with its answer (the book's send), leaves its transition in its
// slot and runs on to its next step's first query, where it waits for the
// next generation; one driver goroutine per core runs its shard's cells one
// after another, answering from a byte slice. There is no grid, rule,
// topology or progeny. One op is one generation; ns/msg counts the ten
// messages of a cell, of which the nine queries cost a switch into the
// cell and one back.
func BenchmarkCoroutineFloor(b *testing.B) {
	for _, n := range []int{64, 256, 1024} {
		for _, procs := range []int{1, 2} {
			name := fmt.Sprintf("size=%dx%d/procs=%d", n, n, procs)
			b.Run(name, func(b *testing.B) { benchCoroutineFloor(b, n*n, procs) })
		}
	}
}

// floorCell is one cell coroutine of the coroutine floor and its slot.
type floorCell struct {
	next       func() (int32, bool)
	stop       func()
	answer     uint8 // the driver's send
	alive      int32 // the transition's count, once sent
	transition bool
}

func benchCoroutineFloor(b *testing.B, cells, procs int) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	answers := make([]uint8, cells)
	for i := range answers {
		answers[i] = uint8(i % 3 & 1)
	}
	shards := max(1, min(procs, cells/256))
	cs := make([]floorCell, cells)
	started := make(chan struct{})
	work := make([]chan struct{}, shards)
	done := make(chan struct{})
	for s := range shards {
		work[s] = make(chan struct{})
		lo, hi := s*cells/shards, (s+1)*cells/shards
		// Each driver makes, runs and stops its own coroutines.
		go func() {
			for i := lo; i < hi; i++ {
				c := &cs[i]
				c.next, c.stop = iter.Pull(func(yield func(int32) bool) {
					for {
						alive := int32(0)
						for q := range int32(9) {
							if !yield(q) {
								return
							}
							alive += int32(c.answer)
						}
						c.alive, c.transition = alive, true
					}
				})
				c.next() // up to its first query
			}
			started <- struct{}{}
			for range work[s] {
				for i := lo; i < hi; i++ {
					c := &cs[i]
					q := int32(0) // the held first query
					for {
						c.answer = answers[(i+int(q))%cells]
						q, _ = c.next()
						if c.transition {
							c.transition = false
							break // q is the next step's first query
						}
					}
				}
				done <- struct{}{}
			}
			for i := lo; i < hi; i++ {
				cs[i].stop()
			}
			done <- struct{}{}
		}()
	}
	for range shards {
		<-started
	}
	generation := func() {
		for _, w := range work {
			w <- struct{}{}
		}
		for range work {
			<-done
		}
	}
	defer func() {
		for _, w := range work {
			close(w)
		}
		for range work {
			<-done
		}
	}()
	timeFloor(b, cells, generation)
}

// timeFloor runs one generation of a floor untimed, so that every cell has
// run once, then times generation, one an op, and reports cells/s and
// ns/msg.
func timeFloor(b *testing.B, cells int, generation func()) {
	generation()
	b.ResetTimer()
	for b.Loop() {
		generation()
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(cells)*float64(b.N)/sec, "cells/s")
	b.ReportMetric(sec*1e9/(float64(cells)*messagesPerCell*float64(b.N)), "ns/msg")
}

// BenchmarkQuery measures one Query answered, alone: a cell asks, its
// driver answers, the cell goes on, with nothing else to do. Over channels
// (the goroutine engine's transport) the cell sends on the driver's inbox
// and parks on its reply channel, and each side's send wakes the other
// through the scheduler; over iter.Pull (the coroutine engine's) the cell
// yields, the driver writes the answer in its slot and resumes it: two
// switches between coroutines on one thread. One op is one Query.
func BenchmarkQuery(b *testing.B) {
	for _, procs := range []int{1, 2} {
		b.Run(fmt.Sprintf("transport=channels/procs=%d", procs), func(b *testing.B) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			inbox, reply := make(chan int32, 1), make(chan uint8, 1)
			go func() {
				for q := range inbox {
					reply <- uint8(q & 1)
				}
				close(reply)
			}()
			var q int32
			for b.Loop() {
				inbox <- q
				q += int32(<-reply)
			}
			close(inbox)
			for range reply {
			}
		})
		b.Run(fmt.Sprintf("transport=iter.Pull/procs=%d", procs), func(b *testing.B) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			var answer uint8
			next, stop := iter.Pull(func(yield func(int32) bool) {
				for q := int32(0); yield(q); q += int32(answer) {
				}
			})
			defer stop()
			q, _ := next()
			for b.Loop() {
				answer = uint8(q & 1)
				q, _ = next()
			}
		})
	}
}
