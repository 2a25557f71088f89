package window

import (
	"fmt"
	"image"
	"image/png"
	"io"

	"github.com/hajimehoshi/ebiten/v2"

	"colife/render/output"
)

// saveScreen saves what screen shows as a PNG at path.
func saveScreen(screen *ebiten.Image, path string) error {
	return writePNG(path, screenPixels(screen))
}

// screenPixels returns what screen shows.
func screenPixels(screen *ebiten.Image) *image.RGBA {
	b := screen.Bounds()
	img := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	screen.ReadPixels(img.Pix)
	for i := 3; i < len(img.Pix); i += 4 {
		img.Pix[i] = 0xff // the screen is opaque; say so exactly
	}
	return img
}

// writePNG writes img as a PNG file at path, atomically (output.WriteFile):
// a failure leaves an existing file as it was. The error names path.
func writePNG(path string, img image.Image) error {
	if err := output.WriteFile(path, func(w io.Writer) error { return png.Encode(w, img) }); err != nil {
		return fmt.Errorf("screenshot %s: %w", path, err)
	}
	return nil
}
