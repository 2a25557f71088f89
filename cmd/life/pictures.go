package main

import (
	"colife/cmd/internal/export"
	"colife/cmd/internal/setup"
	"colife/life"
)

// pictures is the output of -gif and -png: every every-th generation is a
// frame of the GIF, as print mode prints them, and the last generation run is
// the PNG. The files are written at the end, each replacing an existing file
// only once complete.
type pictures struct {
	rec   *export.Recorder
	every int
	sim   *life.Simulation // for the last generation; set by printMode
	box   life.Rect        // on an unbounded plane, the box the GIF shows
	buf   *life.Grid       // its cells
	fixed bool             // -size gave the box: the PNG shows it too
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
	rec, err := cfg.pictures.NewRecorder(g.Width(), g.Height(), frames)
	if err != nil {
		return nil, err
	}
	p := &pictures{rec: rec, every: cfg.every}
	if start.Options.Topology == life.Unbounded {
		// The GIF's frames are all of one size: the start's box.
		p.box, p.buf, p.fixed = start.Box(), g.Clone(), cfg.Size != (setup.Size{})
	}
	return p, nil
}

func (p *pictures) generation(n int, f *frame) error {
	if n%p.every != 0 {
		return nil
	}
	if p.buf != nil {
		f.sim.Window(p.buf, p.box.Min)
		return p.rec.Generation(p.buf)
	}
	return p.rec.Generation(f.sim.Grid())
}

// finish writes the files: the PNG of the last generation shows the board,
// or on an unbounded plane the live cells' bounding box (the box -size gave,
// if given).
func (p *pictures) finish() error {
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
