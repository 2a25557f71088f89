//go:build !js

package window

import "colife/render/xkeys"

// listenKeys listens to every press of the window's keys that type no
// character, from the X server (package xkeys), or fails where there is none
// to ask.
func listenKeys() (keyEvents, error) {
	k, err := xkeys.Listen()
	if err != nil {
		return nil, err // not a nil *xkeys.Listener in a keyEvents
	}
	return k, nil
}

// wheelNotch is how many notches of the wheel one unit of ebiten.Wheel is:
// GLFW counts notches.
const wheelNotch = 1
