package runner

import "colife/life"

// DefaultHistory is how many generations a Runner keeps for Back when
// Config.History is 0, unless they would take more than
// DefaultHistoryBytes: then as many as fit in that, at least one.
const (
	DefaultHistory      = 256
	DefaultHistoryBytes = 256 << 20
)

// Back pauses and shows the generation before the current one, if the history
// still keeps it; the simulation carries on from there when it runs again.
type Back struct{}

// Forward pauses and shows the generation after the current one: the one kept
// after a Back, or else a new one, run as Step does.
type Forward struct{}

func (Back) apply(l *loop) {
	if l.sim == nil {
		return
	}
	Pause{}.apply(l)
	gen := l.sim.Generation()
	l.hist.record(gen, l.sim.Grid()) // an edit made here is kept for Forward
	if g := l.hist.at(gen - 1); g != nil {
		l.restart(g, gen-1)
	}
}

func (Forward) apply(l *loop) {
	if l.sim == nil {
		return
	}
	Pause{}.apply(l)
	gen := l.sim.Generation()
	l.hist.record(gen, l.sim.Grid())
	if g := l.hist.at(gen + 1); g != nil {
		l.restart(g, gen+1)
		return
	}
	l.steps++
}

// beforeStep runs on the simulation goroutine before each generation: it
// keeps the current grid in the history and, if it is not the generation the
// detector saw last, or has been edited since, starts the detector afresh
// from it.
func (l *loop) beforeStep() {
	g, gen := l.sim.Grid(), l.sim.Generation()
	if l.hist.record(gen, g) || l.observed != gen {
		l.detect.Reset()
		l.detect.Observe(gen, g)
		l.stability, l.observed = l.detect.Result(), gen
	}
}

// afterStep runs after each generation: it keeps the new grid in the history
// and shows it to the detector.
func (l *loop) afterStep() {
	g, gen := l.sim.Grid(), l.sim.Generation()
	l.hist.record(gen, g)
	l.detect.Observe(gen, g)
	l.stability, l.observed = l.detect.Result(), gen
}

// describe fills in what a frame says about the history and the detector.
func (l *loop) describe(f *Frame) {
	f.Stability = l.stability
	if l.sim == nil {
		return
	}
	gen := l.sim.Generation()
	if l.hist.at(gen) != nil {
		f.Older, f.Newer = gen-l.hist.lo, l.hist.hi-gen
	}
}

// history keeps copies of the last generations run, at most max of them, for
// Back and Forward: generations lo to hi, with no gap, in a ring of grids of
// one size. It holds at most max × width × height bytes of cells.
type history struct {
	max    int
	grids  []*life.Grid // the ring; a slot's grid is made when first used
	head   int          // the slot of generation lo
	lo, hi int          // the generations kept; none when hi < lo
}

// newHistory returns a history of n generations of grids of cells cells; n
// of 0 means DefaultHistory, or fewer to fit in DefaultHistoryBytes.
func newHistory(n, cells int) *history {
	if n <= 0 {
		n = max(min(DefaultHistory, DefaultHistoryBytes/cells), 1)
	}
	return &history{max: n, hi: -1}
}

// at returns the grid kept for generation gen, or nil. It belongs to the
// history: copy it, and only until the next record.
func (h *history) at(gen int) *life.Grid {
	if gen < h.lo || gen > h.hi {
		return nil
	}
	return h.grids[(h.head+gen-h.lo)%h.max]
}

// record makes a copy of g the grid of generation gen. If that differs from
// the one kept, the generations kept after gen are dropped: they came from
// another past. A generation that does not follow those kept, or a grid of
// another size, starts the history afresh. record reports whether it changed
// the grid kept for gen.
func (h *history) record(gen int, g *life.Grid) bool {
	if old := h.at(gen); old != nil && old.Width() == g.Width() && old.Height() == g.Height() {
		if old.Equal(g) {
			return false
		}
		copy(old.Cells, g.Cells)
		h.hi = gen
		return true
	}
	if gen != h.hi+1 || h.hi < h.lo || h.grids[h.head].Width() != g.Width() || h.grids[h.head].Height() != g.Height() {
		h.grids = make([]*life.Grid, h.max)
		h.head, h.lo, h.hi = 0, gen, gen-1
	}
	if h.hi-h.lo+1 == h.max { // full: the oldest slot becomes the newest
		h.head = (h.head + 1) % h.max
		h.lo++
	}
	h.hi = gen
	slot := (h.head + gen - h.lo) % h.max
	if h.grids[slot] == nil {
		h.grids[slot] = g.Clone()
	} else {
		copy(h.grids[slot].Cells, g.Cells)
	}
	return true
}
