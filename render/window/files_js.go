//go:build js

package window

import (
	"bytes"
	"io"
	"strings"
	"syscall/js"

	"colife/render/control"
)

// newFiles returns where the page saves its files (Ctrl+S's RLE, the P key's
// screenshots): the browser's downloads, since a page has no files.
func newFiles() control.Files { return downloads{} }

// downloads saves each file as a download of the browser's: a link to a Blob
// of the file, clicked.
type downloads struct{}

// Save makes the file and hands it to the browser, which saves it under
// base+ext in its downloads (or asks where), and returns that name.
func (downloads) Save(base, ext string, write func(io.Writer) error) (string, error) {
	name := base + ext
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return name, err
	}
	data := js.Global().Get("Uint8Array").New(b.Len())
	js.CopyBytesToJS(data, b.Bytes())
	typ := "text/plain"
	switch {
	case ext == ".png":
		typ = "image/png"
	case strings.HasSuffix(ext, ".gz"):
		typ = "application/gzip"
	}
	blob := js.Global().Get("Blob").New([]any{data}, map[string]any{"type": typ})
	urls := js.Global().Get("URL")
	url := urls.Call("createObjectURL", blob)
	doc := js.Global().Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	body := doc.Get("body")
	body.Call("appendChild", a)
	a.Call("click")
	body.Call("removeChild", a)
	// The download reads the Blob after the click returns: the URL is
	// revoked a minute on, not now.
	var revoke js.Func
	revoke = js.FuncOf(func(js.Value, []js.Value) any {
		urls.Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	js.Global().Call("setTimeout", revoke, 60_000)
	return name + " to the browser's downloads", nil
}
