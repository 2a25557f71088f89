package sim

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"sync"

	"colife/life"
	"colife/life/cells"
	"colife/life/direct"
	"colife/life/hashlife"
)

// ErrClosed is returned by a Simulation that has been closed, or whose
// context was cancelled.
var ErrClosed = errors.New("simulation closed")

// ErrEnd is returned, wrapped, by a step that would take the generation past
// math.MaxInt (2^63-1), which HashLife's jumps reach in seconds.
var ErrEnd = errors.New("the end of time")

// Options configure a Simulation. The zero value runs the goroutine engine on
// a torus with the zero Rule, "B/S", in which every cell dies: set Rule (to
// Conway, say) for anything else.
type Options struct {
	Rule     life.Rule
	Topology life.Topology
	Engine   Engine
	// Origin is where the start grid's top-left cell lies on an Unbounded
	// plane; on a bounded one the grid is the board and Origin is ignored.
	Origin life.Point
	// Memory is the budget, in bytes, for what the engine allocates as it
	// runs (the goroutines of the active cells, say); 0 means
	// DefaultBudget. A generation that would need more is refused with an
	// error wrapping ErrBudget, and the board stays as it was.
	Memory uint64
}

// Simulation runs generations of a board under a rule, a topology and an
// engine. It owns the engine's goroutines from New until Close, or
// until the context given to New is cancelled.
//
// A Simulation is not safe for concurrent use, except that Close may be called
// from any goroutine at any time.
type Simulation struct {
	opt        Options
	cur, next  *life.Grid     // a bounded board; next only for the engines that need two
	uni        *life.Universe // an unbounded board
	generation int

	bits   *direct.Board // Direct on a bounded board; while stale, cur is behind it
	stale  bool
	tiled  *direct.Tiles    // Direct on an unbounded one
	sweep  *cells.Sweep     // Direct for the rules bits and tiled cannot run
	dense  stepper          // Dense, DenseCoroutine
	active *cells.Active    // Goroutine, Coroutine, Generator
	hl     *hashlife.Engine // Hashlife: the board is its tree, and uni is nil
	box    *life.Grid       // Grid() of an unbounded board, made when asked for
	boxAt  life.Point       // where box's top-left cell lies
	boxOK  bool             // box is the current generation's

	mu     sync.Mutex // guards closed
	closed bool
	done   <-chan struct{} // the context's: closed when it is cancelled
	stop   func() bool     // stops the context.AfterFunc
}

// New starts a simulation of a copy of g: the board itself on a
// Torus or Plane, or the cells it places at opt.Origin on an Unbounded
// plane. With the dense engine it starts one goroutine per cell, and the
// generation drivers, before it returns; the goroutine engine starts the
// goroutines of the active cells as it runs. Cancelling ctx, or Close, ends
// them all.
func New(ctx context.Context, g *life.Grid, opt Options) (*Simulation, error) {
	if opt.Topology > life.Unbounded {
		return nil, fmt.Errorf("unknown topology %d", opt.Topology)
	}
	if opt.Engine > Generator {
		return nil, fmt.Errorf("unknown engine %d", opt.Engine)
	}
	if err := opt.Engine.Runs(opt.Rule, opt.Topology); err != nil {
		return nil, err
	}
	if opt.Topology == life.Unbounded {
		if err := life.CheckSize(g.Width(), g.Height()); err != nil {
			return nil, err
		}
		return newUnbounded(ctx, g, opt)
	}
	if err := opt.Engine.check(g.Width(), g.Height(), opt.Memory); err != nil {
		return nil, err
	}
	s := &Simulation{opt: opt, cur: g.Clone(), done: ctx.Done()}
	opt.Rule.ClampGrid(s.cur)
	switch opt.Engine {
	case Direct:
		if !direct.Runs(opt.Rule, opt.Topology) {
			s.sweep = cells.NewSweep(s.cur, nil, opt.Rule, opt.Topology)
			break
		}
		s.bits = direct.NewBoard(s.cur, opt.Rule, opt.Topology, direct.Procs(g.Width(), g.Height()))
	case Dense:
		s.next, _ = life.NewGrid(g.Width(), g.Height())
		s.dense = cells.NewDense(g.Width(), g.Height(), opt.Rule, opt.Topology)
	case DenseCoroutine:
		s.next, _ = life.NewGrid(g.Width(), g.Height())
		s.dense = cells.NewDenseCoroutines(g.Width(), g.Height(), opt.Rule, opt.Topology)
	default:
		s.active = cells.NewActive(s.cur, nil, opt.Rule, opt.Topology, s.budget(), opt.Engine.transport())
	}
	return s.started(ctx)
}

// newUnbounded starts a simulation on an unbounded plane.
func newUnbounded(ctx context.Context, g *life.Grid, opt Options) (*Simulation, error) {
	s := &Simulation{opt: opt, uni: life.NewUniverse(), done: ctx.Done()}
	s.uni.Paste(g, opt.Origin)
	opt.Rule.ClampUniverse(s.uni)
	if opt.Engine == Hashlife {
		e, err := hashlife.New(opt.Rule, hashlife.Options{Memory: opt.Memory})
		if err != nil {
			return nil, err
		}
		if err := e.Load(s.uni, 0); err != nil {
			return nil, err
		}
		s.hl, s.uni = e, nil
		return s.started(ctx)
	}
	switch {
	case opt.Engine == Direct && direct.Runs(opt.Rule, life.Unbounded):
		s.tiled = direct.NewTiles(opt.Rule)
	case opt.Engine == Direct:
		s.sweep = cells.NewSweep(nil, s.uni, opt.Rule, opt.Topology)
	default:
		s.active = cells.NewActive(nil, s.uni, opt.Rule, opt.Topology, s.budget(), opt.Engine.transport())
	}
	return s.started(ctx)
}

// started finishes New.
func (s *Simulation) started(ctx context.Context) (*Simulation, error) {
	if err := ctx.Err(); err != nil {
		s.Close()
		return nil, err
	}
	// The callback may run at once, on its own goroutine: it must not touch
	// s.stop, which is set only as AfterFunc returns.
	s.stop = context.AfterFunc(ctx, s.shutdown)
	return s, nil
}

// budget returns the simulation's memory budget in bytes.
func (s *Simulation) budget() uint64 {
	if s.opt.Memory > 0 {
		return s.opt.Memory
	}
	return life.DefaultBudget()
}

// Step runs one generation.
func (s *Simulation) Step() error {
	return s.step(context.Background())
}

// Run runs n generations, or until ctx is cancelled. A cancellation in the
// middle of a goroutine-engine generation abandons that generation and closes
// the simulation, whose cells cannot be resumed halfway; Run then returns
// ctx.Err() and the board is the last complete generation. HashLife jumps
// the n generations in one go, and a cancellation leaves its board as it
// was before the jump, the simulation still open.
func (s *Simulation) Run(ctx context.Context, n int) error {
	if s.hl != nil {
		return s.jump(ctx, n)
	}
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
	switch {
	case s.hl != nil:
		return s.jump(ctx, 1)
	case s.active != nil:
		if err := s.active.Check(s.generation); err != nil {
			return err
		}
		if !s.active.Step(ctx.Done()) {
			return s.abandoned(ctx)
		}
	case s.tiled != nil:
		if err := s.checkTiles(); err != nil {
			return err
		}
		s.uni = s.tiled.Step(s.uni)
	case s.sweep != nil:
		if s.uni != nil {
			if err := s.checkTiles(); err != nil {
				return err
			}
		}
		s.sweep.Step()
	case s.bits != nil:
		if !s.bits.Step() {
			return ErrClosed
		}
		s.stale = true
	default:
		if !s.dense.Step(s.cur, s.next, ctx.Done()) {
			return s.abandoned(ctx)
		}
		s.cur, s.next = s.next, s.cur
	}
	s.generation++
	s.boxOK = false
	return nil
}

// jump runs n generations of HashLife in one step.
func (s *Simulation) jump(ctx context.Context, n int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.isClosed() {
		return ErrClosed
	}
	if n <= 0 {
		return nil
	}
	if n > math.MaxInt-s.generation {
		return fmt.Errorf("%w: generation %d and %d more would pass the last a count holds, 2^63-1", ErrEnd, s.generation, n)
	}
	if err := s.hl.Step(ctx, uint64(n)); err != nil {
		return err
	}
	s.generation = int(s.hl.Generation())
	s.boxOK = false
	return nil
}

// abandoned closes a simulation whose generation was cut short.
func (s *Simulation) abandoned(ctx context.Context) error {
	s.Close()
	if err := ctx.Err(); err != nil {
		return err
	}
	return ErrClosed
}

// tileBytes is what the bit-parallel direct engine holds for each tile of
// an unbounded board: one in the board, one in its next generation.
const tileBytes = 2 * life.TileBytes

// checkTiles refuses a generation of the direct engine on an unbounded plane
// whose tiles could outgrow the budget: each tile may add its eight
// neighbours. The engine for the other rules (sweep) keeps one board, whose
// tiles hold a byte a cell more under a Generations rule.
func (s *Simulation) checkTiles() error {
	per := uint64(tileBytes)
	if s.sweep != nil {
		per = life.TileBytes
		if s.opt.Rule.States() > 2 {
			per += life.TileSide * life.TileSide
		}
	}
	need := uint64(s.uni.Tiles()) * 9 * per
	if b := s.budget(); b > 0 && need > b {
		return fmt.Errorf("%w: generation %d may need %d tiles of 64x64 cells, about %s, more than the memory budget of %s",
			life.ErrBudget, s.generation+1, 9*s.uni.Tiles(), life.FormatBytes(need), life.FormatBytes(b))
	}
	return nil
}

// Generation returns the number of generations run since the start, or since
// the generation given to the last Reset.
func (s *Simulation) Generation() int { return s.generation }

// Grid returns the current generation: on a bounded board the board itself;
// on an unbounded one a grid of the live cells' bounding box (1 × 1 and
// empty if none is alive), whose top-left cell lies at Origin(), made when
// asked for, or nil if the box is too large for a Grid (Box says why). The
// grid belongs to the simulation: read it, but do not keep it past the next
// call to Step, Run, Reset or Set.
func (s *Simulation) Grid() *life.Grid {
	g, _, _ := s.Box()
	return g
}

// Origin returns where the top-left cell of Grid() lies on the plane: (0, 0)
// on a bounded board.
func (s *Simulation) Origin() life.Point {
	_, at, _ := s.Box()
	return at
}

// BoxBounds returns where the grid Box gives lies on an unbounded plane,
// without making it: the live cells' bounding box, or the origin's cell
// when there is none.
func (s *Simulation) BoxBounds() life.Rect {
	if b := s.Bounds(); !b.Empty() {
		return b
	}
	return life.RectOf(s.opt.Origin, 1, 1)
}

// Box returns Grid() and Origin(), or the error that says why the live cells'
// bounding box of an unbounded board is too large for a Grid.
func (s *Simulation) Box() (*life.Grid, life.Point, error) {
	if !s.unbounded() {
		return s.board(), life.Point{}, nil
	}
	if !s.boxOK {
		b := s.BoxBounds()
		high, area := bits.Mul64(uint64(b.Dx()), uint64(b.Dy()))
		if high > 0 || s.budget() > 0 && area > s.budget() || b.Dx() > life.MaxCells || b.Dy() > life.MaxCells {
			size := life.FormatBytes(area)
			if high > 0 {
				size = "more than 16 EiB"
			}
			return nil, life.Point{}, fmt.Errorf("%w: generation %d: the live cells' bounding box, %s, would take %s as a grid, more than the memory budget of %s",
				life.ErrBudget, s.generation, b, size, life.FormatBytes(s.budget()))
		}
		if s.box == nil || int64(s.box.Width()) != b.Dx() || int64(s.box.Height()) != b.Dy() {
			g, err := life.NewGrid(int(b.Dx()), int(b.Dy()))
			if err != nil {
				return nil, life.Point{}, fmt.Errorf("generation %d: the live cells' bounding box, %s: %w", s.generation, b, err)
			}
			s.box = g
		}
		s.Window(s.box, b.Min)
		s.boxAt, s.boxOK = b.Min, true
	}
	return s.box, s.boxAt, nil
}

// unbounded reports whether the board is an unbounded plane.
func (s *Simulation) unbounded() bool { return s.uni != nil || s.hl != nil }

// board returns the current generation of a bounded board. The direct
// engine keeps its own form of the board and writes it into cur only here,
// once per generation read.
func (s *Simulation) board() *life.Grid {
	if s.stale {
		s.bits.Store(s.cur)
		s.stale = false
	}
	return s.cur
}

// Universe returns the current generation of an unbounded board as the
// goroutine and direct engines keep it, or nil on a bounded one and for
// HashLife, whose board is a tree (read any of them with Board). It belongs
// to the simulation, as Grid's result does.
func (s *Simulation) Universe() *life.Universe { return s.uni }

// Flatten returns the current generation of an unbounded plane as a
// Universe: the engine's own (Universe's, not a copy), or HashLife's tree
// expanded, refused with an error wrapping life.ErrBudget before anything is
// allocated if its tiles would pass the memory budget. On a bounded board it
// returns nil.
func (s *Simulation) Flatten() (*life.Universe, error) {
	if s.hl != nil {
		return s.hl.Universe(s.budget())
	}
	return s.uni, nil
}

// Bounds returns the board's rectangle (0, 0)-(w, h) on a bounded board, or
// the live cells' bounding box on an unbounded one (the zero Rect if none is
// alive).
func (s *Simulation) Bounds() life.Rect { return s.Board().Bounds() }

// Population returns the number of live cells (on a HashLife board of more
// than math.MaxInt, math.MaxInt).
func (s *Simulation) Population() int { return s.Board().Population() }

// Window fills dst with the cells of the rectangle of dst's size whose
// top-left cell is at p; beyond a bounded board's edge the cells are empty.
func (s *Simulation) Window(dst *life.Grid, p life.Point) {
	if s.uni != nil {
		s.uni.Copy(dst, p)
		return
	}
	dst.Clear()
	w := dst.Width()
	s.Board().Cells(life.RectOf(p, int64(w), int64(dst.Height())), func(x, y int64, st life.State) {
		dst.Cells[int(y-p.Y)*w+int(x-p.X)] = st
	})
}

// Set sets one cell of the current generation, as an edit between
// generations: (x, y) is on the board, or on the plane.
//
// A state the rule does not have becomes the rule's last dying state, or
// Empty under a two-state rule, here and in New, Reset and
// ResetUniverse: every engine sees the same board. HashLife drops an edit
// it cannot make: beyond its plane (2^62 cells from the origin), or with no
// room left in its table.
func (s *Simulation) Set(x, y int, st life.State) {
	st = s.opt.Rule.Clamp(st)
	switch {
	case s.hl != nil:
		_ = s.hl.Set(int64(x), int64(y), st)
		s.boxOK = false
	case s.uni != nil:
		s.uni.Set(int64(x), int64(y), st)
		s.boxOK = false
		if s.tiled != nil {
			s.tiled.Edited()
		}
	default:
		if !s.cur.Contains(x, y) {
			return
		}
		if s.bits != nil {
			s.bits.Set(x, y, st)
		}
		if !s.stale {
			s.cur.Set(x, y, st)
		}
	}
	if t := s.toucher(); t != nil {
		t(x, y)
	}
}

// toucher returns the engine's way to list a cell's neighbourhood for the
// next generation after an edit, or nil if its engine runs every cell.
func (s *Simulation) toucher() func(x, y int) {
	switch {
	case s.active != nil:
		return s.active.Touch
	case s.sweep != nil:
		return s.sweep.Touch
	}
	return nil
}

// Reset replaces the current generation of a bounded board with a copy of
// g, which must have the same size, and numbers it generation. The engine's
// goroutines carry on from it: nothing is restarted.
func (s *Simulation) Reset(g *life.Grid, generation int) error {
	if s.unbounded() {
		return errors.New("reset an unbounded board with ResetUniverse")
	}
	if touch := s.toucher(); touch != nil && g.Width() == s.cur.Width() && g.Height() == s.cur.Height() {
		for i, c := range g.Cells {
			if c != s.cur.Cells[i] {
				touch(i%g.Width(), i/g.Width())
			}
		}
	}
	if err := s.cur.CopyFrom(g); err != nil {
		return err
	}
	s.opt.Rule.ClampGrid(s.cur)
	if s.bits != nil {
		s.bits.Load(s.cur)
		s.stale = false
	}
	s.generation = generation
	return nil
}

// ResetUniverse replaces the current generation of an unbounded board with a
// copy of u and numbers it generation.
func (s *Simulation) ResetUniverse(u *life.Universe, generation int) error {
	if !s.unbounded() {
		return errors.New("reset a bounded board with Reset")
	}
	if s.hl != nil {
		if err := s.hl.Load(u, uint64(max(generation, 0))); err != nil {
			return err
		}
		s.generation, s.boxOK = generation, false
		return nil
	}
	if touch := s.toucher(); touch != nil {
		for _, v := range []*life.Universe{s.uni, u} {
			v.Live(v.Bounds(), func(x, y int64) { touch(int(x), int(y)) })
		}
	}
	if s.tiled != nil {
		s.tiled.Edited()
	}
	s.uni.Clear()
	for k, t := range u.AllTiles() {
		if !t.Empty() {
			s.uni.NewTile(k).CopyFrom(t)
		}
	}
	s.opt.Rule.ClampUniverse(s.uni)
	s.generation = generation
	s.boxOK = false
	return nil
}

// stepper is a dense engine: Dense or DenseCoroutines.
type stepper interface {
	Step(cur, next *life.Grid, cancel <-chan struct{}) bool
	Drivers() int
	Stop()
}

// At returns the state of the cell at (x, y) of the current generation:
// on the board, or on the plane; Empty beyond a bounded board's edge.
func (s *Simulation) At(x, y int64) life.State {
	switch {
	case s.hl != nil:
		return s.hl.At(x, y)
	case s.uni != nil:
		return s.uni.At(x, y)
	}
	g := s.board()
	if x < 0 || y < 0 || x >= int64(g.Width()) || y >= int64(g.Height()) {
		return life.Empty
	}
	return g.At(int(x), int(y))
}

// Board returns the current generation as a life.Board: the grid of a
// bounded board, the Universe of an unbounded one, HashLife's tree (a
// life.BlockBoard). It belongs to the simulation, as Grid's result does:
// read it, but not past the next call to Step, Run, Reset, Restore or Set.
func (s *Simulation) Board() life.Board {
	switch {
	case s.hl != nil:
		return tree{s.hl}
	case s.uni != nil:
		return s.uni
	}
	return s.board().Board()
}

// Adopt returns a snapshot of this simulation's board kind that holds p's
// cells, and releases p: a HashLife tree of another engine (the one a new
// rule replaced) copied into this engine's table, so that the old engine's
// memory can go; a tree as a Universe for the other engines, within the
// memory budget. A snapshot already of the right kind is p itself. The
// current board is as it was.
func (s *Simulation) Adopt(p Snapshot) (Snapshot, error) {
	switch {
	case p.tree == nil || s.hl != nil && s.hl.Owns(p.tree):
		return p, nil
	case s.hl == nil:
		u, err := p.tree.Universe(s.budget())
		if err != nil {
			return Snapshot{}, err
		}
		p.Release()
		return Snapshot{board: u, bytes: u.Bytes()}, nil
	}
	now := s.hl.Snapshot()
	defer now.Release()
	if err := s.restoreTree(p.tree, int(p.tree.Generation())); err != nil {
		return Snapshot{}, err
	}
	q := s.Snapshot()
	if err := s.hl.Restore(now); err != nil {
		q.Release()
		return Snapshot{}, err
	}
	p.Release()
	return q, nil
}

// Nodes returns the HashLife table's nodes and the memory they take, or
// zeros for the other engines.
func (s *Simulation) Nodes() (nodes int, bytes uint64) {
	if s.hl == nil {
		return 0, 0
	}
	return s.hl.Nodes(), s.hl.Bytes()
}

// Options returns the options the simulation was made with.
func (s *Simulation) Options() Options { return s.opt }

// Goroutines returns how many goroutines the engine runs: for the dense
// engine one per cell and one per driver; for the goroutine engine one per
// cell it ran in the last generation or keeps in reserve, and one per
// driver; for the direct engine on a bounded board one per core it shares
// the rows with, the caller's excepted; none once the simulation is closed.
func (s *Simulation) Goroutines() int {
	if s.isClosed() {
		return 0
	}
	switch {
	case s.dense != nil:
		return len(s.cur.Cells) + s.dense.Drivers()
	case s.active != nil:
		return s.active.Goroutines()
	case s.bits != nil:
		return s.bits.Workers()
	}
	return 0
}

// PeakGoroutines returns the most cell goroutines the goroutine engine has
// run at once, so far, or Goroutines() for the other engines.
func (s *Simulation) PeakGoroutines() int {
	if s.active != nil {
		return s.active.Peak()
	}
	return s.Goroutines()
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
	switch {
	case s.dense != nil:
		s.dense.Stop()
	case s.active != nil:
		s.active.Stop()
	case s.bits != nil:
		s.bits.Close()
	}
}
