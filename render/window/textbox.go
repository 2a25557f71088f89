package window

import (
	"image"
	"image/color"
	"strings"
	"unicode/utf8"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/ebitenutil"
)

// The debug font's glyphs, and the margin around a box's text, in pixels
// before scaling.
const (
	glyphW = 6
	glyphH = 16
	pad    = 4
)

// boxColour is the dark, see-through background of the HUD and the help.
var boxColour = color.RGBA{0x00, 0x00, 0x00, 0xc8}

// textBox draws lines of text on a dark box. It keeps its image from one
// frame to the next and makes a larger one only when the text outgrows it.
type textBox struct {
	img *ebiten.Image
}

// size returns the box's size for lines, before scaling.
func boxSize(lines []string) (w, h int) {
	n := 0
	for _, l := range lines {
		n = max(n, utf8.RuneCountInString(l))
	}
	return n*glyphW + 2*pad, len(lines)*glyphH + 2*pad
}

// draw draws lines on a box with its top-left corner at (x, y) on dst, every
// pixel scaled to scale × scale pixels.
func (t *textBox) draw(dst *ebiten.Image, lines []string, x, y, scale int) {
	w, h := boxSize(lines)
	if t.img == nil || t.img.Bounds().Dx() < w || t.img.Bounds().Dy() < h {
		if t.img != nil {
			t.img.Deallocate()
		}
		t.img = ebiten.NewImage(w+8*glyphW, h+2*glyphH) // room to grow a little
	}
	box := t.img.SubImage(image.Rect(0, 0, w, h)).(*ebiten.Image)
	box.Fill(boxColour)
	ebitenutil.DebugPrintAt(box, strings.Join(lines, "\n"), pad, pad)
	op := &ebiten.DrawImageOptions{Filter: ebiten.FilterNearest}
	op.GeoM.Scale(float64(scale), float64(scale))
	op.GeoM.Translate(float64(x), float64(y))
	dst.DrawImage(box, op)
}

// drawCentred draws lines on a box in the middle of dst.
func (t *textBox) drawCentred(dst *ebiten.Image, lines []string, scale int) {
	w, h := boxSize(lines)
	b := dst.Bounds()
	t.draw(dst, lines, max(0, (b.Dx()-w*scale)/2), max(0, (b.Dy()-h*scale)/2), scale)
}

// drawBottomLeft draws lines on a box in the bottom-left corner of dst.
func (t *textBox) drawBottomLeft(dst *ebiten.Image, lines []string, scale int) {
	_, h := boxSize(lines)
	t.draw(dst, lines, 0, max(0, dst.Bounds().Dy()-h*scale), scale)
}

// fitRows returns lines laid out in as many columns, side by side, as it
// takes to fit in h pixels at scale: a long help on a small window.
func fitRows(lines []string, h, scale int) []string {
	rows := max((h/scale-2*pad)/glyphH, 1)
	if len(lines) <= rows {
		return lines
	}
	cols := (len(lines) + rows - 1) / rows
	rows = (len(lines) + cols - 1) / cols
	out := make([]string, rows)
	for c := range cols {
		col := lines[c*rows : min((c+1)*rows, len(lines))]
		w := 0
		for _, l := range col {
			w = max(w, utf8.RuneCountInString(l))
		}
		for r, l := range col {
			if c < cols-1 {
				l += strings.Repeat(" ", w-utf8.RuneCountInString(l)+3)
			}
			out[r] += l
		}
	}
	return out
}
