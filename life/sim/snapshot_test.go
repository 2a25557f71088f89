package sim_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/sim"
)

// TestSnapshotRestore keeps a generation aside, runs on, and restores it, on
// every engine and topology: the board is the one kept, whatever ran since,
// and Holds tells it from the boards after it and after an edit.
func TestSnapshotRestore(t *testing.T) {
	for _, top := range []life.Topology{life.Torus, life.Plane, life.Unbounded} {
		for _, e := range append(engines, sim.Hashlife) {
			if top == life.Unbounded && e.EveryCell() || top != life.Unbounded && e == sim.Hashlife {
				continue
			}
			t.Run(top.String()+"/"+e.String(), func(t *testing.T) {
				g := pic(t, "......", "..*...", "...*..", ".***..", "......", "......")
				s := newSim(t, g, sim.Options{Rule: life.Conway, Topology: top, Engine: e})
				require.NoError(t, s.Run(context.Background(), 3))
				kept := s.Snapshot()
				defer kept.Release()
				want := cells(kept.Board())
				assert.True(t, s.Holds(kept))
				require.NoError(t, s.Run(context.Background(), 5))
				assert.False(t, s.Holds(kept), "the glider has moved")
				require.NoError(t, s.Restore(kept, 3))
				assert.Equal(t, 3, s.Generation())
				assert.Equal(t, want, cells(s.Board()))
				assert.True(t, s.Holds(kept))
				s.Set(0, 0, life.Alive)
				assert.Equal(t, life.Alive, s.At(0, 0))
				assert.False(t, s.Holds(kept), "an edit")
				assert.Equal(t, want, cells(kept.Board()), "the snapshot is a copy: the edit is not in it")
				require.NoError(t, s.Run(context.Background(), 1))
			})
		}
	}
}

// cells lists the cells of b that are not Empty, in Board.Cells's order.
func cells(b life.Board) []life.Point {
	var out []life.Point
	b.Cells(b.Bounds(), func(x, y int64, _ life.State) { out = append(out, life.Point{X: x, Y: y}) })
	return out
}
