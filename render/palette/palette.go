// Package palette holds the colours every renderer gives a cell's state, so
// that the window, the terminal and the pictures agree: an empty cell
// near-black, a live one amber, and the dying states of a Generations rule
// a ramp from a hot orange-red, just after dying, to a dim violet just
// before empty, as Golly and LifeViewer fade their decaying states.
package palette

import "image/color"

// The fixed colours.
var (
	// Empty is the colour of an empty cell, #101218.
	Empty = color.RGBA{R: 0x10, G: 0x12, B: 0x18, A: 0xff}
	// Alive is the colour of a live cell, #ffc83c.
	Alive = color.RGBA{R: 0xff, G: 0xc8, B: 0x3c, A: 0xff}
	// Young is the colour of the first dying state, 2, #e8502a.
	Young = color.RGBA{R: 0xe8, G: 0x50, B: 0x2a, A: 0xff}
	// Old is the colour of the last dying state, #3c2050.
	Old = color.RGBA{R: 0x3c, G: 0x20, B: 0x50, A: 0xff}
)

// Cells returns the colours of the states of a rule with states states (2
// for a two-state rule, at most 256): at index s the colour of state s.
func Cells(states int) color.Palette {
	states = min(max(states, 2), 256)
	p := make(color.Palette, states)
	p[0], p[1] = Empty, Alive
	dying := states - 2
	for i := range dying {
		p[2+i] = Dying(i, dying)
	}
	return p
}

// Dying returns the colour of the i-th of n dying states (i from 0, the
// state 2): Young for the first, Old for the last, evenly between.
func Dying(i, n int) color.RGBA { return Between(Young, Old, i, n) }

// Between returns the i-th of n colours evenly from young (i = 0) to old
// (i = n-1): a ramp of dying states in any theme's colours.
func Between(young, old color.RGBA, i, n int) color.RGBA {
	if n <= 1 {
		return young
	}
	mix := func(a, b uint8) uint8 { return uint8((int(a)*(n-1-i) + int(b)*i + (n-1)/2) / (n - 1)) }
	return color.RGBA{R: mix(young.R, old.R), G: mix(young.G, old.G), B: mix(young.B, old.B), A: mix(young.A, old.A)}
}

// RGBA returns the colour of state s of a rule with states states: s beyond
// the rule's states takes the last one's.
func RGBA(s uint8, states int) color.RGBA {
	switch {
	case s == 0:
		return Empty
	case s == 1:
		return Alive
	}
	n := max(states-2, 1)
	return Dying(min(int(s)-2, n-1), n)
}
