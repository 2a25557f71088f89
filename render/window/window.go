// Package window shows a simulation in a desktop window with Ebitengine, and
// lets the user steer and edit it. The ebiten.Game here is a thin adapter:
// the simulation runs in its own goroutine (package runner); Update reads the
// input through package control and takes the newest complete generation;
// Draw paints it into an RGBA buffer with package view, uploads that with one
// WritePixels when it changed, draws it, then the HUD and the help on top.
//
// The window works in device pixels: on a HiDPI screen the screen image is as
// large as the window's real pixels, so cells stay crisp, and the HUD's text
// is scaled up by a whole number with nearest-neighbour filtering.
//
// Built for a browser (GOOS=js GOARCH=wasm), the window is a web page's
// canvas, and a file pair for each thing a page does otherwise replaces
// what it lacks: the clipboard comes with the browser's paste events
// (clipboard_js.go), files are downloads (files_js.go), keys come only
// through Ebitengine and the wheel in pixels (input_js.go), nothing quits,
// and the page publishes the window's state for scripts (page_js.go).
package window

import (
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"colife/render/runner"
	"colife/render/view"
)

// Config is what the window shows and how.
type Config struct {
	// Runner is the simulation to run: its grid, options, speed... A Rest
	// of 0 becomes Rest.
	Runner runner.Config
	// Title is the window's title.
	Title string
	// Name is the pattern's name: the screenshot key saves
	// <name>-gen<N>.png in the current directory (see picture.Name).
	Name string
	// Zoom is the size of a cell in device-independent pixels at the start;
	// 0 picks the largest that fits on the screen, up to DefaultMaxZoom.
	Zoom float64
	// HUD shows the heads-up display at the start.
	HUD bool
	// Screenshot, when not "", makes the window a camera: it runs Gens
	// generations, draws the last once, saves what the window shows as a
	// PNG there, and closes. The window is then the grid's size at Zoom
	// (on an unbounded plane, the starting grid's box), unless that is
	// larger than the screen, and ignores the user.
	Screenshot string
	// Gens, when not 0, runs that many generations at once, as fast as
	// they go, then pauses: with a Screenshot, the generation it shows.
	Gens int
}

// Rest is the window's runner.Config.Rest when the Config gives none: a
// simulation that cannot keep up rests half as long as each generation took,
// so that the window keeps drawing. With the default Gosper gun (16,000 cell
// goroutines) on a busy 2-core machine, six samples drew 38 to 67 frames a
// second, 51 on average, and 7.7 to 12 generations; without the rest, 18 to
// 31 frames and 11 to 14 generations.
const Rest = 0.5

// DefaultMaxZoom is the largest zoom picked when Config.Zoom is 0.
const DefaultMaxZoom = 8

// The size of the window when the grid at its zoom is smaller, so that the
// HUD and the help have room; not with a Screenshot.
const (
	MinWindowW = 640
	MinWindowH = 480
)

// Run opens the window and runs until the user quits, ctx is cancelled, or
// the screenshot is saved. Closing the window stops the simulation and every
// goroutine it started before Run returns. Run must be called from the main
// goroutine, once per process (Ebitengine's rule).
func Run(ctx context.Context, cfg Config) error {
	if cfg.Runner.Grid == nil {
		return errors.New("window: no grid")
	}
	if math.IsNaN(cfg.Zoom) || cfg.Zoom < 0 {
		return fmt.Errorf("zoom %g: want a positive number of pixels per cell", cfg.Zoom)
	}
	if cfg.Gens < 0 {
		return fmt.Errorf("gens %d: want 0 or more", cfg.Gens)
	}
	capture := cfg.Screenshot != ""
	if capture || cfg.Gens > 0 {
		cfg.Runner.Running = false
	}
	gw, gh := cfg.Runner.Grid.Width(), cfg.Runner.Grid.Height()
	monW, monH := monitorSize()
	zoom := cfg.Zoom
	if zoom == 0 {
		zoom = min(view.Snap(min(float64(monW)*0.85/float64(gw), float64(monH)*0.85/float64(gh))), DefaultMaxZoom)
	}
	w, h := int(math.Ceil(float64(gw)*zoom)), int(math.Ceil(float64(gh)*zoom))
	if !capture {
		w, h = max(w, MinWindowW), max(h, MinWindowH)
	}
	w, h = min(w, monW), min(h, monH)

	if cfg.Runner.Rest == 0 {
		cfg.Runner.Rest = Rest
	}
	r, err := runner.Start(ctx, cfg.Runner)
	if err != nil {
		return err
	}
	defer r.Close()
	if cfg.Gens > 0 {
		r.Do(runner.Step{N: cfg.Gens})
	}
	g := newGame(ctx, r, cfg, zoom)
	if !capture {
		if c, err := newClipboard(); err == nil {
			g.clip = c
		}
	}
	defer func() {
		if g.in.events != nil {
			g.in.events.Close()
		}
	}()

	ebiten.SetWindowTitle(cfg.Title)
	ebiten.SetWindowSize(w, h)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	ebiten.SetWindowClosingHandled(true)
	if err := ebiten.RunGame(g); err != nil {
		return err
	}
	return g.err
}

// monitorSize returns the size of the screen in device-independent pixels,
// or 1920 × 1080 if Ebitengine cannot tell.
func monitorSize() (int, int) {
	if m := ebiten.Monitor(); m != nil {
		if w, h := m.Size(); w > 0 && h > 0 {
			return w, h
		}
	}
	return 1920, 1080
}

// deviceScale returns the device scale factor of the window's monitor, or 1.
func deviceScale() float64 {
	if m := ebiten.Monitor(); m != nil {
		if s := m.DeviceScaleFactor(); s > 0 {
			return s
		}
	}
	return 1
}
