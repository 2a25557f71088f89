//go:build js

package window

import (
	"runtime"
	"slices"
	"strings"
	"syscall/js"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"colife/render/hud"
)

// canQuit is false: a page does not close itself. Q and Esc say so.
const canQuit = false

// pageHelp returns the help as it is on a page: Ctrl+S and P download their
// files, O opens built-in patterns only (a page has no files to name), and
// nothing quits.
func pageHelp(lines []string) []string {
	var out []string
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "Q "):
			continue
		case strings.HasPrefix(l, "Ctrl+S ") || strings.HasPrefix(l, "P "):
			l = strings.Replace(l, "save ", "download ", 1)
		case strings.HasPrefix(l, "O "):
			l = strings.Replace(l, "a file or ", "", 1)
		}
		out = append(out, strings.Replace(l, ", or quit", "", 1))
	}
	return out
}

// page is what the page publishes of the window, in the JavaScript global
// colife, for scripts and tests to read after each frame drawn:
//
//	generation, population  numbers, the frame's
//	running, started        booleans, the frame's
//	hud                     the HUD's lines (hud.Lines), shown or not
//	hudShown                whether the HUD is shown
//	zoom                    the view's, in device pixels per cell
//	message                 the line shown at the bottom, or ""
//	draws                   how many frames have been drawn
//	firstFrame              when the first frame of the running simulation
//	                        was drawn, in milliseconds since the page began
//	                        to load (performance.now()); 0 before
type page struct {
	obj   js.Value // colife, once made
	draws int
	first bool // firstFrame is set
	hud   []string
}

// publish writes the frame just drawn into colife.
func (g *game) publish() {
	p := &g.page
	if p.obj.IsUndefined() {
		p.obj = js.Global().Get("Object").New()
		js.Global().Set("colife", p.obj)
	}
	f := g.frame
	p.draws++
	if f.Started && !p.first {
		p.first = true
		p.obj.Set("firstFrame", js.Global().Get("performance").Call("now"))
	}
	p.obj.Set("generation", f.Generation)
	p.obj.Set("population", f.Population)
	p.obj.Set("running", f.Running)
	p.obj.Set("started", f.Started)
	p.obj.Set("hudShown", g.ctl.HUD)
	p.obj.Set("zoom", g.ctl.View.Zoom)
	if lines := hud.Lines(f, runtime.NumGoroutine(), ebiten.ActualFPS()); !slices.Equal(lines, p.hud) {
		p.hud = lines
		all := make([]any, len(lines))
		for i, l := range lines {
			all[i] = l
		}
		p.obj.Set("hud", all)
	}
	msg := ""
	if time.Now().Before(g.until) {
		msg = g.message
	}
	p.obj.Set("message", msg)
	p.obj.Set("draws", p.draws)
}
