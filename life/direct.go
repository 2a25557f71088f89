package life

// direct runs the cell program in line: each cell's queries are answered by
// reading the current grid where they point, and its transition is written
// straight into the progeny. To be fast it reads a row at a time: the count
// of a cell's neighbours is the sum of the three column sums around it (above,
// same row, below) less the cell itself, and the rule is a table lookup. On a
// torus the rows and columns beyond the edge are the wrapped ones, exactly as
// modulo arithmetic gives them on grids 1 or 2 cells wide; on a plane they
// are dead.
type direct struct {
	topology Topology
	table    [32]State // rule.Next(s, n) at s<<4 | n
	cols     []uint8   // column sums of the current row, with one cell of margin each side
	dead     []State   // a row of empty cells, beyond the edge of a plane
}

func newDirect(w int, rule Rule, t Topology) *direct {
	d := &direct{topology: t, cols: make([]uint8, w+2), dead: make([]State, w)}
	for s := Empty; s <= Alive; s++ {
		for n := range 9 {
			d.table[int(s)<<4|n] = rule.Next(s, n)
		}
	}
	return d
}

// row returns row y of g, wrapped or dead beyond the edge.
func (d *direct) row(g *Grid, y int) []State {
	y, ok := d.topology.wrap(y, g.h)
	if !ok {
		return d.dead
	}
	return g.Cells[y*g.w : (y+1)*g.w]
}

// step writes the generation after cur into next, which has the same size.
func (d *direct) step(cur, next *Grid) {
	w := cur.w
	cols := d.cols[:w+2]
	table := &d.table
	for y := range cur.h {
		above, row, below := d.row(cur, y-1), d.row(cur, y), d.row(cur, y+1)
		above, below = above[:len(row)], below[:len(row)]
		for x := range row {
			cols[x+1] = uint8(above[x] + row[x] + below[x])
		}
		if d.topology == Torus {
			cols[0], cols[w+1] = cols[w], cols[1]
		} else {
			cols[0], cols[w+1] = 0, 0
		}
		out := next.Cells[y*w : (y+1)*w]
		out = out[:len(row)]
		for x, s := range row {
			n := cols[x] + cols[x+1] + cols[x+2] - uint8(s)
			out[x] = table[uint8(s&1)<<4|n&15]
		}
	}
}
