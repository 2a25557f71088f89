package cells

import (
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"colife/life"
)

// TestStopMidGeneration shuts the dense engines down while their drivers
// are in the middle of a generation: every goroutine, and every coroutine,
// must still end.
func TestStopMidGeneration(t *testing.T) {
	for _, tt := range []struct {
		name string
		new  func(w, h int, rule life.Rule, t life.Topology) (*team[generation], func())
	}{
		{"channels", func(w, h int, rule life.Rule, t life.Topology) (*team[generation], func()) {
			e := NewDense(w, h, rule, t)
			return &e.team, e.Stop
		}},
		{"coroutines", func(w, h int, rule life.Rule, t life.Topology) (*team[generation], func()) {
			e := NewDenseCoroutines(w, h, rule, t)
			return &e.team, e.Stop
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ignore := goleak.IgnoreCurrent()
			g, err := life.NewGrid(40, 30)
			require.NoError(t, err)
			g.Cells[5] = life.Alive
			next, err := life.NewGrid(40, 30)
			require.NoError(t, err)
			team, stop := tt.new(40, 30, life.Conway, life.Torus)
			require.NotEmpty(t, team.start)
			gen := generation{cur: g, next: next}
			for _, s := range team.start {
				s <- gen // every driver is now inside its generation
			}
			stop()
			require.NoError(t, goleak.Find(ignore))
		})
	}
}
