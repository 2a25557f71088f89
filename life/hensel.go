package life

import "strings"

// A cell's neighbourhood, in this file and in Rule, is a byte: which of its
// eight neighbours are alive, one bit each in the order of the neighbourhood
// table (cell.go): bit 0 is N, then NE, E, SE, S, SW, W and bit 7 is NW,
// clockwise. Turning the picture a quarter turn moves every bit two places
// round; mirroring it left to right takes bit i to bit (8-i) mod 8.

// henselLetters lists, for each count of live neighbours, the letters of
// Hensel notation for its configurations, in the order Golly writes them. Counts 5 to 7 use the letters of 3 to 1: a configuration of
// n live neighbours has the letter of its complement, of 8-n.
var henselLetters = [9]string{
	0: "",
	1: "ce",
	2: "ceaikn",
	3: "ceaiknjqry",
	4: "ceaiknjqrytwz",
	5: "ceaiknjqry",
	6: "ceaikn",
	7: "ce",
	8: "",
}

// henselPictures draws one configuration of each letter of counts 1 to 4,
// row by row from the top, 'o' a live neighbour and '.' a dead one (the
// middle is the cell itself). The letters name their configurations up to
// rotation and reflection: c corners, e edges, a adjacent, i a line through
// the middle or along a side, and so on, as LifeWiki's table of Hensel
// notation shows them.
var henselPictures = map[string]string{
	"1c": "o.. ... ...", "1e": ".o. ... ...",

	"2c": "o.o ... ...", "2e": ".o. o.. ...", "2k": "o.. ..o ...",
	"2a": "oo. ... ...", "2i": "... o.o ...", "2n": "..o ... o..",

	"3c": "o.o ... o..", "3e": ".o. o.o ...", "3k": ".o. ..o o..",
	"3a": "oo. o.. ...", "3i": "ooo ... ...", "3n": "o.o o.. ...",
	"3j": ".oo o.. ...", "3q": ".oo ... o..", "3r": "o.. o.o ...",
	"3y": "o.. ..o o..",

	"4c": "o.o ... o.o", "4e": ".o. o.o .o.", "4k": "oo. ..o o..",
	"4a": "ooo o.. ...", "4i": "o.o o.o ...", "4n": "ooo ... o..",
	"4j": ".o. o.o o..", "4q": ".oo ..o o..", "4r": "oo. o.o ...",
	"4y": "o.o ..o o..", "4t": "o.. o.o o..", "4w": ".oo o.. o..",
	"4z": "..o o.o o..",
}

// pictureOrder maps the nine places of a picture, row by row, to the bits
// of a neighbourhood; the middle, -1, is the cell itself.
var pictureOrder = [9]int{7, 0, 1, 6, -1, 2, 5, 4, 3}

// hensel[m] is the letter of neighbourhood m, the index of its letter in
// henselLetters[popcount(m)]; 0 for counts 0 and 8, which have one
// configuration each.
var hensel = func() (h [256]uint8) {
	for name, pic := range henselPictures {
		n := int(name[0] - '0')
		letter := strings.IndexByte(henselLetters[n], name[1])
		var m uint8
		for i, c := range strings.ReplaceAll(pic, " ", "") {
			if c == 'o' {
				m |= 1 << pictureOrder[i]
			}
		}
		for _, v := range symmetries(m) {
			h[v] = uint8(letter)
			if n < 4 {
				h[^v] = uint8(letter) // the complement, of 8-n, has the same letter
			}
		}
	}
	return h
}()

// symmetries returns the eight images of m under rotation and reflection.
func symmetries(m uint8) [8]uint8 {
	var out [8]uint8
	for i := range 4 {
		r := m<<(2*i) | m>>(8-2*i)
		out[2*i], out[2*i+1] = r, mirror(r)
	}
	return out
}

// mirror reflects m left to right: N and S stay, NE and NW swap, and so on.
func mirror(m uint8) uint8 {
	var out uint8
	for i := range 8 {
		if m>>i&1 == 1 {
			out |= 1 << ((8 - i) % 8)
		}
	}
	return out
}
