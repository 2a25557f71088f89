package hashlife_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/hashlife"
	"colife/life/pattern"
)

func TestQuick(t *testing.T) {
	if os.Getenv("QUICK") == "" {
		t.Skip()
	}
	for _, c := range []struct {
		p string
		n uint64
	}{
		{"gosper", 1 << 40},
		{"acorn", 1000000},
		{"r-pentomino", 1000000},
		{"/usr/share/golly/Patterns/Life/Breeders/switch-engine-breeder.rle", 1 << 20},
		
		{"/usr/share/golly/Patterns/Life/Breeders/switch-engine-breeder-MR.rle", 1 << 20},
	} {
		p, err := pattern.Load(c.p, nil)
		require.NoError(t, err)
		u := life.NewUniverse()
		for _, c := range p.Cells {
			u.Set(int64(c.X), int64(c.Y), life.Alive)
		}
		e := newEngine(t, life.Conway, u, hashlife.Options{})
		start := time.Now()
		require.NoError(t, e.Step(context.Background(), c.n))
		t.Log(c.p, time.Since(start), e.Population(), e.Nodes(), e.Bytes()>>20, "MiB", e.Collections())
	}
}
