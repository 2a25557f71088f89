package hashlife_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/life"
	"colife/life/hashlife"
)

// inside counts the live cells of a universe in r.
func inside(u *life.Universe, r life.Rect) int {
	n := 0
	u.Live(r, func(int64, int64) { n++ })
	return n
}

// TestGosperGun runs the Gosper gun to generation 2^40. Its population
// there is the gun's own cells at that phase plus 5 for each glider it has
// emitted, and the test derives both from a direct run of the first 120
// generations: the gun's cells are those in a box around it, which repeat
// every 30 generations, and the gliders those beyond, 5 cells each, one
// more every 30 generations. A glider just emitted straddles the box's
// edge for some phases, so the box is grown until at the target's phase
// none does. None crashes: they fly off into empty space.
func TestGosperGun(t *testing.T) {
	u := load(t, "gosper")
	d := newDirect(t, life.Conway, u)
	const period, last = 30, 120
	const target = uint64(1) << 40
	second := last - int((uint64(last)-target%period)%period) // the last generation of the target's phase
	first := second - period
	at := make(map[int]*life.Universe)
	for g := 0; g <= last; g++ {
		if g == first || g == second {
			at[g] = d.sim.Universe().Clone()
		}
		d.run(t, 1)
	}
	var gun life.Rect
	gliders := make(map[int]int)
	for margin := int64(1); margin < 10 && gun.Empty(); margin++ {
		box := u.Bounds().Inset(margin)
		ok := true
		for _, g := range []int{first, second} {
			out := at[g].Population() - inside(at[g], box)
			ok = ok && out%5 == 0
			gliders[g] = out / 5
		}
		if ok && gliders[first] > 0 && gliders[second] == gliders[first]+1 &&
			assert.ObjectsAreEqual(cells(at[first].Cells, box), cells(at[second].Cells, box)) {
			gun = box
		}
	}
	require.False(t, gun.Empty(), "no box around the gun repeats with period %d and adds a glider each period", period)
	own := cells(at[second].Cells, gun)
	t.Logf("generation %d: %d gun cells in %s, %d gliders", second, len(own), gun, gliders[second])
	wantGliders := uint64(gliders[second]) + (target-uint64(second))/period
	want := uint64(len(own)) + 5*wantGliders

	e := newEngine(t, life.Conway, u, hashlife.Options{})
	require.NoError(t, e.Step(context.Background(), target))
	assert.Equal(t, target, e.Generation())
	assert.Equal(t, want, e.Population(), "%d gun cells and %d gliders", len(own), wantGliders)
	assert.Equal(t, own, cells(e.Cells, gun), "the gun at generation 2^40")
	assert.Equal(t, want, e.PopulationBig().Uint64())
	// The gliders fly south-east at c/4: the farthest has gone about 2^38
	// cells.
	b := e.Bounds()
	assert.Equal(t, u.Bounds().Min, b.Min)
	assert.InDelta(t, float64(target/4), float64(b.Max.X), 100)
	assert.InDelta(t, float64(target/4), float64(b.Max.Y), 100)
}

// methuselahs are the two the brief names: their populations where they
// settle, checked against the direct engine, and at 10^6 against their
// remains and gliders.
var methuselahs = []struct {
	name    string
	settled int
}{
	{"r-pentomino", 1103},
	{"acorn", 5206},
}

// TestMethuselahs runs the R-pentomino and acorn to where they settle,
// against the direct engine, and to generation 10^6, where the population
// is what is left near the start (still lifes and blinkers, at the phase of
// 10^6) plus 5 for each glider: both counted on a direct run carried on
// until the gliders have left the box the settled pattern fills.
func TestMethuselahs(t *testing.T) {
	const target = 1_000_000
	for _, m := range methuselahs {
		t.Run(m.name, func(t *testing.T) {
			u := load(t, m.name)
			d := newDirect(t, life.Conway, u)
			e := newEngine(t, life.Conway, u, hashlife.Options{})
			d.run(t, m.settled)
			require.NoError(t, e.Step(context.Background(), uint64(m.settled)))
			require.True(t, same(t, d, e, fmt.Sprintf("generation %d", m.settled)))

			// Run on until every glider is 40 cells beyond the box of
			// the settled pattern (gliders go a cell diagonally every
			// 4 generations), at the parity of the target.
			box := d.sim.Bounds()
			more := 4 * (40 + int(max(box.Dx(), box.Dy())))
			more += (target - m.settled - more) % 2
			remainsAt := func() []life.Point { return cells(d.sim.Universe().Cells, box) }
			d.run(t, more)
			remains := remainsAt()
			out := d.sim.Population() - len(remains)
			require.Zero(t, out%5, "%d cells beyond the box", out)
			d.run(t, 2)
			require.Equal(t, remains, remainsAt(), "the remains repeat with period 2")
			require.Equal(t, out, d.sim.Population()-len(remains), "the gliders are still gliders")

			require.NoError(t, e.Step(context.Background(), target-uint64(m.settled)))
			assert.Equal(t, uint64(len(remains)+out), e.Population(), "%d remains and %d gliders", len(remains), out/5)
			assert.Equal(t, remains, cells(e.Cells, box), "the remains")
		})
	}
}

// TestBreeder runs the switch-engine breeder, whose population grows as the
// square of the generation, against the direct engine at each power of two
// to 2^12, and to 2^20, where bgolly gives its population.
func TestBreeder(t *testing.T) {
	u := load(t, "testdata/switch-engine-breeder.rle")
	d := newDirect(t, life.Conway, u)
	e := newEngine(t, life.Conway, u, hashlife.Options{})
	for k := range 13 {
		n := uint64(1) << k
		step := n - e.Generation()
		require.NoError(t, e.Step(context.Background(), step))
		d.run(t, int(step))
		require.True(t, same(t, d, e, fmt.Sprintf("generation %d", n)))
	}
	require.NoError(t, e.Step(context.Background(), 1<<20-e.Generation()))
	// `bgolly -a HashLife -m 1048576 testdata/switch-engine-breeder.rle`
	// (Golly 3.3) prints "1,048,576: 764,025,216".
	assert.Equal(t, uint64(764_025_216), e.Population())
}
