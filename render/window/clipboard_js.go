//go:build js

package window

import (
	"errors"
	"strings"
	"sync"
	"syscall/js"
	"time"
)

// systemClipboard is the browser's clipboard as a page has it. A page reads
// the clipboard only in a paste event, which the browser sends when the user
// presses Ctrl+V (or picks Paste): each event's text is queued, and the
// window floats it as Ctrl+V does (control.Controller.Paste). A copy goes to
// the clipboard through the Clipboard API (navigator.clipboard.writeText),
// which the browser allows just after a key press.
type systemClipboard struct {
	mu     sync.Mutex
	pastes []string // the texts pasted and not read yet, oldest first
}

// newClipboard listens to the page's paste events. Ebitengine prevents the
// browser's default for every key pressed on its canvas, and the default of
// Ctrl+V is the paste event: that chord stops before it reaches the canvas
// (a listener on the window in the capture phase), so that the browser
// pastes; the window never sees the V.
func newClipboard() (*systemClipboard, error) {
	c := &systemClipboard{}
	win, doc := js.Global(), js.Global().Get("document")
	win.Call("addEventListener", "keydown", js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		if (e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool()) && strings.EqualFold(e.Get("key").String(), "v") {
			e.Call("stopPropagation")
		}
		return nil
	}), true)
	doc.Call("addEventListener", "paste", js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		data := e.Get("clipboardData")
		if !data.Truthy() {
			return nil
		}
		e.Call("preventDefault")
		text := data.Call("getData", "text/plain").String()
		c.mu.Lock()
		c.pastes = append(c.pastes, text)
		c.mu.Unlock()
		return nil
	}))
	return c, nil
}

// pasted reports whether a paste event has brought a text that ReadText has
// not returned yet.
func (c *systemClipboard) pasted() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.pastes) > 0
}

// ReadText returns the oldest text pasted and not read yet.
func (c *systemClipboard) ReadText() (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.pastes) == 0 {
		return "", errors.New("nothing pasted: a page gets the clipboard's text when Ctrl+V is pressed in it")
	}
	text := c.pastes[0]
	c.pastes = c.pastes[1:]
	return text, nil
}

// clipboardWait is how long WriteText waits for the browser's answer.
const clipboardWait = 2 * time.Second

// WriteText puts s on the clipboard and waits for the browser to say it did.
// The window calls it from its Update, in a goroutine of its own (Ebitengine
// runs the game loop so on a page), so waiting lets the browser answer.
func (c *systemClipboard) WriteText(s string) error {
	clip := js.Global().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		return errors.New("the browser gives this page no clipboard (it does on https and on localhost)")
	}
	done := make(chan error, 1)
	var ok, refused js.Func
	answer := func(err error) {
		done <- err
		ok.Release() // the promise calls one of them once: both go
		refused.Release()
	}
	ok = js.FuncOf(func(js.Value, []js.Value) any {
		answer(nil)
		return nil
	})
	refused = js.FuncOf(func(_ js.Value, args []js.Value) any {
		why := "refused"
		if len(args) > 0 {
			why = args[0].Call("toString").String()
		}
		answer(errors.New("the browser would not write the clipboard: " + why))
		return nil
	})
	clip.Call("writeText", s).Call("then", ok, refused)
	select {
	case err := <-done:
		return err
	case <-time.After(clipboardWait):
		return errors.New("the browser did not write the clipboard in time")
	}
}
