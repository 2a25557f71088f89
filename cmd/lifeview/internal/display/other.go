//go:build !(freebsd || (linux && !android) || netbsd || openbsd)

// Package display checks, as the program starts, that the display the window
// needs can be opened. Only X11 systems need the check: elsewhere it passes.
package display

// Check reports nil: on this system the window needs no X display.
func Check() error { return nil }

// Close does nothing: Check opened nothing.
func Close() {}
