package pattern_test

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"colife/life"
	"colife/life/pattern"
)

// soup returns a w×h random soup of density 0.3 as a pattern.
func soup(b *testing.B, w, h int) *pattern.Pattern {
	g, err := life.NewGrid(w, h)
	if err != nil {
		b.Fatal(err)
	}
	g.Randomize(rand.New(rand.NewPCG(1, 2)), 0.3)
	return pattern.FromGrid(g, "soup", life.Conway)
}

func BenchmarkRead(b *testing.B) {
	for _, size := range []int{64, 256, 1024} {
		p := soup(b, size, size)
		for _, f := range []struct {
			name  string
			write func(io.Writer, *pattern.Pattern) error
		}{{"rle", pattern.WriteRLE}, {"cells", pattern.WriteCells}, {"mc", writeMacrocell}} {
			var buf bytes.Buffer
			if err := f.write(&buf, p); err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s/%dx%d", f.name, size, size), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(buf.Len()))
				for b.Loop() {
					if _, err := pattern.Read(bytes.NewReader(buf.Bytes()), "soup."+f.name); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkWriteRLE(b *testing.B) {
	for _, size := range []int{64, 256, 1024} {
		p := soup(b, size, size)
		b.Run(fmt.Sprintf("%dx%d", size, size), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := pattern.WriteRLE(io.Discard, p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// writeMacrocell writes p as a macrocell file.
func writeMacrocell(w io.Writer, p *pattern.Pattern) error {
	m, err := pattern.MacrocellFromPattern(p)
	if err != nil {
		return err
	}
	return pattern.WriteMacrocell(w, m)
}

// BenchmarkMacrocellFromGrid builds the quadtree of a soup of density 0.3,
// as life -out x.mc does: B/op is about what it holds.
func BenchmarkMacrocellFromGrid(b *testing.B) {
	for _, size := range []int{256, 1024, 4096} {
		g, err := life.NewGrid(size, size)
		if err != nil {
			b.Fatal(err)
		}
		g.Randomize(rand.New(rand.NewPCG(1, 2)), 0.3)
		b.Run(fmt.Sprintf("%dx%d", size, size), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := pattern.MacrocellFromGrid(g, "soup", life.Conway, life.Torus, 0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMacrocellGosper2e40 reads the Gosper gun at generation 2^40 and
// counts its 1.8e11 cells and their bounding box from the nodes.
func BenchmarkMacrocellGosper2e40(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "macrocell", "gosper-2e40.mc"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		m, err := pattern.ReadMacrocell(bytes.NewReader(data), "gun.mc")
		if err != nil {
			b.Fatal(err)
		}
		if m.Population() == 0 || m.Bounds().Empty() {
			b.Fatal("empty")
		}
	}
}
