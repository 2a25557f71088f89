package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"strconv"

	"colife/cmd/internal/setup"
	"colife/life"
	"colife/life/sim"
	"colife/render/text"
)

// An output is one of the things print mode does with the generations it
// steps through, in order from generation 0 to the last. The printer is one;
// more (images, say) can be added to the list printMode makes.
type output interface {
	// generation is called with generation 0, the last, and each
	// generation in between that next asked for; what f shows belongs to
	// the simulation and is valid only during the call.
	generation(n int, f *frame) error
	// next returns the next generation after n that the output must see,
	// or math.MaxInt if only the last: print mode runs straight to the
	// first of them, in one call of Run (HashLife jumps there).
	next(n int) int
	// finish is called once after the last generation.
	finish() error
}

// frame is one generation as print mode's outputs see it.
type frame struct {
	sim *sim.Simulation
	box life.Rect  // on an unbounded plane, the box -size gave; empty without -size
	buf *life.Grid // the cells of box
}

// newFrame returns the frames of sim; box is the start's box on the plane,
// fixed says that -size gave it.
func newFrame(s *sim.Simulation, box life.Rect, fixed bool) (*frame, error) {
	f := &frame{sim: s}
	if !s.Options().Topology.Bounded() && fixed {
		g, err := life.NewGrid(int(box.Dx()), int(box.Dy()))
		if err != nil {
			return nil, err
		}
		f.box, f.buf = box, g
	}
	return f, nil
}

// grid returns the cells to show, and where their top-left cell lies: the
// board of a bounded simulation; on an unbounded plane the box -size gave,
// or else the live cells' bounding box.
func (f *frame) grid() (*life.Grid, life.Point, error) {
	if f.buf != nil {
		f.sim.Window(f.buf, f.box.Min)
		return f.buf, f.box.Min, nil
	}
	return f.sim.Box()
}

// printMode runs the simulation from its start to cfg's last generation,
// handing every generation to each output, and writes to stdout; pictures,
// when not nil, is one more output.
func printMode(ctx context.Context, cfg *config, s *sim.Simulation, start *setup.Start, pictures *pictures, stdout io.Writer) (err error) {
	bw := bufio.NewWriter(stdout)
	defer func() {
		if ferr := bw.Flush(); err == nil {
			err = ferr
		}
	}()
	var outputs []output
	var stable *stability
	if cfg.untilStable {
		stable = newStability(bw, s.Options().Topology)
		outputs = append(outputs, stable)
	} else if cfg.out != "-" && cfg.printing() != printNone { // -out - gives stdout to the last grid's RLE alone
		p := newPrinter(bw, cfg.every, cfg.columns)
		p.counts = cfg.counts
		p.base = s.Generation()
		p.style = cfg.style(stdout, s.Options().Rule.States())
		if cfg.printing() == printLast {
			p.only = s.Generation() + min(cfg.lastGeneration(), math.MaxInt-s.Generation())
		}
		outputs = append(outputs, p)
	}
	if pictures != nil {
		pictures.sim, pictures.base = s, s.Generation()
		outputs = append(outputs, pictures)
	}
	f, err := newFrame(s, start.Box(), cfg.Size != (setup.Size{}))
	if err != nil {
		return err
	}
	// -gens counts from the start's generation: 0, or a macrocell file's.
	if cfg.lastGeneration() > math.MaxInt-s.Generation() {
		return fmt.Errorf("%w: -gens %d from generation %d passes 2^63-1", sim.ErrEnd, cfg.lastGeneration(), s.Generation())
	}
	last := s.Generation() + cfg.lastGeneration()
	for {
		n := s.Generation()
		for _, o := range outputs {
			if err := o.generation(n, f); err != nil {
				return err
			}
		}
		if n >= last || stable != nil && stable.found {
			break
		}
		to := last
		for _, o := range outputs {
			to = min(to, o.next(n))
		}
		if err := s.Run(ctx, to-n); err != nil {
			return err
		}
	}
	for _, o := range outputs {
		if err := o.finish(); err != nil {
			return err
		}
	}
	return nil
}

// printer prints every every-th generation, one under another, or side by
// side in blocks of columns as the book does, the blocks separated by a blank
// line.
type printer struct {
	w       io.Writer
	every   int
	base    int // the first generation: every-th ones count from it
	columns int
	only    int        // if not -1, the one generation to print
	counts  bool       // print each generation's line, not its grid
	style   text.Style // of the generations one under another
	block   text.ColumnPrinter
	blocks  int // blocks written so far
}

func newPrinter(w io.Writer, every, columns int) *printer {
	return &printer{w: w, every: every, columns: columns, only: -1}
}

func (p *printer) generation(n int, f *frame) error {
	if p.only >= 0 && n != p.only || p.only < 0 && (n-p.base)%p.every != 0 {
		return nil
	}
	if p.counts {
		_, err := fmt.Fprintln(p.w, f.header(n))
		return err
	}
	g, _, err := f.grid()
	if err != nil {
		return err
	}
	if p.columns == 0 {
		if !f.sim.Options().Topology.Bounded() {
			return p.style.WriteFrame(p.w, f.header(n), g)
		}
		return p.style.WriteGeneration(p.w, n, g)
	}
	p.block.Append(strconv.Itoa(n), g)
	if p.block.Len() < p.columns {
		return nil
	}
	return p.writeBlock()
}

// header returns the line -counts prints for generation n: the line print
// mode writes above the grid, its population and, on an unbounded plane,
// the box grid would draw, read from the board without making a grid of it
// (HashLife's tree keeps them per node).
func (f *frame) header(n int) string {
	line := fmt.Sprintf("generation %d  population %d", n, f.sim.Population())
	switch {
	case f.sim.Options().Topology.Bounded():
	case f.buf != nil:
		line += "  box " + f.box.String()
	default:
		line += "  box " + f.sim.BoxBounds().String()
	}
	return line
}

func (p *printer) next(n int) int {
	if p.only >= 0 {
		return math.MaxInt
	}
	return nextMultiple(n, p.base, p.every)
}

// nextMultiple returns the first generation after n that is a multiple of
// k generations after base.
func nextMultiple(n, base, k int) int {
	d := (n-base)/k + 1
	if d > (math.MaxInt-base)/k {
		return math.MaxInt
	}
	return base + d*k
}

func (p *printer) finish() error {
	if p.block.Len() == 0 {
		return nil
	}
	return p.writeBlock()
}

func (p *printer) writeBlock() error {
	if p.blocks > 0 {
		if _, err := io.WriteString(p.w, "\n"); err != nil {
			return err
		}
	}
	p.blocks++
	_, err := p.block.WriteTo(p.w)
	p.block.Reset()
	return err
}
