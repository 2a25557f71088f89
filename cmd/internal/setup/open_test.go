package setup_test

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/cmd/internal/setup"
	"colife/life"
)

func TestOpen(t *testing.T) {
	var c setup.Config
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.Register(fs)
	require.NoError(t, fs.Parse([]string{"-random", "0.5", "-seed", "7", "-rule", "highlife", "-topology", "plane"}))
	size := setup.Fit(2, setup.Size{W: 10, H: 10})

	s, err := c.Open("glider", size)
	require.NoError(t, err, "a soup's -random and -seed do not stop a pattern")
	assert.Equal(t, "glider", s.Name)
	assert.Equal(t, 5, s.Grid.Population())
	assert.Equal(t, 10, s.Grid.Width(), "sized as the caller says")
	assert.Equal(t, "B36/S23", s.Options.Rule.String(), "-rule is kept")
	assert.Equal(t, life.Plane, s.Options.Topology)

	file := filepath.Join(t.TempDir(), "bad.rle")
	require.NoError(t, os.WriteFile(file, []byte("x = 2, y = 1\nzz!"), 0o644))
	for _, spec := range []string{"-", "no-such-pattern", file} {
		_, err := c.Open(spec, size)
		assert.Error(t, err, spec)
	}
}
