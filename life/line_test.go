package life_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"colife/life"
)

func TestLine(t *testing.T) {
	p := func(x, y int64) life.Point { return life.Point{X: x, Y: y} }
	tests := []struct {
		name string
		a, b life.Point
		want []life.Point
	}{
		{"one cell", p(3, -2), p(3, -2), []life.Point{p(3, -2)}},
		{"across", p(0, 0), p(3, 0), []life.Point{p(0, 0), p(1, 0), p(2, 0), p(3, 0)}},
		{"up", p(1, 1), p(1, -1), []life.Point{p(1, 1), p(1, 0), p(1, -1)}},
		{"a diagonal, leftwards", p(2, 0), p(0, 2), []life.Point{p(2, 0), p(1, 1), p(0, 2)}},
		{"shallow", p(0, 0), p(4, 1), []life.Point{p(0, 0), p(1, 0), p(2, 1), p(3, 1), p(4, 1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []life.Point
			life.Line(tt.a, tt.b, func(q life.Point) { got = append(got, q) })
			assert.Equal(t, tt.want, got)
		})
	}
}
