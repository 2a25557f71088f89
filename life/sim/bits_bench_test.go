package sim_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"colife/life"
	"colife/life/pattern"
	"colife/life/sim"
)

var soupDir = flag.String("soup", "", "BenchmarkDirect writes each size's soup, as RLE, to `DIR`/soup-WxH.rle (make bench runs bgolly on it)")

// BenchmarkDirect measures the direct engine as make bench compares it with
// bgolly: one op is one generation of a soup of density 0.5 on a torus,
// under B3/S23 and, at 4096x4096, B36/S23 (HighLife), whose rule is no
// formula of its own but the general one. make bench runs 1000 generations.
func BenchmarkDirect(b *testing.B) {
	highlife, err := life.ParseRule("highlife")
	if err != nil {
		b.Fatal(err)
	}
	for _, rule := range []struct {
		name  string
		rule  life.Rule
		sizes []int
	}{{"life", life.Conway, []int{256, 1024, 4096}}, {"highlife", highlife, []int{4096}}} {
		for _, n := range rule.sizes {
			for _, procs := range []int{1, 2} {
				b.Run(fmt.Sprintf("rule=%s/size=%dx%d/procs=%d", rule.name, n, n, procs), func(b *testing.B) {
					g := soup(b, n, n, 0.5)
					if *soupDir != "" {
						writeSoup(b, g)
					}
					benchEngine(b, sim.Direct, rule.rule, g, procs)
				})
			}
		}
	}
}

// writeSoup writes g as RLE to soup-WxH.rle in soupDir, with Golly's
// position line first: Golly centres a bounded grid on the origin and drops
// the cells outside it.
func writeSoup(b *testing.B, g *life.Grid) {
	path := filepath.Join(*soupDir, fmt.Sprintf("soup-%dx%d.rle", g.Width(), g.Height()))
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	fmt.Fprintf(f, "#CXRLE Pos=%d,%d\n", -g.Width()/2, -g.Height()/2)
	err = pattern.WriteRLE(f, pattern.FromGrid(g, "soup", life.Conway))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		b.Fatal(err)
	}
}
