package window

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/hajimehoshi/ebiten/v2"

	"colife/render/output"
)

// saveScreen saves what screen shows as a PNG at path.
func saveScreen(screen *ebiten.Image, path string) error {
	b := screen.Bounds()
	img := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	screen.ReadPixels(img.Pix)
	for i := 3; i < len(img.Pix); i += 4 {
		img.Pix[i] = 0xff // the screen is opaque; say so exactly
	}
	return writePNG(path, img)
}

// writePNG writes img as a PNG file at path, atomically (output.WriteFile):
// a failure leaves an existing file as it was. The error names path.
func writePNG(path string, img image.Image) error {
	if err := output.WriteFile(path, func(w io.Writer) error { return png.Encode(w, img) }); err != nil {
		return fmt.Errorf("screenshot %s: %w", path, err)
	}
	return nil
}

// freeName returns dir/base+ext, or dir/base-2+ext, -3... the first that does
// not exist yet.
func freeName(dir, base, ext string) (string, error) {
	for i := 1; i < 10000; i++ {
		name := base + ext
		if i > 1 {
			name = fmt.Sprintf("%s-%d%s", base, i, ext)
		}
		path := filepath.Join(dir, name)
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			return path, nil
		} else if err != nil {
			return "", fmt.Errorf("screenshot: %w", err)
		}
	}
	return "", fmt.Errorf("screenshot: %s%s and 9,998 more exist already", filepath.Join(dir, base), ext)
}
