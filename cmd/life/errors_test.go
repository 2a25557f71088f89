package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life/pattern"
)

func TestErrors(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		stdin      string
		wantStatus int
		wantErr    string // the whole line on stderr
	}{
		{"unknown flag", []string{"-fast", "3"}, "", 2,
			"life: flag provided but not defined: -fast (run life -h for help)"},
		{"size 0x5", []string{"-size", "0x5"}, "", 2,
			`life: invalid value "0x5" for flag -size: "0x5": width must be at least 1, not 0 (run life -h for help)`},
		{"size 10", []string{"-size", "10"}, "", 2,
			`life: invalid value "10" for flag -size: "10": want WxH, such as 80x40 (run life -h for help)`},
		{"size x5", []string{"-size", "x5"}, "", 2,
			`life: invalid value "x5" for flag -size: "x5": missing width; want WxH, such as 80x40 (run life -h for help)`},
		{"absurd size", []string{"-size", "100000x100000"}, "", 2,
			`life: invalid value "100000x100000" for flag -size: bad grid size 100000x100000: more than 1073741824 cells (run life -h for help)`},
		{"bad rule", []string{"-rule", "B3/S2/1"}, "", 2,
			`life: invalid value "B3/S2/1" for flag -rule: rule "B3/S2/1": 1 states; a Generations rule has 2 to 256 (run life -h for help)`},
		{"negative gens", []string{"-gens", "-1"}, "", 2,
			`life: invalid value "-1" for flag -gens: want 0 or more (run life -h for help)`},
		{"every 0", []string{"-every", "0"}, "", 2,
			`life: invalid value "0" for flag -every: want 1 or more (run life -h for help)`},
		{"columns not a number", []string{"-columns", "five"}, "", 2,
			`life: invalid value "five" for flag -columns: want a whole number (run life -h for help)`},
		{"out with an unknown extension", []string{"-out", "end.txt"}, "", 2,
			`life: invalid value "end.txt" for flag -out: "end.txt": want a .rle, .cells or .mc file (.gz after it compresses it), or - for standard output (run life -h for help)`},
		{"an argument that is not a flag", []string{"glider"}, "", 2,
			`life: unexpected argument "glider"; flags start with - (run life -h for help)`},
		{"columns in watch mode", []string{"-watch", "-columns", "3"}, "", 2,
			"life: -columns is for print mode, not -watch (run life -h for help)"},
		{"watch without a terminal", []string{"-watch", "-random", "0.3"}, "", 2,
			"life: -watch needs a terminal, and standard output is not one; leave out -watch to print generations (run life -h for help)"},
		{"pattern and random", []string{"-pattern", "glider", "-random", "0.3"}, "", 2,
			"life: -random: give -pattern or -random, not both (run life -h for help)"},
		{"pattern larger than the grid", []string{"-pattern", "gosper", "-size", "20x20"}, "", 2,
			`life: -size: pattern "gosper" is 36x9, larger than the 20x20 grid (run life -h for help)`},
		{"missing file", []string{"-pattern", "testdata/missing.rle"}, "", 1,
			`life: pattern "testdata/missing.rle": unknown pattern: no such file, and no built-in pattern of that name (-list shows them)`},
		{"bad pattern on stdin", []string{"-pattern", "-"}, "x = 3, y = 1\nozo!\n", 1,
			"life: stdin:2:2: unexpected 'z' in RLE body; want b, o, $ or !"},
		{"truncated gzip on stdin", []string{"-pattern", "-"}, "\x1f\x8b\x08\x00", 1,
			"life: stdin: gzip data cut short: the file is truncated"},
		{"out into a missing directory, refused before the run", []string{"-pattern", "block", "-gens", "0", "-out", "testdata/missing/end.rle"}, "", 2,
			"life: -out testdata/missing/end.rle: directory testdata/missing does not exist (run life -h for help)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, status := runLife(t, tt.stdin, tt.args...)
			assert.Equal(t, tt.wantStatus, status)
			require.True(t, strings.HasSuffix(stderr, "\n"), "stderr: %q", stderr)
			line := strings.TrimSuffix(stderr, "\n")
			assert.NotContains(t, line, "\n", "one line")
			assert.NotContains(t, line, "goroutine ", "no stack trace")
			if strings.HasSuffix(tt.wantErr, ": ") {
				assert.True(t, strings.HasPrefix(line, tt.wantErr), line)
			} else {
				assert.Equal(t, tt.wantErr, line)
			}
			if status == 2 {
				assert.Empty(t, stdout)
			}
		})
	}
}

func TestOutReadsBackInPlace(t *testing.T) {
	for _, ext := range []string{".rle", ".cells", ".RLE"} {
		t.Run(ext, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "end"+ext)
			// The glider's generation 8 on a plane, printed, and written to out.
			stdout, stderr, status := runLife(t, "", "-pattern", "glider", "-size", "7x6", "-topology", "plane", "-gens", "8", "-every", "8", "-out", out, "-print", "all")
			require.Equal(t, 0, status, stderr)
			last := stdout[strings.LastIndex(stdout, "generation 8"):]

			// Read it back, in a grid of its own size: the same cells in the same places.
			again, stderr, status := runLife(t, "", "-pattern", out, "-gens", "0", "-size", "7x6")
			require.Equal(t, 0, status, stderr)
			assert.Equal(t, strings.TrimPrefix(last, "generation 8"), strings.TrimPrefix(again, "generation 0"))
			// And without -size or -topology: the rule's suffix, :P7,6, gives
			// the same board.
			same, _, status := runLife(t, "", "-pattern", out, "-gens", "0")
			require.Equal(t, 0, status)
			assert.Equal(t, strings.TrimPrefix(last, "generation 8"), strings.TrimPrefix(same, "generation 0"))

			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Len(t, entries, 1, "no temporary file is left")
		})
	}
}

func TestOutToStdout(t *testing.T) {
	stdout, stderr, status := runLife(t, "", "-pattern", "blinker", "-size", "5x3", "-gens", "1", "-out", "-")
	require.Equal(t, 0, status, stderr)
	p, err := pattern.Read(strings.NewReader(stdout), "stdout")
	require.NoError(t, err, "stdout is one RLE pattern, and nothing else:\n%s", stdout)
	assert.Equal(t, 5, p.Width)
	assert.Equal(t, 3, p.Height)
	assert.Equal(t, []pattern.Cell{{X: 2, Y: 0}, {X: 2, Y: 1}, {X: 2, Y: 2}}, p.Cells, "generation 1 of the blinker")
}
