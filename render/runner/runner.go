// Package runner runs a sim.Simulation in a goroutine of its own, for a
// window or any other live view: it paces the generations at a target speed,
// applies commands (play, pause, step, edits...) between generations, and
// publishes a copy of each complete generation as a Frame that the view takes
// when it is ready to draw, without ever waiting for the simulation.
//
//	view goroutine                 simulation goroutine
//	   Do(cmds...) ── queue ──▶   apply each command, in order
//	                              Step the simulation, paced
//	   Take(old) ◀── newest ───   publish a Frame (a copy of the grid, or a
//	                              snapshot of the unbounded plane)
//
// On a bounded board (a torus or a plane with edges) a Frame carries a copy
// of the grid. On an unbounded plane it carries a snapshot of the board
// instead (sim.Snapshot): of a life.Universe the tiles that hold live
// cells, so that a frame costs what the life on the board costs, not the
// area it has spread over; of HashLife's tree the tree itself, shared, which
// costs nothing. Edits are then at plane coordinates, anywhere. HashLife
// jumps a step of 2^k generations in one go; the history keeps the
// generations it stops at.
//
// Neither side blocks the other: Do appends to a queue under a mutex, and
// Take swaps Frames under another. Commands are never dropped.
package runner

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync"
	"time"

	"colife/life"
	"colife/life/hashlife"
	"colife/life/pattern"
	"colife/life/sim"
)

// Speeds, in generations per second.
const (
	// MinSpeed is the slowest target speed: one generation every 8 seconds.
	MinSpeed = 1.0 / 8
	// MaxSpeed is the fastest target speed.
	MaxSpeed = 1 << 14
	// DefaultSpeed is the target speed of a zero Config.
	DefaultSpeed = 16
)

// Config is what a Runner runs.
type Config struct {
	// Grid is the starting generation; the Runner keeps a copy of it. On an
	// unbounded plane its top-left cell lies at Options.Origin, and it is
	// also the box that Soup fills.
	Grid *life.Grid
	// Macrocell, when not nil, is the start instead of Grid on an
	// unbounded plane: a macrocell file's tree, which HashLife runs as it
	// is however large (the other engines expand it within the memory
	// budget). Grid is then only the box that Soup fills.
	Macrocell *pattern.Macrocell
	// Options are the simulation's rule, topology, engine and, on an
	// unbounded plane, origin.
	Options sim.Options
	// Speed is the target in generations per second, clamped to
	// [MinSpeed, MaxSpeed]; 0 means DefaultSpeed.
	Speed float64
	// Running starts the generations at once; otherwise the Runner waits
	// for Play or Step.
	Running bool
	// Rest is the shortest pause between two generations while running, as
	// a share of the time the last one took. It matters only when the
	// simulation cannot keep up with Speed: 0.5 then leaves the processors a
	// third of the time to other goroutines, such as a window's, which
	// otherwise draws few frames while the goroutine engine runs flat out.
	// 0 never rests: as fast as it can. At most 100.
	Rest float64
	// Density is the share of live cells in a new random soup (Soup); 0
	// means one half.
	Density float64
	// Seed seeds the random soups: the n-th Soup is the same for the same
	// Seed.
	Seed uint64
	// History is how many generations to keep for Back and Forward, at
	// most History × width × height bytes; 0 means DefaultHistory, or as
	// many as fit in DefaultHistoryBytes if fewer. On an unbounded plane,
	// at most as many as fit in DefaultHistoryBytes whatever History says,
	// at about TileBytes for each tile of 64 × 64 cells with a live cell.
	History int
}

// Frame is one complete generation as the simulation goroutine published it,
// and the state of the Runner at that moment. A Frame taken with Take belongs
// to the taker until it hands it back to the next Take.
type Frame struct {
	Grid *life.Grid // the generation on a bounded board: a copy that the Runner does not touch while it is taken; nil on an unbounded plane
	// Plane is the generation on an unbounded plane: a snapshot that
	// nobody writes (read it from any goroutine); nil on a bounded board.
	Plane life.Board
	// Bounds is the live cells' bounding box on an unbounded plane (the
	// zero Rect if none is alive), or the grid's rectangle from (0, 0).
	Bounds     life.Rect
	Generation int
	// StartGeneration is the start's generation, which Reset goes back to:
	// 0, or a macrocell file's.
	StartGeneration int
	Population      int
	Options         sim.Options
	Started         bool    // the simulation exists: the goroutine engine may take a while to start its cells
	Running         bool    // playing, as opposed to paused
	Speed           float64 // the target, in generations per second
	Achieved        float64 // generations per second actually run, lately
	Goroutines      int     // the engine's goroutines: one per cell, and the drivers
	Seq             uint64  // counts the frames published, from 1
	Applied         uint64  // counts the commands applied before this frame, in the order given to Do

	// Stability is what a life.Detector has recognised in the generations
	// run since the last edit, jump back or restart (Outcome Unsettled
	// until it does).
	Stability life.Result
	// Unwatched, when not "", says why the detector does not watch the
	// generations: HashLife jumps over them, or they hold more cells than
	// DetectLimit.
	Unwatched string
	// Nodes and TableBytes are HashLife's: the nodes of its table and the
	// memory they take; 0 for the other engines.
	Nodes      int
	TableBytes uint64
	// Older and Newer are how many generations before and after this one
	// the history keeps: how many times Back and Forward can go without
	// running (after HashLife's jumps, a press goes a jump).
	Older, Newer int
	// Undos and Redos are how many edits Undo and Redo can undo and redo.
	Undos, Redos int
	// StepExp is the step exponent: playing runs 2^StepExp generations for
	// each frame (Bigger, Smaller).
	StepExp int
	// Note is why the last command refused was refused (a rule the
	// topology cannot run, a pattern too large for the board), and Notes
	// counts the refusals: a view shows Note when Notes changes.
	Note  string
	Notes uint64
	// Populations are the populations of the generations up to this one,
	// the last of them this one's, as many as were run in a row (at most
	// PopulationHistory, and at least the history's length): what a
	// population graph draws. The slice belongs to the frame.
	Populations []int

	snap sim.Snapshot // what Plane is, released when the frame is reused
}

// Runner runs a simulation in its own goroutine, from Start until Close or
// until the context given to Start is cancelled.
//
// Do, Take, Err and Close may be called from any goroutine.
type Runner struct {
	cancel context.CancelFunc
	done   chan struct{} // closed when the simulation goroutine has ended
	wake   chan struct{} // Do's nudge to the simulation goroutine; capacity 1, never closed

	qmu   sync.Mutex // guards queue and interrupt
	queue []Command
	// interrupt, while HashLife jumps (a long step: seconds for a soup at
	// 2^20), cancels the jump: Do calls it, so that a command waits for
	// no jump to end. The board is then as it was before the jump.
	interrupt context.CancelFunc

	fmu    sync.Mutex // guards the fields below
	latest *Frame     // the newest frame not taken yet, or nil
	free   []*Frame   // frames handed back, to be reused
	err    error      // why the simulation goroutine stopped, if not Close
}

// Start starts the simulation goroutine, which makes the simulation of a copy
// of cfg.Grid: with the goroutine engine that starts a goroutine per cell,
// which may take a second or more for a million cells, so it happens in the
// background and the first Frame, generation 0, is published at once with
// Started false.
func Start(ctx context.Context, cfg Config) (*Runner, error) {
	if cfg.Grid == nil {
		return nil, errors.New("runner: no grid")
	}
	if err := life.CheckSize(cfg.Grid.Width(), cfg.Grid.Height()); err != nil {
		return nil, err
	}
	if math.IsNaN(cfg.Speed) || cfg.Speed < 0 {
		return nil, fmt.Errorf("speed %g: want a positive number of generations per second", cfg.Speed)
	}
	if cfg.Speed == 0 {
		cfg.Speed = DefaultSpeed
	}
	if !(cfg.Rest >= 0 && cfg.Rest <= 100) {
		return nil, fmt.Errorf("rest %g: want a share of a generation's time from 0 to 100", cfg.Rest)
	}
	if !(cfg.Density >= 0 && cfg.Density <= 1) {
		return nil, fmt.Errorf("density %g: want a share of live cells from 0 to 1", cfg.Density)
	}
	if cfg.Density == 0 {
		cfg.Density = 0.5
	}
	ctx, cancel := context.WithCancel(ctx)
	r := &Runner{
		cancel: cancel,
		done:   make(chan struct{}),
		wake:   make(chan struct{}, 1),
	}
	l := newLoop(r, cfg)
	l.publish()
	go func() {
		defer close(r.done)
		l.run(ctx)
	}()
	return r, nil
}

// Do queues commands for the simulation goroutine, which applies them in
// order before its next generation; the commands after a Step wait for its
// generations. Do never blocks and never drops a command.
func (r *Runner) Do(cmds ...Command) {
	if len(cmds) == 0 {
		return
	}
	r.qmu.Lock()
	r.queue = append(r.queue, cmds...)
	if r.interrupt != nil {
		r.interrupt()
	}
	r.qmu.Unlock()
	select {
	case r.wake <- struct{}{}:
	default: // a nudge is already pending
	}
}

// drain appends the queued commands to into, emptying the queue.
func (r *Runner) drain(into []Command) []Command {
	r.qmu.Lock()
	defer r.qmu.Unlock()
	into = append(into, r.queue...)
	clear(r.queue)
	r.queue = r.queue[:0]
	return into
}

// Take returns the newest complete frame, and takes back old, the frame the
// caller took before (or nil), for reuse. If nothing newer was published
// since, it returns old itself, still the caller's.
func (r *Runner) Take(old *Frame) *Frame {
	r.fmu.Lock()
	defer r.fmu.Unlock()
	if r.latest == nil {
		return old
	}
	if old != nil {
		r.free = append(r.free, old)
	}
	f := r.latest
	r.latest = nil
	return f
}

// Err returns why the simulation goroutine stopped on its own, or nil while
// it runs or after Close.
func (r *Runner) Err() error {
	r.fmu.Lock()
	defer r.fmu.Unlock()
	return r.err
}

// Done returns a channel closed when the simulation goroutine has ended.
func (r *Runner) Done() <-chan struct{} { return r.done }

// Close stops the simulation goroutine and the simulation, with every
// goroutine it started, and returns when they have all ended. A generation of
// the goroutine engine under way is abandoned. Close may be called more than
// once.
func (r *Runner) Close() error {
	r.cancel()
	<-r.done
	return nil
}

// publishFrame makes f the newest frame, recycling the one it replaces if
// nobody took it.
func (r *Runner) publishFrame(f *Frame) {
	r.fmu.Lock()
	defer r.fmu.Unlock()
	if r.latest != nil {
		r.free = append(r.free, r.latest)
	}
	r.latest = f
}

// spare returns a frame to fill: a recycled one, or nil.
func (r *Runner) spare() *Frame {
	r.fmu.Lock()
	defer r.fmu.Unlock()
	n := len(r.free)
	if n == 0 {
		return nil
	}
	f := r.free[n-1]
	r.free[n-1] = nil
	r.free = r.free[:n-1]
	f.snap.Release() // nobody reads a frame handed back
	return f
}

func (r *Runner) fail(err error) {
	r.fmu.Lock()
	defer r.fmu.Unlock()
	r.err = err
}

// loop is the simulation goroutine's state. Only that goroutine touches it,
// and commands change it through their apply method.
type loop struct {
	r        *Runner
	ctx      context.Context // the simulation goroutine's, for the simulations it makes
	cfg      Config
	start    *life.Grid // what Reset goes back to on a bounded board; the box of Soup's soups on an unbounded one
	grid     *life.Grid // the current generation before the simulation exists
	sim      *sim.Simulation
	plane    bool         // the board is an unbounded plane
	ustart   sim.Snapshot // what Reset goes back to on an unbounded plane
	startGen int          // and its generation: a macrocell file's, else 0
	running  bool
	speed    float64
	steps    int  // generations still to run at once, from Step
	dirty    bool // something changed since the last frame
	soups    uint64

	next      time.Time // when the next paced generation is due
	rateStart time.Time // the start of the window over which Achieved is measured
	rateGen   int       // the generation at rateStart
	achieved  float64
	seq       uint64
	applied   uint64
	pending   []Command // commands drained from the queue, not applied yet

	hist          *history       // the last generations, for Back and Forward
	phist         *planeHistory  // the same on an unbounded plane
	detect        *life.Detector // fed every generation run
	observed      int            // the last generation detect saw
	stability     life.Result    // what detect found
	firstObserved int            // the first generation detect saw since its last Reset

	undo, redo    boards // the boards before the edits, and before the edits undone
	exp           int    // the step exponent: 2^exp generations a step while running
	unwatched     string // why the detector does not watch, if it does not (Frame.Unwatched)
	jump          int    // the generations of the last run, when HashLife jumped them
	interruptible bool   // playing: a command interrupts HashLife's jump
	note          string // why the last refused command was refused
	notes         uint64 // how many were
	pops          pops   // the populations of the last generations
}

func newLoop(r *Runner, cfg Config) *loop {
	l := &loop{
		r:       r,
		cfg:     cfg,
		start:   cfg.Grid.Clone(),
		grid:    cfg.Grid.Clone(),
		plane:   cfg.Options.Topology == life.Unbounded,
		running: cfg.Running,
		speed:   clampSpeed(cfg.Speed),

		detect:   life.NewDetector(0, cfg.Options.Topology),
		observed: -1,
		undo:     newBoards(),
		redo:     newBoards(),
	}
	if l.plane {
		l.ustart = sim.NewSnapshot(l.placed(l.start))
		l.phist = newPlaneHistory(cfg.History)
		l.pops.max = max(l.phist.max, PopulationHistory)
	} else {
		l.hist = newHistory(cfg.History, cfg.Grid.Width()*cfg.Grid.Height())
		l.pops.max = max(l.hist.max, PopulationHistory)
	}
	return l
}

// placed returns a new universe holding g at the Config's origin.
func (l *loop) placed(g *life.Grid) *life.Universe {
	u := life.NewUniverse()
	u.Paste(g, l.cfg.Options.Origin)
	return u
}

func clampSpeed(s float64) float64 { return min(max(s, MinSpeed), MaxSpeed) }

// run is the life of the simulation goroutine.
func (l *loop) run(ctx context.Context) {
	l.ctx = ctx
	s, err := sim.New(ctx, l.grid, l.cfg.Options)
	if err == nil && l.cfg.Macrocell != nil {
		if err = s.LoadMacrocell(l.cfg.Macrocell); err == nil {
			l.ustart, l.startGen = s.Snapshot(), s.Generation() // what Reset goes back to, until a Soup or a Load
		} else {
			s.Close()
		}
	}
	if err != nil {
		if ctx.Err() == nil {
			l.r.fail(err)
		}
		return
	}
	l.sim = s
	defer func() { l.sim.Close() }() // SetRule may have made another
	l.grid = nil
	l.dirty = true
	l.next = time.Now()
	l.resetRate(l.next)
	// Since Go 1.23 a Reset timer never delivers a stale tick: no draining.
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		l.apply()
		if l.dirty {
			l.publish()
		}
		var tick <-chan time.Time
		switch {
		case l.steps > 0 && l.cfg.Options.Engine.Jumps():
			// All at once. The commands after a Step wait for its
			// generations, as on every engine: nothing interrupts it.
			n := l.steps
			l.steps = 0
			if !l.advance(ctx, n) {
				return
			}
			continue
		case l.steps > 0:
			l.steps--
			if !l.step(ctx) {
				return
			}
			continue
		case l.running:
			wait := time.Until(l.next)
			if wait <= 0 {
				began := time.Now()
				l.interruptible = true
				ok := l.advance(ctx, 1<<l.exp)
				l.interruptible = false
				if !ok {
					return
				}
				l.pace(time.Since(began))
				continue
			}
			timer.Reset(wait)
			tick = timer.C
		}
		select {
		case <-ctx.Done():
			return
		case <-l.r.wake:
		case <-tick:
		}
	}
}

// apply applies the queued commands in order, until one of them is a Step:
// the commands after it wait for its generations to be run.
func (l *loop) apply() {
	l.pending = l.r.drain(l.pending)
	i := 0
	for ; i < len(l.pending) && l.steps == 0; i++ {
		l.pending[i].apply(l)
		l.applied++
		l.dirty = true
	}
	n := copy(l.pending, l.pending[i:])
	clear(l.pending[n:])
	l.pending = l.pending[:n]
}

// step runs one generation and publishes it, reporting false if the
// simulation ended: cancelled, closed or failed.
func (l *loop) step(ctx context.Context) bool { return l.advance(ctx, 1) }

// advance runs n generations, each kept in the history and shown to the
// detector, and publishes the last, reporting false if the simulation ended:
// cancelled, closed or failed. HashLife jumps the n generations in one go,
// which a command given meanwhile interrupts while playing (Do), leaving the
// board as it was, so that the command acts at once. A generation refused
// for the memory budget, or HashLife's for the edge of its plane, pauses
// with a note; the board is as it was. HashLife, refused for its table,
// first drops the history and undo it keeps, whose trees hold nodes in it,
// and tries again.
func (l *loop) advance(ctx context.Context, n int) bool {
	steps, each := n, 1
	if l.cfg.Options.Engine.Jumps() {
		steps, each = 1, n
	}
	l.jump = each
	for range steps {
		l.beforeStep()
		err := l.generations(ctx, each)
		if err != nil && errors.Is(err, life.ErrBudget) && l.cfg.Options.Engine.Jumps() && l.dropKept() {
			err = l.generations(ctx, each)
		}
		if err != nil {
			switch {
			case ctx.Err() != nil:
				return false
			case errors.Is(err, context.Canceled): // interrupted by a command
			case errors.Is(err, life.ErrBudget) || errors.Is(err, hashlife.ErrPlane) || errors.Is(err, sim.ErrEnd):
				l.running, l.steps = false, 0
				l.notef("%v", err)
			default:
				l.r.fail(err)
				return false
			}
			break
		}
		l.afterStep()
	}
	l.measure(time.Now())
	l.publish()
	return true
}

// dropKept drops what the history and the undo stack keep of HashLife's
// boards but the current generation, so that its table can collect their
// nodes, and reports whether there was any; the frames say so.
func (l *loop) dropKept() bool {
	if l.phist == nil || len(l.phist.kept) <= 1 && len(l.undo.kept) == 0 && len(l.redo.kept) == 0 {
		return false
	}
	l.phist.reset()
	l.record()
	l.undo.reset()
	l.redo.reset()
	l.notef("HashLife's table was full: the history and the undo it kept are dropped to make room")
	return true
}

// generations runs n generations of the simulation; HashLife's jump while
// playing ends early, with context.Canceled, if a command comes meanwhile.
func (l *loop) generations(ctx context.Context, n int) error {
	if !l.cfg.Options.Engine.Jumps() || !l.interruptible {
		return l.sim.Run(ctx, n)
	}
	jump, cancel := context.WithCancel(ctx)
	defer cancel()
	l.r.qmu.Lock()
	pending := len(l.r.queue) > 0
	l.r.interrupt = cancel
	l.r.qmu.Unlock()
	defer func() {
		l.r.qmu.Lock()
		l.r.interrupt = nil
		l.r.qmu.Unlock()
	}()
	if pending {
		return context.Canceled
	}
	return l.sim.Run(jump, n)
}

// pace schedules the next generation 1/speed after the last one was due, and
// at least Rest times took from now; a simulation that cannot keep up does
// not bank the time it lost to catch up later.
func (l *loop) pace(took time.Duration) {
	now := time.Now()
	l.next = l.next.Add(time.Duration(float64(time.Second) / l.speed))
	if now.Sub(l.next) > 100*time.Millisecond {
		l.next = now
	}
	if rest := now.Add(time.Duration(float64(took) * l.cfg.Rest)); l.next.Before(rest) {
		l.next = rest
	}
}

// measure updates Achieved twice a second, or after each generation if a
// generation takes longer than that.
func (l *loop) measure(now time.Time) {
	if d := now.Sub(l.rateStart); d >= 500*time.Millisecond {
		gen := l.sim.Generation()
		l.achieved = float64(gen-l.rateGen) / d.Seconds()
		l.rateStart, l.rateGen = now, gen
	}
}

// resetRate starts measuring Achieved again, from now.
func (l *loop) resetRate(now time.Time) {
	l.rateStart = now
	if l.sim != nil {
		l.rateGen = l.sim.Generation()
	}
}

// current returns the current generation of a bounded board.
func (l *loop) current() *life.Grid {
	if l.sim != nil {
		return l.sim.Grid()
	}
	return l.grid
}

// publish publishes a copy of the current generation.
func (l *loop) publish() {
	f := l.r.spare()
	var (
		grid   *life.Grid
		plane  life.Board
		snap   sim.Snapshot // the frame's own, to release
		bounds life.Rect
		pop    int
	)
	if l.plane {
		if l.sim != nil {
			snap = l.sim.Snapshot()
			plane = snap.Board()
		} else {
			plane = l.ustart.Board()
		}
		bounds, pop = plane.Bounds(), plane.Population()
	} else {
		g := l.current()
		if f == nil || f.Grid == nil || f.Grid.Width() != g.Width() || f.Grid.Height() != g.Height() {
			grid = g.Clone()
		} else {
			grid = f.Grid
			copy(grid.Cells, g.Cells)
		}
		bounds, pop = life.RectOf(life.Point{}, int64(g.Width()), int64(g.Height())), grid.Population()
	}
	if f == nil {
		f = &Frame{}
	}
	popsBuf := f.Populations[:0]
	l.seq++
	*f = Frame{
		Grid:            grid,
		Plane:           plane,
		Bounds:          bounds,
		Population:      pop,
		Options:         l.cfg.Options,
		Started:         l.sim != nil,
		Running:         l.running,
		Speed:           l.speed,
		Achieved:        l.achieved,
		Seq:             l.seq,
		Applied:         l.applied,
		Undos:           len(l.undo.kept),
		Redos:           len(l.redo.kept),
		StepExp:         l.exp,
		Note:            l.note,
		Notes:           l.notes,
		Unwatched:       l.unwatched,
		StartGeneration: l.startGen,
		snap:            snap,
	}
	if l.sim != nil {
		f.Generation = l.sim.Generation()
		f.Goroutines = l.sim.Goroutines()
		f.Nodes, f.TableBytes = l.sim.Nodes()
		l.pops.note(f.Generation, pop)
	}
	f.Populations = l.pops.appendTo(popsBuf)
	l.describe(f)
	l.dirty = false
	l.r.publishFrame(f)
}
