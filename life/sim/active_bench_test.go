package sim_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"colife/life"
	"colife/life/pattern"
	"colife/life/sim"
)

// BenchmarkGun runs a Gosper glider gun on a 1024x1024 torus with the
// goroutine engine and the coroutine engine, which run only the active
// cells: one op is the first 1000 generations. It reports generations per
// second and the most cell goroutines (or coroutines) alive at once.
func BenchmarkGun(b *testing.B) {
	for _, e := range []sim.Engine{sim.Goroutine, sim.Coroutine, sim.Generator} {
		for _, procs := range []int{1, 2} {
			b.Run(fmt.Sprintf("engine=%s/size=1024x1024/procs=%d", e, procs), func(b *testing.B) { benchGun(b, e, procs) })
		}
	}
}

func benchGun(b *testing.B, e sim.Engine, procs int) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	p, err := pattern.Load("gosper", nil)
	if err != nil {
		b.Fatal(err)
	}
	g, err := life.NewGrid(1024, 1024)
	if err != nil {
		b.Fatal(err)
	}
	if err := p.Place(g); err != nil {
		b.Fatal(err)
	}
	const gens = 1000
	peak := 0
	b.ReportAllocs()
	for b.Loop() {
		s, err := sim.New(context.Background(), g, sim.Options{Rule: life.Conway, Engine: e})
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Run(context.Background(), gens); err != nil {
			b.Fatal(err)
		}
		peak = max(peak, s.PeakGoroutines())
		s.Close()
	}
	b.ReportMetric(gens*float64(b.N)/b.Elapsed().Seconds(), "gens/s")
	b.ReportMetric(float64(peak), "peak-goroutines")
}

// BenchmarkSoup compares the goroutine engine, which runs only the active
// cells, with the dense engine, which runs every cell, on a 0.3 soup of
// 1024x1024 under B3/S23: at=0 times the first generations, when nearly
// every cell is active, and at=1000 the generations after the soup has run
// for 1000 (taken there by the direct engine), when most of it has settled.
// One op is one generation.
func BenchmarkSoup(b *testing.B) {
	for _, at := range []int{0, 1000} {
		for _, e := range []sim.Engine{sim.Goroutine, sim.Coroutine, sim.Generator, sim.Dense, sim.DenseCoroutine} {
			for _, procs := range []int{1, 2} {
				b.Run(fmt.Sprintf("at=%d/engine=%s/size=1024x1024/procs=%d", at, e, procs), func(b *testing.B) {
					benchSoup(b, e, at, procs)
				})
			}
		}
	}
}

func benchSoup(b *testing.B, e sim.Engine, at, procs int) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	g, err := life.NewGrid(1024, 1024)
	if err != nil {
		b.Fatal(err)
	}
	g.Randomize(rand.New(rand.NewPCG(1, 2)), 0.3)
	ctx := context.Background()
	if at > 0 {
		d, err := sim.New(ctx, g, sim.Options{Rule: life.Conway, Engine: sim.Direct})
		if err != nil {
			b.Fatal(err)
		}
		if err := d.Run(ctx, at); err != nil {
			b.Fatal(err)
		}
		g = d.Grid().Clone()
		d.Close()
	}
	s, err := sim.New(ctx, g, sim.Options{Rule: life.Conway, Engine: e})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	// The first step starts the goroutines; after it the goroutine engine
	// runs the cells that changed.
	if err := s.Step(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := s.Step(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "gens/s")
	b.ReportMetric(float64(s.Goroutines()), "goroutines")
}

// BenchmarkMethuselah runs methuselahs on the unbounded plane, one op the
// whole run: the R-pentomino until the detector finds it settled (generation
// 1107, its cycle seen once; it settles at 1103) and the acorn to generation
// 5206. It reports generations per second and the most cell goroutines
// alive at once.
func BenchmarkMethuselah(b *testing.B) {
	for _, c := range []struct {
		name string
		gens int // 0: until settled
	}{{"r-pentomino", 0}, {"acorn", 5206}} {
		for _, e := range []sim.Engine{sim.Goroutine, sim.Coroutine, sim.Generator, sim.Direct} {
			b.Run(fmt.Sprintf("pattern=%s/engine=%s", c.name, e), func(b *testing.B) {
				p, err := pattern.Load(c.name, nil)
				if err != nil {
					b.Fatal(err)
				}
				g, err := p.Grid(0)
				if err != nil {
					b.Fatal(err)
				}
				gens, peak := 0, 0
				for b.Loop() {
					s, err := sim.New(context.Background(), g, sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: e})
					if err != nil {
						b.Fatal(err)
					}
					d := life.NewDetector(0, life.Unbounded)
					for {
						if c.gens == 0 {
							if _, ok := d.ObservePlane(s.Generation(), s.Universe()); ok {
								break
							}
						} else if s.Generation() == c.gens {
							break
						}
						if err := s.Step(); err != nil {
							b.Fatal(err)
						}
					}
					gens += s.Generation()
					peak = max(peak, s.PeakGoroutines())
					s.Close()
				}
				b.ReportMetric(float64(gens)/b.Elapsed().Seconds(), "gens/s")
				b.ReportMetric(float64(peak), "peak-goroutines")
			})
		}
	}
}

// BenchmarkFamilies runs a 0.3 soup of 256x256 on a torus under a rule of
// each family beyond the life-like ones, one op a generation after 20 to
// warm up: Brian's Brain and Star Wars (Generations), B2-a/S12 and tlife
// (isotropic non-totalistic). The direct engine runs them with the cell
// program inline on the active cells (sweep.go), as the bit-parallel
// boards run only two-state totalistic rules. It reports generations and
// cell updates (of the whole board) per second.
func BenchmarkFamilies(b *testing.B) {
	for _, rule := range []string{"briansbrain", "starwars", "B2-a/S12", "tlife"} {
		for _, e := range []sim.Engine{sim.Goroutine, sim.Coroutine, sim.Generator, sim.Direct} {
			b.Run(fmt.Sprintf("rule=%s/engine=%s/size=256x256", strings.ReplaceAll(rule, "/", ""), e), func(b *testing.B) {
				r, err := life.ParseRule(rule)
				if err != nil {
					b.Fatal(err)
				}
				s, err := sim.New(context.Background(), soup(b, 256, 256, 0.3), sim.Options{Rule: r, Engine: e})
				if err != nil {
					b.Fatal(err)
				}
				defer s.Close()
				if err := s.Run(context.Background(), 20); err != nil {
					b.Fatal(err)
				}
				b.ResetTimer()
				for b.Loop() {
					if err := s.Step(); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "gens/s")
				b.ReportMetric(float64(b.N)*256*256/b.Elapsed().Seconds(), "cells/s")
				b.ReportMetric(float64(s.PeakGoroutines()), "peak-goroutines")
			})
		}
	}
}
