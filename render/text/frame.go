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
	// MouseOn asks the terminal to report mouse buttons pressed and
	// released, and the moves while one is held (xterm's modes 1000 and
	// 1002), in SGR form (mode 1006): ESC [ < button ; column ; row, then M
	// for a press or a move, m for a release.
	MouseOn = "\x1b[?1000h\x1b[?1002h\x1b[?1006h"
	// MouseOff turns MouseOn's reports off again.
	MouseOff = "\x1b[?1006l\x1b[?1002l\x1b[?1000l"
)

// Half blocks: one character cell shows two pixels, the upper one and the
// lower one.
const (
	blockUpper = "\u2580" // ▀
	blockLower = "\u2584" // ▄
	blockFull  = "\u2588" // █
)

// Shades for a character of several cells, by the share of them alive: up
// to a quarter, a half, three quarters, more.
var shades = [...]string{"\u2591", "\u2592", "\u2593", blockFull} // ░ ▒ ▓ █

// AppendFrame appends to buf one frame of the live view for a terminal of
// cols × rows characters, and returns the extended buffer, so that a caller
// can reuse one buffer and draw each frame with a single Write. It is
// Frame.Append with the grid's top-left corner at the screen's, at zoom 0.
func AppendFrame(buf []byte, g *life.Grid, cols, rows int, status string) []byte {
	var f Frame
	return f.Append(buf, Viewport{Cols: cols, Rows: rows - 1}, g.Board(), status)
}

// Frame draws the frames of the live view. The zero Frame is ready to use;
// it keeps its buffer of pixels from one frame to the next.
type Frame struct {
	// Style draws the dying states of a Generations rule in colour; the
	// zero Style draws the book's two states.
	Style Style
	pix   []uint32     // live cells in each pixel of the viewport
	state []life.State // in colour: each pixel's state, Alive if any of its cells is, else the first not Empty
}

// Append appends one frame to buf and returns the extended buffer: the
// viewport's v.Rows lines of the board, then a line of status.
//
// At zoom 0 and below, '▀' is drawn for the upper pixel alive, '▄' for the
// lower, '█' for both, a space for neither. Above zoom 0 a character shows
// its 2^z × 2^(z+1) cells shaded by how many are alive: ' ' none, '░' up to a
// quarter, '▒' up to half, '▓' up to three quarters, '█' more. Every line
// is written in full after moving the cursor to its start, so a frame
// overwrites the one before it without clearing the screen (which would
// flicker). The status line is in reverse video, cut to v.Cols characters.
func (f *Frame) Append(buf []byte, v Viewport, b life.Board, status string) []byte {
	if v.Cols < 1 || v.Rows < 0 {
		return buf
	}
	w, _ := v.pixels()
	f.count(v, b)
	colored := f.Style.colored()
	for r := range v.Rows {
		buf = moveTo(buf, r+1, 1)
		top, bottom := f.pix[2*r*w:(2*r+1)*w], f.pix[(2*r+1)*w:(2*r+2)*w]
		for x := range w {
			if colored {
				buf = f.Style.appendColored(buf, v.Zoom, top[x], bottom[x], f.state[2*r*w+x], f.state[(2*r+1)*w+x])
				continue
			}
			buf = appendGlyph(buf, v.Zoom, top[x], bottom[x])
		}
	}
	buf = moveTo(buf, v.Rows+1, 1)
	buf = append(buf, "\x1b[7m"...)
	n := 0
	for _, c := range status {
		if n == v.Cols {
			break
		}
		if c < ' ' || c > '~' {
			c = '?' // the status line is ASCII: one byte, one column
		}
		buf = append(buf, byte(c))
		n++
	}
	for ; n < v.Cols; n++ {
		buf = append(buf, ' ')
	}
	return append(buf, ResetAttributes...)
}

// count fills f.pix with the live cells of each pixel of v.
func (f *Frame) count(v Viewport, b life.Board) {
	w, h := v.pixels()
	if cap(f.pix) < w*h {
		f.pix = make([]uint32, w*h)
	}
	f.pix = f.pix[:w*h]
	clear(f.pix)
	r := v.Rect()
	if f.Style.colored() {
		f.countStates(v, b, w, h)
		return
	}
	if v.Zoom >= 0 {
		z := v.Zoom
		life.Live(b, r, func(x, y int64) {
			px, py := (x-r.Min.X)>>z, (y-r.Min.Y)>>z
			if px >= 0 && px < int64(w) && py >= 0 && py < int64(h) {
				f.pix[int(py)*w+int(px)]++
			}
		})
		return
	}
	k := -v.Zoom // a cell is 2^k pixels on a side
	life.Live(b, r, func(x, y int64) {
		x0, y0 := (x-r.Min.X)<<k, (y-r.Min.Y)<<k
		for py := max(y0, 0); py < min(y0+1<<k, int64(h)); py++ {
			for px := max(x0, 0); px < min(x0+1<<k, int64(w)); px++ {
				f.pix[int(py)*w+int(px)] = 1
			}
		}
	})
}

// appendGlyph appends the character of a pixel pair with top and bottom
// live cells, at zoom z.
func appendGlyph(buf []byte, z int, top, bottom uint32) []byte {
	if z > 0 {
		n, all := uint64(top)+uint64(bottom), uint64(2)<<(2*z)
		switch {
		case n == 0:
			return append(buf, ' ')
		case 4*n <= all:
			return append(buf, shades[0]...)
		case 2*n <= all:
			return append(buf, shades[1]...)
		case 4*n <= 3*all:
			return append(buf, shades[2]...)
		}
		return append(buf, shades[3]...)
	}
	switch {
	case top > 0 && bottom > 0:
		return append(buf, blockFull...)
	case top > 0:
		return append(buf, blockUpper...)
	case bottom > 0:
		return append(buf, blockLower...)
	}
	return append(buf, ' ')
}

// AppendOverlay appends lines drawn over the top-left of the board, each
// padded with spaces to the longest and cut to cols characters, on the
// first rows lines at most; ASCII only, as the status line.
func AppendOverlay(buf []byte, lines []string, cols, rows int) []byte {
	width := 0
	for _, l := range lines {
		width = max(width, len(l))
	}
	width = min(width+2, cols)
	for i, l := range lines[:min(len(lines), max(rows, 0))] {
		buf = moveTo(buf, i+1, 1)
		n := 0
		for _, c := range " " + l {
			if n == width {
				break
			}
			if c < ' ' || c > '~' {
				c = '?'
			}
			buf = append(buf, byte(c))
			n++
		}
		for ; n < width; n++ {
			buf = append(buf, ' ')
		}
	}
	return buf
}

// moveTo appends the sequence that moves the cursor to row, col (from 1).
func moveTo(buf []byte, row, col int) []byte {
	buf = append(buf, "\x1b["...)
	buf = strconv.AppendInt(buf, int64(row), 10)
	buf = append(buf, ';')
	buf = strconv.AppendInt(buf, int64(col), 10)
	return append(buf, 'H')
}

// countStates is count in colour: it fills f.pix with the live cells of
// each pixel and f.state with the pixel's state.
func (f *Frame) countStates(v Viewport, b life.Board, w, h int) {
	if cap(f.state) < w*h {
		f.state = make([]life.State, w*h)
	}
	f.state = f.state[:w*h]
	clear(f.state)
	r := v.Rect()
	mark := func(i int, s life.State) {
		if s == life.Alive {
			f.pix[i]++
		}
		if s == life.Alive || f.state[i] == life.Empty {
			f.state[i] = s
		}
	}
	if v.Zoom >= 0 {
		z := v.Zoom
		b.Cells(r, func(x, y int64, s life.State) {
			px, py := (x-r.Min.X)>>z, (y-r.Min.Y)>>z
			if px >= 0 && px < int64(w) && py >= 0 && py < int64(h) {
				mark(int(py)*w+int(px), s)
			}
		})
		return
	}
	k := -v.Zoom
	b.Cells(r, func(x, y int64, s life.State) {
		x0, y0 := (x-r.Min.X)<<k, (y-r.Min.Y)<<k
		for py := max(y0, 0); py < min(y0+1<<k, int64(h)); py++ {
			for px := max(x0, 0); px < min(x0+1<<k, int64(w)); px++ {
				i := int(py)*w + int(px)
				f.state[i] = s
				if s == life.Alive {
					f.pix[i] = 1
				}
			}
		}
	})
}

// appendColored appends the character of a pixel pair in colour: at zoom 0
// and below, half blocks in the colours of the two pixels' states; above,
// the shade of appendGlyph in the colour of the upper pixel's state (the
// lower's if the upper is empty), a dying cell's pixel at least '░'.
func (s Style) appendColored(buf []byte, z int, top, bottom uint32, ts, bs life.State) []byte {
	if z <= 0 {
		return s.appendHalves(buf, ts, bs)
	}
	st := ts
	if st == life.Empty || bs == life.Alive && ts != life.Alive {
		st = bs
	}
	if st == life.Empty {
		return append(buf, ' ')
	}
	buf = s.appendColor(buf, st, false)
	if top+bottom == 0 {
		buf = append(buf, shades[0]...)
	} else {
		buf = appendGlyph(buf, z, top, bottom)
	}
	return append(buf, ResetAttributes...)
}

// appendHalves appends one character cell of two pixels in colour: '▀' in
// the upper pixel's colour over the lower one's, or '▄' in the lower one's
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
