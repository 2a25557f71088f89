// Package xkeys hears every press of the keys that type no character
// (Enter, Esc, Backspace, Delete, the arrows, the Ctrl chords) from the X
// server, for a window whose toolkit tells only whether each key is held at
// a tick (Ebitengine's just-pressed keys), so that two presses within one
// tick would be one. X sends an event for each press to every client that
// asks, so a second connection to the server, listening to the window's
// KeyPress events beside the toolkit's, counts them all.
package xkeys

import (
	"errors"
	"os"
	"sync"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"

	"colife/render/control"
)

// Listener queues the presses of this process's window, as control.Presses
// with no character, from Listen until Close; its goroutine reads the X
// server's events meanwhile. The characters typed are left to the toolkit,
// which has them all.
type Listener struct {
	conn *xgb.Conn
	done chan struct{} // closed when the goroutine has ended

	mu      sync.Mutex
	queue   []control.Press
	min     xproto.Keycode
	per     int
	keysyms []xproto.Keysym // the keyboard's mapping: per keysyms a keycode from min
}

// Listen listens to the key presses of this process's window on the X
// display, or fails if there is none (Wayland, say) or the window is not
// found (it is the window whose _NET_WM_PID is this process's, as GLFW sets
// it).
func Listen() (*Listener, error) {
	conn, err := xgb.NewConn()
	if err != nil {
		return nil, err
	}
	win, err := ownWindow(conn)
	if err == nil {
		err = xproto.ChangeWindowAttributesChecked(conn, win, xproto.CwEventMask, []uint32{xproto.EventMaskKeyPress}).Check()
	}
	k := &Listener{conn: conn, done: make(chan struct{})}
	if err == nil {
		err = k.loadMapping()
	}
	if err != nil {
		conn.Close()
		return nil, err
	}
	go k.read()
	return k, nil
}

// ownWindow finds the window whose _NET_WM_PID is this process's, at most
// two levels below the root (a window manager puts it in its frame).
func ownWindow(conn *xgb.Conn) (xproto.Window, error) {
	pidAtom, err := xproto.InternAtom(conn, true, uint16(len("_NET_WM_PID")), "_NET_WM_PID").Reply()
	if err != nil {
		return 0, err
	}
	pid := uint32(os.Getpid())
	level := []xproto.Window{xproto.Setup(conn).DefaultScreen(conn).Root}
	for range 3 {
		var next []xproto.Window
		for _, w := range level {
			tree, err := xproto.QueryTree(conn, w).Reply()
			if err != nil {
				continue
			}
			for _, c := range tree.Children {
				p, err := xproto.GetProperty(conn, false, c, pidAtom.Atom, xproto.AtomCardinal, 0, 1).Reply()
				if err == nil && p.Format == 32 && len(p.Value) >= 4 && xgb.Get32(p.Value) == pid {
					return c, nil
				}
			}
			next = append(next, tree.Children...)
		}
		level = next
	}
	return 0, errors.New("no window of this process on the display")
}

// loadMapping reads the keyboard's mapping from keycodes to keysyms.
func (k *Listener) loadMapping() error {
	setup := xproto.Setup(k.conn)
	n := byte(setup.MaxKeycode - setup.MinKeycode + 1)
	m, err := xproto.GetKeyboardMapping(k.conn, setup.MinKeycode, n).Reply()
	if err != nil {
		return err
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	k.min, k.per, k.keysyms = setup.MinKeycode, int(m.KeysymsPerKeycode), m.Keysyms
	return nil
}

// read queues the presses until the connection closes.
func (k *Listener) read() {
	defer close(k.done)
	for {
		ev, err := k.conn.WaitForEvent()
		switch e := ev.(type) {
		case nil:
			if err == nil {
				return // closed
			}
		case xproto.KeyPressEvent:
			k.mu.Lock()
			if p, ok := k.press(e.Detail, e.State); ok {
				k.queue = append(k.queue, p)
			}
			k.mu.Unlock()
		case xproto.MappingNotifyEvent:
			_ = k.loadMapping() // keep the old one if it fails
		}
	}
}

// X keysyms of the keys that type no character.
const (
	xkBackSpace = 0xff08
	xkReturn    = 0xff0d
	xkEscape    = 0xff1b
	xkLeft      = 0xff51
	xkUp        = 0xff52
	xkRight     = 0xff53
	xkDown      = 0xff54
	xkKPEnter   = 0xff8d
	xkKPDelete  = 0xff9f
	xkDelete    = 0xffff
)

// xSpecials are the control.Keys of those keysyms.
var xSpecials = map[xproto.Keysym]control.Key{
	xkBackSpace: control.KeyBackspace,
	xkReturn:    control.KeyEnter,
	xkKPEnter:   control.KeyEnter,
	xkEscape:    control.KeyEscape,
	xkLeft:      control.KeyLeft,
	xkUp:        control.KeyUp,
	xkRight:     control.KeyRight,
	xkDown:      control.KeyDown,
	xkDelete:    control.KeyDelete,
	xkKPDelete:  control.KeyDelete,
}

// xChords are the control.Keys of the letters pressed with Control.
var xChords = map[xproto.Keysym]control.Key{
	'z': control.KeyCtrlZ, 'y': control.KeyCtrlY, 'c': control.KeyCtrlC, 'x': control.KeyCtrlX,
	'v': control.KeyCtrlV, 's': control.KeyCtrlS, 'r': control.KeyCtrlR,
}

// press returns the press of keycode code with the modifiers of state, if
// it is one that types no character; k.mu is held.
func (k *Listener) press(code xproto.Keycode, state uint16) (control.Press, bool) {
	i := (int(code) - int(k.min)) * k.per
	if code < k.min || i >= len(k.keysyms) || k.per == 0 {
		return control.Press{}, false
	}
	sym := k.keysyms[i] // the unshifted keysym names the key
	if state&(xproto.ModMaskControl|xproto.ModMask4) != 0 {
		switch shift := state&xproto.ModMaskShift != 0; {
		case sym == 'z' && shift:
			return control.Press{Key: control.KeyCtrlShiftZ}, true
		case sym == 's' && shift:
			return control.Press{Key: control.KeyCtrlShiftS}, true
		}
		key, ok := xChords[sym]
		return control.Press{Key: key}, ok
	}
	key, ok := xSpecials[sym]
	return control.Press{Key: key}, ok
}

// Drain appends to dst the presses heard since the last Drain, in order,
// and empties the queue.
func (k *Listener) Drain(dst []control.Press) []control.Press {
	k.mu.Lock()
	defer k.mu.Unlock()
	dst = append(dst, k.queue...)
	k.queue = k.queue[:0]
	return dst
}

// Close stops listening and returns once the goroutine has ended.
func (k *Listener) Close() {
	k.conn.Close()
	<-k.done
}
