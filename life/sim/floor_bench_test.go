package sim_test

import (
	"fmt"
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
	generation()
	b.ResetTimer()
	for b.Loop() {
		generation()
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(cells)*float64(b.N)/sec, "cells/s")
	b.ReportMetric(sec*1e9/(float64(cells)*messagesPerCell*float64(b.N)), "ns/msg")
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
