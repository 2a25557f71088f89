package runner

import (
	"fmt"
	"time"

	"colife/life"
	"colife/life/pattern"
	"colife/life/sim"
)

// The undo stack's limits: Undo goes back at most MaxUndo edits, and the
// boards kept for it take at most MaxUndoBytes (about life.TileBytes for each
// 64 × 64 tile of cells with a live cell, whatever the topology). The oldest
// edits are forgotten first; the last one is always kept.
const (
	MaxUndo      = 1000
	MaxUndoBytes = 64 << 20
)

// UndoBytes returns the most the undo stack of a w × h board keeps: on an
// unbounded plane, whose live tiles may be anywhere, MaxUndoBytes.
func UndoBytes(w, h int, unbounded bool) uint64 {
	if unbounded {
		return MaxUndoBytes
	}
	tiles := uint64((w+63)/64) * uint64((h+63)/64)
	return min(MaxUndoBytes, MaxUndo*(tiles+1)*life.TileBytes)
}

// Stroke begins an edit made of the Edit commands that follow it, such as a
// drag of the mouse: Undo undoes them together.
type Stroke struct{}

// Undo undoes the last edit (a stroke, a toggle, Clear, Soup, Paste,
// ClearRect, Load or SetRule): the board, its generation and the rule go back
// to what they were before it. It does nothing if there is none.
type Undo struct{}

// Redo redoes the last edit undone, if no other edit came since.
type Redo struct{}

// SetRule makes Rule the simulation's rule, from the current generation on.
// A rule the topology cannot run (B0 on the unbounded plane) is refused:
// the frames' Note says why.
type SetRule struct{ Rule life.Rule }

// SwitchTransport runs the simulation's cells over the next transport, from
// the current generation on: the active cells from channels (goroutine) to
// a coroutine each (coroutine) to a coroutine a shard (generator) and back
// to channels, every cell from dense to dense-coroutine and back
// (sim.Engine.NextTransport; the direct engine goes to the coroutine one).
// The board, its generation, the history and the rule are kept: the same
// pattern runs on channels and on coroutines. An engine that cannot run the
// board is refused: the frames' Note says why.
type SwitchTransport struct{}

// Paste sets alive the cells Cells, each moved by At: Cells are relative
// positions, At where their (0, 0) goes. On a bounded board the cells beyond
// its edges are left out. The Runner owns Cells once given.
type Paste struct {
	At    life.Point
	Cells []life.Point
	// States holds the state of each of Cells, or is empty when all are
	// alive.
	States []life.State
}

// ClearRect kills the cells in Rect.
type ClearRect struct{ Rect life.Rect }

// Load replaces the board with Pattern and starts from it as generation 0:
// Reset comes back to it. On an unbounded plane the pattern goes where its
// file says (Golly's "#CXRLE Pos="), or else in the middle of the starting
// box; on a bounded board in its middle, and a pattern larger than the board
// is refused (the frames' Note says so). A pattern with a rule brings it.
type Load struct{ Pattern *pattern.Pattern }

// Bigger doubles the generations run for each frame shown while playing (the
// step, Golly's step exponent), up to 2^MaxStepExp; the target speed is then
// in steps per second.
type Bigger struct{}

// Smaller halves the step, down to one generation.
type Smaller struct{}

// MaxStepExp is the largest step exponent of the engines that run a step a
// generation at a time: at most 2^MaxStepExp generations a step.
// MaxJumpExp is HashLife's, which jumps a step in one go: 2^60 generations
// a step, and the generation count reaches 2^63 within eight of them.
const (
	MaxStepExp = 16
	MaxJumpExp = 60
)

// maxExp returns the largest step exponent of the simulation's engine.
func (l *loop) maxExp() int {
	if l.cfg.Options.Engine.Jumps() {
		return MaxJumpExp
	}
	return MaxStepExp
}

func (Stroke) apply(l *loop) { l.checkpoint() }

func (Undo) apply(l *loop) {
	if l.sim == nil || len(l.undo.kept) == 0 {
		return
	}
	l.redo.push(l.snapshot())
	b := l.undo.pop()
	l.restore(b)
	b.cells.Release()
}

func (Redo) apply(l *loop) {
	if l.sim == nil || len(l.redo.kept) == 0 {
		return
	}
	l.undo.push(l.snapshot())
	b := l.redo.pop()
	l.restore(b)
	b.cells.Release()
}

func (s SetRule) apply(l *loop) {
	if l.sim == nil || s.Rule == l.cfg.Options.Rule {
		return
	}
	before := l.snapshot()
	if err := l.setRule(s.Rule); err != nil {
		l.notef("%v", err)
		return
	}
	l.keep(before)
}

func (SwitchTransport) apply(l *loop) {
	if l.sim == nil {
		return
	}
	opt := l.cfg.Options
	was := opt.Engine
	opt.Engine = opt.Engine.NextTransport()
	if err := l.reopen(opt); err != nil {
		l.notef("%v", err)
		return
	}
	if was.Jumps() {
		// HashLife's history holds the generations it stopped at, in its
		// own trees: the others keep every generation.
		l.forget()
	}
}

func (p Paste) apply(l *loop) {
	if l.sim == nil {
		return
	}
	l.checkpoint()
	for i, c := range p.Cells {
		q := c.Add(p.At)
		s := life.Alive
		if i < len(p.States) {
			s = p.States[i]
		}
		if l.plane || q.X >= 0 && q.Y >= 0 && q.X < int64(l.start.Width()) && q.Y < int64(l.start.Height()) {
			l.sim.Set(int(q.X), int(q.Y), s)
		}
	}
	l.dirty = true
}

func (c ClearRect) apply(l *loop) {
	if l.sim == nil {
		return
	}
	l.checkpoint()
	r := c.Rect
	if !l.plane {
		r = r.Intersect(life.RectOf(life.Point{}, int64(l.start.Width()), int64(l.start.Height())))
	}
	var live []life.Point
	l.snapshotLive(r, func(p life.Point) { live = append(live, p) })
	for _, p := range live {
		l.sim.Set(int(p.X), int(p.Y), life.Empty)
	}
	l.dirty = true
}

func (ld Load) apply(l *loop) {
	if l.sim == nil || ld.Pattern == nil {
		return
	}
	p := ld.Pattern
	before := l.snapshot()
	if rule, ok := p.LifeRule(); ok && rule != l.cfg.Options.Rule {
		if err := l.setRule(rule); err != nil {
			l.notef("%v", err)
			return
		}
	}
	if l.plane {
		at := l.cfg.Options.Origin.Add(life.Point{
			X: int64(l.start.Width()-p.Width) / 2,
			Y: int64(l.start.Height()-p.Height) / 2,
		})
		if p.Position != nil {
			at = *p.Position
		}
		u := life.NewUniverse()
		for _, c := range p.Cells {
			u.Set(at.X+int64(c.X), at.Y+int64(c.Y), c.State())
		}
		l.ustart.Release()
		l.ustart, l.startGen = sim.NewSnapshot(u), 0
		l.restartPlane(l.ustart, 0)
	} else {
		g, _ := life.NewGrid(l.start.Width(), l.start.Height()) // the size was checked by Start
		if err := p.Place(g); err != nil {
			l.restore(before) // the rule it may have set
			l.notef("%v", err)
			return
		}
		l.start = g
		l.restart(g, 0)
	}
	l.forget()
	l.keep(before)
}

func (Bigger) apply(l *loop) {
	l.exp = min(l.exp+1, l.maxExp())
	l.dirty = true
}

func (Smaller) apply(l *loop) {
	l.exp = max(l.exp-1, 0)
	l.dirty = true
}

// board is a board kept for Undo: its live cells, its generation and the
// rule.
type board struct {
	cells sim.Snapshot
	gen   int
	rule  life.Rule
}

// bytes returns about what b holds in memory.
func (b board) bytes() int { return b.cells.Bytes() + life.TileBytes }

// boards is a stack of boards, at most MaxUndo of them and MaxUndoBytes in
// all but for the newest; the oldest go first.
type boards struct {
	max, maxBytes int
	kept          []board // the oldest first
	bytes         int
}

func newBoards() boards { return boards{max: MaxUndo, maxBytes: MaxUndoBytes} }

// push puts b on top, forgetting the oldest boards beyond the limits.
func (s *boards) push(b board) {
	s.kept = append(s.kept, b)
	s.bytes += b.bytes()
	s.kept = keepNewest(s.kept, s.max, s.maxBytes, &s.bytes, func(b board) (int, sim.Snapshot) { return b.bytes(), b.cells })
}

// keepNewest drops the oldest of kept, releasing their snapshots, until at
// most max are left and their bytes, counted in *bytes, are at most
// maxBytes, or one is left; it returns what remains, in kept's storage.
// what gives an element's bytes and snapshot.
func keepNewest[T any](kept []T, max, maxBytes int, bytes *int, what func(T) (int, sim.Snapshot)) []T {
	n := 0
	for len(kept)-n > 1 && (len(kept)-n > max || *bytes > maxBytes) {
		b, snap := what(kept[n])
		*bytes -= b
		snap.Release()
		n++
	}
	if n == 0 {
		return kept
	}
	m := copy(kept, kept[n:])
	clear(kept[m:])
	return kept[:m]
}

// pop takes the top board off; there must be one. The caller releases its
// snapshot.
func (s *boards) pop() board {
	b := s.kept[len(s.kept)-1]
	s.kept[len(s.kept)-1] = board{}
	s.kept = s.kept[:len(s.kept)-1]
	s.bytes -= b.bytes()
	return b
}

// reset forgets every board.
func (s *boards) reset() {
	for _, b := range s.kept {
		b.cells.Release()
	}
	clear(s.kept)
	s.kept, s.bytes = s.kept[:0], 0
}

// snapshot returns the current board, for Undo.
func (l *loop) snapshot() board {
	return board{cells: l.sim.Snapshot(), gen: l.sim.Generation(), rule: l.cfg.Options.Rule}
}

// snapshotLive calls f with each live cell of the current board in r.
func (l *loop) snapshotLive(r life.Rect, f func(life.Point)) {
	l.sim.Board().Cells(r, func(x, y int64, _ life.State) { f(life.Point{X: x, Y: y}) })
}

// checkpoint keeps the current board for Undo before an edit: the edits
// undone until now can no longer be redone.
func (l *loop) checkpoint() {
	if l.sim != nil {
		l.keep(l.snapshot())
	}
}

// keep puts b, the board before an edit, on the undo stack.
func (l *loop) keep(b board) {
	l.undo.push(b)
	l.redo.reset()
	l.dirty = true
}

// restore makes b the current board, with its generation and rule.
func (l *loop) restore(b board) {
	if b.rule != l.cfg.Options.Rule {
		if err := l.setRule(b.rule); err != nil {
			l.notef("%v", err) // it ran before: not expected
		}
	}
	if l.plane {
		l.restartPlane(b.cells, b.gen)
		return
	}
	if err := l.sim.Restore(b.cells, b.gen); err != nil {
		l.notef("%v", err)
	}
	l.resetRate(time.Now())
	l.dirty = true
}

// setRule makes a new simulation of the current board under rule, numbered
// as the current generation, and closes the old one; if the new one cannot
// be made, the old one goes on and the error says why.
func (l *loop) setRule(rule life.Rule) error {
	opt := l.cfg.Options
	opt.Rule = rule
	if err := l.reopen(opt); err != nil {
		return err
	}
	l.forget()
	return nil
}

// reopen makes a new simulation of the current board with opt, numbered as
// the current generation, and closes the old one; if the new one cannot be
// made, the old one goes on and the error says why.
func (l *loop) reopen(opt sim.Options) error {
	gen := l.sim.Generation()
	var (
		s   *sim.Simulation
		err error
	)
	if l.plane {
		one, _ := life.NewGrid(1, 1)
		if s, err = sim.New(l.ctx, one, opt); err == nil {
			now := l.sim.Snapshot()
			err = s.Restore(now, gen)
			now.Release()
		}
	} else if s, err = sim.New(l.ctx, l.sim.Grid(), opt); err == nil {
		err = s.Reset(l.sim.Grid(), gen)
	}
	if err != nil {
		if s != nil {
			s.Close()
		}
		return err
	}
	l.sim.Close()
	l.sim = s
	l.cfg.Options = opt
	l.adopt()
	l.resetRate(time.Now())
	l.dirty = true
	return nil
}

// adopt moves what the runner keeps of the boards of the simulation that a
// new one replaced (the start Reset goes back to, the boards of undo and
// redo) into the new one's kind: HashLife's trees into its new table, so
// that the old engine's memory can go. One that cannot move is dropped,
// with a note.
func (l *loop) adopt() {
	var err error
	if moved, err := l.sim.Adopt(l.ustart); err == nil {
		l.ustart = moved
	} else {
		l.notef("the start to reset to is dropped: %v", err)
		l.ustart.Release()
		l.ustart, l.startGen = sim.NewSnapshot(l.placed(l.start)), 0
	}
	for _, s := range []*boards{&l.undo, &l.redo} {
		for i := range s.kept {
			if s.kept[i].cells, err = l.sim.Adopt(s.kept[i].cells); err != nil {
				l.notef("the boards kept for undo are dropped: %v", err)
				s.reset()
				break
			}
		}
	}
}

// forget drops the generations kept for Back and Forward and what the
// detector saw: they came from another rule or another start.
func (l *loop) forget() {
	if l.plane {
		l.phist.reset()
	} else {
		l.hist = newHistory(l.cfg.History, l.start.Width()*l.start.Height())
	}
	l.detect.Reset()
	l.observed = -1
	l.stability = life.Result{}
}

// notef sets the note the next frames carry: why a command was refused.
func (l *loop) notef(format string, args ...any) {
	l.note = fmt.Sprintf(format, args...)
	l.notes++
	l.dirty = true
}
