package pattern_test

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
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
		}{{"rle", pattern.WriteRLE}, {"cells", pattern.WriteCells}} {
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
