package life_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/cells"
	"colife/life/sim"
)

func TestEngineCosts(t *testing.T) {
	tests := []struct {
		engine sim.Engine
		want   []life.Cost
	}{
		{sim.Direct, []life.Cost{{What: "the direct engine's two grids", Bytes: 2 * 6}}},
		{sim.Dense, []life.Cost{{What: "the dense engine's two grids", Bytes: 2 * 6}, {What: "its goroutines", Bytes: cells.BytesPerCell * 6}}},
		{sim.Goroutine, []life.Cost{{What: "the goroutine engine's grid", Bytes: 6}, {What: "its bookkeeping", Bytes: cells.BookkeepingPerCell * 6}}},
	}
	for _, tt := range tests {
		t.Run(tt.engine.String(), func(t *testing.T) {
			assert.Equal(t, tt.want, tt.engine.Costs(3, 2))
		})
	}
}

func TestCheckBudget(t *testing.T) {
	costs := []life.Cost{{What: "the start grid", Bytes: 1 << 30}, {What: "nothing", Bytes: 0}, {What: "the pictures", Bytes: 512 << 20}}
	require.NoError(t, life.CheckBudget(3<<29, costs...), "exactly the budget fits")
	err := life.CheckBudget(1<<30, costs...)
	require.Error(t, err)
	assert.True(t, errors.Is(err, life.ErrBudget))
	assert.EqualError(t, err, "over the memory budget: the run needs about 1.5 GiB (the start grid 1.0 GiB, the pictures 512.0 MiB), and the budget is 1.0 GiB; use a smaller grid, another engine or a larger -memory")
}
