package main

import (
	"image/gif"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUnboundedPrint prints the live cells' bounding box of each
// generation, and where it lies; with -size, that fixed box.
func TestUnboundedPrint(t *testing.T) {
	out, _, status := runLife(t, "", "-pattern", "glider", "-topology", "unbounded", "-gens", "4", "-every", "4")
	require.Zero(t, status)
	assert.Equal(t, "generation 0  population 5  box 3x3 at (2,2)\n-*-\n--*\n***\n\n"+
		"generation 4  population 5  box 3x3 at (3,3)\n-*-\n--*\n***\n\n", out)

	out, _, status = runLife(t, "", "-pattern", "blinker", "-topology", "unbounded", "-size", "5x3", "-gens", "1")
	require.Zero(t, status)
	assert.Equal(t, "generation 0  population 3  box 5x3 at (0,0)\n-----\n-***-\n-----\n\n"+
		"generation 1  population 3  box 5x3 at (0,0)\n--*--\n--*--\n--*--\n\n", out)
}

// TestUnboundedOutReadsBackInPlace writes the last generation of a glider
// that has flown far from where it started, with Golly's #CXRLE position
// line, and starts from it again: it is where it was left, the generation
// carried in the file.
func TestUnboundedOutReadsBackInPlace(t *testing.T) {
	file := filepath.Join(t.TempDir(), "far.rle")
	_, _, status := runLife(t, "", "-pattern", "glider", "-topology", "unbounded", "-gens", "400", "-every", "1000", "-out", file)
	require.Zero(t, status)
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Equal(t, "#CXRLE Pos=102,102 Gen=400\n#N glider, generation 400\nx = 3, y = 3, rule = B3/S23\nbo$2bo$3o!\n", string(b))

	out, _, status := runLife(t, "", "-pattern", file, "-topology", "unbounded", "-gens", "0")
	require.Zero(t, status)
	assert.Equal(t, "generation 0  population 5  box 3x3 at (102,102)\n-*-\n--*\n***\n\n", out)
}

// TestUnboundedOutMacrocell writes the glider of
// TestUnboundedOutReadsBackInPlace as Golly's macrocell, and starts from it
// again, in place; so does a run of a Generations rule.
func TestUnboundedOutMacrocell(t *testing.T) {
	file := filepath.Join(t.TempDir(), "far.mc")
	_, _, status := runLife(t, "", "-pattern", "glider", "-topology", "unbounded", "-gens", "400", "-every", "1000", "-out", file)
	require.Zero(t, status)
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), "[M2] (colife)\n#R B3/S23\n#G 400\n#N glider, generation 400\n"), string(b))
	out, _, status := runLife(t, "", "-pattern", file, "-topology", "unbounded", "-gens", "0")
	require.Zero(t, status)
	assert.Equal(t, "generation 0  population 5  box 3x3 at (102,102)\n-*-\n--*\n***\n\n", out)

	file = filepath.Join(t.TempDir(), "brain.mc")
	_, _, status = runLife(t, "", "-pattern", "brians-brain", "-topology", "unbounded", "-gens", "9", "-out", file)
	require.Zero(t, status)
	at9, _, status := runLife(t, "", "-pattern", "brians-brain", "-topology", "unbounded", "-gens", "9", "-print", "last")
	require.Zero(t, status)
	again, _, status := runLife(t, "", "-pattern", file, "-topology", "unbounded", "-gens", "0")
	require.Zero(t, status)
	assert.Equal(t, strings.Replace(at9, "generation 9", "generation 0", 1), again)
}

func TestUnboundedRefusals(t *testing.T) {
	_, errOut, status := runLife(t, "", "-pattern", "glider", "-topology", "unbounded", "-rule", "B03/S23")
	assert.Equal(t, 1, status)
	assert.Equal(t, "life: rule B03/S23: a birth on 0 neighbours (B0) would fill the unbounded plane; use -topology torus or plane\n", errOut)
	_, errOut, status = runLife(t, "", "-pattern", "glider", "-topology", "unbounded", "-engine", "dense")
	assert.Equal(t, 1, status)
	assert.Contains(t, errOut, "the dense engine runs every cell of a bounded grid")
	_, errOut, status = runLife(t, "", "-random", "0.5", "-seed", "3", "-size", "100x100", "-memory", "1M")
	assert.Equal(t, 1, status)
	assert.Regexp(t, `^life: over the memory budget: generation 1 would have \d+ active cells, whose goroutines need about .* MiB, more than the memory budget of 1.0 MiB\n$`, errOut)
	_, errOut, status = runLife(t, "", "-memory", "lots")
	assert.Equal(t, 2, status)
	assert.Contains(t, errOut, `invalid value "lots" for flag -memory: memory "lots": want a size such as 4G, 512M or 1.5GiB`)
}

// TestUnboundedGIF: without -size the GIF of the unbounded plane shows the
// box that holds every frame's live cells, a glider's path here.
func TestUnboundedGIF(t *testing.T) {
	file := filepath.Join(t.TempDir(), "glider.gif")
	_, _, status := runLife(t, "", "-pattern", "glider", "-topology", "unbounded", "-gens", "8", "-gif", file, "-zoom", "1")
	require.Zero(t, status)
	f, err := os.Open(file)
	require.NoError(t, err)
	defer f.Close()
	g, err := gif.DecodeAll(f)
	require.NoError(t, err)
	assert.Len(t, g.Image, 9)
	assert.Equal(t, 5, g.Config.Width, "3 cells wide, and 2 more as it moves")
	assert.Equal(t, 5, g.Config.Height)
}
