package control

// Input is what the controller reads once per update: the keys pressed since
// the last update, and the state of the mouse and of the held keys at that
// moment. A window implements it with its toolkit's input functions; a test
// implements it with a struct.
type Input interface {
	// Presses returns the keys pressed since the last update, in the order
	// they were pressed and each as often: two presses within one update
	// are two, and a press too short for any update to see the key held
	// still counts. A key held down is pressed again each time the keyboard
	// repeats it.
	Presses() []Press
	// Cursor returns the position of the mouse cursor in screen pixels, the
	// pixels of the view.
	Cursor() (x, y int)
	// Button reports whether mouse button b is held down.
	Button(b Button) bool
	// Wheel returns how far the wheel turned since the last update, in
	// notches: positive dy is away from the user (zoom in).
	Wheel() (dx, dy float64)
	// Key reports whether key k is held down. The controller asks it only of
	// the keys it acts on while they are held: Shift, Control and the arrows.
	Key(k Key) bool
}

// Press is one key pressed: the character it typed, if any, for a prompt,
// and the command key it is, if any.
type Press struct {
	Key  Key  // NoKey for a character that is no command key
	Rune rune // 0 for a key that types none (Enter, Esc, the arrows, the Ctrl chords...)
}

// NoKey is the Key of a Press that is no command key.
const NoKey Key = 255

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
	KeyEqual // = and +, also the keypad's +
	KeyMinus // - and _, also the keypad's -
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
	KeyO
	KeyL
	KeyG
	KeyT
	KeyX
	KeyY
	KeyPeriod // . and >
	KeyComma  // , and <
	KeyDelete
	KeyBackspace
	KeyE
	// The chords with Control (Command on a Mac), each pressed as one key.
	KeyCtrlZ
	KeyCtrlShiftZ
	KeyCtrlY
	KeyCtrlC
	KeyCtrlX
	KeyCtrlV
	KeyCtrlS
	KeyCtrlShiftS
	KeyCtrlR
	// NumKeys is the number of keys above: a Key is below NumKeys.
	NumKeys
)
