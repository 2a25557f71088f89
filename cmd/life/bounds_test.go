package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/pattern"
)

// board returns print mode's last generation without its header line.
func board(t *testing.T, out string) string {
	t.Helper()
	_, rows, ok := strings.Cut(out, "\n")
	require.True(t, ok, "no header line in %q", out)
	return rows
}

// TestOutBoundedReadsBackAsTheSameBoard writes the last generation of a run
// on a torus and on a plane with Golly's bounded-grid suffix, and runs on
// from the file with no -size or -topology: the board is the same, so the
// generations that follow are the ones the first run would have made (the
// glider crosses the torus's edges, and dies at the plane's).
func TestOutBoundedReadsBackAsTheSameBoard(t *testing.T) {
	for _, tc := range []struct{ topology, suffix, ext, header string }{
		{"torus", ":T12,9", ".rle", "\nx = 12, y = 9, rule = B3/S23:T12,9\n"},
		{"plane", ":P12,9", ".rle", "\nx = 12, y = 9, rule = B3/S23:P12,9\n"},
		{"torus", ":T12,9", ".mc", "[M2] (colife)\n#R B3/S23:T12,9\n#G 7\n"},
		{"plane", ":P12,9", ".mc", "[M2] (colife)\n#R B3/S23:P12,9\n#G 7\n"},
	} {
		t.Run(tc.topology+tc.ext, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "end"+tc.ext)
			_, _, status := runLife(t, "", "-pattern", "glider", "-size", "12x9", "-topology", tc.topology, "-gens", "7", "-out", file)
			require.Zero(t, status)
			b, err := os.ReadFile(file)
			require.NoError(t, err)
			assert.Contains(t, string(b), tc.header)

			at7, _, status := runLife(t, "", "-pattern", "glider", "-size", "12x9", "-topology", tc.topology, "-gens", "7", "-print", "last")
			require.Zero(t, status)
			again, _, status := runLife(t, "", "-pattern", file, "-gens", "0")
			require.Zero(t, status)
			assert.Equal(t, board(t, at7), board(t, again), "generation 7, read back")

			at40, _, status := runLife(t, "", "-pattern", "glider", "-size", "12x9", "-topology", tc.topology, "-gens", "40", "-print", "last")
			require.Zero(t, status)
			on, _, status := runLife(t, "", "-pattern", file, "-gens", "33", "-print", "last")
			require.Zero(t, status)
			assert.Equal(t, board(t, at40), board(t, on), "33 generations on from the file")
		})
	}
}

// TestOutSuffixFlagsWin: -size and -topology beat the file's suffix.
func TestOutSuffixFlagsWin(t *testing.T) {
	file := filepath.Join(t.TempDir(), "b.rle")
	require.NoError(t, os.WriteFile(file, []byte("x = 3, y = 1, rule = B3/S23:T5,3\n3o!\n"), 0o644))
	out, _, status := runLife(t, "", "-pattern", file, "-gens", "0")
	require.Zero(t, status)
	assert.Equal(t, "-----\n-***-\n-----\n\n", board(t, out))
	out, _, status = runLife(t, "", "-pattern", file, "-gens", "0", "-size", "3x3")
	require.Zero(t, status)
	assert.Equal(t, "---\n***\n---\n\n", board(t, out))
	out, _, status = runLife(t, "", "-pattern", file, "-gens", "0", "-topology", "unbounded")
	require.Zero(t, status)
	assert.Equal(t, "***\n\n", board(t, out))
}

// readOut reads a file -out wrote.
func readOut(t *testing.T, file string) *pattern.Pattern {
	t.Helper()
	f, err := os.Open(file)
	require.NoError(t, err)
	defer f.Close()
	p, err := pattern.Read(f, file)
	require.NoError(t, err)
	return p
}

// TestOutGenerations writes a Brian's Brain run as multi-state RLE, which
// reads back with its dying cells: 3 generations on from the file written at
// generation 5 are generation 8. Plaintext is refused for it, replacing
// nothing. (Print mode draws no dying cells, so the files are compared.)
func TestOutGenerations(t *testing.T) {
	dir := t.TempDir()
	at5, at8, on3 := filepath.Join(dir, "5.rle"), filepath.Join(dir, "8.rle"), filepath.Join(dir, "5+3.rle")
	for _, run := range [][]string{
		{"-pattern", "brians-brain", "-gens", "5", "-out", at5},
		{"-pattern", "brians-brain", "-gens", "8", "-out", at8},
		{"-pattern", at5, "-gens", "3", "-out", on3},
	} {
		_, errOut, status := runLife(t, "", run...)
		require.Zero(t, status, errOut)
	}
	p5, p8, p53 := readOut(t, at5), readOut(t, at8), readOut(t, on3)
	assert.Equal(t, "B2/S/C3", p5.Rule)
	assert.Equal(t, life.Bounds{Topology: life.Torus, Width: 20, Height: 20}, p5.Bounds, "16x16 and a margin of 2, on a torus")
	assert.Equal(t, life.State(2), p5.MaxState(), "dying cells, written as Golly writes state 2")
	assert.Equal(t, p8.Cells, p53.Cells, "generation 8, two ways")
	assert.Equal(t, p8.Bounds, p53.Bounds)
	assert.NotEqual(t, p5.Cells, p8.Cells)

	cells := filepath.Join(dir, "brain.cells")
	require.NoError(t, os.WriteFile(cells, []byte("old\n"), 0o644))
	_, errOut, status := runLife(t, "", "-pattern", "brians-brain", "-gens", "5", "-out", cells)
	assert.Equal(t, 1, status)
	assert.Regexp(t, `^life: -out .*brain\.cells: pattern "brians-brain, generation 5" has dying cells \(state 2\), and plaintext \(\.cells\) holds two states only: write it as RLE \(\.rle\) instead\n$`, errOut)
	b, err := os.ReadFile(cells)
	require.NoError(t, err)
	assert.Equal(t, "old\n", string(b), "the old file as it was")
	left, err := filepath.Glob(filepath.Join(dir, ".*"))
	require.NoError(t, err)
	assert.Empty(t, left, "no temporary file left")
}
