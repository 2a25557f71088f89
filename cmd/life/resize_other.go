//go:build !unix

package main

import "os"

// notifyResize returns nil: without SIGWINCH the live view notices a new
// size at its next frame.
func notifyResize() (<-chan os.Signal, func()) { return nil, func() {} }
