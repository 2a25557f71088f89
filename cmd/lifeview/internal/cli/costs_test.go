package cli_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/cmd/internal/setup"
	"colife/cmd/lifeview/internal/cli"
	"colife/life"
)

func TestMemoryCountsTheHistoryUndoAndPictures(t *testing.T) {
	sizer := setup.Fit(cli.Margin, cli.DefaultSize())
	board := []string{"-random", "0.3", "-size", "1000x1000", "-engine", "direct", "-topology", "torus", "-memory", "350M"}
	tests := []struct {
		name    string
		args    []string
		wantErr string // "" for a start that fits
	}{
		{"the default history, 256 generations, and undo's 64 MiB fit", nil, ""},
		{"a longer one does not", []string{"-history", "400"},
			"-size: over the memory budget: the run needs about 448.3 MiB (the start grid 976.6 KiB, the direct engine's two grids 1.9 MiB, the -history generations 381.5 MiB, the boards kept for undo 64.0 MiB), and the budget is 350.0 MiB; use a smaller grid, another engine or a larger -memory"},
		{"a short GIF fits, and keeps no history", []string{"-gens", "19", "-gif", filepath.Join(t.TempDir(), "a.gif"), "-zoom", "2"}, ""},
		{"a long one does not", []string{"-gens", "99", "-gif", filepath.Join(t.TempDir(), "a.gif"), "-zoom", "2"},
			"-size: over the memory budget: the run needs about 384.3 MiB (the start grid 976.6 KiB, the direct engine's two grids 1.9 MiB, the -gif frames 381.5 MiB), and the budget is 350.0 MiB; use a smaller grid, another engine or a larger -memory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := cli.Parse(append(append([]string{}, board...), tt.args...), nil)
			require.NoError(t, err)
			_, err = c.Start(nil, sizer)
			if tt.wantErr == "" {
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, life.ErrBudget)
			assert.EqualError(t, err, tt.wantErr)
		})
	}
}
