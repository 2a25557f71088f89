package pattern_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/pattern"
)

// maxCellsFile is the largest plaintext file the fuzzers write back: a box of
// up to life.MaxCells cells costs a few bytes in RLE but a byte a cell in
// plaintext.
const maxCellsFile = 1 << 20

// checkRead is what every fuzzer checks of one input: Read either fails with
// a *ParseError naming the file, or returns a pattern that keeps the
// package's promises and survives being written and read back, in RLE and in
// plaintext.
func checkRead(t *testing.T, data []byte, file string) {
	p, err := pattern.Read(bytes.NewReader(data), file)
	if err != nil {
		assert.Nil(t, p)
		var pe *pattern.ParseError
		require.True(t, errors.As(err, &pe), "not a *ParseError: %v", err)
		assert.Equal(t, file, pe.File)
		assert.True(t, strings.HasPrefix(err.Error(), file+":"), "error %q does not start with the file name", err)
		assert.NotContains(t, err.Error(), "\n")
		return
	}
	require.NotNil(t, p)
	require.True(t, p.Width >= 1 && p.Width <= pattern.MaxSide && p.Height >= 1 && p.Height <= pattern.MaxSide, "box %dx%d", p.Width, p.Height)
	require.LessOrEqual(t, p.Width*p.Height, life.MaxCells)
	require.LessOrEqual(t, len(p.Cells), pattern.MaxLive)
	for i, c := range p.Cells { // plain ifs: a body may make millions of cells
		if c.X < 0 || c.X >= p.Width || c.Y < 0 || c.Y >= p.Height {
			t.Fatalf("cell %v outside the %dx%d box", c, p.Width, p.Height)
		}
		if c.Dying == 1 || (c.Dying > 1 && p.Rule != "" && int(c.Dying) >= mustRule(t, p.Rule).States()) {
			t.Fatalf("cell %v: a state the rule %q has not", c, p.Rule)
		}
		if i > 0 {
			if prev := p.Cells[i-1]; !(prev.Y < c.Y || prev.Y == c.Y && prev.X < c.X) {
				t.Fatalf("cells %v and %v out of order", prev, c)
			}
		}
	}
	if p.Rule != "" {
		_, err := life.ParseRule(p.Rule)
		require.NoError(t, err, "rule %q", p.Rule)
	}

	var b bytes.Buffer
	require.NoError(t, pattern.WriteRLE(&b, p))
	for _, l := range strings.Split(b.String(), "\n") {
		if !strings.HasPrefix(l, "#") {
			require.LessOrEqual(t, len(l), 70, "RLE line %q", l)
		}
	}
	q, err := pattern.Read(&b, "written.rle")
	require.NoError(t, err, "reading back:\n%s", b.String())
	same(t, p, q)
	assert.Empty(t, q.Warnings)

	if (p.Width+1)*p.Height > maxCellsFile {
		return
	}
	b.Reset()
	if p.MaxState() > life.Alive {
		require.ErrorIs(t, pattern.WriteCells(&b, p), pattern.ErrMultiState)
		require.Zero(t, b.Len(), "plaintext half written")
		return
	}
	require.NoError(t, pattern.WriteCells(&b, p))
	q, err = pattern.Read(&b, "written.cells")
	require.NoError(t, err, "reading back:\n%s", b.String())
	same(t, p, q)
	assert.Empty(t, q.Warnings)
}

func mustRule(t *testing.T, s string) life.Rule {
	r, err := life.ParseRule(s)
	require.NoError(t, err)
	return r
}

// addLibrary adds the built-in patterns to the seed corpus, and the golden
// plaintext files.
func addLibrary(f *testing.F, dir, ext string) {
	files, err := filepath.Glob(filepath.Join(dir, "*"+ext))
	require.NoError(f, err)
	require.NotEmpty(f, files)
	for _, name := range files {
		data, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(data)
	}
}

// The fuzzers' seeds are the files in testdata/fuzz/FuzzX (hand-made, and any
// input that once failed), plus the built-in patterns and their plaintext
// golden files.

func FuzzReadRLE(f *testing.F) {
	addLibrary(f, "library", ".rle")
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, data, "fuzz.rle") })
}

func FuzzReadCells(f *testing.F) {
	addLibrary(f, filepath.Join("testdata", "golden"), ".cells")
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, data, "fuzz.cells") })
}

func FuzzReadLife106(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, data, "fuzz.lif") })
}

// FuzzMacrocell reads macrocell files (and, through their name, any other
// format) with Read, as the other fuzzers do, and with ReadMacrocell, which
// either fails with a *ParseError or returns a pattern that Check accepts,
// that reads back as written, and whose population and bounding box, counted
// from the nodes, are those of its cells.
func FuzzMacrocell(f *testing.F) {
	addLibrary(f, filepath.Join("testdata", "macrocell"), ".mc")
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data, "fuzz.mc")
		checkMacrocell(t, data)
	})
}

// maxFuzzCells is the most live cells checkMacrocell expands into a
// universe.
const maxFuzzCells = 1 << 16

func checkMacrocell(t *testing.T, data []byte) {
	m, err := pattern.ReadMacrocell(bytes.NewReader(data), "fuzz.mc")
	if err != nil {
		assert.Nil(t, m)
		var pe *pattern.ParseError
		require.True(t, errors.As(err, &pe), "not a *ParseError: %v", err)
		assert.True(t, strings.HasPrefix(err.Error(), "fuzz.mc:"), "error %q does not start with the file name", err)
		assert.NotContains(t, err.Error(), "\n")
		return
	}
	require.NoError(t, m.Check())
	var b bytes.Buffer
	require.NoError(t, pattern.WriteMacrocell(&b, m))
	back, err := pattern.ReadMacrocell(bytes.NewReader(b.Bytes()), "written.mc")
	require.NoError(t, err, "reading back:\n%s", b.String())
	sameMacrocell(t, m, back)

	pop := m.Population()
	if pop > maxFuzzCells {
		_, err := m.Universe(1 << 20)
		require.ErrorIs(t, err, life.ErrBudget)
		return
	}
	u, err := m.Universe(0)
	require.NoError(t, err)
	require.Equal(t, pop, uint64(u.Population()))
	require.Equal(t, u.Bounds(), m.Bounds())
	rule := life.Conway
	if m.Rule != "" {
		rule = mustRule(t, m.Rule)
	}
	switch {
	case !m.MultiState && rule.States() > 2:
		rule, err = rule.WithStates(2) // cells of bits are alive
	case m.MultiState && m.Rule == "":
		rule, err = rule.WithStates(life.MaxStates) // states of no rule
	}
	require.NoError(t, err)
	again, err := pattern.MacrocellFromUniverse(u, m.Name, rule, 0)
	require.NoError(t, err)
	ua, err := again.Universe(0)
	require.NoError(t, err)
	require.True(t, u.Equal(ua), "rebuilt from its cells")
}
