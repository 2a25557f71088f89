package cells

import (
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"colife/life"
)

// TestStopMidGeneration shuts the goroutine engine down while its drivers
// are in the middle of a generation: every goroutine must still end.
func TestStopMidGeneration(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	g, err := life.NewGrid(40, 30)
	require.NoError(t, err)
	g.Cells[5] = life.Alive
	next, err := life.NewGrid(40, 30)
	require.NoError(t, err)
	e := NewDense(40, 30, life.Conway, life.Torus)
	require.Greater(t, len(e.drivers), 1)
	gen := generation{cur: g, next: next}
	for _, s := range e.start {
		s <- gen // every driver is now inside live
	}
	e.Stop()
	require.NoError(t, goleak.Find(ignore))
}
