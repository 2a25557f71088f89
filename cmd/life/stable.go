package main

import (
	"fmt"
	"io"

	"colife/life"
)

// stableGens is how many generations -until-stable runs without -gens.
const stableGens = 10000

// stability is the output of -until-stable: it feeds every generation to a
// life.Detector and, at the end, prints what it found in one line, or that it
// found nothing.
type stability struct {
	w        io.Writer
	detector *life.Detector
	found    bool // the detector has recognised the pattern: stop
}

func newStability(w io.Writer, t life.Topology) *stability {
	return &stability{w: w, detector: life.NewDetector(0, t)}
}

func (s *stability) generation(n int, f *frame) error {
	if !f.sim.Options().Topology.Bounded() {
		_, s.found = s.detector.ObservePlane(n, f.sim.Board())
		return nil
	}
	_, s.found = s.detector.Observe(n, f.sim.Grid())
	return nil
}

func (s *stability) next(n int) int { return n + 1 }

func (s *stability) finish() error {
	_, err := fmt.Fprintln(s.w, s.detector.Result())
	return err
}
