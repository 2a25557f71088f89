package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestColorGenerations: print mode draws the dying states of Brian's Brain
// in colour only when asked (a pipe gets the book's two glyphs), and a
// two-state rule never.
func TestColorGenerations(t *testing.T) {
	pair := filepath.Join(t.TempDir(), "pair.cells")
	require.NoError(t, os.WriteFile(pair, []byte("OO\n"), 0o644))
	// A live pair with no dying cells behind it: both sides are born and
	// the pair itself starts to die.
	args := []string{"-pattern", pair, "-rule", "briansbrain", "-size", "4x3", "-topology", "plane", "-gens", "1"}

	piped, stderr, status := runLife(t, "", args...)
	require.Equal(t, 0, status, stderr)
	assert.NotContains(t, piped, "\x1b")
	assert.Contains(t, piped, "generation 1  population 6\n-**-\n----\n-**-\n", "dying cells are '-' in a pipe")

	colored, stderr, status := runLife(t, "", append(args, "-color", "256")...)
	require.Equal(t, 0, status, stderr)
	assert.Contains(t, colored, "generation 1  population 6\n-\x1b[38;5;221m**\x1b[0m-\n-\x1b[38;5;166m++\x1b[0m-\n-\x1b[38;5;221m**\x1b[0m-\n", "alive amber, dying red '+'")

	life, stderr, status := runLife(t, "", "-pattern", "glider", "-gens", "1", "-color", "truecolor")
	require.Equal(t, 0, status, stderr)
	assert.NotContains(t, life, "\x1b", "a two-state rule draws no colour")

	_, stderr, status = runLife(t, "", "-color", "rainbow")
	assert.Equal(t, 2, status)
	assert.Equal(t, `life: invalid value "rainbow" for flag -color: "rainbow": want auto, never, 256 or truecolor (run life -h for help)`, strings.TrimSpace(stderr))
}
