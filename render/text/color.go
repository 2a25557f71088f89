package text

import (
	"image/color"
	"strconv"
	"strings"

	"colife/life"
	"colife/render/palette"
)

// Colors is how many colours a terminal shows, for the dying states of a
// Generations rule.
type Colors uint8

const (
	// NoColor draws two-state glyphs: a dying cell as an empty one. It is
	// what a pipe or a file gets.
	NoColor Colors = iota
	// Color256 uses the 256-colour palette of xterm and its kin.
	Color256
	// TrueColor uses 24-bit colour.
	TrueColor
)

// DetectColors says what a terminal shows, from whether the output is a
// terminal and its environment (getenv is os.Getenv, or a test's): nothing
// for a pipe, a dumb terminal or NO_COLOR; 24-bit colour when COLORTERM says
// truecolor or 24bit; 256 colours otherwise.
func DetectColors(terminal bool, getenv func(string) string) Colors {
	switch {
	case !terminal, getenv("NO_COLOR") != "", getenv("TERM") == "dumb":
		return NoColor
	}
	switch strings.ToLower(getenv("COLORTERM")) {
	case "truecolor", "24bit":
		return TrueColor
	}
	return Color256
}

// ParseColors reads a -color flag: "auto" (ok is false: detect), "never",
// "256" or "truecolor".
func ParseColors(s string) (c Colors, auto bool, err error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "auto", "":
		return NoColor, true, nil
	case "never", "none", "off":
		return NoColor, false, nil
	case "256":
		return Color256, false, nil
	case "truecolor", "24bit":
		return TrueColor, false, nil
	}
	return NoColor, false, &colorsError{s}
}

type colorsError struct{ s string }

func (e *colorsError) Error() string {
	return strconv.Quote(e.s) + ": want auto, never, 256 or truecolor"
}

// Style is how the terminal draws a grid: with Colors, the states of a rule
// of States states in the colours of render/palette. The zero Style, or one
// of a two-state rule, draws as the book does, with no escape sequence.
type Style struct {
	Colors Colors
	States int
}

// colored reports whether s draws in colour.
func (s Style) colored() bool { return s.Colors != NoColor && s.States > 2 }

// appendColor appends the sequence that sets the foreground (or, with bg,
// the background) to the colour of state st.
func (s Style) appendColor(buf []byte, st life.State, bg bool) []byte {
	c := palette.RGBA(uint8(st), s.States)
	layer := "38"
	if bg {
		layer = "48"
	}
	buf = append(buf, "\x1b["...)
	buf = append(buf, layer...)
	if s.Colors == TrueColor {
		buf = append(buf, ";2;"...)
		buf = strconv.AppendInt(buf, int64(c.R), 10)
		buf = append(buf, ';')
		buf = strconv.AppendInt(buf, int64(c.G), 10)
		buf = append(buf, ';')
		buf = strconv.AppendInt(buf, int64(c.B), 10)
	} else {
		buf = append(buf, ";5;"...)
		buf = strconv.AppendInt(buf, int64(xterm256(c)), 10)
	}
	return append(buf, 'm')
}

// cubeLevels are the six levels of each channel of xterm's colour cube.
var cubeLevels = [6]int{0, 95, 135, 175, 215, 255}

// xterm256 returns the nearest colour of xterm's 6 × 6 × 6 cube, channel
// by channel.
func xterm256(c color.RGBA) int {
	level := func(v uint8) int {
		best := 0
		for i, l := range cubeLevels {
			if abs(int(v)-l) < abs(int(v)-cubeLevels[best]) {
				best = i
			}
		}
		return best
	}
	return 16 + 36*level(c.R) + 6*level(c.G) + level(c.B)
}

func abs(v int) int { return max(v, -v) }
