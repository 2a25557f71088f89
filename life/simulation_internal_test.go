package life

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// TestStopMidGeneration shuts the goroutine engine down while its drivers
// are in the middle of a generation: every goroutine must still end.
func TestStopMidGeneration(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	g, err := NewGrid(40, 30)
	require.NoError(t, err)
	g.Cells[5] = Alive
	next, err := NewGrid(40, 30)
	require.NoError(t, err)
	e := newGoroutines(40, 30, Conway, Torus)
	require.Greater(t, len(e.drivers), 1)
	gen := generation{cur: g, next: next}
	for _, s := range e.start {
		s <- gen // every driver is now inside live
	}
	e.stop()
	require.NoError(t, goleak.Find(ignore))
}

// TestCheckMemory refuses a goroutine engine bigger than the machine.
func TestCheckMemory(t *testing.T) {
	if totalMemory() == 0 {
		t.Skip("this system does not say how much memory it has")
	}
	assert.NoError(t, checkMemory(100, 100, BytesPerCell, "x", 0))
	assert.ErrorIs(t, checkMemory(1<<15, 1<<15, BytesPerCell, "x", 0), ErrSize)
}

func TestStepCellQueriesInTheBooksOrder(t *testing.T) {
	var p recorder
	stepCell(&p, 4, 7, &Conway)
	assert.Equal(t, []Query{{4, 7}, {4, 6}, {5, 6}, {5, 7}, {5, 8}, {4, 8}, {3, 8}, {3, 7}, {3, 6}}, p.queries)
	assert.Equal(t, []Transition{{4, 7, Alive}}, p.transitions, "a live cell with 3 of its 8 neighbours alive survives")
}

// recorder is a port that answers Alive for itself and every second
// neighbour query, and records what the program sent.
type recorder struct {
	queries     []Query
	transitions []Transition
}

func (r *recorder) query(q Query) State {
	r.queries = append(r.queries, q)
	if len(r.queries) == 1 || len(r.queries)%3 == 0 {
		return Alive
	}
	return Empty
}

func (r *recorder) transition(t Transition) { r.transitions = append(r.transitions, t) }
