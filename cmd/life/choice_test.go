package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life/pattern"
)

// printed returns the generations whose header lines are in out, in order.
func printed(out string) []string {
	var gens []string
	for _, m := range regexp.MustCompile(`(?m)^generation (\d+) `).FindAllStringSubmatch(out, -1) {
		gens = append(gens, m[1])
	}
	return gens
}

func TestPrintChoice(t *testing.T) {
	blinker := []string{"-pattern", "blinker", "-size", "5x5", "-engine", "direct"}
	tests := []struct {
		name string
		args []string // after the blinker's; FILE is a file in the test's directory
		want []string // the generations printed
	}{
		{"all by default", []string{"-gens", "3"}, []string{"0", "1", "2", "3"}},
		{"last", []string{"-gens", "3", "-print", "last"}, []string{"3"}},
		{"last, whatever -every says", []string{"-gens", "5", "-every", "2", "-print", "LAST"}, []string{"5"}},
		{"none", []string{"-gens", "3", "-print", "none"}, nil},
		{"none by default with -out FILE", []string{"-gens", "3", "-out", "FILE.rle"}, nil},
		{"none by default with -png", []string{"-gens", "3", "-png", "FILE.png"}, nil},
		{"none by default with -gif", []string{"-gens", "3", "-gif", "FILE.gif"}, nil},
		{"all when asked, with -out FILE", []string{"-gens", "2", "-out", "FILE.cells", "-print", "all"}, []string{"0", "1", "2"}},
		{"last, with -gif", []string{"-gens", "2", "-gif", "FILE.gif", "-print", "last"}, []string{"2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			args := append([]string{}, blinker...)
			var files []string
			for _, a := range tt.args {
				if strings.HasPrefix(a, "FILE") {
					a = filepath.Join(dir, a)
					files = append(files, a)
				}
				args = append(args, a)
			}
			stdout, stderr, status := runLife(t, "", args...)
			require.Equal(t, 0, status, stderr)
			assert.Equal(t, tt.want, printed(stdout), stdout)
			if tt.want == nil {
				assert.Empty(t, stdout)
			}
			for _, f := range files {
				assert.FileExists(t, f, "the file is written, printing or not")
			}
		})
	}
}

func TestPrintLastInColumns(t *testing.T) {
	stdout, stderr, status := runLife(t, "", "-pattern", "blinker", "-size", "3x3", "-topology", "plane", "-columns", "3", "-gens", "5", "-print", "last")
	require.Equal(t, 0, status, stderr)
	assert.Equal(t, " 5 \n-*-\n-*-\n-*-\n", stdout, "generation 5 alone, as a one-column block")
}

func TestOutWritesTheWholeGrid(t *testing.T) {
	// Straight from the grid: the plaintext has every row in full.
	out := filepath.Join(t.TempDir(), "end.cells")
	_, stderr, status := runLife(t, "", "-pattern", "glider", "-size", "300x200", "-gens", "4", "-engine", "direct", "-out", out)
	require.Equal(t, 0, status, stderr)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, 2+200, strings.Count(string(b), "\n"), "the name, the rule and 200 rows")
	p, err := pattern.Load(out, nil)
	require.NoError(t, err)
	assert.Equal(t, "glider, generation 4", p.Name)
	assert.Equal(t, []pattern.Cell{{X: 150, Y: 99}, {X: 151, Y: 100}, {X: 149, Y: 101}, {X: 150, Y: 101}, {X: 151, Y: 101}}, p.Cells)
}

func TestChoiceErrors(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
	}{
		{[]string{"-print", "some"}, `life: invalid value "some" for flag -print: "some": want all, last or none (run life -h for help)`},
		{[]string{"-print", "last", "-watch"}, `life: -print is for print mode, not -watch (run life -h for help)`},
		{[]string{"-print", "all", "-until-stable"}, `life: -print chooses generations to print; -until-stable prints one line instead (run life -h for help)`},
		{[]string{"-print", "all", "-out", "-"}, `life: -print chooses generations to print; -out - prints the last grid's RLE instead (run life -h for help)`},
		{[]string{"-print", "none", "-columns", "3"}, `life: -columns prints generations side by side; -print none prints none (run life -h for help)`},
		{[]string{"-counts", "-columns", "3"}, `life: -counts prints the generations' lines without their grids, in print mode: not with -columns, -watch, -until-stable or -out - (run life -h for help)`},
		{[]string{"-counts", "-watch"}, `life: -counts prints the generations' lines without their grids, in print mode: not with -columns, -watch, -until-stable or -out - (run life -h for help)`},
		{[]string{"-counts", "-until-stable"}, `life: -counts prints the generations' lines without their grids, in print mode: not with -columns, -watch, -until-stable or -out - (run life -h for help)`},
		{[]string{"-counts", "-out", "-"}, `life: -counts prints the generations' lines without their grids, in print mode: not with -columns, -watch, -until-stable or -out - (run life -h for help)`},
		{[]string{"-counts", "-print", "none"}, `life: -counts prints the generations' lines; -print none prints none (run life -h for help)`},
		{[]string{"-speed", "30"}, `life: -speed is for -watch; print mode runs as fast as it can (run life -h for help)`},
		{[]string{"-speed", "0"}, `life: invalid value "0" for flag -speed: want from 0.125 to 16384 generations per second (run life -h for help)`},
		{[]string{"-speed", "quick"}, `life: invalid value "quick" for flag -speed: want a number of generations per second, such as 30 (run life -h for help)`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			assertUsageError(t, tt.args, tt.wantErr)
		})
	}
}

func TestChoiceHelp(t *testing.T) {
	stdout, _, status := runLife(t, "", "-h")
	require.Equal(t, 0, status)
	assert.Contains(t, stdout, "-print WHAT")
	assert.Contains(t, stdout, "none with -gif, -png or -out FILE")
	assert.Contains(t, stdout, "-speed G")
	assert.Contains(t, stdout, "in -watch, target speed in generations per second, G from 0.125 to 16384 (default 10)")
	assert.Contains(t, strings.Join(strings.Fields(stdout), " "), "lifeview's window is a canvas to watch and draw on", "why the two programs' boards differ")
}

func TestMemoryCountsWhatTheRunKeeps(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"the GIF's frames", []string{"-size", "100x100", "-engine", "direct", "-gens", "99", "-gif", filepath.Join(dir, "a.gif"), "-memory", "10M"},
			"life: -size: over the memory budget: the run needs about 15.3 MiB (the start grid 9.8 KiB, the direct engine's two grids 19.5 KiB, the -gif frames 15.3 MiB), and the budget is 10.0 MiB; use a smaller grid, another engine or a larger -memory (run life -h for help)"},
		{"the -columns block", []string{"-pattern", "glider", "-size", "1000x1000", "-engine", "direct", "-columns", "8", "-memory", "16M"},
			"life: -size: over the memory budget: the run needs about 18.1 MiB (the start grid 976.6 KiB, the direct engine's two grids 1.9 MiB, the -columns block 15.3 MiB), and the budget is 16.0 MiB; use a smaller grid, another engine or a larger -memory (run life -h for help)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertUsageError(t, tt.args, tt.wantErr)
		})
	}
	// Printed a row at a time, the same 1000x1000 grid one under another fits.
	_, stderr, status := runLife(t, "", "-pattern", "glider", "-size", "1000x1000", "-engine", "direct", "-gens", "1", "-memory", "16M")
	assert.Equal(t, 0, status, stderr)
}

// assertUsageError runs life with args and wants wantErr, one line on
// standard error, exit status 2, and nothing on standard output.
func assertUsageError(t *testing.T, args []string, wantErr string) {
	t.Helper()
	stdout, stderr, status := runLife(t, "", args...)
	assert.Equal(t, 2, status)
	assert.Empty(t, stdout)
	assert.Equal(t, wantErr+"\n", stderr)
}
