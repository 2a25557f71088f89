package life

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"unsafe"
)

// DefaultPeriodLimit is the longest period a Detector made with a limit of 0,
// or the zero Detector, looks for.
const DefaultPeriodLimit = 1000

// Outcome says how a pattern has settled.
type Outcome uint8

const (
	// Unsettled is the zero Outcome: no repetition seen yet.
	Unsettled Outcome = iota
	// Extinct: no cell is alive.
	Extinct
	// StillLife: the grid is the same from one generation to the next.
	StillLife
	// Oscillator: the grid repeats after Period generations, in place.
	Oscillator
	// Spaceship: the live cells repeat after Period generations, shifted by
	// (DX, DY).
	Spaceship
)

// Result is what a Detector has found.
type Result struct {
	Outcome Outcome
	// Start is the first generation of the repeating cycle, the earliest
	// generation whose state recurs; for Extinct, the first generation with
	// no live cell.
	Start int
	// Period is the number of generations after which the pattern repeats:
	// 1 for a still life, 0 for Extinct and Unsettled.
	Period int
	// DX and DY are how far a spaceship moves each period, x growing
	// rightwards and y downwards; 0 otherwise.
	DX, DY int
	// Generations is how many generations the detector watched without a
	// repetition, for Unsettled.
	Generations int
	// Escaping is, on an unbounded plane, how many spaceships fly off from
	// an Oscillator, each apart from the rest and moving away from it for
	// ever: the pattern repeats but for them, and Period counts their
	// period too.
	Escaping int
}

// String says the result in one line: "extinct at generation N", "still life
// from generation N", "period P from generation N", "spaceship period P moving
// (DX,DY) from generation N", or "no repetition within G generations".
func (r Result) String() string {
	switch r.Outcome {
	case Extinct:
		return fmt.Sprintf("extinct at generation %d", r.Start)
	case StillLife:
		return fmt.Sprintf("still life from generation %d", r.Start)
	case Oscillator:
		if r.Escaping > 0 {
			return fmt.Sprintf("period %d from generation %d, with %d spaceships flying off", r.Period, r.Start, r.Escaping)
		}
		return fmt.Sprintf("period %d from generation %d", r.Period, r.Start)
	case Spaceship:
		return fmt.Sprintf("spaceship period %d moving (%d,%d) from generation %d", r.Period, r.DX, r.DY, r.Start)
	}
	return fmt.Sprintf("no repetition within %d generations", r.Generations)
}

// Detector recognises, from the grids of consecutive generations, when a
// pattern dies out, stands still, oscillates or moves as a spaceship.
//
// For each generation it keeps, in a ring of the last Limit() generations,
// only a fingerprint: the bounding box of the live cells (position and size)
// and two hashes of the cells inside that box, row by row. Two generations
// with the same box and the same hashes hold the same grid; the same box size
// and hashes at another position is the same layout shifted: a spaceship. So
// memory stays at 56 bytes a generation whatever the grid's size (and, on a
// torus, one byte per row and per column of scratch), and the work per
// generation is one pass over the grid to find the box (a vectorised byte
// search per row), two over the box to hash it, and a scan of the ring.
//
// A match needs both hashes to agree. They are hash/maphash with two seeds
// drawn at random for each Detector, so they are independent: a false match
// needs two 64-bit collisions at once (odds of about 2⁻¹²⁸ per pair of
// generations compared, on top of an equal box), and since the seeds differ
// from run to run no pattern can be built to collide. The grids themselves
// are not kept.
//
// A shifted repeat counts as a spaceship on either topology. On a torus the
// box may wrap around an edge: when the live cells touch two opposite edges,
// the box is the shortest arc of columns (or rows) that holds them all,
// found from the widest band of empty columns (rows), so a spaceship that
// crosses an edge keeps its layout; DX and DY are then reduced modulo the
// grid's size to the shorter way round. On a plane nothing wraps.
//
// The zero Detector looks for periods up to DefaultPeriodLimit on a plane: on
// a torus it still recognises every repeat, but a lone spaceship only when it
// does not straddle an edge. A Detector is not safe for concurrent use.
type Detector struct {
	limit        int
	ring         []fingerprint // the last generations, oldest overwritten first
	next         int           // where the next fingerprint goes in ring
	first, last  int           // the first and last generations observed
	observed     bool          // first and last are set
	w, h         int           // the size of the grids observed
	wrap         bool          // the grid is a torus
	rows, cols   []bool        // scratch: which rows and columns hold a live cell
	found        bool
	result       Result
	seed1, seed2 maphash.Seed
	hash         maphash.Hash

	snaps []snapshot // the ring of an unbounded plane's generations, beside ring
	cl    *clusterer
}

// fingerprint is what a Detector keeps of one generation.
type fingerprint struct {
	gen        int
	x, y, w, h int // the bounding box of the live cells
	sum1, sum2 uint64
}

// NewDetector returns a Detector for grids of topology t that recognises
// periods up to limit generations, keeping that many fingerprints; a limit of
// 0 or less means DefaultPeriodLimit.
func NewDetector(limit int, t Topology) *Detector {
	return &Detector{limit: limit, wrap: t == Torus}
}

// Limit returns the longest period d looks for.
func (d *Detector) Limit() int {
	if d.limit <= 0 {
		return DefaultPeriodLimit
	}
	return d.limit
}

// Reset forgets every generation observed, as after an edit of the grid.
func (d *Detector) Reset() {
	d.ring = d.ring[:0]
	d.snaps = d.snaps[:0]
	d.next = 0
	d.observed = false
	d.found = false
	d.result = Result{}
}

// Result returns what d has found so far: Unsettled, with the number of
// generations watched, until Observe has reported something.
func (d *Detector) Result() Result {
	if d.found {
		return d.result
	}
	r := Result{}
	if d.observed {
		r.Generations = d.last - d.first
	}
	return r
}

// Observe takes the grid of generation gen and reports whether the pattern
// has settled, and how. Feed it every generation in order: a generation that
// does not follow the last one observed, or a grid of another size, starts the
// detector afresh. Once it has reported a result it reports the same one for
// the generations that follow, without looking at them, until Reset.
func (d *Detector) Observe(gen int, g *Grid) (Result, bool) {
	if d.observed && (gen != d.last+1 || g.w != d.w || g.h != d.h) {
		d.Reset()
	}
	if !d.observed {
		d.observed, d.first, d.w, d.h = true, gen, g.w, g.h
		if d.seed1 == (maphash.Seed{}) {
			d.seed1, d.seed2 = maphash.MakeSeed(), maphash.MakeSeed()
		}
	}
	d.last = gen
	if d.found {
		return d.result, true
	}
	f, alive := d.fingerprint(gen, g)
	if !alive {
		d.found, d.result = true, Result{Outcome: Extinct, Start: gen}
		return d.result, true
	}
	if r, ok := d.match(f); ok {
		d.found, d.result = true, r
		return r, true
	}
	d.remember(f)
	return Result{}, false
}

// ObservePlane is Observe for a generation of an unbounded plane, a Universe
// or any other Board (it reads every cell: a caller that runs HashLife
// observes only boards of a population it can afford). Its
// fingerprint is the plane's clusters (groups of live cells no other group
// can touch in the next generation), each hashed apart, so besides what
// Observe recognises it sees a pattern settle while spaceships fly off it: an
// Oscillator (or still life) with Escaping spaceships, as the R-pentomino
// ends, its gliders counted. It keeps at most 256 clusters a generation apart
// (a larger crowd is one fingerprint) for the last Limit() generations.
func (d *Detector) ObservePlane(gen int, u Board) (Result, bool) {
	if d.observed && (gen != d.last+1 || d.w != -1) {
		d.Reset()
	}
	if !d.observed {
		d.observed, d.first, d.w, d.h = true, gen, -1, -1
		if d.cl == nil {
			d.cl = newClusterer()
		}
	}
	d.last = gen
	if d.found {
		return d.result, true
	}
	s, alive := d.cl.snapshot(gen, u)
	if !alive {
		d.found, d.result = true, Result{Outcome: Extinct, Start: gen}
		return d.result, true
	}
	n := len(d.snaps)
	for i := 1; i <= n; i++ {
		if r, ok := match(&s, &d.snaps[(d.next-i+n)%n]); ok {
			d.found, d.result = true, r
			return r, true
		}
	}
	if n < d.Limit() {
		d.snaps = append(d.snaps, s)
		d.next = len(d.snaps) % d.Limit()
	} else {
		d.snaps[d.next].clusters = nil
		d.snaps[d.next] = s
		d.next = (d.next + 1) % n
	}
	return Result{}, false
}

// match looks for the most recent generation in the ring with the same
// layout as f: the shortest period.
func (d *Detector) match(f fingerprint) (Result, bool) {
	n := len(d.ring)
	for i := 1; i <= n; i++ {
		o := &d.ring[(d.next-i+n)%n]
		if o.sum1 != f.sum1 || o.sum2 != f.sum2 || o.w != f.w || o.h != f.h {
			continue
		}
		r := Result{Start: o.gen, Period: f.gen - o.gen, DX: f.x - o.x, DY: f.y - o.y}
		if d.wrap {
			r.DX, r.DY = shorter(r.DX, d.w), shorter(r.DY, d.h)
		}
		switch {
		case r.DX != 0 || r.DY != 0:
			r.Outcome = Spaceship
		case r.Period == 1:
			r.Outcome = StillLife
		default:
			r.Outcome = Oscillator
		}
		return r, true
	}
	return Result{}, false
}

// remember puts f in the ring, over the oldest fingerprint once it is full.
func (d *Detector) remember(f fingerprint) {
	if len(d.ring) < d.Limit() {
		d.ring = append(d.ring, f)
		d.next = len(d.ring) % d.Limit()
		return
	}
	d.ring[d.next] = f
	d.next = (d.next + 1) % len(d.ring)
}

// fingerprint finds the bounding box of g's live cells and hashes the cells
// inside it, or reports false if none is alive.
func (d *Detector) fingerprint(gen int, g *Grid) (fingerprint, bool) {
	cells := cellBytes(g.Cells)
	minX, maxX, minY, maxY := g.w, -1, -1, -1
	for y := range g.h {
		row := cells[y*g.w : (y+1)*g.w]
		lo := firstLive(row)
		if lo < 0 {
			continue
		}
		if minY < 0 {
			minY = y
		}
		maxY = y
		minX = min(minX, lo)
		maxX = max(maxX, lastLive(row))
	}
	if minY < 0 {
		return fingerprint{}, false
	}
	f := fingerprint{gen: gen, x: minX, y: minY, w: maxX - minX + 1, h: maxY - minY + 1}
	if d.wrap && (f.w == g.w || f.h == g.h) {
		d.wrapBox(cells, g.w, g.h, &f)
	}
	f.sum1 = d.sum(d.seed1, cells, g.w, g.h, f)
	f.sum2 = d.sum(d.seed2, cells, g.w, g.h, f)
	return f, true
}

// wrapBox narrows f, a box that spans the whole width or height of a torus,
// to the shortest arc of columns and of rows that holds every live cell.
func (d *Detector) wrapBox(cells []byte, w, h int, f *fingerprint) {
	if len(d.rows) != h || len(d.cols) != w {
		d.rows, d.cols = make([]bool, h), make([]bool, w)
	}
	for y := range h {
		d.rows[y] = firstLive(cells[y*w:(y+1)*w]) >= 0
	}
	if f.h == h {
		f.y, f.h = arc(d.rows)
	}
	if f.w != w {
		return
	}
	clear(d.cols)
	marked := 0
	for y := range h {
		if !d.rows[y] {
			continue
		}
		for x, c := range cells[y*w : (y+1)*w] {
			if c != 0 && !d.cols[x] {
				d.cols[x] = true
				marked++
			}
		}
		if marked == w { // a soup: every column is taken, usually within a few rows
			break
		}
	}
	f.x, f.w = arc(d.cols)
}

// arc returns the shortest arc of the circle of places that holds every true
// one: it starts after the longest run of false places, going round. With no
// false place it is the whole circle from 0. At least one place is true.
func arc(live []bool) (start, length int) {
	n := len(live)
	best, bestEnd := 0, 0 // the longest run of false places, and where it ends
	run := 0
	for i := range 2 * n { // twice round, for the run that wraps
		if live[i%n] {
			run = 0
			continue
		}
		run++
		if run > best && run <= n {
			best, bestEnd = run, i%n
		}
	}
	if best == 0 {
		return 0, n
	}
	return (bestEnd + 1) % n, n - best
}

// shorter reduces a displacement d along a circle of n places to the shorter
// way round, in (-n/2, n/2].
func shorter(d, n int) int {
	d %= n
	switch {
	case d > n/2:
		d -= n
	case d <= -(n+1)/2:
		d += n
	}
	return d
}

// sum hashes the rows of the box f of cells, a w × h grid, going round the
// edges when the box does.
func (d *Detector) sum(seed maphash.Seed, cells []byte, w, h int, f fingerprint) uint64 {
	d.hash.SetSeed(seed)
	for r := range f.h {
		row := cells[(f.y+r)%h*w:][:w]
		if f.x+f.w <= w {
			d.hash.Write(row[f.x : f.x+f.w])
		} else {
			d.hash.Write(row[f.x:])
			d.hash.Write(row[:f.x+f.w-w])
		}
	}
	return d.hash.Sum64()
}

// cellBytes views cells as bytes, which they are (State is a uint8), so that
// the byte search and hashing of the standard library can read them in place.
func cellBytes(cells []State) []byte {
	if len(cells) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(&cells[0])), len(cells))
}

// firstLive returns the index of the first cell of row that is not Empty,
// or -1. It reads 8 cells at a time.
func firstLive(row []byte) int {
	i := 0
	for ; i+8 <= len(row) && binary.LittleEndian.Uint64(row[i:]) == 0; i += 8 {
	}
	for ; i < len(row); i++ {
		if row[i] != 0 {
			return i
		}
	}
	return -1
}

// lastLive returns the index of the last cell of row that is not Empty, or
// -1.
func lastLive(row []byte) int {
	i := len(row)
	for ; i >= 8 && binary.LittleEndian.Uint64(row[i-8:]) == 0; i -= 8 {
	}
	for i--; i >= 0; i-- {
		if row[i] != 0 {
			return i
		}
	}
	return -1
}
