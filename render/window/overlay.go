package window

import (
	"fmt"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"colife/life"
)

// The colours of the selection and of a floating paste.
var (
	selColour   = color.RGBA{0x3c, 0xa0, 0xff, 0xff}
	selFill     = color.RGBA{0x1e, 0x50, 0x80, 0x50}
	floatColour = color.RGBA{0xff, 0x50, 0x50, 0xb0}
)

// maxFloatCells is the most cells of a floating paste drawn each frame; a
// larger paste shows its box only.
const maxFloatCells = 20000

// drawEdits draws the selection, with its size, and the floating paste.
func (g *game) drawEdits(screen *ebiten.Image, scale int) {
	v := g.ctl.View
	rect := func(r life.Rect) (x, y, w, h float32) {
		x0, y0 := v.ScreenOf(r.Min)
		x1, y1 := v.ScreenOf(r.Max)
		return float32(x0), float32(y0), float32(x1 - x0), float32(y1 - y0)
	}
	if r, ok := g.ctl.Selection(); ok {
		x, y, w, h := rect(r)
		vector.DrawFilledRect(screen, x, y, w, h, selFill, false)
		vector.StrokeRect(screen, x, y, w, h, float32(scale), selColour, false)
		label := []string{fmt.Sprintf("%dx%d", r.Dx(), r.Dy())}
		bw, bh := boxSize(label)
		g.selBox.draw(screen, label, int(x+w)-bw*scale, max(0, int(y)-bh*scale), scale)
	}
	if f, at := g.ctl.Floating(); f != nil {
		z := float32(max(v.Zoom, 1))
		cells := f.Cells
		if len(cells) > maxFloatCells {
			cells = nil // its box only: a rectangle a cell would cost too much a frame
		}
		for _, c := range cells {
			x, y := v.ScreenOf(at.Add(c))
			vector.DrawFilledRect(screen, float32(x), float32(y), z, z, floatColour, false)
		}
		x, y, w, h := rect(life.RectOf(at, f.W, f.H))
		vector.StrokeRect(screen, x, y, w, h, float32(scale), floatColour, false)
	}
}

// graph draws the population over the last generations in the bottom-right
// corner, as LifeViewer's graph does: one point a generation, scaled to the
// panel, the largest population written at the top.
type graph struct {
	label textBox
}

// The graph's panel, before scaling.
const (
	graphW = 260
	graphH = 90
)

var (
	graphBack = color.RGBA{0x00, 0x00, 0x00, 0xc8}
	graphLine = color.RGBA{0x60, 0xe0, 0x90, 0xff}
)

func (gr *graph) draw(screen *ebiten.Image, pops []int, scale int) {
	b := screen.Bounds()
	w, h := float32(graphW*scale), float32(graphH*scale)
	x0, y0 := float32(b.Dx())-w, float32(b.Dy())-h
	vector.DrawFilledRect(screen, x0, y0, w, h, graphBack, false)
	hi := 1
	for _, p := range pops {
		hi = max(hi, p)
	}
	pad := float32(4 * scale)
	top := y0 + float32(glyphH*scale) + pad
	pw, ph := w-2*pad, y0+h-pad-top
	at := func(i, p int) (float32, float32) {
		n := max(len(pops)-1, 1)
		return x0 + pad + pw*float32(i)/float32(n), y0 + h - pad - ph*float32(p)/float32(hi)
	}
	for i := 1; i < len(pops); i++ {
		ax, ay := at(i-1, pops[i-1])
		bx, by := at(i, pops[i])
		vector.StrokeLine(screen, ax, ay, bx, by, float32(scale), graphLine, false)
	}
	gr.label.draw(screen, []string{fmt.Sprintf("population, last %d gens: max %d", len(pops), hi)}, int(x0), int(y0), scale)
}
