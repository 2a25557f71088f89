package pattern_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/pattern"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestWriteCellsLibrary draws every built-in pattern in plaintext and compares
// it with testdata/golden/NAME.cells, pictures read by eye when they were
// written (the simulation tests check that the patterns behave). go test
// -update rewrites them. A pattern with dying cells, which plaintext cannot
// hold, is refused, and its golden file is the RLE WriteRLE writes,
// NAME.rle.
func TestWriteCellsLibrary(t *testing.T) {
	for _, p := range pattern.Library() {
		t.Run(p.Name, func(t *testing.T) {
			var b bytes.Buffer
			golden := filepath.Join("testdata", "golden", p.Name+".cells")
			if p.MaxState() > life.Alive {
				require.ErrorIs(t, pattern.WriteCells(&b, p), pattern.ErrMultiState)
				require.Zero(t, b.Len())
				require.NoError(t, pattern.WriteRLE(&b, p))
				golden = strings.TrimSuffix(golden, ".cells") + ".rle"
			} else {
				require.NoError(t, pattern.WriteCells(&b, p))
			}
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
				require.NoError(t, os.WriteFile(golden, b.Bytes(), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test -update to write it")
			assert.Equal(t, string(want), b.String())

			// And the plaintext reads back as the same pattern.
			q, err := pattern.Read(&b, golden)
			require.NoError(t, err)
			same(t, p, q)
		})
	}
}

func TestWriteCells(t *testing.T) {
	tests := []struct {
		name string
		p    *pattern.Pattern
		want string
	}{
		{
			name: "glider with everything",
			p: &pattern.Pattern{Name: "Glider", Comments: []string{"The smallest spaceship.", "", "Name: not the name"},
				Rule: "23/3", Width: 3, Height: 3, Cells: []pattern.Cell{{X: 1, Y: 0}, {X: 2, Y: 1}, {X: 0, Y: 2}, {X: 1, Y: 2}, {X: 2, Y: 2}}},
			want: "!Name: Glider\n!Rule: B3/S23\n!The smallest spaceship.\n!\n! Name: not the name\n.O.\n..O\nOOO\n",
		},
		{
			name: "dead margins and empty rows in full",
			p:    &pattern.Pattern{Width: 4, Height: 4, Cells: []pattern.Cell{{X: 1, Y: 1}}},
			want: "....\n.O..\n....\n....\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, pattern.WriteCells(&b, tt.p))
			assert.Equal(t, tt.want, b.String())
		})
	}
}
