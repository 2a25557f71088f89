package hashlife

// The memoised results. A node of level k ≥ 4 determines its centre, the
// square of level k-1 around its middle, for up to 2^(k-2) generations:
// light speed is a cell a generation, and the centre lies 2^(k-2) cells in
// from every edge. full computes the centre 2^(k-2) generations on, as
// HashLife does: of the nine overlapping squares of level k-1 inside the
// node, the centres 2^(k-3) generations on (level k-2), put together in
// fours, are four squares of level k-1 whose centres another 2^(k-3)
// generations on make the result. partial computes a smaller step, 2^j
// generations with j < k-2, as Golly does: the nine centres 2^j generations
// on, whose middles, put together, are the result. Each is kept in the node
// (res, and part with the step it is for), so it is computed once for each
// distinct square, wherever and whenever the square occurs.
//
// Nodes made while a result is computed are held on the engine's stack until
// it is done, since a collection may come with any new node: a function that
// makes nodes pushes its argument and every node it holds across the making
// of another, and cuts the stack back when it returns.

// advance returns the centre of n, of level k, 2^j generations on, j ≤ k-2.
func (e *Engine) advance(n uint32, j uint8) uint32 {
	if j+2 >= e.node(n).level {
		return e.full(n)
	}
	return e.partial(n, j)
}

// full returns the centre of n, of level 4 or more, 2^(level-2) generations
// on.
func (e *Engine) full(n uint32) uint32 {
	nd := e.node(n)
	if nd.res != 0 {
		return nd.res
	}
	if nd.pop == 0 {
		return e.empty[nd.level-1]
	}
	sp := len(e.stack)
	e.push(n)
	var r uint32
	if nd.level == leafLevel+1 {
		r = e.kernelStep(nd, 4)
	} else {
		q := e.nine(nd)
		var t [9]uint32
		for i, m := range q {
			t[i] = e.push(e.full(m))
		}
		// The four squares of level k-1 the nine centres make, and their
		// centres as many generations on again.
		nw := e.push(e.full(e.join(t[0], t[1], t[3], t[4])))
		ne := e.push(e.full(e.join(t[1], t[2], t[4], t[5])))
		sw := e.push(e.full(e.join(t[3], t[4], t[6], t[7])))
		se := e.full(e.join(t[4], t[5], t[7], t[8]))
		r = e.join(nw, ne, sw, se)
	}
	nd.res = r
	e.stack = e.stack[:sp]
	return r
}

// partial returns the centre of n, of level k ≥ 4, 2^j generations on, j <
// k-2.
func (e *Engine) partial(n uint32, j uint8) uint32 {
	nd := e.node(n)
	if nd.partJ == j+1 {
		return nd.part
	}
	if nd.pop == 0 {
		return e.empty[nd.level-1]
	}
	sp := len(e.stack)
	e.push(n)
	var r uint32
	if nd.level == leafLevel+1 {
		r = e.kernelStep(nd, 1<<j)
	} else {
		q := e.nine(nd)
		var t [9]uint32
		for i, m := range q {
			t[i] = e.push(e.advance(m, j))
		}
		nw := e.push(e.middle(t[0], t[1], t[3], t[4]))
		ne := e.push(e.middle(t[1], t[2], t[4], t[5]))
		sw := e.push(e.middle(t[3], t[4], t[6], t[7]))
		se := e.middle(t[4], t[5], t[7], t[8])
		r = e.join(nw, ne, sw, se)
	}
	nd.part, nd.partJ = r, j+1
	e.stack = e.stack[:sp]
	return r
}

// kernelStep returns the centre of nd, of level 4, gens generations on (1 to
// 4), from the kernel.
func (e *Engine) kernelStep(nd *node, gens uint) uint32 {
	e.tick()
	c := e.kernel.step(e.node(nd.nw).leafBits(), e.node(nd.ne).leafBits(), e.node(nd.sw).leafBits(), e.node(nd.se).leafBits(), gens)
	return e.leaf(c)
}

// nine returns the nine squares of level k-1 inside nd, of level k ≥ 5, that
// overlap by half, row by row: its quadrants at the corners, and between
// them the squares across the middles of its sides and the centre. The new
// ones are pushed.
func (e *Engine) nine(nd *node) [9]uint32 {
	a, b, c, d := e.node(nd.nw), e.node(nd.ne), e.node(nd.sw), e.node(nd.se)
	return [9]uint32{
		nd.nw,
		e.push(e.join(a.ne, b.nw, a.se, b.sw)),
		nd.ne,
		e.push(e.join(a.sw, a.se, c.nw, c.ne)),
		e.push(e.join(a.se, b.sw, c.ne, d.nw)),
		e.push(e.join(b.sw, b.se, d.nw, d.ne)),
		nd.sw,
		e.push(e.join(c.ne, d.nw, c.se, d.sw)),
		nd.se,
	}
}

// middle returns the square of level k around the middle of the square of
// four nodes of level k.
func (e *Engine) middle(nw, ne, sw, se uint32) uint32 {
	a, b, c, d := e.node(nw), e.node(ne), e.node(sw), e.node(se)
	if a.level == leafLevel {
		return e.leaf(centre(a.leafBits(), b.leafBits(), c.leafBits(), d.leafBits()))
	}
	return e.join(a.se, b.sw, c.ne, d.nw)
}
