//go:build !js

package window

import (
	"colife/render/control"
	"colife/render/output"
)

// newFiles returns where the window saves its files (Ctrl+S's RLE, the P
// key's screenshots): new files in the current directory.
func newFiles() control.Files { return output.Folder(".") }
