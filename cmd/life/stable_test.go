package main

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUntilStable(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin string
		want  string
	}{
		{
			name: "diehard on a 40x30 plane",
			args: []string{"-pattern", "diehard", "-size", "40x30", "-topology", "plane", "-engine", "direct"},
			want: "extinct at generation 130\n",
		},
		{
			name: "diehard with the goroutine engine",
			args: []string{"-pattern", "diehard", "-size", "40x30", "-topology", "plane"},
			want: "extinct at generation 130\n",
		},
		{
			name: "R-pentomino on the unbounded plane, its gliders flying off",
			args: []string{"-pattern", "r-pentomino", "-topology", "unbounded", "-engine", "direct"},
			want: "period 4 from generation 1103, with 6 spaceships flying off\n",
		},
		{
			name: "glider on the unbounded plane",
			args: []string{"-pattern", "glider", "-topology", "infinite"},
			want: "spaceship period 4 moving (1,1) from generation 0\n",
		},
		{
			name: "block",
			args: []string{"-pattern", "block"},
			want: "still life from generation 0\n",
		},
		{
			// Each cell of the L has two neighbours, the corner three.
			name:  "an L becomes a block",
			args:  []string{"-pattern", "-", "-size", "6x6"},
			stdin: "OO\nO.\n",
			want:  "still life from generation 1\n",
		},
		{
			name: "pulsar",
			args: []string{"-pattern", "pulsar", "-topology", "plane", "-engine", "direct"},
			want: "period 3 from generation 0\n",
		},
		{
			name: "pentadecathlon",
			args: []string{"-pattern", "pentadecathlon", "-size", "30x20", "-engine", "direct"},
			want: "period 15 from generation 0\n",
		},
		{
			name: "glider on a large plane",
			args: []string{"-pattern", "glider", "-size", "40x40", "-topology", "plane", "-engine", "direct"},
			want: "spaceship period 4 moving (1,1) from generation 0\n",
		},
		{
			name: "lightweight spaceship on a torus",
			args: []string{"-pattern", "lwss", "-size", "20x10"},
			want: "spaceship period 4 moving (-2,0) from generation 0\n",
		},
		{
			name: "-gens runs out",
			args: []string{"-pattern", "pulsar", "-gens", "2"},
			want: "no repetition within 2 generations\n",
		},
		{
			name: "-gens 0",
			args: []string{"-pattern", "block", "-gens", "0"},
			want: "no repetition within 0 generations\n",
		},
		{
			name: "-gens is enough",
			args: []string{"-pattern", "pulsar", "-gens", "3"},
			want: "period 3 from generation 0\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, status := runLife(t, tt.stdin, append(tt.args, "-until-stable")...)
			require.Equal(t, 0, status, stderr)
			assert.Empty(t, stderr)
			assert.Equal(t, tt.want, stdout)
		})
	}
}

// TestUntilStableSoup checks the line for a soup against the generations
// printed: the grid at N recurs P generations later, and the one before N
// does not.
func TestUntilStableSoup(t *testing.T) {
	args := []string{"-random", "0.35", "-seed", "4", "-size", "16x16", "-engine", "direct"}
	stdout, stderr, status := runLife(t, "", append(args, "-until-stable")...)
	require.Equal(t, 0, status, stderr)
	var n, p int
	_, err := fmt.Sscanf(stdout, "period %d from generation %d\n", &p, &n)
	require.NoError(t, err, "a period: %q", stdout)
	require.Positive(t, n, "the soup needs a few generations to settle")

	printed, stderr, status := runLife(t, "", append(args, "-gens", strconv.Itoa(n+p))...)
	require.Equal(t, 0, status, stderr)
	grids := strings.Split(printed, "generation ")[1:] // "N  population P\n<rows>\n\n"
	require.Len(t, grids, n+p+1)
	grid := func(g int) string { _, rows, _ := strings.Cut(grids[g], "\n"); return rows }
	assert.Equal(t, grid(n), grid(n+p), "generation %d recurs at %d", n, n+p)
	assert.NotEqual(t, grid(n-1), grid(n-1+p), "generation %d does not recur", n-1)
	for q := 1; q < p; q++ {
		assert.NotEqual(t, grid(n), grid(n+q), "no shorter period %d", q)
	}
}

func TestUntilStableHelp(t *testing.T) {
	stdout, _, status := runLife(t, "", "-h")
	require.Equal(t, 0, status)
	assert.Regexp(t, `\n  -until-stable\n.*periods up to 1000`, stdout)
}

func TestUntilStableErrors(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"with -watch", []string{"-until-stable", "-watch"}, "life: -until-stable is for print mode, not -watch (run life -h for help)\n"},
		{"with -columns", []string{"-until-stable", "-columns", "5"}, "life: -until-stable prints one line, not -columns (run life -h for help)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, status := runLife(t, "", tt.args...)
			assert.Equal(t, 2, status)
			assert.Empty(t, stdout)
			assert.Equal(t, tt.wantErr, stderr)
		})
	}
}
