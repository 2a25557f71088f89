package control

// Input is what the controller reads once per update: the state of the mouse
// and the keyboard at that moment. A window implements it with its toolkit's
// polling functions; a test implements it with a struct.
type Input interface {
	// Cursor returns the position of the mouse cursor in screen pixels, the
	// pixels of the view.
	Cursor() (x, y int)
	// Button reports whether mouse button b is held down.
	Button(b Button) bool
	// Wheel returns how far the wheel turned since the last update, in
	// notches: positive dy is away from the user (zoom in).
	Wheel() (dx, dy float64)
	// Key reports whether key k is held down.
	Key(k Key) bool
}

// Button is a mouse button.
type Button uint8

// The mouse buttons the controller uses.
const (
	Left Button = iota
	Right
	Middle
	numButtons
)

// Key is a key of the keyboard, named as on a US keyboard.
type Key uint8

// The keys the controller uses.
const (
	KeySpace Key = iota
	KeyEnter
	KeyN
	KeyEqual // = and +
	KeyMinus
	KeyKPAdd
	KeyKPSubtract
	KeyR
	KeyC
	KeyS
	KeyP
	KeyF
	KeyH
	KeySlash // / and ?
	KeyI
	KeyEscape
	KeyQ
	KeyLeft
	KeyRight
	KeyUp
	KeyDown
	KeyLeftBracket
	KeyRightBracket
	KeyShift
	KeyControl
	KeyB
	// NumKeys is the number of keys above: a Key is below NumKeys.
	NumKeys
)
