package life

import "math/rand/v2"

// maxClusters is the most clusters a Detector keeps apart in one generation
// of an unbounded plane; a generation with more is fingerprinted as a whole,
// so that a soup's thousands of specks cost no more than its cells.
const maxClusters = 256

// cluster is a group of live cells of an unbounded plane, each within two
// cells (across, down or diagonally) of another of the group: a group that
// no cell of another group can touch in the next generation.
type cluster struct {
	box        Rect   // the cells' bounding box
	sum1, sum2 uint64 // two hashes of the cells' positions relative to box.Min
}

// snapshot is what a Detector keeps of one generation of an unbounded plane.
type snapshot struct {
	gen      int
	pop      int
	shapes   uint64 // the sum of the clusters' sum1: their shapes, wherever they are
	clusters []cluster
}

// clusterer finds the clusters of a universe, reusing its scratch space.
type clusterer struct {
	seed1, seed2 uint64
	cells        []Point
	states       []State // the state of each of cells
	index        map[Point]int32
	parent       []int32
	root         map[int32]int32 // a root cell's cluster
}

func newClusterer() *clusterer {
	return &clusterer{seed1: rand.Uint64() | 1, seed2: rand.Uint64() | 1, index: make(map[Point]int32), root: make(map[int32]int32)}
}

// linkage lists half of the offsets within two cells of a cell: the other
// half are these reversed.
var linkage = [12]Point{{1, -2}, {1, -1}, {1, 0}, {1, 1}, {1, 2}, {2, -2}, {2, -1}, {2, 0}, {2, 1}, {2, 2}, {0, 1}, {0, 2}}

// snapshot returns the fingerprint of generation gen of u, or false if no
// cell is alive.
func (c *clusterer) snapshot(gen int, u Board) (snapshot, bool) {
	c.cells, c.states = c.cells[:0], c.states[:0]
	u.Cells(u.Bounds(), func(x, y int64, st State) {
		c.cells = append(c.cells, Point{x, y})
		c.states = append(c.states, st)
	})
	s := snapshot{gen: gen, pop: len(c.cells)}
	if s.pop == 0 {
		return s, false
	}
	clear(c.index)
	c.parent = c.parent[:0]
	for i, p := range c.cells {
		c.index[p] = int32(i)
		c.parent = append(c.parent, int32(i))
	}
	for i, p := range c.cells {
		for _, d := range &linkage {
			if j, ok := c.index[p.Add(d)]; ok {
				c.union(int32(i), j)
			}
		}
	}
	clear(c.root)
	for i := range c.cells {
		r := c.find(int32(i))
		if _, ok := c.root[r]; !ok {
			c.root[r] = int32(len(s.clusters))
			s.clusters = append(s.clusters, cluster{})
		}
	}
	whole := len(s.clusters) > maxClusters
	if whole {
		s.clusters = s.clusters[:1]
	}
	which := func(i int) *cluster {
		if whole {
			return &s.clusters[0]
		}
		return &s.clusters[c.root[c.find(int32(i))]]
	}
	for i, p := range c.cells {
		k := which(i)
		k.box = k.box.Union(RectOf(p, 1, 1))
	}
	for i, p := range c.cells {
		k := which(i)
		d := p.Sub(k.box.Min)
		st := uint64(c.states[i]-Alive) << 56 // a dying state of a Generations rule counts too
		k.sum1 += mix(c.seed1^st, d)
		k.sum2 += mix(c.seed2^st, d)
	}
	for _, k := range s.clusters {
		s.shapes += k.sum1
	}
	return s, true
}

func (c *clusterer) find(i int32) int32 {
	for c.parent[i] != i {
		c.parent[i] = c.parent[c.parent[i]]
		i = c.parent[i]
	}
	return i
}

func (c *clusterer) union(i, j int32) {
	if a, b := c.find(i), c.find(j); a != b {
		c.parent[max(a, b)] = min(a, b)
	}
}

// mix hashes a position with a seed into 64 bits that look random: the sum
// of the mixes of a set of cells is then a hash of the set that does not
// depend on the order the cells come in.
func mix(seed uint64, p Point) uint64 {
	z := seed ^ uint64(p.X)*0x9e3779b97f4a7c15 ^ uint64(p.Y)*0xc2b2ae3d27d4eb4f
	z = (z ^ z>>31) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>29) * 0x94d049bb133111eb
	return z ^ z>>32
}

// match compares the generation now with an earlier one, then: it reports
// whether each cluster of now is a cluster of then, in place or shifted by
// the same shape, and if so how: an oscillator or still life (none moved),
// a spaceship (all moved alike), or either with some spaceships flying off,
// each apart from the rest and moving away from all of it, so that nothing
// can ever meet them again.
func match(now, then *snapshot) (Result, bool) {
	if now.pop != then.pop || now.shapes != then.shapes || len(now.clusters) != len(then.clusters) {
		return Result{}, false
	}
	type shape struct{ a, b uint64 }
	byShape := make(map[shape][]int, len(then.clusters))
	for i, k := range then.clusters {
		s := shape{k.sum1, k.sum2}
		byShape[s] = append(byShape[s], i)
	}
	used := make([]bool, len(then.clusters))
	shift := make([]Point, len(now.clusters))
	for i, k := range now.clusters {
		best, bestD := -1, int64(-1)
		for _, j := range byShape[shape{k.sum1, k.sum2}] {
			if used[j] || then.clusters[j].box.Dx() != k.box.Dx() || then.clusters[j].box.Dy() != k.box.Dy() {
				continue
			}
			d := k.box.Min.Sub(then.clusters[j].box.Min)
			if n := abs64(d.X) + abs64(d.Y); bestD < 0 || n < bestD {
				best, bestD = j, n
			}
		}
		if best < 0 {
			return Result{}, false
		}
		used[best] = true
		shift[i] = k.box.Min.Sub(then.clusters[best].box.Min)
	}
	r := Result{Start: then.gen, Period: now.gen - then.gen}
	var still Rect
	moving := 0
	for i, k := range now.clusters {
		if shift[i] == (Point{}) {
			still = still.Union(k.box)
		} else {
			moving++
		}
	}
	switch {
	case moving == 0 && r.Period == 1:
		r.Outcome = StillLife
		return r, true
	case moving == 0:
		r.Outcome = Oscillator
		return r, true
	case moving == len(now.clusters) && same(shift):
		r.Outcome, r.DX, r.DY = Spaceship, int(shift[0].X), int(shift[0].Y)
		return r, true
	}
	// Some move off: each must be apart from, and moving away from, the
	// still part and every other mover that does not move with it.
	for i, k := range now.clusters {
		if shift[i] == (Point{}) {
			continue
		}
		if !still.Empty() && !parting(k.box, shift[i], still, Point{}) {
			return Result{}, false
		}
		for j, o := range now.clusters {
			if j != i && shift[j] != (Point{}) && shift[j] != shift[i] && !parting(k.box, shift[i], o.box, shift[j]) {
				return Result{}, false
			}
		}
	}
	r.Outcome, r.Escaping = Oscillator, moving
	return r, true
}

// parting reports whether boxes a and b, moving by va and vb each period,
// have at least two empty columns or rows between them (so no cell of one
// touches a neighbour of the other) and draw no nearer that way.
func parting(a Rect, va Point, b Rect, vb Point) bool {
	const gap = 2
	switch {
	case b.Min.X-a.Max.X >= gap && va.X <= vb.X, // a left of b
		a.Min.X-b.Max.X >= gap && va.X >= vb.X, // a right of b
		b.Min.Y-a.Max.Y >= gap && va.Y <= vb.Y, // a above b
		a.Min.Y-b.Max.Y >= gap && va.Y >= vb.Y: // a below b
		return true
	}
	return false
}

func same(ps []Point) bool {
	for _, p := range ps {
		if p != ps[0] {
			return false
		}
	}
	return true
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}
