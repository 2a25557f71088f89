package hashlife

// kernel steps the smallest nodes: a level-4 node, 16 × 16 cells in four
// leaves, to its 8 × 8 centre one to four generations on, bit-parallel.
//
// The 16 rows are packed four to a word, row r in bits 16(r%4) to
// 16(r%4)+15 of word r/4, column x at bit x of its row. A cell's neighbours
// above and below are the words shifted by 16 bits (across a word boundary
// for the first and last row of a word), those left and right the words
// shifted by one bit. A shift carries a bit across from the end of one row to
// the start of the next, and the rows above the top and below the bottom are
// read as dead: both only ever touch the outermost ring of cells, which one
// generation leaves wrong anyway (their neighbours lie outside the square).
// After g generations the cells at least g from the edge are right, so after
// four the 8 × 8 centre is.
//
// A cell's live neighbours are added up with bitwise adders, bit-sliced: the
// column sums (the cell and those above and below it, 0 to 3, in two bit
// planes), then the column sums left and right of the cell and the cells
// above and below it, 0 to 8, in four bit planes. The rule is a boolean
// function of the planes and the cell.
type kernel struct {
	life bool // B3/S23, which has a formula of its own
	// For any other rule, the next state of a cell with fewer than 8
	// neighbours is a function of the cell c and the count's bits n2 n1
	// n0, written as a choice on n2 n1 between four functions of c and n0
	// each: leaf j is k[j][0] ^ k[j][1]&c ^ k[j][2]&n0 ^ k[j][3]&c&n0 (the
	// algebraic normal form, each k all ones or all zeros). With 8
	// neighbours it is eight[0] ^ eight[1]&c.
	k     [4][4]uint64
	eight [2]uint64
}

// newKernel compiles the two-state totalistic rule whose births and
// survivals are the counts whose bits are set in birth and survive.
func newKernel(birth, survive uint16) kernel {
	k := kernel{life: birth == 1<<3 && survive == 1<<2|1<<3}
	mask := func(set uint16, n int) uint64 { return -uint64(set >> n & 1) }
	for j := range 4 {
		// next(c, n0) for the counts 2j (n0 = 0) and 2j+1 (n0 = 1).
		f00, f01 := mask(birth, 2*j), mask(birth, 2*j+1)     // dead
		f10, f11 := mask(survive, 2*j), mask(survive, 2*j+1) // alive
		k.k[j] = [4]uint64{f00, f00 ^ f10, f00 ^ f01, f00 ^ f01 ^ f10 ^ f11}
	}
	d8, a8 := mask(birth, 8), mask(survive, 8)
	k.eight = [2]uint64{d8, d8 ^ a8}
	return k
}

// step returns the 8 × 8 centre of the 16 × 16 square of four leaves (their
// cells as leafBits gives them) gens generations on, 1 to 4.
func (k *kernel) step(nw, ne, sw, se uint64, gens uint) uint64 {
	w0 := spread(uint32(nw)) | spread(uint32(ne))<<8
	w1 := spread(uint32(nw>>32)) | spread(uint32(ne>>32))<<8
	w2 := spread(uint32(sw)) | spread(uint32(se))<<8
	w3 := spread(uint32(sw>>32)) | spread(uint32(se>>32))<<8
	if k.life {
		for ; gens > 1; gens-- {
			w0, w1, w2, w3 = conway(w0<<16, w0, w0>>16|w1<<48), conway(w1<<16|w0>>48, w1, w1>>16|w2<<48),
				conway(w2<<16|w1>>48, w2, w2>>16|w3<<48), conway(w3<<16|w2>>48, w3, w3>>16)
		}
		// The last generation needs only the rows of the centre.
		w1, w2 = conway(w1<<16|w0>>48, w1, w1>>16|w2<<48), conway(w2<<16|w1>>48, w2, w2>>16|w3<<48)
	} else {
		for ; gens > 1; gens-- {
			w0, w1, w2, w3 = k.next(w0<<16, w0, w0>>16|w1<<48), k.next(w1<<16|w0>>48, w1, w1>>16|w2<<48),
				k.next(w2<<16|w1>>48, w2, w2>>16|w3<<48), k.next(w3<<16|w2>>48, w3, w3>>16)
		}
		w1, w2 = k.next(w1<<16|w0>>48, w1, w1>>16|w2<<48), k.next(w2<<16|w1>>48, w2, w2>>16|w3<<48)
	}
	return gather(w1) | gather(w2)<<32
}

// count adds up the live neighbours of the cells of a word c, whose rows
// above and below are up and down: the count's bits of weight 1 (n0) and 2
// (n1), and two bits of weight 4 whose sum is the rest (4 or 8).
func count(up, c, down uint64) (n0, n1, f0, f1 uint64) {
	x, y := up^down, up&down // above + below: 0 to 2
	lo, hi := x^c, y|x&c     // the column: 0 to 3
	wl, wh := lo<<1, hi<<1   // the column to the west of each cell
	el, eh := lo>>1, hi>>1   // and to the east
	s := wl ^ el
	n0 = s ^ x
	carry := wl&el | s&x // weight 2
	t := wh ^ eh
	u := t ^ y
	f0 = wh&eh | t&y // weight 4
	n1 = u ^ carry
	f1 = u & carry // weight 4
	return n0, n1, f0, f1
}

// conway returns the next generation of a word c of cells under B3/S23: born
// with 3 neighbours, surviving with 2 or 3, so alive next when the count is
// 2 or 3 (n1 and no bit of weight 4) and it is odd or the cell is alive.
func conway(up, c, down uint64) uint64 {
	n0, n1, f0, f1 := count(up, c, down)
	return n1 & (n0 | c) &^ (f0 | f1)
}

// next returns the next generation of a word c of cells under the kernel's
// rule.
func (k *kernel) next(up, c, down uint64) uint64 {
	n0, n1, f0, f1 := count(up, c, down)
	cn := c & n0
	leaf := func(j int) uint64 {
		l := &k.k[j]
		return l[0] ^ l[1]&c ^ l[2]&n0 ^ l[3]&cn
	}
	n2, n3 := f0^f1, f0&f1
	low := choose(n1, leaf(0), leaf(1))  // counts 0 to 3
	high := choose(n1, leaf(2), leaf(3)) // 4 to 7
	return choose(n3, choose(n2, low, high), k.eight[0]^k.eight[1]&c)
}

// choose returns, bit by bit, b where s is set and a where it is not.
func choose(s, a, b uint64) uint64 { return a ^ (a^b)&s }

// spread moves the four bytes of v to the low bytes of the four 16-bit lanes
// of a word: byte i to bits 16i to 16i+7.
func spread(v uint32) uint64 {
	x := uint64(v)
	x = (x | x<<16) & 0x0000ffff0000ffff
	return (x | x<<8) & 0x00ff00ff00ff00ff
}

// gather is the inverse of spread for the middle of each lane: bits 4 to 11
// of 16-bit lane i of w become byte i of the result.
func gather(w uint64) uint64 {
	x := w >> 4 & 0x00ff00ff00ff00ff
	x = (x | x>>8) & 0x0000ffff0000ffff
	return (x | x>>16) & 0xffffffff
}

// centre returns the 8 × 8 centre of the 16 × 16 square of four leaves.
func centre(nw, ne, sw, se uint64) uint64 {
	const q = 0x0f0f0f0f // the left half of each of four rows
	return nw>>36&q | (ne>>32&q)<<4 | (sw>>4&q)<<32 | (se&q)<<36
}
