package life_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
)

func TestResultString(t *testing.T) {
	tests := []struct {
		r    life.Result
		want string
	}{
		{life.Result{}, "no repetition within 0 generations"},
		{life.Result{Generations: 500}, "no repetition within 500 generations"},
		{life.Result{Outcome: life.Extinct, Start: 130}, "extinct at generation 130"},
		{life.Result{Outcome: life.StillLife, Start: 4, Period: 1}, "still life from generation 4"},
		{life.Result{Outcome: life.Oscillator, Start: 0, Period: 15}, "period 15 from generation 0"},
		{life.Result{Outcome: life.Spaceship, Start: 2, Period: 4, DX: -1, DY: 1}, "spaceship period 4 moving (-1,1) from generation 2"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.r.String())
		})
	}
}

func BenchmarkDetectorObserve(b *testing.B) {
	for _, n := range []int{64, 256, 1024} {
		b.Run(fmt.Sprintf("%dx%d", n, n), func(b *testing.B) {
			g, err := life.NewGrid(n, n)
			require.NoError(b, err)
			g.Randomize(rand.New(rand.NewPCG(1, 2)), 0.3)
			d := life.NewDetector(0, life.Torus)
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				// A different grid each time, so that nothing matches.
				g.Cells[i%len(g.Cells)] ^= life.Alive
				d.Observe(i, g)
			}
		})
	}
}
