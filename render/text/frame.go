package text

import (
	"strconv"

	"colife/life"
)

// Escape sequences for the live view on a VT100-style terminal.
const (
	// EnterAltScreen switches to the alternate screen, leaving the main
	// screen's contents for ExitAltScreen to bring back.
	EnterAltScreen = "\x1b[?1049h"
	// ExitAltScreen returns to the main screen.
	ExitAltScreen = "\x1b[?1049l"
	// HideCursor hides the cursor.
	HideCursor = "\x1b[?25l"
	// ShowCursor shows the cursor.
	ShowCursor = "\x1b[?25h"
	// ClearScreen erases the whole screen.
	ClearScreen = "\x1b[2J"
	// ResetAttributes turns off reverse video and every other attribute.
	ResetAttributes = "\x1b[0m"
)

// Half blocks: one character cell shows two grid cells, the upper one and
// the lower one.
const (
	blockUpper = "\u2580" // ▀
	blockLower = "\u2584" // ▄
	blockFull  = "\u2588" // █
)

// AppendFrame appends to buf one frame of the live view for a terminal of
// cols × rows characters, and returns the extended buffer, so that a caller
// can reuse one buffer and draw each frame with a single Write.
//
// The first rows-1 lines show the grid's top-left cols × 2(rows-1) cells, two
// grid rows per line: '▀' for the upper cell alive, '▄' for the lower, '█' for
// both, a space for neither. A grid smaller than that leaves blank space to
// its right and below; a larger one is cut off. The last line shows status in
// reverse video, cut to cols characters. Every line is written in full after
// moving the cursor to its start, so a frame overwrites the one before it
// without clearing the screen (which would flicker).
func AppendFrame(buf []byte, g *life.Grid, cols, rows int, status string) []byte {
	return Style{}.AppendFrame(buf, g, cols, rows, status)
}

// AppendFrame is text.AppendFrame in style s: in colour, each half block is
// drawn in its cell's colour (the upper one the foreground of '▀', the lower
// one its background), so the dying states of a Generations rule show in
// their ramp; without, a dying cell is drawn as an empty one.
func (s Style) AppendFrame(buf []byte, g *life.Grid, cols, rows int, status string) []byte {
	if cols < 1 || rows < 1 {
		return buf
	}
	colored := s.colored()
	for r := range rows - 1 {
		buf = moveTo(buf, r+1, 1)
		for x := range cols {
			top, bottom := g.At(x, 2*r), g.At(x, 2*r+1)
			if colored {
				buf = s.appendHalves(buf, top, bottom)
				continue
			}
			switch {
			case top == life.Alive && bottom == life.Alive:
				buf = append(buf, blockFull...)
			case top == life.Alive:
				buf = append(buf, blockUpper...)
			case bottom == life.Alive:
				buf = append(buf, blockLower...)
			default:
				buf = append(buf, ' ')
			}
		}
	}
	buf = moveTo(buf, rows, 1)
	buf = append(buf, "\x1b[7m"...)
	n := 0
	for _, c := range status {
		if n == cols {
			break
		}
		if c < ' ' || c > '~' {
			c = '?' // the status line is ASCII: one byte, one column
		}
		buf = append(buf, byte(c))
		n++
	}
	for ; n < cols; n++ {
		buf = append(buf, ' ')
	}
	return append(buf, ResetAttributes...)
}

// appendHalves appends one character cell of two grid cells in colour: '▀'
// in the upper cell's colour over the lower one's, or '▄' in the lower one's
// when only it is not empty, or a space.
func (s Style) appendHalves(buf []byte, top, bottom life.State) []byte {
	switch {
	case top == life.Empty && bottom == life.Empty:
		return append(buf, ' ')
	case top == life.Empty:
		buf = s.appendColor(buf, bottom, false)
		buf = append(buf, blockLower...)
	default:
		buf = s.appendColor(buf, top, false)
		if bottom != life.Empty {
			buf = s.appendColor(buf, bottom, true)
		}
		buf = append(buf, blockUpper...)
	}
	return append(buf, ResetAttributes...)
}

// moveTo appends the sequence that moves the cursor to row, col (from 1).
func moveTo(buf []byte, row, col int) []byte {
	buf = append(buf, "\x1b["...)
	buf = strconv.AppendInt(buf, int64(row), 10)
	buf = append(buf, ';')
	buf = strconv.AppendInt(buf, int64(col), 10)
	return append(buf, 'H')
}
