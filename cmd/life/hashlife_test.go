package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life/pattern"
)

// TestHashlifeCLI runs the Gosper gun to generation 2^40 with -engine
// hashlife (the unbounded plane without -topology) and writes it as a
// macrocell file; the file runs on from its generation, -gens counting from
// there, and is what bgolly printed for the gun at 2^40.
func TestHashlifeCLI(t *testing.T) {
	dir := t.TempDir()
	gun := filepath.Join(dir, "gun.mc")
	_, stderr, status := runLife(t, "", "-engine", "hashlife", "-pattern", "gosper", "-gens", "2^40", "-out", gun)
	require.Zero(t, status, stderr)
	f, err := os.Open(gun)
	require.NoError(t, err)
	m, err := pattern.ReadMacrocell(f, gun)
	f.Close()
	require.NoError(t, err)
	assert.Equal(t, int64(1<<40), m.Generation.Int64())
	assert.Equal(t, uint64(183251938004), m.Population(), "as bgolly -a HashLife -m 1099511627776 counts it")

	// -counts prints the line of a generation too big to print as a grid,
	// its population and box from the tree.
	stdout, stderr, status := runLife(t, "", "-engine", "hashlife", "-pattern", "gosper", "-gens", "2^40", "-print", "last", "-counts")
	require.Zero(t, status, stderr)
	var gen, pop, w, h, x, y int64
	_, err = fmt.Sscanf(stdout, "generation %d  population %d  box %dx%d at (%d,%d)\n", &gen, &pop, &w, &h, &x, &y)
	require.NoError(t, err, stdout)
	b := m.Bounds()
	assert.Equal(t, []int64{1 << 40, int64(m.Population()), b.Dx(), b.Dy()}, []int64{gen, pop, w, h}, "the file's, which is centred elsewhere")
	assert.Equal(t, 1, strings.Count(stdout, "\n"), "one line: %s", stdout)

	// A name ending in .gz is written compressed, and reads back.
	next := filepath.Join(dir, "next.mc.gz")
	_, stderr, status = runLife(t, "", "-engine", "hashlife", "-pattern", gun, "-gens", "60", "-step", "30", "-out", next)
	require.Zero(t, status, stderr)
	data, err := os.ReadFile(next)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(data, []byte{0x1f, 0x8b}), "gzip's magic number")
	later, err := pattern.ReadMacrocell(bytes.NewReader(data), next)
	require.NoError(t, err)
	assert.Equal(t, int64(1<<40+60), later.Generation.Int64(), "-gens counts from the file's generation")
	assert.Equal(t, m.Population()+2*5, later.Population(), "two more gliders")
}

// TestCounts: -counts prints, on every engine and topology, the lines that
// print mode writes above the grids, and nothing else.
func TestCounts(t *testing.T) {
	for _, args := range [][]string{
		{"-engine", "hashlife", "-pattern", "rpentomino", "-gens", "200", "-step", "40"},
		{"-engine", "direct", "-topology", "unbounded", "-pattern", "rpentomino", "-gens", "200", "-step", "40"},
		{"-engine", "goroutine", "-topology", "torus", "-pattern", "gosper", "-size", "48x32", "-gens", "90", "-step", "30"},
		{"-engine", "generator", "-topology", "plane", "-random", "0.4", "-seed", "3", "-gens", "7", "-print", "last"},
		{"-engine", "direct", "-topology", "unbounded", "-pattern", "glider", "-size", "20x20", "-gens", "3"}, // the -size box
		{"-engine", "hashlife", "-pattern", "blinker", "-rule", "B/S", "-gens", "2"},                          // an empty board
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			full, stderr, status := runLife(t, "", args...)
			require.Zero(t, status, stderr)
			var want strings.Builder
			for _, block := range strings.Split(strings.TrimSuffix(full, "\n\n"), "\n\n") {
				lines := strings.Split(block, "\n")
				fmt.Fprintln(&want, lines[0])
				// The box the line gives is the grid drawn under it.
				if _, box, ok := strings.Cut(lines[0], "  box "); ok {
					var w, h int
					_, err := fmt.Sscanf(box, "%dx%d", &w, &h)
					require.NoError(t, err, lines[0])
					assert.Len(t, lines[1:], h, lines[0])
					assert.Len(t, lines[1], w, lines[0])
				}
			}
			counts, stderr, status := runLife(t, "", append(args, "-counts")...)
			require.Zero(t, status, stderr)
			assert.Equal(t, want.String(), counts)
			assert.NotEmpty(t, counts)
		})
	}

	// -out FILE prints nothing by default, but -counts asks for the lines.
	file := filepath.Join(t.TempDir(), "end.rle.gz")
	counts, stderr, status := runLife(t, "", "-pattern", "glider", "-gens", "2", "-counts", "-out", file)
	require.Zero(t, status, stderr)
	assert.Equal(t, "generation 0  population 5\ngeneration 1  population 5\ngeneration 2  population 5\n", counts)
	assert.FileExists(t, file)
}

// TestHashlifeCLIRefuses: what HashLife cannot run is a usage error that says
// what does; a board too big to print is refused before it is drawn.
func TestHashlifeCLIRefuses(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		status int
		want   string
	}{
		{[]string{"-topology", "torus"}, 2, "-engine: hashlife runs on the unbounded plane, as Golly's HashLife does: use -topology unbounded, or -engine direct on a torus"},
		{[]string{"-rule", "B2-a/S12"}, 2, "rule B2-a/S12 runs on -engine goroutine or direct"},
		{[]string{"-rule", "briansbrain"}, 2, "of 3 states, runs on -engine goroutine or direct"},
		{[]string{"-gens", "2^40", "-print", "last"}, 1, "would take more than 16 EiB as a grid, more than the memory budget of 256.0 MiB"},
		{[]string{"-gens", "2^40", "-png", "gun.png"}, 1, "would take more than 16 EiB as a grid"},
		{[]string{"-gens", "2^40", "-out", "gun.rle"}, 1, "a macrocell file (.mc) holds the tree as it is"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			t.Chdir(t.TempDir())
			args := append([]string{"-engine", "hashlife", "-pattern", "gosper", "-memory", "256M"}, tt.args...)
			_, stderr, status := runLife(t, "", args...)
			assert.Equal(t, tt.status, status, stderr)
			assert.Contains(t, stderr, tt.want)
			assert.Equal(t, 1, strings.Count(strings.TrimSpace(stderr), "\n")+1, "one line: %s", stderr)
			_, err := os.Stat("gun.png")
			assert.ErrorIs(t, err, os.ErrNotExist, "no picture left behind")
		})
	}
}
