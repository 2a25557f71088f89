//go:build !js

package window

// canQuit is true: Q and Esc close the window.
const canQuit = true

// pageHelp returns lines, the help as it is: every key means what it says.
func pageHelp(lines []string) []string { return lines }

// page is what a page publishes of the window: nothing on a desktop.
type page struct{}

// publish does nothing: a desktop window has no page to tell.
func (*game) publish() {}
