package window

import (
	"github.com/hajimehoshi/ebiten/v2"

	"colife/render/control"
)

// input is control.Input read from Ebitengine, in screen (device) pixels.
type input struct{}

// Cursor returns the cursor's position on the screen.
func (input) Cursor() (int, int) { return ebiten.CursorPosition() }

// Button reports whether mouse button b is held down.
func (input) Button(b control.Button) bool { return ebiten.IsMouseButtonPressed(buttons[b]) }

// Wheel returns how far the wheel turned since the last tick.
func (input) Wheel() (float64, float64) { return ebiten.Wheel() }

// Key reports whether key k is held down; Shift and Control are either one.
func (input) Key(k control.Key) bool {
	for _, e := range keys[k] {
		if ebiten.IsKeyPressed(e) {
			return true
		}
	}
	return false
}

var buttons = [...]ebiten.MouseButton{
	control.Left:   ebiten.MouseButtonLeft,
	control.Right:  ebiten.MouseButtonRight,
	control.Middle: ebiten.MouseButtonMiddle,
}

// keys are the Ebitengine keys of each control.Key.
var keys = [control.NumKeys][]ebiten.Key{
	control.KeySpace:        {ebiten.KeySpace},
	control.KeyEnter:        {ebiten.KeyEnter, ebiten.KeyNumpadEnter},
	control.KeyN:            {ebiten.KeyN},
	control.KeyEqual:        {ebiten.KeyEqual},
	control.KeyMinus:        {ebiten.KeyMinus},
	control.KeyKPAdd:        {ebiten.KeyNumpadAdd},
	control.KeyKPSubtract:   {ebiten.KeyNumpadSubtract},
	control.KeyR:            {ebiten.KeyR},
	control.KeyC:            {ebiten.KeyC},
	control.KeyS:            {ebiten.KeyS},
	control.KeyP:            {ebiten.KeyP},
	control.KeyF:            {ebiten.KeyF},
	control.KeyH:            {ebiten.KeyH},
	control.KeySlash:        {ebiten.KeySlash},
	control.KeyI:            {ebiten.KeyI},
	control.KeyEscape:       {ebiten.KeyEscape},
	control.KeyQ:            {ebiten.KeyQ},
	control.KeyLeft:         {ebiten.KeyArrowLeft},
	control.KeyRight:        {ebiten.KeyArrowRight},
	control.KeyUp:           {ebiten.KeyArrowUp},
	control.KeyDown:         {ebiten.KeyArrowDown},
	control.KeyLeftBracket:  {ebiten.KeyBracketLeft},
	control.KeyRightBracket: {ebiten.KeyBracketRight},
	control.KeyShift:        {ebiten.KeyShift},
	control.KeyControl:      {ebiten.KeyControl, ebiten.KeyMeta},
	control.KeyB:            {ebiten.KeyB},
}
