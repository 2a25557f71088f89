package direct

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// A crew is the caller's goroutine and a number of worker goroutines that run
// one job together, round after round: run starts a round, in which every
// member calls the job once, and returns when they all have returned. The job
// shares out the work itself.
//
// Between rounds a worker spins for a while before it parks: on this
// project's virtual machine waking a parked goroutine on an idle core takes
// tens of microseconds, more than a round of a 1024x1024 board, and a
// generation would pay for it twice (the workers' start, the caller's end).
// A crew that is not run parks within about 50 µs.
//
// The workers start in newCrew and end in close. Nothing is allocated per
// round.
type crew struct {
	job     func()
	workers []waiter // one per worker: its wake-up, sent by run and close
	caller  waiter   // run's, sent by the worker that ends a round

	mu      sync.Mutex    // held by run for a round, and by close
	round   atomic.Uint64 // the rounds started
	running atomic.Int32  // workers still in this round's job
	stopped atomic.Bool   // set by close, between rounds
	wg      sync.WaitGroup
}

// spins is how many times a waiter checks its condition before it parks;
// every yieldEvery checks it lets other goroutines run, such as a crew
// member that has no core of its own.
const (
	spins      = 1 << 14
	yieldEvery = 1 << 7
)

func newCrew(workers int, job func()) *crew {
	c := &crew{job: job, workers: make([]waiter, workers)}
	c.caller.wake = make(chan struct{}, 1)
	c.wg.Add(workers)
	for i := range c.workers {
		c.workers[i].wake = make(chan struct{}, 1)
		go c.work(&c.workers[i])
	}
	return c
}

// work is a worker's goroutine: it runs the job once each round, and
// returns when the crew is closed.
func (c *crew) work(w *waiter) {
	defer c.wg.Done()
	var seen uint64 // not c.round.Load(): a round may have started before this line
	for {
		w.wait(func() bool { return c.round.Load() != seen || c.stopped.Load() })
		if c.round.Load() == seen { // stopped, and no round will start
			return
		}
		seen++
		c.job()
		if c.running.Add(-1) == 0 {
			c.caller.notify()
		}
	}
}

// run runs one round and returns true, or returns false at once if the crew
// is closed.
func (c *crew) run() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped.Load() {
		return false
	}
	c.running.Store(int32(len(c.workers)))
	c.round.Add(1)
	for i := range c.workers {
		c.workers[i].notify()
	}
	c.job()
	c.caller.wait(func() bool { return c.running.Load() == 0 })
	return true
}

// close ends the workers, after the round that runs if one does, and returns
// when they have ended. It may be called more than once.
func (c *crew) close() {
	c.mu.Lock()
	c.stopped.Store(true)
	for i := range c.workers {
		c.workers[i].notify()
	}
	c.mu.Unlock()
	c.wg.Wait()
}

// A waiter lets one goroutine wait until a condition holds that others make
// true: it spins a while, then parks until one of them, having made the
// condition true, calls notify.
type waiter struct {
	sleeping atomic.Bool
	wake     chan struct{} // buffered, 1: a token per notify that found it parking
}

// wait returns when ready returns true.
func (w *waiter) wait(ready func() bool) {
	for i := range spins {
		if ready() {
			return
		}
		if i%yieldEvery == yieldEvery-1 {
			runtime.Gosched()
		}
	}
	for {
		w.sleeping.Store(true)
		if ready() {
			if !w.sleeping.Swap(false) {
				<-w.wake // a notify took the flag: take its token
			}
			return
		}
		<-w.wake
		if ready() {
			return
		}
	}
}

// notify wakes the waiter if it is parked, or about to park.
func (w *waiter) notify() {
	if w.sleeping.Swap(false) {
		w.wake <- struct{}{}
	}
}
