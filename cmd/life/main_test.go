package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// The tests of a command are in package main, the only way to reach run.

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// runMainEnv, when set, makes the test binary run life's main instead of the
// tests: the end-to-end tests start it in a pseudo-terminal.
const runMainEnv = "COLIFE_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) != "" {
		main()
		return
	}
	goleak.VerifyTestMain(m)
}

// runLife runs the program with args and returns its stdout, its stderr and
// its exit status.
func runLife(t *testing.T, stdin string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	var out, errs bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errs)
	status = report(&errs, err)
	return out.String(), errs.String(), status
}

func TestGolden(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		golden string
	}{
		{
			// The book's block: Item 40 prints exactly this.
			name:   "the book's columns",
			args:   []string{"-pattern", "testdata/item40.cells", "-size", "9x5", "-columns", "5"},
			golden: "item40.golden",
		},
		{
			name:   "two blocks of columns, the second one short",
			args:   []string{"-pattern", "testdata/item40.cells", "-size", "9x5", "-columns", "5", "-gens", "7"},
			golden: "item40-gens7.golden",
		},
		{
			name:   "the book's columns with the direct engine",
			args:   []string{"-pattern", "testdata/item40.cells", "-size", "9x5", "-columns", "5", "-engine", "direct"},
			golden: "item40.golden",
		},
		{
			name:   "print mode, every 4th generation of a glider on a plane",
			args:   []string{"-pattern", "glider", "-size", "6x6", "-topology", "plane", "-gens", "8", "-every", "4"},
			golden: "glider-every4.golden",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, status := runLife(t, "", tt.args...)
			require.Equal(t, 0, status, stderr)
			assert.Empty(t, stderr)
			assert.NotContains(t, stdout, "\x1b", "no escape sequence when stdout is not a terminal")
			path := filepath.Join("testdata", tt.golden)
			if *update {
				require.NoError(t, os.WriteFile(path, []byte(stdout), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, string(want), stdout)
		})
	}
}

func TestPrintMode(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{
			name: "a pattern with a margin of 2, ten generations by default",
			args: []string{"-pattern", "-", "-gens", "1"},
			want: "" +
				"generation 0  population 1\n" +
				"-----\n" +
				"-----\n" +
				"--*--\n" +
				"-----\n" +
				"-----\n" +
				"\n" +
				"generation 1  population 0\n" +
				"-----\n" +
				"-----\n" +
				"-----\n" +
				"-----\n" +
				"-----\n" +
				"\n",
		},
		{
			name: "a blinker, every other generation",
			args: []string{"-pattern", "-", "-size", "3x3", "-topology", "plane", "-gens", "4", "-every", "2", "-engine", "direct"},
			want: "" +
				"generation 0  population 3\n---\n***\n---\n\n" +
				"generation 2  population 3\n---\n***\n---\n\n" +
				"generation 4  population 3\n---\n***\n---\n\n",
		},
		{
			name: "-gens 0 prints the start alone",
			args: []string{"-pattern", "-", "-size", "3x1", "-gens", "0"},
			want: "generation 0  population 3\n***\n\n",
		},
	}
	stdin := map[string]string{
		"a pattern with a margin of 2, ten generations by default": "O\n",
		"a blinker, every other generation":                        "OOO\n",
		"-gens 0 prints the start alone":                           "OOO\n",
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, status := runLife(t, stdin[tt.name], tt.args...)
			require.Equal(t, 0, status, stderr)
			assert.Equal(t, tt.want, stdout)
		})
	}
}

func TestDefaultGenerations(t *testing.T) {
	tests := []struct {
		args []string
		want int // generations printed
	}{
		{[]string{"-pattern", "block"}, 11},
		{[]string{"-pattern", "block", "-every", "5"}, 3},
		{[]string{"-pattern", "block", "-gens", "3"}, 4},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			stdout, stderr, status := runLife(t, "", tt.args...)
			require.Equal(t, 0, status, stderr)
			assert.Equal(t, tt.want, strings.Count(stdout, "generation "))
		})
	}
}

func TestHelp(t *testing.T) {
	stdout, stderr, status := runLife(t, "", "-h")
	assert.Equal(t, 0, status)
	assert.Empty(t, stderr)
	for _, name := range []string{"pattern", "size", "rule", "topology", "random", "seed", "engine", "gens", "every", "columns", "out", "watch", "list"} {
		assert.Regexp(t, `\n  -`+name+`[ \n]`, stdout, "-h documents -%s", name)
	}
}

func TestList(t *testing.T) {
	stdout, _, status := runLife(t, "", "-list")
	require.Equal(t, 0, status)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	require.Greater(t, len(lines), 20)
	assert.Regexp(t, `^NAME +SIZE +RULE +DESCRIPTION$`, lines[0])
	assert.Contains(t, stdout, "\nglider ")
	assert.Regexp(t, `\nreplicator +5x5 +B36/S23 +\S`, stdout)
}

func TestRandomSoupSeed(t *testing.T) {
	// Without -seed, the seed picked is reported on stderr, and makes the
	// same soup again.
	first, stderr, status := runLife(t, "", "-random", "0.5", "-size", "12x6", "-gens", "2")
	require.Equal(t, 0, status)
	m := regexp.MustCompile(`^life: random soup with seed (\d+) \(-seed (\d+) makes it again\)\n$`).FindStringSubmatch(stderr)
	require.NotNil(t, m, stderr)
	assert.Equal(t, m[1], m[2])
	again, stderr, status := runLife(t, "", "-random", "0.5", "-size", "12x6", "-gens", "2", "-seed", m[1])
	require.Equal(t, 0, status)
	assert.Empty(t, stderr, "a seed given is not reported")
	assert.Equal(t, first, again)
}
