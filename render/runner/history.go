package runner

import (
	"cmp"
	"fmt"
	"slices"

	"colife/life"
	"colife/life/sim"
)

// DefaultHistory is how many generations a Runner keeps for Back when
// Config.History is 0, unless they would take more than
// DefaultHistoryBytes: then as many as fit in that, at least one.
const (
	DefaultHistory      = 256
	DefaultHistoryBytes = 256 << 20
)

// Back pauses and shows the generation before the current one, if the history
// still keeps it; the simulation carries on from there when it runs again.
// After HashLife's jumps the generation before is the one it jumped from.
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
	l.record() // an edit made here is kept for Forward
	if l.plane {
		if before, ok := l.phist.before(gen); ok {
			l.recall(before)
		}
		return
	}
	l.recall(gen - 1)
}

func (Forward) apply(l *loop) {
	if l.sim == nil {
		return
	}
	Pause{}.apply(l)
	l.record()
	next, ok := l.sim.Generation()+1, true
	if l.plane {
		next, ok = l.phist.after(l.sim.Generation())
	}
	if !ok || !l.recall(next) {
		l.steps++
	}
}

// record keeps the current generation in the history, and reports whether
// that changed what the history kept for it.
func (l *loop) record() bool {
	gen := l.sim.Generation()
	if l.plane {
		return l.phist.record(gen, l.sim)
	}
	return l.hist.record(gen, l.sim.Grid())
}

// recall makes generation gen, if the history keeps it, the current one, and
// reports whether it did.
func (l *loop) recall(gen int) bool {
	if l.plane {
		if p, ok := l.phist.at(gen); ok {
			l.restartPlane(p, gen)
			return true
		}
		return false
	}
	if g := l.hist.at(gen); g != nil {
		l.restart(g, gen)
		return true
	}
	return false
}

// DetectLimit is the most live cells a generation of an unbounded plane may
// have for the detector to watch it: it reads every one (HashLife's boards
// have billions).
const DetectLimit = 1 << 20

// observe shows the current generation to the detector.
func (l *loop) observe() {
	gen := l.sim.Generation()
	l.unwatched = ""
	switch {
	case !l.plane:
		l.detect.Observe(gen, l.sim.Grid())
	case l.jump > 1:
		l.detect.Reset()
		l.unwatched = fmt.Sprintf("jumps of %d generations: repetition not watched", l.jump)
	case l.sim.Population() > DetectLimit:
		l.detect.Reset()
		l.unwatched = fmt.Sprintf("%d cells: repetition not watched", l.sim.Population())
	default:
		l.detect.ObservePlane(gen, l.sim.Board())
	}
	l.stability, l.observed = l.detect.Result(), gen
}

// beforeStep runs on the simulation goroutine before each generation: it
// keeps the current generation in the history and, if it is not the one the
// detector saw last, or has been edited since, starts the detector afresh
// from it.
func (l *loop) beforeStep() {
	if l.record() || l.observed != l.sim.Generation() {
		l.detect.Reset()
		l.firstObserved = l.sim.Generation()
		l.observe()
	}
}

// afterStep runs after each generation: it keeps the new generation in the
// history and shows it to the detector.
func (l *loop) afterStep() {
	l.record()
	l.observe()
	l.pops.note(l.sim.Generation(), l.sim.Population())
}

// describe fills in what a frame says about the history and the detector.
func (l *loop) describe(f *Frame) {
	f.Stability = l.stability
	if l.sim == nil {
		return
	}
	gen := l.sim.Generation()
	if gen < l.observed && gen >= l.firstObserved {
		// Back in the history: say what was known of the generation shown.
		if r := l.stability; r.Outcome == life.Unsettled || gen < r.Start {
			f.Stability = life.Result{Generations: gen - l.firstObserved}
		}
	}
	switch {
	case l.plane && l.phist.has(gen):
		f.Older, f.Newer = l.phist.around(gen)
	case !l.plane && l.hist.at(gen) != nil:
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

// current is the current generation as planeHistory.record reads it: a
// *sim.Simulation.
type current interface {
	Holds(sim.Snapshot) bool
	Snapshot() sim.Snapshot
}

// planeHistory is the history of an unbounded plane: snapshots of the last
// generations run (sim.Snapshot, which keeps only the tiles with live cells,
// or HashLife's tree as it was), oldest first, at most max of them and, but
// for the newest, at most maxBytes in all. The generations kept follow each
// other with no gap, but where the engine jumped (HashLife runs 2^k
// generations a step): there the history keeps the generations it stopped
// at, and Back and Forward go from one to the next.
type planeHistory struct {
	max, maxBytes int
	kept          []entry // generation order
	bytes         int     // what kept holds (Snapshot.Bytes)
}

// entry is one generation of a planeHistory.
type entry struct {
	gen  int
	snap sim.Snapshot
}

// newPlaneHistory returns the history of an unbounded plane that keeps n
// generations, or DefaultHistory for an n of 0, and at most
// DefaultHistoryBytes.
func newPlaneHistory(n int) *planeHistory {
	if n <= 0 {
		n = DefaultHistory
	}
	return &planeHistory{max: n, maxBytes: DefaultHistoryBytes}
}

// find returns the index of generation gen in kept, or where it would go,
// and whether it is there.
func (h *planeHistory) find(gen int) (int, bool) {
	return slices.BinarySearchFunc(h.kept, gen, func(k entry, gen int) int { return cmp.Compare(k.gen, gen) })
}

// has reports whether the history keeps generation gen.
func (h *planeHistory) has(gen int) bool {
	_, ok := h.find(gen)
	return ok
}

// at returns the snapshot kept for generation gen, if there is one.
func (h *planeHistory) at(gen int) (sim.Snapshot, bool) {
	if i, ok := h.find(gen); ok {
		return h.kept[i].snap, true
	}
	return sim.Snapshot{}, false
}

// before returns the newest generation kept before gen, if there is one.
func (h *planeHistory) before(gen int) (int, bool) {
	if i, _ := h.find(gen); i > 0 {
		return h.kept[i-1].gen, true
	}
	return 0, false
}

// after returns the oldest generation kept after gen, if there is one.
func (h *planeHistory) after(gen int) (int, bool) {
	i, ok := h.find(gen)
	if ok {
		i++
	}
	if i < len(h.kept) {
		return h.kept[i].gen, true
	}
	return 0, false
}

// around returns how many generations the history keeps before gen and
// after it.
func (h *planeHistory) around(gen int) (older, newer int) {
	i, ok := h.find(gen)
	if ok {
		return i, len(h.kept) - i - 1
	}
	return i, len(h.kept) - i
}

// record keeps a snapshot of the current generation of s as generation gen,
// as history.record does: if that differs from the one kept, the
// generations kept after gen are dropped, as they are when gen is not kept
// but lies among those kept; a generation before them all starts the
// history afresh. It reports whether it changed what is kept for gen.
func (h *planeHistory) record(gen int, s current) bool {
	i, ok := h.find(gen)
	switch {
	case ok && s.Holds(h.kept[i].snap):
		return false
	case i == 0:
		h.cut(0)
	default:
		h.cut(i)
	}
	snap := s.Snapshot()
	h.kept = append(h.kept, entry{gen, snap})
	h.bytes += snap.Bytes()
	h.kept = keepNewest(h.kept, h.max, h.maxBytes, &h.bytes, func(e entry) (int, sim.Snapshot) { return e.snap.Bytes(), e.snap })
	return true
}

// cut drops the snapshots from the i-th kept on.
func (h *planeHistory) cut(i int) {
	for j := i; j < len(h.kept); j++ {
		h.bytes -= h.kept[j].snap.Bytes()
		h.kept[j].snap.Release()
	}
	clear(h.kept[i:])
	h.kept = h.kept[:i]
}

// reset drops every snapshot.
func (h *planeHistory) reset() { h.cut(0) }
