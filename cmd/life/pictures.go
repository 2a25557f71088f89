package main

import (
	"colife/cmd/internal/export"
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
}

// newPictures checks -gif and -png against the first generation g, or
// returns nil if neither was given. Its errors are *setup.FlagError.
func newPictures(cfg *config, g *life.Grid) (*pictures, error) {
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
	return &pictures{rec: rec, every: cfg.every}, nil
}

func (p *pictures) generation(n int, g *life.Grid) error {
	if n%p.every != 0 {
		return nil
	}
	return p.rec.Generation(g)
}

func (p *pictures) finish() error {
	return p.rec.Finish(p.sim.Grid())
}
