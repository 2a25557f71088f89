//go:build !js

package window

import (
	"errors"

	"golang.design/x/clipboard"
)

// systemClipboard is the system clipboard's text, through
// golang.design/x/clipboard (on X11 it loads libX11 when first used).
type systemClipboard struct{}

// newClipboard returns the system clipboard, or an error if there is none
// to be had (no libX11, no display).
func newClipboard() (*systemClipboard, error) {
	return &systemClipboard{}, clipboard.Init()
}

// pasted reports false: Ctrl+V reads this clipboard when pressed.
func (*systemClipboard) pasted() bool { return false }

// ReadText returns the clipboard's text.
func (systemClipboard) ReadText() (string, error) {
	b := clipboard.Read(clipboard.FmtText)
	if len(b) == 0 {
		return "", errors.New("the clipboard holds no text")
	}
	return string(b), nil
}

// WriteText puts s on the clipboard. The process owns the clipboard until
// something else takes it (X11's selections are held by their owner).
func (systemClipboard) WriteText(s string) error {
	if clipboard.Write(clipboard.FmtText, []byte(s)) == nil {
		return errors.New("the clipboard refused the text")
	}
	return nil
}
