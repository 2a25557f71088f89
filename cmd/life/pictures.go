package main

import (
	"fmt"
	"math"

	"colife/cmd/internal/export"
	"colife/cmd/internal/setup"
	"colife/life"
	"colife/life/sim"
	"colife/render/picture"
)

// pictures is the output of -gif and -png: every every-th generation is a
// frame of the GIF, as print mode prints them, and the last generation run is
// the PNG. The files are written at the end, each replacing an existing file
// only once complete.
type pictures struct {
	rec      *export.Recorder
	every    int
	base     int             // the first generation: every-th ones count from it; set by printMode
	animated bool            // -gif: every every-th generation is a frame
	sim      *sim.Simulation // for the last generation; set by printMode
	box      life.Rect       // on an unbounded plane with -size, the box the pictures show
	buf      *life.Grid      // its cells
	fixed    bool            // -size gave the box

	// On an unbounded plane without -size the GIF shows the box that holds
	// every frame's live cells, known only at the end: the frames are kept
	// as snapshots of the plane until then, at most picture.MaxAnimationBytes
	// of tiles.
	gif    export.Config
	shots  []sim.Snapshot
	union  life.Rect
	kept   int // the snapshots' bytes, roughly
	frames int // the frames expected, or 0 if not known
}

// newPictures checks -gif and -png against the first generation g, or
// returns nil if neither was given. Its errors are *setup.FlagError.
func newPictures(cfg *config, start *setup.Start) (*pictures, error) {
	g := start.Grid
	if !cfg.pictures.Enabled() {
		return nil, nil
	}
	frames := 0 // -until-stable may stop early: the GIF's size is checked frame by frame
	if !cfg.untilStable {
		frames = cfg.lastGeneration()/cfg.every + 1
	}
	cfg.pictures.States = start.Options.Rule.States()
	rec, err := cfg.pictures.NewRecorder(g.Width(), g.Height(), frames)
	if err != nil {
		return nil, err
	}
	p := &pictures{rec: rec, every: cfg.every, frames: frames, animated: cfg.pictures.GIF != ""}
	if start.Options.Topology == life.Unbounded {
		p.box, p.buf, p.fixed = start.Box(), g.Clone(), cfg.Size != (setup.Size{})
		if !p.fixed && cfg.pictures.GIF != "" {
			p.gif = cfg.pictures
			p.gif.PNG = ""
		}
	}
	return p, nil
}

func (p *pictures) generation(n int, f *frame) error {
	if (n-p.base)%p.every != 0 {
		return nil
	}
	switch {
	case p.gif.GIF != "":
		shot := f.sim.Snapshot()
		p.shots = append(p.shots, shot)
		p.kept += shot.Bytes()
		if p.kept > picture.MaxAnimationBytes {
			return fmt.Errorf("-gif %s: the snapshots of the plane for its frames pass %d MiB at generation %d; use -size for a fixed box, or fewer generations", p.gif.GIF, picture.MaxAnimationBytes>>20, n)
		}
		p.union = p.union.Union(shot.Board().Bounds())
		return nil
	case p.buf != nil:
		f.sim.Window(p.buf, p.box.Min)
		return p.rec.Generation(p.buf)
	}
	return p.rec.Generation(f.sim.Grid())
}

func (p *pictures) next(n int) int {
	if !p.animated {
		return math.MaxInt
	}
	return nextMultiple(n, p.base, p.every)
}

// writeGIF writes the GIF of the snapshots kept, in the box of them all.
func (p *pictures) writeGIF() error {
	box := p.union
	if box.Empty() {
		box = life.RectOf(p.box.Min, 1, 1)
	}
	defer func() {
		for _, s := range p.shots {
			s.Release()
		}
		p.shots = nil
	}()
	if box.Dx() > life.MaxCells || box.Dy() > life.MaxCells {
		return fmt.Errorf("-gif %s: the box of every frame's live cells, %s: %w", p.gif.GIF, box, life.ErrSize)
	}
	rec, err := p.gif.NewRecorder(int(box.Dx()), int(box.Dy()), len(p.shots))
	if err != nil {
		return fmt.Errorf("-gif %s: the box of every frame's live cells, %s: %w", p.gif.GIF, box, err)
	}
	g, err := life.NewGrid(int(box.Dx()), int(box.Dy()))
	if err != nil {
		return fmt.Errorf("-gif %s: %w", p.gif.GIF, err)
	}
	for i, s := range p.shots {
		g.Clear()
		s.Board().Cells(box, func(x, y int64, st life.State) {
			g.Cells[int(y-box.Min.Y)*g.Width()+int(x-box.Min.X)] = st
		})
		s.Release()
		p.shots[i] = sim.Snapshot{}
		if err := rec.Generation(g); err != nil {
			return err
		}
	}
	return rec.Finish(g)
}

// finish writes the files: the GIF, and the PNG of the last generation. They
// show the board or, on an unbounded plane, the box -size gave, else the
// live cells' bounding box: of all the frames for the GIF, of the last
// generation for the PNG.
func (p *pictures) finish() error {
	if p.gif.GIF != "" {
		if err := p.writeGIF(); err != nil {
			return err
		}
	}
	if p.buf != nil && p.fixed {
		p.sim.Window(p.buf, p.box.Min)
		return p.rec.Finish(p.buf)
	}
	g, _, err := p.sim.Box()
	if err != nil {
		return err
	}
	return p.rec.Finish(g)
}
