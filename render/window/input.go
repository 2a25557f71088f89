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
	presses []control.Key
}

// Cursor returns the cursor's position on the screen.
func (*input) Cursor() (int, int) { return ebiten.CursorPosition() }

// Button reports whether mouse button b is held down.
func (*input) Button(b control.Button) bool { return ebiten.IsMouseButtonPressed(buttons[b]) }

// Wheel returns how far the wheel turned since the last tick.
func (*input) Wheel() (float64, float64) { return ebiten.Wheel() }

// Key reports whether key k is held down; Shift and Control are either one.
func (*input) Key(k control.Key) bool {
	for _, e := range held[k] {
		if ebiten.IsKeyPressed(e) {
			return true
		}
	}
	return false
}

// Presses returns the command keys pressed since the last tick. The printable
// ones are the characters typed, which Ebitengine collects from the
// keyboard's events as they come, so none is lost between two ticks, and
// which repeat as the keyboard repeats a held key; Enter and Esc, which type
// no character, are the keys seen going down in this tick. The slice is valid
// until the next call.
func (in *input) Presses() []control.Key {
	in.presses = in.presses[:0]
	in.runes = ebiten.AppendInputChars(in.runes[:0])
	for _, r := range in.runes {
		if k, ok := typed[r]; ok {
			in.presses = append(in.presses, k)
		}
	}
	in.keys = inpututil.AppendJustPressedKeys(in.keys[:0])
	for _, e := range in.keys {
		switch e {
		case ebiten.KeyEnter, ebiten.KeyNumpadEnter:
			in.presses = append(in.presses, control.KeyEnter)
		case ebiten.KeyEscape:
			in.presses = append(in.presses, control.KeyEscape)
		}
	}
	return in.presses
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
}
