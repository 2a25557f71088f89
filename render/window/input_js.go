//go:build js

package window

import "errors"

// listenKeys fails: a page has no X server to ask, and the browser's key
// events reach the window through Ebitengine's just-pressed keys.
func listenKeys() (keyEvents, error) {
	return nil, errors.New("a page hears its keys through Ebitengine only")
}

// wheelNotch is how many notches of the wheel one unit of ebiten.Wheel is:
// on a page, a pixel of the browser's wheel event, of which a notch is about
// 100 (Chrome's; others' are near). A touchpad's small steps add up.
const wheelNotch = 1.0 / 100
