package palette_test

import (
	"image/color"
	"testing"

	"github.com/stretchr/testify/assert"

	"colife/render/palette"
)

func TestCells(t *testing.T) {
	two := palette.Cells(2)
	assert.Equal(t, color.Palette{palette.Empty, palette.Alive}, two)

	bb := palette.Cells(3) // Brian's Brain: one dying state
	assert.Len(t, bb, 3)
	assert.Equal(t, palette.Young, bb[2])

	p := palette.Cells(24)
	assert.Len(t, p, 24)
	assert.Equal(t, palette.Young, p[2])
	assert.Equal(t, palette.Old, p[23])
	// The ramp darkens step by step: each dying state is no brighter than
	// the one before, and all are distinct.
	seen := map[color.Color]bool{}
	for s := 2; s < 24; s++ {
		c := p[s].(color.RGBA)
		assert.False(t, seen[c], "state %d repeats a colour", s)
		seen[c] = true
		if s > 2 {
			prev := p[s-1].(color.RGBA)
			assert.LessOrEqual(t, int(c.R)+int(c.G), int(prev.R)+int(prev.G), "state %d", s)
		}
		assert.Equal(t, c, palette.RGBA(uint8(s), 24))
	}
	assert.Equal(t, palette.Old, palette.RGBA(200, 24), "a state beyond the rule's takes the last colour")
	assert.Len(t, palette.Cells(1000), 256)
}
