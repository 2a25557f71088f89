package life

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStepCellQueriesInTheBooksOrder(t *testing.T) {
	var p recorder
	StepCell(&p, 4, 7, &Conway)
	assert.Equal(t, []Query{{4, 7}, {4, 6}, {5, 6}, {5, 7}, {5, 8}, {4, 8}, {3, 8}, {3, 7}, {3, 6}}, p.queries)
	assert.Equal(t, []Transition{{4, 7, Alive}}, p.transitions, "a live cell with 3 of its 8 neighbours alive survives")
}

// recorder is a port that answers Alive for itself and every second
// neighbour query, and records what the program sent.
type recorder struct {
	queries     []Query
	transitions []Transition
}

func (r *recorder) Query(q Query) State {
	r.queries = append(r.queries, q)
	if len(r.queries) == 1 || len(r.queries)%3 == 0 {
		return Alive
	}
	return Empty
}

func (r *recorder) Transition(t Transition) { r.transitions = append(r.transitions, t) }
