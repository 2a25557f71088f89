package direct

import (
	"math/bits"
	"runtime"
	"sync/atomic"

	"colife/life"
)

// Runs reports whether the bit-parallel engine runs rule r on topology t:
// on a torus or plane the Board runs every totalistic rule, Generations
// rules too (their dying cells' ages in bit planes of their own); on an
// unbounded plane the Tiles run two-state totalistic rules, one bit a cell.
// For the others (isotropic non-totalistic rules, whose next state depends
// on which neighbours are alive, and Generations rules on an unbounded
// plane) the direct engine runs the cell program in line (cells.Sweep).
func Runs(r life.Rule, t life.Topology) bool {
	_, _, ok := r.Totalistic()
	return ok && (t.Bounded() || r.States() == 2)
}

// Board is the direct engine on a torus or a plane: the cell program run in
// line on a bit-packed board, 64 cells to a machine word, one generation
// computed a word at a time with bitwise adders.
//
// Each row is stride words: a west ghost, the row's cells (bit k of word j
// is the cell at x = 64(j-1)+k) and an east ghost. The bits past the last
// cell are dead, except on a torus whose width is not a multiple of 64, where
// the one just past it is a copy of cell 0, the east neighbour of cell w-1.
// On a torus the west ghost's top bit is a copy of cell w-1 and the east
// ghost's bit 0 a copy of cell 0; on a plane both ghosts are dead, as are the
// rows beyond the edge. So every word's neighbours, wrapped as modulo
// arithmetic wraps them (on a torus 1 or 2 cells wide a cell is its own
// neighbour, or one cell counts twice), or dead, are the bits beside it: the
// step has no special case at any edge.
//
// The rows are cut into bands, 8 for each goroutine of a crew (see crew):
// the caller's and, when the board is big enough to pay for it, one worker
// per further GOMAXPROCS. In each generation every member takes bands until
// none is left, so that one held up by another process still finishes with
// the others.
type Board struct {
	w, h      int
	topology  life.Topology
	words     int    // words of cells in a row: w/64 rounded up
	stride    int    // words stored per row: words + 2 ghosts
	top       uint   // the bit of the last cell in the last word: (w-1)%64
	cut       uint64 // the bits of cells in the last word
	cur, next []uint64
	dead      []uint64 // a row of dead cells, beyond the edge of a plane
	life      bool     // the rule is B3/S23, which has a shorter formula
	rule      ruleBits

	// A Generations rule's dying cells: planes[j] holds bit j of each
	// cell's age, in the layout of cur (ghosts unused), where the age of
	// dying state s is s-1 and 0 means not dying. It is nil for a
	// two-state rule. last is the age after the last dying state's, States()-1.
	ages, nextAges [][]uint64
	last           uint

	bands int          // bands a generation is cut into
	taken atomic.Int64 // bands of this generation taken so far
	crew  *crew
}

// bandsEach is how many bands each goroutine of the crew has to take, on
// average, in a generation.
const bandsEach = 8

// NewBoard returns the engine for g under rule and t (Torus or Plane), loaded
// with g's cells, its generations computed by procs goroutines (see
// Procs): the caller's and procs-1 workers.
func NewBoard(g *life.Grid, rule life.Rule, t life.Topology, procs int) *Board {
	words := (g.Width() + 63) / 64
	e := &Board{
		w: g.Width(), h: g.Height(), topology: t,
		words: words, stride: words + 2,
		top:  uint(g.Width()-1) % 64,
		life: rule == life.Conway,
		rule: newRuleBits(rule),
	}
	e.cut = ^uint64(0) >> (63 - e.top)
	e.cur = make([]uint64, e.stride*g.Height())
	e.next = make([]uint64, e.stride*g.Height())
	if n := rule.States(); n > 2 {
		e.last = uint(n - 1)
		for range bits.Len(e.last) {
			e.ages = append(e.ages, make([]uint64, e.stride*g.Height()))
			e.nextAges = append(e.nextAges, make([]uint64, e.stride*g.Height()))
		}
	}
	e.dead = make([]uint64, e.stride)
	e.Load(g)
	e.bands = 1
	if procs > 1 {
		e.bands = min(g.Height(), bandsEach*procs)
	}
	e.crew = newCrew(procs-1, e.take)
	return e
}

// minProcWords is the fewest words of a board each goroutine is given:
// below it, waking another costs more than its share of a generation.
const minProcWords = 2048

// Procs returns how many goroutines step a w × h board: one per core Go
// runs goroutines on (GOMAXPROCS), fewer for a small board.
func Procs(w, h int) int {
	words := (w + 63) / 64 * h
	return max(1, min(runtime.GOMAXPROCS(0), words/minProcWords))
}

// Step computes the next generation. It returns false, the board unchanged,
// if the engine was closed.
func (e *Board) Step() bool {
	e.taken.Store(0)
	if !e.crew.run() {
		return false
	}
	e.cur, e.next = e.next, e.cur
	e.ages, e.nextAges = e.nextAges, e.ages
	return true
}

// take steps bands of the next generation until none is left.
func (e *Board) take() {
	for {
		i := int(e.taken.Add(1) - 1)
		if i >= e.bands {
			return
		}
		e.stepRows(i*e.h/e.bands, (i+1)*e.h/e.bands)
	}
}

// Close ends the crew's workers and returns when they have ended. It may be
// called more than once, and while step runs: it then waits for that
// generation.
func (e *Board) Close() { e.crew.close() }

// Workers returns how many goroutines the engine runs.
func (e *Board) Workers() int { return len(e.crew.workers) }

// row returns row y of words, wrapped on a torus, or a dead row beyond the
// edge of a plane.
func (e *Board) row(words []uint64, y int) []uint64 {
	y, ok := e.topology.Wrap(y, e.h)
	if !ok {
		return e.dead
	}
	return words[y*e.stride : (y+1)*e.stride]
}

// stepRows writes rows [y0, y1) of the next generation.
func (e *Board) stepRows(y0, y1 int) {
	for y := y0; y < y1; y++ {
		out := e.next[y*e.stride : (y+1)*e.stride]
		mid := e.row(e.cur, y)
		e.stepRow(out, e.row(e.cur, y-1), mid, e.row(e.cur, y+1))
		if e.ages != nil {
			e.stepAges(y, out, mid)
		}
		e.seal(out)
	}
}

// stepRow writes into out the next generation of the row mid, whose rows
// above and below are a and b; all four are stride words long. Word by word
// it adds up the three rows' cells column by column (a column's sum is 0 to
// 3, two bit planes), then for each cell the sums of the columns either side
// of it and the sum of a and b in its own: its live neighbours, 0 to 8, in
// four bit planes n0..n3, which the rule turns into the next state.
func (e *Board) stepRow(out, a, mid, b []uint64) {
	a, b, out = a[:len(mid)], b[:len(mid)], out[:len(mid)]
	life, rule := e.life, &e.rule
	// The column sums of the word before (p), this word (q), and the sum of
	// a and b in this word (x, y: x is the low bit, y the high one).
	p0, p1 := columns(a[0]^b[0], a[0]&b[0], mid[0])
	x, y, c := a[1]^b[1], a[1]&b[1], mid[1]
	q0, q1 := columns(x, y, c)
	for i := 1; i < len(mid)-1; i++ {
		xn, yn, cn := a[i+1]^b[i+1], a[i+1]&b[i+1], mid[i+1]
		r0, r1 := columns(xn, yn, cn)
		n0, n1, f0, f1 := add(q0<<1|p0>>63, q1<<1|p1>>63, x, y, q0>>1|r0<<63, q1>>1|r1<<63)
		if life {
			// Born with 3, survives with 2 or 3: (n|c) == 3.
			out[i] = (n0 | c) & n1 &^ (f0 | f1)
		} else {
			out[i] = rule.next(c, n0, n1, f0^f1, f0&f1)
		}
		p0, p1, q0, q1 = q0, q1, r0, r1
		x, y, c = xn, yn, cn
	}
}

// stepAges finishes row y of the next generation under a Generations rule:
// out holds what the rule makes of the live cells and their counts, alive
// is the row now. A dying cell is not born, whatever its neighbours; it
// ages by one, and after the last dying state is empty; a live cell that
// does not survive starts to die, at age 1 (state 2).
func (e *Board) stepAges(y int, out, alive []uint64) {
	lo, hi := y*e.stride+1, y*e.stride+1+e.words
	for i := lo; i < hi; i++ {
		var dying uint64
		for _, p := range e.ages {
			dying |= p[i]
		}
		w := i - y*e.stride
		next := out[w] &^ dying
		// age+1 for the dying cells, bit by bit with a carry; then those
		// that reach last are empty.
		carry, done := dying, dying
		for j, p := range e.ages {
			v := p[i]
			sum := v ^ carry
			carry &= v
			e.nextAges[j][i] = sum
			if e.last>>j&1 == 1 {
				done &= sum
			} else {
				done &^= sum
			}
		}
		started := alive[w] &^ next
		for j := range e.nextAges {
			e.nextAges[j][i] &^= done
		}
		e.nextAges[0][i] |= started
		out[w] = next
	}
}

// columns adds a cell c to the sum of the two above and below it, given as a
// low bit x and a high bit y (x = a^b, y = a&b), bit-parallel: the sum, 0 to 3,
// as its low and high bits.
func columns(x, y, c uint64) (lo, hi uint64) {
	return x ^ c, y | x&c
}

// add adds three numbers bit-parallel: the column sums west (w1w0) and east
// (e1e0) of a cell, 0 to 3, and the sum of the cells above and below it
// (m1m0), 0 to 2. It returns the low bits of the total, 0 to 8, and two bits
// of weight 4 whose sum (f0^f1, f0&f1) is the rest: n2 and n3.
func add(w0, w1, m0, m1, e0, e1 uint64) (n0, n1, f0, f1 uint64) {
	t := w0 ^ m0
	n0 = t ^ e0
	c1 := w0&m0 | t&e0 // weight 2
	u := w1 ^ m1
	v := u ^ e1
	f0 = w1&m1 | u&e1 // weight 4
	n1 = v ^ c1
	f1 = v & c1 // weight 4
	return n0, n1, f0, f1
}

// seal keeps the invariants of a row's ghosts and spare bits (see Board) after
// its cells were written.
func (e *Board) seal(row []uint64) {
	last := e.words
	row[last] &= e.cut
	if e.topology != life.Torus {
		return
	}
	first := row[1] & 1
	if e.top < 63 {
		row[last] |= first << (e.top + 1)
	}
	row[0] = row[last] >> e.top << 63
	row[last+1] = first
}

// Load replaces the board with g's cells.
func (e *Board) Load(g *life.Grid) {
	if e.ages != nil {
		e.loadAges(g)
		return
	}
	for y := range e.h {
		cells := g.Cells[y*e.w : (y+1)*e.w]
		row := e.cur[y*e.stride : (y+1)*e.stride]
		clear(row)
		x := 0
		for ; x+8 <= len(cells); x += 8 {
			// The low bit of each of 8 bytes, gathered into one byte: the
			// multiplication moves byte i's bit to bit 56+i, and no two
			// of its partial products meet.
			v := eightCells(cells[x:x+8]) & 0x0101010101010101
			row[1+x/64] |= (v * 0x0102040810204080 >> 56) << (x % 64)
		}
		for ; x < len(cells); x++ {
			row[1+x/64] |= uint64(cells[x]&1) << (x % 64)
		}
		e.seal(row)
	}
}

// loadAges is load for a Generations rule, a cell at a time.
func (e *Board) loadAges(g *life.Grid) {
	clear(e.cur)
	for _, p := range e.ages {
		clear(p)
	}
	for i, s := range g.Cells {
		e.put(i%e.w, i/e.w, s)
	}
	for y := range e.h {
		e.seal(e.cur[y*e.stride : (y+1)*e.stride])
	}
}

// put sets the cell at (x, y) in cur and the ages, without sealing its row:
// a state beyond the rule's is its last dying state.
func (e *Board) put(x, y int, s life.State) {
	i, bit := y*e.stride+1+x/64, uint64(1)<<(x%64)
	e.cur[i] &^= bit
	age := uint(0)
	switch {
	case s == life.Alive:
		e.cur[i] |= bit
	case s > life.Alive:
		age = min(uint(s)-1, e.last-1)
	}
	for j, p := range e.ages {
		p[i] = p[i]&^bit | uint64(age>>j&1)<<(x%64)
	}
}

// Store writes the board's cells into g, which has its size.
func (e *Board) Store(g *life.Grid) {
	if e.ages != nil {
		e.storeAges(g)
		return
	}
	for y := range e.h {
		cells := g.Cells[y*e.w : (y+1)*e.w]
		row := e.cur[y*e.stride : (y+1)*e.stride]
		x := 0
		for ; x+8 <= len(cells); x += 8 {
			b := row[1+x/64] >> (x % 64)
			// Bits 0..6 of b spread to bytes 0..6: bit i moves to bit 8i.
			// Bit 7 is left out of the multiplication, where its partial
			// product would meet bit 0's and carry into byte 1.
			v := (b&0x7f)*0x0002040810204081&0x0101010101010101 | (b>>7&1)<<56
			putEightCells(cells[x:x+8], v)
		}
		for ; x < len(cells); x++ {
			cells[x] = life.State(row[1+x/64] >> (x % 64) & 1)
		}
	}
}

// storeAges is store for a Generations rule, a cell at a time.
func (e *Board) storeAges(g *life.Grid) {
	for y := range e.h {
		cells := g.Cells[y*e.w : (y+1)*e.w]
		for x := range cells {
			i, b := y*e.stride+1+x/64, uint(x%64)
			if e.cur[i]>>b&1 == 1 {
				cells[x] = life.Alive
				continue
			}
			age := uint(0)
			for j, p := range e.ages {
				age |= uint(p[i]>>b&1) << j
			}
			if age > 0 {
				age++
			}
			cells[x] = life.State(age)
		}
	}
}

// eightCells returns 8 cells as the bytes of a word, cell i in byte i.
func eightCells(c []life.State) uint64 {
	c = c[:8]
	return uint64(c[0]) | uint64(c[1])<<8 | uint64(c[2])<<16 | uint64(c[3])<<24 |
		uint64(c[4])<<32 | uint64(c[5])<<40 | uint64(c[6])<<48 | uint64(c[7])<<56
}

// putEightCells writes the bytes of v into 8 cells, byte i into cell i.
func putEightCells(c []life.State, v uint64) {
	c = c[:8]
	c[0], c[1], c[2], c[3] = life.State(v), life.State(v>>8), life.State(v>>16), life.State(v>>24)
	c[4], c[5], c[6], c[7] = life.State(v>>32), life.State(v>>40), life.State(v>>48), life.State(v>>56)
}

// Set sets the cell at (x, y), which lies on the board.
func (e *Board) Set(x, y int, s life.State) {
	row := e.cur[y*e.stride : (y+1)*e.stride]
	if e.ages != nil {
		e.put(x, y, s)
		e.seal(row)
		return
	}
	bit := uint64(1) << (x % 64)
	if s == life.Empty {
		row[1+x/64] &^= bit
	} else {
		row[1+x/64] |= bit
	}
	e.seal(row)
}

// ruleBits is a rule as a boolean function of a cell's state c and the bits
// n3..n0 of its number of live neighbours, computed 64 cells at a time: a
// tree of selections on n1, n2, c and n3 over leaves that are functions of
// n0 alone.
type ruleBits struct {
	// leaf i, i = c<<2 | j, is the next state for counts 2j and 2j+1:
	// base[i] ^ flip[i]&n0, each mask all ones or all zeros.
	base, flip [8]uint64
	// eight is the next state with 8 neighbours: eight ^ eightFlip&c.
	eight, eightFlip uint64
}

// newRuleBits compiles r, a totalistic rule: which cells are alive next.
func newRuleBits(r life.Rule) ruleBits {
	var rb ruleBits
	mask := func(s life.State) uint64 { // all ones for Alive; a dying state is not
		if s == life.Alive {
			return ^uint64(0)
		}
		return 0
	}
	for s := life.Empty; s <= life.Alive; s++ {
		for j := range 4 {
			lo, hi := mask(r.Next(s, countMask(2*j))), mask(r.Next(s, countMask(2*j+1)))
			rb.base[int(s)<<2|j], rb.flip[int(s)<<2|j] = lo, lo^hi
		}
	}
	rb.eight = mask(r.Next(life.Empty, countMask(8)))
	rb.eightFlip = rb.eight ^ mask(r.Next(life.Alive, countMask(8)))
	return rb
}

// next returns the next states of 64 cells whose states are c and whose
// neighbour counts have the bits n0..n3. It is too big for the compiler to
// inline: in stepRow's loop it costs a call, and the loop's state kept in
// memory around it, 8% of B3/S23's speed had it shared that loop.
func (rb *ruleBits) next(c, n0, n1, n2, n3 uint64) uint64 {
	return choose(n3, choose(c, rb.half(0, n0, n1, n2), rb.half(4, n0, n1, n2)), rb.eight^rb.eightFlip&c)
}

// half is the next state, for counts 0 to 7, of a dead cell (leaves 0 to 3)
// or of a live one (leaves 4 to 7).
func (rb *ruleBits) half(i int, n0, n1, n2 uint64) uint64 {
	l := rb.base[i&4:][:4]
	f := rb.flip[i&4:][:4]
	return choose(n2, choose(n1, l[0]^f[0]&n0, l[1]^f[1]&n0), choose(n1, l[2]^f[2]&n0, l[3]^f[3]&n0))
}

// countMask returns a neighbourhood of n live neighbours, for a totalistic
// rule, which sees only how many.
func countMask(n int) uint8 { return uint8(1<<n - 1) }

// choose returns, bit by bit, b where s is set and a where it is not.
func choose(s, a, b uint64) uint64 { return a ^ (a^b)&s }
