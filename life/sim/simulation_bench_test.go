package sim_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"

	"colife/life"
	"colife/life/sim"
)

// messagesPerCell is how many messages one cell sends each generation: a
// Query for itself, one for each of its eight neighbours, and a Transition.
const messagesPerCell = 10

// BenchmarkEngine measures one generation (one op) of a random soup, by
// engine, size and GOMAXPROCS. Besides ns/op and allocs/op (allocations per
// generation) it reports cell-updates/s, ns per message (goroutine engine)
// and bytes per cell: the heap and stack the simulation holds once started.
func BenchmarkEngine(b *testing.B) {
	cases := []struct {
		engine sim.Engine
		sizes  []int
	}{
		{sim.Dense, []int{64, 256, 1024}},
		{sim.Goroutine, []int{64, 256, 1024}},
		{sim.Direct, []int{64, 256, 1024, 4096}},
	}
	for _, c := range cases {
		for _, n := range c.sizes {
			for _, procs := range []int{1, 2} {
				name := fmt.Sprintf("engine=%s/size=%dx%d/procs=%d", c.engine, n, n, procs)
				b.Run(name, func(b *testing.B) { benchEngine(b, c.engine, life.Conway, soup(b, n, n, 0.3), procs) })
			}
		}
	}
}

// soup returns a w × h grid whose cells are alive with probability density,
// the same one every time.
func soup(b *testing.B, w, h int, density float64) *life.Grid {
	g, err := life.NewGrid(w, h)
	if err != nil {
		b.Fatal(err)
	}
	g.Randomize(rand.New(rand.NewPCG(1, 2)), density)
	return g
}

func benchEngine(b *testing.B, engine sim.Engine, rule life.Rule, g *life.Grid, procs int) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	w, h := g.Width(), g.Height()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	s, err := sim.New(context.Background(), g, sim.Options{Rule: rule, Engine: engine})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := s.Step(); err != nil { // every cell goroutine has run once
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(g) // or the collector frees it, and held leaves out the simulation's copy
	held := int64(after.HeapInuse+after.StackInuse) - int64(before.HeapInuse+before.StackInuse)

	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := s.Step(); err != nil {
			b.Fatal(err)
		}
	}
	cells := float64(w * h)
	sec := b.Elapsed().Seconds()
	b.ReportMetric(cells*float64(b.N)/sec, "cells/s")
	if engine == sim.Dense {
		b.ReportMetric(sec*1e9/(cells*messagesPerCell*float64(b.N)), "ns/msg")
	}
	b.ReportMetric(float64(held)/cells, "B/cell")
}
