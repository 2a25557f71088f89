package runner

import (
	"io"
	"math/rand/v2"
	"time"

	"colife/life"
	"colife/life/pattern"
	"colife/life/sim"
)

// Command is an order for the simulation goroutine, given with Runner.Do and
// applied between two generations, in the order given. Commands are small
// values: giving one shares nothing with the simulation goroutine.
//
// To add a command, declare a type in this package and give it an apply
// method: apply runs on the simulation goroutine and may change the loop's
// state and the simulation freely.
type Command interface {
	apply(l *loop)
}

// Play runs generations at the target speed.
type Play struct{}

// Pause stops running generations; Step still runs some.
type Pause struct{}

// TogglePlay plays if paused and pauses if playing.
type TogglePlay struct{}

// Step pauses and runs N more generations (at least 1) as fast as it can,
// each published as a frame. The commands given after it wait until they have
// run.
type Step struct{ N int }

// Faster doubles the target speed, up to MaxSpeed.
type Faster struct{}

// Slower halves the target speed, down to MinSpeed.
type Slower struct{}

// SetSpeed sets the target speed in generations per second, clamped to
// [MinSpeed, MaxSpeed]; a value that is not positive does nothing.
type SetSpeed struct{ GensPerSec float64 }

// Edit sets the cell at (X, Y) of the current generation to State; outside
// the grid it does nothing. Undo undoes the Edits since the last Stroke. On an unbounded plane (X, Y) is a position on the
// plane, anywhere.
type Edit struct {
	X, Y  int
	State life.State
}

// Toggle flips the cell at (X, Y) of the current generation between Alive and
// Empty, an edit Undo undoes; outside the grid it does nothing. On an unbounded plane (X, Y) is a
// position on the plane, anywhere.
type Toggle struct{ X, Y int }

// Reset goes back to the start, as generation 0: the starting grid, or on an
// unbounded plane the starting grid at its origin alone on the plane.
type Reset struct{}

// Clear kills every cell; the generation count goes on. Undo undoes it.
type Clear struct{}

// Soup makes a new random soup, with the Config's Density and the next seed
// from its Seed, and starts again from it as generation 0: Reset comes back
// to it. On an unbounded plane the soup fills the starting grid's box, at
// the Config's origin, and nothing else lives. Undo undoes it.
type Soup struct{}

func (Play) apply(l *loop) {
	if !l.running {
		l.running = true
		l.next = time.Now()
		l.resetRate(l.next)
	}
	l.dirty = true
}

func (Pause) apply(l *loop) {
	l.running = false
	l.achieved = 0
	l.dirty = true
}

func (TogglePlay) apply(l *loop) {
	if l.running {
		Pause{}.apply(l)
	} else {
		Play{}.apply(l)
	}
}

func (s Step) apply(l *loop) {
	Pause{}.apply(l)
	l.steps = max(s.N, 1)
}

func (Faster) apply(l *loop) { SetSpeed{l.speed * 2}.apply(l) }

func (Slower) apply(l *loop) { SetSpeed{l.speed / 2}.apply(l) }

func (s SetSpeed) apply(l *loop) {
	if !(s.GensPerSec > 0) {
		return
	}
	l.speed = clampSpeed(s.GensPerSec)
	l.next = time.Now()
	l.dirty = true
}

func (e Edit) apply(l *loop) {
	l.sim.Set(e.X, e.Y, e.State)
	l.dirty = true
}

func (t Toggle) apply(l *loop) {
	l.checkpoint()
	if l.plane {
		l.sim.Set(t.X, t.Y, 1-l.sim.At(int64(t.X), int64(t.Y)))
		l.dirty = true
		return
	}
	g := l.sim.Grid()
	if g.Contains(t.X, t.Y) {
		l.sim.Set(t.X, t.Y, 1-g.At(t.X, t.Y))
		l.dirty = true
	}
}

func (Reset) apply(l *loop) {
	if l.plane {
		l.restartPlane(l.ustart, l.startGen)
		return
	}
	l.restart(l.start, 0)
}

func (Clear) apply(l *loop) {
	l.checkpoint()
	if l.plane {
		l.restartPlane(sim.NewSnapshot(life.NewUniverse()), l.sim.Generation())
		return
	}
	blank, _ := life.NewGrid(l.start.Width(), l.start.Height()) // the size was checked by Start
	l.restart(blank, l.sim.Generation())
}

func (Soup) apply(l *loop) {
	l.checkpoint()
	rng := rand.New(rand.NewPCG(l.cfg.Seed, l.soups))
	l.soups++
	l.start.Randomize(rng, l.cfg.Density)
	if l.plane {
		l.ustart.Release()
		l.ustart, l.startGen = sim.NewSnapshot(l.placed(l.start)), 0
		l.restartPlane(l.ustart, 0)
		return
	}
	l.restart(l.start, 0)
}

// restart makes g, of the grid's size, the current generation, numbered gen.
func (l *loop) restart(g *life.Grid, gen int) {
	_ = l.sim.Reset(g, gen) // same size: cannot fail
	l.resetRate(time.Now())
	l.dirty = true
}

// restartPlane makes the cells of p the current generation of an unbounded
// plane, numbered gen.
func (l *loop) restartPlane(p sim.Snapshot, gen int) {
	if err := l.sim.Restore(p, gen); err != nil {
		l.notef("%v", err)
	}
	l.resetRate(time.Now())
	l.dirty = true
}

// SaveMacrocell writes the current board as a macrocell file with Save,
// which names the file and returns where it went, and notes where (or why
// not): from HashLife's tree as it is, node for node, however many cells it
// holds, which only the simulation goroutine may walk; the other engines'
// from their cells.
type SaveMacrocell struct {
	Name string // the pattern's, for the file's #N line
	Save func(write func(io.Writer) error) (where string, err error)
}

func (s SaveMacrocell) apply(l *loop) {
	if l.sim == nil {
		return
	}
	m, err := l.sim.Macrocell(s.Name)
	where := ""
	if err == nil {
		where, err = s.Save(func(w io.Writer) error { return pattern.WriteMacrocell(w, m) })
	}
	if err != nil {
		l.notef("save %s: %v", where, err)
		return
	}
	l.notef("saved %s", where)
}
