package runner

// PopulationHistory is the fewest generations whose populations a Frame
// carries for a graph: more if the history keeps more.
const PopulationHistory = 512

// pops keeps the populations of the last generations run in a row, at most
// max of them, in a ring: generation hi's is the newest.
type pops struct {
	max  int
	ring []int
	head int // the slot of the oldest
	n    int // how many are kept
	hi   int // the newest generation kept, when n > 0
}

// note keeps pop as generation gen's population. A generation before the
// newest kept drops those after it (they came from another past: an edit, a
// jump back); one that does not follow the newest starts afresh.
func (p *pops) note(gen, pop int) {
	switch {
	case p.n > 0 && gen <= p.hi && gen > p.hi-p.n:
		p.n -= p.hi - gen
		p.hi = gen
		p.ring[(p.head+p.n-1)%p.max] = pop
		return
	case p.n == 0 || gen != p.hi+1:
		p.head, p.n = 0, 0
	}
	if p.ring == nil {
		p.ring = make([]int, max(p.max, 1))
		p.max = len(p.ring)
	}
	if p.n == p.max {
		p.head = (p.head + 1) % p.max
		p.n--
	}
	p.ring[(p.head+p.n)%p.max] = pop
	p.n++
	p.hi = gen
}

// appendTo appends the populations kept to dst, the oldest first.
func (p *pops) appendTo(dst []int) []int {
	for i := range p.n {
		dst = append(dst, p.ring[(p.head+i)%p.max])
	}
	return dst
}
