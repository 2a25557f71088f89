package life

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// ErrClosed is returned by a Simulation that has been closed, or whose
// context was cancelled.
var ErrClosed = errors.New("simulation closed")

// BytesPerCell is the memory the goroutine engine is estimated to need for
// each cell: a goroutine's stack and descriptor, its reply channel, its place
// in a driver's inbox. NewSimulation refuses a grid whose estimate does not
// fit in the machine's memory.
const BytesPerCell = 3 << 10

// Options configure a Simulation. The zero value runs the goroutine engine on
// a torus with the zero Rule, "B/S", in which every cell dies: set Rule (to
// Conway, say) for anything else.
type Options struct {
	Rule     Rule
	Topology Topology
	Engine   Engine
}

// Simulation runs generations of a grid under a rule, a topology and an
// engine. It owns the engine's goroutines from NewSimulation until Close, or
// until the context given to NewSimulation is cancelled.
//
// A Simulation is not safe for concurrent use, except that Close may be called
// from any goroutine at any time.
type Simulation struct {
	opt        Options
	cur, next  *Grid
	generation int

	direct     *direct
	goroutines *goroutines

	mu     sync.Mutex // guards closed
	closed bool
	done   <-chan struct{} // the context's: closed when it is cancelled
	stop   func() bool     // stops the context.AfterFunc
}

// NewSimulation starts a simulation of a copy of g. With the goroutine engine
// it starts one goroutine per cell, and the generation drivers, before it
// returns; cancelling ctx, or Close, ends them all.
func NewSimulation(ctx context.Context, g *Grid, opt Options) (*Simulation, error) {
	if opt.Topology > Plane {
		return nil, fmt.Errorf("unknown topology %d", opt.Topology)
	}
	if opt.Engine > Direct {
		return nil, fmt.Errorf("unknown engine %d", opt.Engine)
	}
	if err := opt.Engine.Check(g.w, g.h); err != nil {
		return nil, err
	}
	s := &Simulation{opt: opt, cur: g.Clone(), done: ctx.Done()}
	s.next, _ = NewGrid(g.w, g.h)
	if opt.Engine == Direct {
		s.direct = newDirect(g.w, opt.Rule, opt.Topology)
	} else {
		s.goroutines = newGoroutines(g.w, g.h, opt.Rule, opt.Topology)
	}
	if err := ctx.Err(); err != nil {
		s.Close()
		return nil, err
	}
	// The callback may run at once, on its own goroutine: it must not touch
	// s.stop, which is set only as AfterFunc returns.
	s.stop = context.AfterFunc(ctx, s.shutdown)
	return s, nil
}

// checkMemory refuses a goroutine engine whose estimated memory would not fit.
func checkMemory(w, h int) error {
	total := totalMemory()
	if total == 0 {
		return nil // unknown: let the runtime decide
	}
	need := uint64(w) * uint64(h) * BytesPerCell
	if need > total/10*8 {
		return fmt.Errorf("%w %dx%d: the goroutine engine needs about %s (%d cells at %d bytes each), more than 80%% of this machine's %s; use a smaller grid or the direct engine",
			ErrSize, w, h, bytesString(need), w*h, BytesPerCell, bytesString(total))
	}
	return nil
}

func bytesString(b uint64) string {
	const gib = 1 << 30
	if b >= gib {
		return fmt.Sprintf("%.1f GiB", float64(b)/gib)
	}
	return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
}

// Step runs one generation.
func (s *Simulation) Step() error {
	return s.step(context.Background())
}

// Run runs n generations, or until ctx is cancelled. A cancellation in the
// middle of a goroutine-engine generation abandons that generation and closes
// the simulation, whose cells cannot be resumed halfway; Run then returns
// ctx.Err() and the grid is the last complete generation.
func (s *Simulation) Run(ctx context.Context, n int) error {
	for range n {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.step(ctx); err != nil {
			return err
		}
	}
	return nil
}

func (s *Simulation) step(ctx context.Context) error {
	if s.isClosed() {
		return ErrClosed
	}
	if s.direct != nil {
		s.direct.step(s.cur, s.next)
	} else {
		if !s.goroutines.step(s.cur, s.next, ctx.Done()) {
			s.Close()
			if err := ctx.Err(); err != nil {
				return err
			}
			return ErrClosed
		}
	}
	s.cur, s.next = s.next, s.cur
	s.generation++
	return nil
}

// Generation returns the number of generations run since the start, or since
// the generation given to the last Reset.
func (s *Simulation) Generation() int { return s.generation }

// Grid returns the current generation. The grid belongs to the simulation:
// read it, but do not keep it past the next call to Step, Run, Reset or Set.
func (s *Simulation) Grid() *Grid { return s.cur }

// Set sets one cell of the current generation, as an edit between generations.
func (s *Simulation) Set(x, y int, st State) { s.cur.Set(x, y, st) }

// Reset replaces the current generation with a copy of g, which must have the
// same size, and numbers it generation. The engine's goroutines carry on from
// it: nothing is restarted.
func (s *Simulation) Reset(g *Grid, generation int) error {
	if err := s.cur.CopyFrom(g); err != nil {
		return err
	}
	s.generation = generation
	return nil
}

// Options returns the options the simulation was made with.
func (s *Simulation) Options() Options { return s.opt }

// Goroutines returns how many goroutines the engine runs: one per cell and
// one per driver for the goroutine engine, none for the direct one or once
// the simulation is closed.
func (s *Simulation) Goroutines() int {
	if s.goroutines == nil || s.isClosed() {
		return 0
	}
	return len(s.cur.Cells) + len(s.goroutines.drivers)
}

// isClosed reports whether the simulation was closed or its context
// cancelled; the goroutines of a cancelled one may still be ending.
func (s *Simulation) isClosed() bool {
	select {
	case <-s.done:
		return true
	default:
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closed
}

// Close ends every goroutine the simulation started and returns when they
// have all ended. It may be called more than once, from any goroutine.
func (s *Simulation) Close() error {
	if s.stop != nil {
		s.stop()
	}
	s.shutdown()
	return nil
}

// shutdown marks the simulation closed and ends the engine's goroutines,
// returning when they have ended.
func (s *Simulation) shutdown() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	if s.goroutines != nil {
		s.goroutines.stop()
	}
}
