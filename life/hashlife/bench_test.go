package hashlife_test

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"colife/life"
	"colife/life/hashlife"
	"colife/life/pattern"
)

var patternDir = flag.String("patterns", "", "BenchmarkHashlife writes each case's pattern, as RLE, to `DIR`/NAME.rle (make bench runs bgolly on it)")

// benchCases are the runs BenchmarkHashlife times, and bgolly's side of the
// table (.ci/bench.sh): a pattern (a built-in name or a file) and the
// generation to reach.
var benchCases = []struct {
	name, pattern string
	gens          uint64
	label         string
}{
	{"gosper", "gosper", 1 << 40, "2^40"},
	{"acorn", "acorn", 1_000_000, "10^6"},
	{"r-pentomino", "r-pentomino", 1_000_000, "10^6"},
	{"switch-engine-breeder", "testdata/switch-engine-breeder.rle", 1 << 20, "2^20"},
	// HashLife at its weakest: chaos, few squares alike.
	{"soup512", "", 1 << 13, "2^13"},
}

// BenchmarkHashlife times whole runs: each op loads the pattern into a fresh
// engine and steps it to the generation in one Step, as
// `bgolly -a HashLife -m GENS` does. Besides the time and the allocations it
// reports the nodes in the table at the end, the table's memory (MB, in
// MiB) and the generations (gens), for make bench's table beside bgolly's.
func BenchmarkHashlife(b *testing.B) {
	for _, c := range benchCases {
		b.Run(fmt.Sprintf("pattern=%s/gen=%s", c.name, c.label), func(b *testing.B) {
			u := load(b, c.pattern)
			if *patternDir != "" {
				writePattern(b, filepath.Join(*patternDir, c.name+".rle"), u)
			}
			b.ReportAllocs()
			var e *hashlife.Engine
			for b.Loop() {
				var err error
				e, err = hashlife.New(life.Conway, hashlife.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if err := e.Load(u, 0); err != nil {
					b.Fatal(err)
				}
				if err := e.Step(context.Background(), c.gens); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(e.Nodes()), "nodes")
			b.ReportMetric(float64(e.Bytes())/(1<<20), "MB")
			b.ReportMetric(float64(c.gens), "gens")
		})
	}
}

// load reads a pattern into a universe, its top-left cell at the origin;
// "" is a 512 × 512 soup of density 0.4, the same every time.
func load(tb testing.TB, spec string) *life.Universe {
	tb.Helper()
	if spec == "" {
		return soup(rand.New(rand.NewPCG(1, 1)), life.Point{}, 512, 512, 0.4)
	}
	p, err := pattern.Load(spec, nil)
	if err != nil {
		tb.Fatal(err)
	}
	u := life.NewUniverse()
	for _, c := range p.Cells {
		u.Set(int64(c.X), int64(c.Y), c.State())
	}
	return u
}

// writePattern writes u as RLE to path.
func writePattern(b *testing.B, path string, u *life.Universe) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	err = pattern.WriteUniverseRLE(f, u, filepath.Base(path), life.Conway, 0)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkBlocks draws a screen of 1000 × 800 pixels from a pattern
// millions of cells wide, the switch-engine breeder at generation 2^22: one
// op is one screen, every block of the level that fits the pattern's
// bounds in the screen (zoomed out), or the cells of 1000 × 800 of its
// busiest part (zoomed in, a cell a pixel); and its bounding box.
func BenchmarkBlocks(b *testing.B) {
	e, err := hashlife.New(life.Conway, hashlife.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if err := e.Load(load(b, "testdata/switch-engine-breeder.rle"), 0); err != nil {
		b.Fatal(err)
	}
	if err := e.Step(context.Background(), 1<<22); err != nil {
		b.Fatal(err)
	}
	bounds := e.Bounds()
	level := uint(0)
	for bounds.Dx()>>level > 1000 || bounds.Dy()>>level > 800 {
		level++
	}
	b.Run(fmt.Sprintf("zoom=out/bounds=%dx%d/level=%d", bounds.Dx(), bounds.Dy(), level), func(b *testing.B) {
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			n = 0
			e.Blocks(bounds, level, func(x, y int64, pop uint64) { n++ })
		}
		b.ReportMetric(float64(n), "blocks")
	})
	// Zoomed in on the busiest square of 2^10 cells a side.
	var busiest life.Point
	most := uint64(0)
	e.Blocks(bounds, 10, func(x, y int64, pop uint64) {
		if pop > most {
			busiest, most = life.Point{X: x, Y: y}, pop
		}
	})
	screen := life.RectOf(busiest, 1000, 800)
	b.Run("zoom=in/screen=1000x800", func(b *testing.B) {
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			n = 0
			e.Cells(screen, func(x, y int64, s life.State) { n++ })
		}
		b.ReportMetric(float64(n), "cells")
	})
	b.Run("bounds", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			e.Bounds()
		}
	})
}
