package xkeys

import (
	"testing"

	"github.com/jezek/xgb/xproto"
	"github.com/stretchr/testify/assert"
	"go.uber.org/goleak"

	"colife/render/control"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestEveryPressCounts feeds X key presses faster than ticks: each press of
// a key that types no character is one Press, in order, however many come
// between two ticks; the characters are left out.
func TestEveryPressCounts(t *testing.T) {
	// Keycodes from 8, two keysyms each (plain, with Shift).
	k := &Listener{min: 8, per: 2, keysyms: []xproto.Keysym{
		xkEscape, 0, // 8
		xkReturn, 0, // 9
		'z', 'Z', // 10
		'y', 'Y', // 11
		xkDelete, 0, // 12
		'q', 'Q', // 13
		xkDown, 0, // 14
	}}
	for _, e := range []struct {
		code  xproto.Keycode
		state uint16
	}{
		{8, 0}, {8, 0}, {9, 0}, {9, 0}, {9, 0}, // Esc twice, Enter three times
		{10, xproto.ModMaskControl},                       // Ctrl+Z
		{10, xproto.ModMaskControl | xproto.ModMaskShift}, // Ctrl+Shift+Z
		{11, xproto.ModMaskControl}, {12, 0}, {14, 0},     // Ctrl+Y, Delete, Down
		{13, 0}, {10, 0}, {7, 0}, {200, 0}, // characters, and keycodes it does not know: left to Ebitengine
	} {
		if p, ok := k.press(e.code, e.state); ok {
			k.queue = append(k.queue, p)
		}
	}
	got := k.Drain(nil)
	assert.Equal(t, []control.Press{
		{Key: control.KeyEscape}, {Key: control.KeyEscape},
		{Key: control.KeyEnter}, {Key: control.KeyEnter}, {Key: control.KeyEnter},
		{Key: control.KeyCtrlZ}, {Key: control.KeyCtrlShiftZ}, {Key: control.KeyCtrlY},
		{Key: control.KeyDelete}, {Key: control.KeyDown},
	}, got)
	assert.Empty(t, k.Drain(nil), "the queue is emptied")
}
