package setup_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/cmd/internal/setup"
	"colife/life"
	"colife/life/sim"
)

func TestStartChecksTheBudget(t *testing.T) {
	// A 1000x1000 direct run takes the start grid and two more: 3 MB. The
	// caller's costs count too.
	c := setup.Config{Random: 0.3, Size: setup.Size{W: 1000, H: 1000}, Engine: sim.Direct, Memory: 3_000_000}
	s, err := c.Start(nil, nil)
	require.NoError(t, err, "3 MB fit in 3 MB")
	assert.Equal(t, 1000, s.Grid.Width())

	c.Costs = func(w, h int) []life.Cost { return []life.Cost{{What: "the pictures", Bytes: uint64(w * h)}} }
	_, err = c.Start(nil, nil)
	require.Error(t, err)
	assert.ErrorIs(t, err, life.ErrBudget)
	var fe *setup.FlagError
	require.ErrorAs(t, err, &fe, "-size was given: a usage error")
	assert.Equal(t, "size", fe.Flag)
	assert.EqualError(t, err, "-size: over the memory budget: the run needs about 3.8 MiB (the start grid 976.6 KiB, the direct engine's two grids 1.9 MiB, the pictures 976.6 KiB), and the budget is 2.9 MiB; use a smaller grid, another engine or a larger -memory")

	c = setup.Config{Memory: 512 << 20}
	assert.Equal(t, uint64(512<<20), c.Budget())
	c.Memory = 0
	assert.Equal(t, life.DefaultBudget(), c.Budget())
}
