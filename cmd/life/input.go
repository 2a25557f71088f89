package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Keys that are no character, as an event's key.
const (
	keyUp rune = utf8.MaxRune + 1 + iota
	keyDown
	keyLeft
	keyRight
	keyEsc
)

// An event is a key typed or a mouse report, read from the terminal.
type event struct {
	key   rune // the key, or 0 for a mouse report
	shift bool // with Shift (an arrow)

	// A mouse report (xterm's SGR form): the button (0 left, 1 middle, 2
	// right, 64 and 65 the wheel up and down), the character under the
	// pointer from 0, whether it is a release or a move with the button
	// held, and whether Alt or Ctrl was held.
	button   int
	col, row int
	release  bool
	motion   bool
	modifier bool
}

// maxPending is the longest escape sequence kept waiting for its end: a
// longer one is not one the view reads, and is dropped.
const maxPending = 32

// A decoder turns what is read from the terminal into events. The zero
// decoder is ready to use.
type decoder struct {
	pending []byte // the start of an escape sequence or a character cut by the end of a read
}

// decode appends the events in chunk, one read from the terminal, to evs.
// An escape sequence or a UTF-8 character cut by the end of chunk waits for
// the next read, but an Esc alone at the end of a read is the Esc key: a
// terminal writes a sequence in one go. Sequences the view does not read are
// skipped.
func (d *decoder) decode(chunk []byte, evs []event) []event {
	b := append(d.pending, chunk...)
	d.pending = nil
	for i := 0; i < len(b); {
		n, ev, ok := decodeOne(b[i:])
		if n == 0 { // cut off: wait for the rest
			if len(b)-i <= maxPending {
				d.pending = append([]byte(nil), b[i:]...)
			}
			break
		}
		if ok {
			evs = append(evs, ev)
		}
		i += n
	}
	return evs
}

// decodeOne reads the event at the start of b: the bytes it took (0 if b
// holds only its start), the event, and whether it is one.
func decodeOne(b []byte) (int, event, bool) {
	if b[0] != 0x1b {
		if !utf8.FullRune(b) {
			return 0, event{}, false
		}
		r, n := utf8.DecodeRune(b)
		return n, event{key: r}, true
	}
	if len(b) == 1 {
		return 1, event{key: keyEsc}, true
	}
	switch b[1] {
	case 'O': // SS3: the arrows in the terminal's application mode
		if len(b) < 3 {
			return 0, event{}, false
		}
		k, ok := arrow(b[2])
		return 3, event{key: k}, ok
	case '[':
	default:
		return 1, event{key: keyEsc}, true // Esc, then the next key on its own
	}
	// CSI: parameter bytes, intermediate bytes, a final byte.
	end := 2
	for end < len(b) && b[end] >= 0x20 && b[end] <= 0x3f {
		end++
	}
	if end == len(b) {
		return 0, event{}, false
	}
	params, final := string(b[2:end]), b[end]
	n := end + 1
	if final < 0x40 || final > 0x7e {
		return end, event{}, false // not a CSI sequence after all
	}
	if params == "" && final == 'M' {
		// A mouse report in xterm's first form, from a terminal that
		// knows no SGR: three bytes follow, each 32 more than the
		// button, column and row (from 1). Read them, or they would be
		// taken for keys.
		if len(b) < n+3 {
			return 0, event{}, false
		}
		ev, ok := mouse(fmt.Sprintf("%d;%d;%d", int(b[n])-32, int(b[n+1])-32, int(b[n+2])-32), b[n]&3 == 3)
		if ev.release {
			ev.button = 0
		}
		return n + 3, ev, ok
	}
	if strings.HasPrefix(params, "<") && (final == 'M' || final == 'm') {
		ev, ok := mouse(params[1:], final == 'm')
		return n, ev, ok
	}
	if k, ok := arrow(final); ok {
		// "1;2" is Shift; other modifiers are read as the plain arrow.
		_, mod, _ := strings.Cut(params, ";")
		return n, event{key: k, shift: mod == "2"}, true
	}
	return n, event{}, false
}

// arrow returns the arrow key of a CSI or SS3 sequence's final byte.
func arrow(final byte) (rune, bool) {
	switch final {
	case 'A':
		return keyUp, true
	case 'B':
		return keyDown, true
	case 'C':
		return keyRight, true
	case 'D':
		return keyLeft, true
	}
	return 0, false
}

// mouse reads an SGR mouse report's "button;column;row".
func mouse(params string, release bool) (event, bool) {
	f := strings.Split(params, ";")
	if len(f) != 3 {
		return event{}, false
	}
	var v [3]int
	for i, s := range f {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || (i > 0 && n < 1) {
			return event{}, false
		}
		v[i] = n
	}
	return event{
		button:   v[0] &^ (4 | 8 | 16 | 32),
		col:      v[1] - 1,
		row:      v[2] - 1,
		release:  release,
		motion:   v[0]&32 != 0,
		modifier: v[0]&(8|16) != 0,
	}, true
}
