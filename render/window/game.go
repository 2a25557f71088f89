package window

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"runtime"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"colife/life"
	"colife/render/control"
	"colife/render/hud"
	"colife/render/picture"
	"colife/render/runner"
	"colife/render/view"
)

// helpLines is the help overlay.
var helpLines = pageHelp(hud.Help())

// game is the ebiten.Game: Update reads input and takes the newest frame,
// Draw paints it, LayoutF sizes the screen in device pixels.
type game struct {
	ctx  context.Context
	r    *runner.Runner
	ctl  *control.Controller // nil until the first LayoutF knows the screen's size
	in   input
	zoom float64 // the starting zoom, in device-independent pixels per cell

	gridW, gridH int       // the grid's size, for the view before the first frame
	start        life.Rect // on an unbounded plane, the starting grid's box, which the view first shows
	unbounded    bool

	frame   *runner.Frame
	painter view.Painter
	img     *image.RGBA   // the screen's pixels, painted by plain Go
	cells   *ebiten.Image // img on the GPU: one WritePixels when img changes
	painted struct {      // what img shows, to paint again only when it changes
		seq     uint64
		view    view.View
		light   bool
		noLines bool
	}
	hudOn     bool // the HUD is on at the start
	hudBox    textBox
	helpBox   textBox
	msgBox    textBox
	pickBox   textBox
	selBox    textBox
	graph     graph
	message   string    // a line shown at the bottom until until
	until     time.Time // when message goes
	notes     uint64    // the runner's notes shown: Frame.Notes
	clip      *systemClipboard
	files     control.Files // where Ctrl+S and P save
	keysTried bool          // listening to the X server's key events was tried
	page      page          // what a page publishes of the window

	name     string // the pattern's name, for the screenshot key's files
	capture  string // the screenshot to take, or ""
	gens     int    // the generations it runs from the start's before it shows one
	captured bool   // it has been saved (or failed: err)
	err      error  // returned by Run once the game has ended
}

func newGame(ctx context.Context, r *runner.Runner, cfg Config, zoom float64) *game {
	return &game{
		ctx:       ctx,
		r:         r,
		zoom:      zoom,
		gridW:     cfg.Runner.Grid.Width(),
		gridH:     cfg.Runner.Grid.Height(),
		start:     life.RectOf(cfg.Runner.Options.Origin, int64(cfg.Runner.Grid.Width()), int64(cfg.Runner.Grid.Height())),
		unbounded: cfg.Runner.Options.Topology == life.Unbounded,
		painter:   view.Painter{Palette: view.DefaultPalette},
		name:      cfg.Name,
		capture:   cfg.Screenshot,
		gens:      cfg.Gens,
		hudOn:     cfg.HUD,
		files:     newFiles(),
	}
}

// Update takes the newest generation and acts on the input; it ends the game
// when the user quits or closes the window, when ctx is cancelled, when the
// simulation fails, or once the screenshot is saved.
func (g *game) Update() error {
	if err := g.r.Err(); err != nil {
		g.err = err
		return ebiten.Termination
	}
	if ebiten.IsWindowBeingClosed() || g.ctx.Err() != nil || g.captured {
		return ebiten.Termination
	}
	g.frame = g.r.Take(g.frame)
	if g.ctl == nil || g.capture != "" {
		return nil // a camera ignores the user
	}
	if !g.keysTried {
		g.keysTried = true
		if k, err := listenKeys(); err == nil {
			g.in.events = k
		}
	}
	if g.frame != nil {
		g.ctl.Box = g.frame.Bounds // what F frames on an unbounded plane
		if g.frame.Notes != g.notes {
			g.notes = g.frame.Notes
			g.say(g.frame.Note)
		}
	}
	g.ctl.Frame = g.frame
	if files := ebiten.DroppedFiles(); files != nil {
		g.ctl.Drop(files)
	}
	if g.clip != nil && g.clip.pasted() { // a page's paste event
		if g.ctl.Prompt() == "" && g.ctl.Picker() == nil {
			g.ctl.Paste()
		} else {
			g.clip.ReadText() // a prompt or the library takes no paste, as on a desktop
		}
	}
	g.ctl.Update(&g.in)
	if g.ctl.Message != "" {
		g.say(g.ctl.Message)
		g.ctl.Message = ""
	}
	if g.ctl.Quit && !canQuit {
		g.ctl.Quit = false
		g.say("a page does not quit: close its tab")
	}
	if g.ctl.Quit {
		return ebiten.Termination
	}
	return nil
}

// Draw paints the newest generation, then the HUD and the help on top, and
// saves the screen if a screenshot is due.
func (g *game) Draw(screen *ebiten.Image) {
	if g.frame == nil || g.ctl == nil {
		return
	}
	b := screen.Bounds()
	if g.img == nil || g.img.Rect.Size() != b.Size() {
		g.img = image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
		if g.cells != nil {
			g.cells.Deallocate()
		}
		g.cells = ebiten.NewImage(b.Dx(), b.Dy())
		g.painted.seq = 0
	}
	g.painter.Palette, g.painter.NoLines = view.DefaultPalette, !g.ctl.Lines
	if g.ctl.Light {
		g.painter.Palette = view.LightPalette
	}
	g.painter.Palette = g.painter.Palette.WithStates(g.frame.Options.Rule.States())
	if g.painted.seq != g.frame.Seq || g.painted.view != g.ctl.View || g.painted.light != g.ctl.Light || g.painted.noLines != g.painter.NoLines {
		// Paint and upload only what changed: a paused or slow simulation
		// costs a copy on the GPU per frame, not a repaint.
		if g.frame.Plane != nil {
			g.painter.PaintPlane(g.img, g.frame.Plane, g.ctl.View)
		} else {
			g.painter.Paint(g.img, g.frame.Grid, g.ctl.View)
		}
		g.cells.WritePixels(g.img.Pix)
		g.painted.seq, g.painted.view = g.frame.Seq, g.ctl.View
		g.painted.light, g.painted.noLines = g.ctl.Light, g.painter.NoLines
	}
	screen.DrawImage(g.cells, nil)
	scale := textScale()
	g.drawEdits(screen, scale)
	if g.ctl.HUD {
		g.hudBox.draw(screen, hud.Lines(g.frame, runtime.NumGoroutine(), ebiten.ActualFPS()), 0, 0, scale)
	}
	if g.ctl.Graph {
		g.graph.draw(screen, g.frame.Populations, scale)
	}
	var bottom []string
	if g.message != "" && time.Now().Before(g.until) {
		bottom = append(bottom, g.message)
	}
	if p := g.ctl.Prompt(); p != "" {
		bottom = append(bottom, p)
	}
	if len(bottom) > 0 {
		g.msgBox.drawBottomLeft(screen, bottom, scale)
	}
	if lines := g.ctl.Picker(); lines != nil {
		g.pickBox.drawCentred(screen, lines, scale)
	}
	if g.ctl.Help {
		g.helpBox.drawCentred(screen, fitRows(helpLines, b.Dy(), scale), scale)
	}
	switch {
	case g.capture != "" && !g.captured && g.frame.Started && g.frame.Generation >= g.frame.StartGeneration+g.gens:
		g.captured = true
		if err := saveScreen(screen, g.capture); err != nil {
			g.err = err
		}
	case g.ctl.Screenshot:
		g.ctl.Screenshot = false
		g.say(g.screenshot(screen))
	}
	g.publish()
}

// screenshot saves the screen as a PNG file named with the pattern and the
// generation (a new file in the current directory, a page's download), and
// says where, or what went wrong.
func (g *game) screenshot(screen *ebiten.Image) string {
	img := screenPixels(screen)
	where, err := g.files.Save(picture.Name(g.name, g.frame.Generation), ".png", func(w io.Writer) error { return png.Encode(w, img) })
	if err != nil {
		return fmt.Sprintf("screenshot %s: %v", where, err)
	}
	return "saved " + where
}

// say shows msg at the bottom of the window for a few seconds.
func (g *game) say(msg string) {
	g.message, g.until = msg, time.Now().Add(4*time.Second)
}

// LayoutF makes the screen as many pixels as the window has device pixels,
// so that one cell is a whole number of real pixels. The first call makes the
// view, at the starting zoom; later calls resize it.
func (g *game) LayoutF(outsideW, outsideH float64) (float64, float64) {
	s := deviceScale()
	// A minimised window may be 0 × 0: Ebitengine wants a screen of at
	// least one pixel.
	w, h := max(math.Ceil(outsideW*s), 1), max(math.Ceil(outsideH*s), 1)
	if g.ctl == nil {
		// Update may have taken the newest frame already, and Take
		// returns nil when nothing newer came since: keep what we have.
		g.frame = g.r.Take(g.frame)
		var v view.View
		if g.unbounded {
			v = view.NewUnbounded(g.start, int(w), int(h), g.zoom*s)
		} else {
			gw, gh := g.gridW, g.gridH
			if g.frame != nil {
				gw, gh = g.frame.Grid.Width(), g.frame.Grid.Height()
			}
			v = view.New(gw, gh, int(w), int(h), g.zoom*s)
		}
		g.ctl = control.New(v, g.r, g.hudOn)
		g.ctl.Name, g.ctl.Files = g.name, g.files
		if g.clip != nil {
			g.ctl.Clipboard = g.clip
		}
	} else if int(w) != g.ctl.View.ScreenW || int(h) != g.ctl.View.ScreenH {
		g.ctl.View.Resize(int(w), int(h))
	}
	return w, h
}

// Layout is not called: LayoutF is.
func (g *game) Layout(outsideW, outsideH int) (int, int) {
	w, h := g.LayoutF(float64(outsideW), float64(outsideH))
	return int(w), int(h)
}

// DrawFinalScreen copies the screen to the window with nearest-neighbour
// filtering: no blur, whatever the scale.
func (g *game) DrawFinalScreen(screen ebiten.FinalScreen, offscreen *ebiten.Image, geoM ebiten.GeoM) {
	op := &ebiten.DrawImageOptions{GeoM: geoM, Filter: ebiten.FilterNearest}
	screen.DrawImage(offscreen, op)
}

// textScale returns the whole number the HUD's and help's text is scaled by:
// the device scale factor, rounded, at least 1.
func textScale() int {
	return max(1, int(math.Round(deviceScale())))
}
