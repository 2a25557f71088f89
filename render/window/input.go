package window

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"colife/render/control"
)

// input is control.Input read from Ebitengine, in screen (device) pixels.
// Its buffers are reused from one tick to the next.
type input struct {
	runes   []rune
	keys    []ebiten.Key
	presses []control.Press
	events  keyEvents // every press of the keys that type no character, or nil
}

// keyEvents queues every press of the keys that type no character, as the
// toolkit's just-pressed keys do not (two presses within one tick are one
// there): package xkeys's listener to the X server.
type keyEvents interface {
	// Drain appends the presses queued since the last call to dst, and
	// returns it.
	Drain(dst []control.Press) []control.Press
	// Close stops listening.
	Close()
}

// Cursor returns the cursor's position on the screen.
func (*input) Cursor() (int, int) { return ebiten.CursorPosition() }

// Button reports whether mouse button b is held down.
func (*input) Button(b control.Button) bool { return ebiten.IsMouseButtonPressed(buttons[b]) }

// Wheel returns how far the wheel turned since the last tick, in notches.
func (*input) Wheel() (float64, float64) {
	x, y := ebiten.Wheel()
	return x * wheelNotch, y * wheelNotch
}

// Key reports whether key k is held down; Shift and Control are either one.
func (*input) Key(k control.Key) bool {
	for _, e := range held[k] {
		if ebiten.IsKeyPressed(e) {
			return true
		}
	}
	return false
}

// Presses returns the keys pressed since the last tick, in order. The
// printable ones are the characters typed, which Ebitengine collects from the
// keyboard's events as they come, so none is lost between two ticks, and
// which repeat as the keyboard repeats a held key; with Control held they
// are left out (the chords are not typing). The keys that type no character
// (Enter, Esc, Backspace, Delete, the arrows, the Ctrl chords) come from
// the X server's events, if the window has them (listenKeys), so that each press
// counts too; else they are the keys seen going down in this tick, after
// the characters. The slice is valid until the next call.
func (in *input) Presses() []control.Press {
	in.presses = in.presses[:0]
	ctrl := ebiten.IsKeyPressed(ebiten.KeyControl) || ebiten.IsKeyPressed(ebiten.KeyMeta)
	in.runes = ebiten.AppendInputChars(in.runes[:0])
	for _, r := range in.runes {
		if !ctrl {
			in.presses = append(in.presses, typedPress(r))
		}
	}
	if in.events != nil {
		in.presses = in.events.Drain(in.presses)
		return in.presses
	}
	in.keys = inpututil.AppendJustPressedKeys(in.keys[:0])
	shift := ebiten.IsKeyPressed(ebiten.KeyShift)
	for _, e := range in.keys {
		if k, ok := special(e, ctrl, shift); ok {
			in.presses = append(in.presses, control.Press{Key: k})
		}
	}
	return in.presses
}

// typedPress returns the press of the character r.
func typedPress(r rune) control.Press {
	k, ok := typed[r]
	if !ok {
		k = control.NoKey
	}
	return control.Press{Key: k, Rune: r}
}

// special returns the control.Key of a key that types no character, with
// Control and Shift held or not.
func special(e ebiten.Key, ctrl, shift bool) (control.Key, bool) {
	if ctrl {
		switch {
		case e == ebiten.KeyZ && shift:
			return control.KeyCtrlShiftZ, true
		case e == ebiten.KeyS && shift:
			return control.KeyCtrlShiftS, true
		}
		k, ok := chords[e]
		return k, ok
	}
	k, ok := specials[e]
	return k, ok
}

// specials are the keys that type no character, as control.Keys.
var specials = map[ebiten.Key]control.Key{
	ebiten.KeyEnter:       control.KeyEnter,
	ebiten.KeyNumpadEnter: control.KeyEnter,
	ebiten.KeyEscape:      control.KeyEscape,
	ebiten.KeyBackspace:   control.KeyBackspace,
	ebiten.KeyDelete:      control.KeyDelete,
	ebiten.KeyArrowUp:     control.KeyUp,
	ebiten.KeyArrowDown:   control.KeyDown,
	ebiten.KeyArrowLeft:   control.KeyLeft,
	ebiten.KeyArrowRight:  control.KeyRight,
}

// chords are the keys pressed with Control, as control.Keys.
var chords = map[ebiten.Key]control.Key{
	ebiten.KeyZ: control.KeyCtrlZ,
	ebiten.KeyY: control.KeyCtrlY,
	ebiten.KeyC: control.KeyCtrlC,
	ebiten.KeyX: control.KeyCtrlX,
	ebiten.KeyV: control.KeyCtrlV,
	ebiten.KeyS: control.KeyCtrlS,
	ebiten.KeyR: control.KeyCtrlR,
}

var buttons = [...]ebiten.MouseButton{
	control.Left:   ebiten.MouseButtonLeft,
	control.Right:  ebiten.MouseButtonRight,
	control.Middle: ebiten.MouseButtonMiddle,
}

// held are the Ebitengine keys of each control.Key the controller reads as
// held down.
var held = [control.NumKeys][]ebiten.Key{
	control.KeyLeft:    {ebiten.KeyArrowLeft},
	control.KeyRight:   {ebiten.KeyArrowRight},
	control.KeyUp:      {ebiten.KeyArrowUp},
	control.KeyDown:    {ebiten.KeyArrowDown},
	control.KeyShift:   {ebiten.KeyShift},
	control.KeyControl: {ebiten.KeyControl, ebiten.KeyMeta},
}

// typed are the control.Keys of the characters typed: either case of a
// letter, and both characters of a US key (+ is also the keypad's).
var typed = map[rune]control.Key{
	' ': control.KeySpace,
	'n': control.KeyN, 'N': control.KeyN,
	'b': control.KeyB, 'B': control.KeyB,
	'=': control.KeyEqual, '+': control.KeyEqual,
	'-': control.KeyMinus, '_': control.KeyMinus,
	'r': control.KeyR, 'R': control.KeyR,
	'c': control.KeyC, 'C': control.KeyC,
	's': control.KeyS, 'S': control.KeyS,
	'p': control.KeyP, 'P': control.KeyP,
	'f': control.KeyF, 'F': control.KeyF,
	'i': control.KeyI, 'I': control.KeyI,
	'h': control.KeyH, 'H': control.KeyH,
	'/': control.KeySlash, '?': control.KeySlash,
	'q': control.KeyQ, 'Q': control.KeyQ,
	'[': control.KeyLeftBracket, ']': control.KeyRightBracket,
	'o': control.KeyO, 'O': control.KeyO,
	'l': control.KeyL, 'L': control.KeyL,
	'g': control.KeyG, 'G': control.KeyG,
	't': control.KeyT, 'T': control.KeyT,
	'x': control.KeyX, 'X': control.KeyX,
	'e': control.KeyE, 'E': control.KeyE,
	'y': control.KeyY, 'Y': control.KeyY,
	'.': control.KeyPeriod, '>': control.KeyPeriod,
	',': control.KeyComma, '<': control.KeyComma,
}
