package hashlife

// The memoised results. A node of level k ≥ 4 determines its centre, the
// square of level k-1 around its middle, for up to 2^(k-2) generations:
// light speed is a cell a generation, and the centre lies 2^(k-2) cells in
// from every edge. Its full result is the centre 2^(k-2) generations on, as
// HashLife computes it: of the nine overlapping squares of level k-1 inside
// the node, the centres 2^(k-3) generations on (level k-2), put together in
// fours, are four squares of level k-1 whose centres another 2^(k-3)
// generations on make the result. A partial result is for a smaller step,
// 2^j generations with j < k-2, as Golly computes it: the nine centres 2^j
// generations on, whose middles, put together, are the result. Each is kept
// in the node (res, and part with the step it is for), so it is computed
// once for each distinct square, wherever and whenever the square occurs.
//
// Nodes made while a result is computed are held on the engine's stack until
// it is done, since a collection may come with any new node: a function that
// makes nodes pushes its argument and every node it holds across the making
// of another, and cuts the stack back when it returns.

// advance returns the centre of n, of level k ≥ 4, 2^j generations on, j ≤
// k-2: the full result if j is k-2, else a partial one.
func (e *Engine) advance(n uint32, j uint8) uint32 {
	nd := e.node(n)
	k := nd.level
	full := j+2 >= k
	switch {
	case full && nd.res != 0:
		return nd.res
	case !full && nd.partJ == j+1:
		return nd.part
	case nd.pop == 0:
		return e.empty[k-1]
	}
	if full {
		j = k - 2
	}
	sp := len(e.stack)
	e.push(n)
	var r uint32
	if k == leafLevel+1 {
		r = e.kernelStep(nd, 1<<j)
	} else {
		// The nine centres: 2^(k-3) generations on for the full
		// result, 2^j for a partial one.
		q := e.nine(nd)
		var t [9]uint32
		for i, m := range q {
			t[i] = e.push(e.advance(m, min(j, k-3)))
		}
		// Put together in fours: for the full result, squares of level
		// k-1 whose centres 2^(k-3) on again are its quadrants; for a
		// partial one, the middles of those squares are.
		var c [4]uint32
		for i, f := range [4][4]uint8{{0, 1, 3, 4}, {1, 2, 4, 5}, {3, 4, 6, 7}, {4, 5, 7, 8}} {
			if full {
				c[i] = e.push(e.advance(e.join(t[f[0]], t[f[1]], t[f[2]], t[f[3]]), k-3))
			} else {
				c[i] = e.push(e.middle(t[f[0]], t[f[1]], t[f[2]], t[f[3]]))
			}
		}
		r = e.join(c[0], c[1], c[2], c[3])
	}
	if full {
		nd.res = r
	} else {
		nd.part, nd.partJ = r, j+1
	}
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
