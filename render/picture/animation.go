package picture

import (
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"io"
	"time"

	"colife/life"
)

// MaxAnimationBytes bounds the memory an Animation holds: every frame is kept,
// one byte a pixel, until the GIF is encoded.
const MaxAnimationBytes = 1 << 30

// Animation collects generations as the frames of an animated GIF that loops
// for ever. Every frame is kept in memory, one byte a pixel, until Encode or
// WriteFile; Add refuses a frame that would take the total beyond
// MaxAnimationBytes. The zero Animation is not ready: use NewAnimation.
type Animation struct {
	w, h    int
	zoom    float64
	pw, ph  int // a frame's size in pixels
	delay   int // per frame, in 1/100 s
	palette color.Palette
	gif     gif.GIF
}

// NewAnimation returns an empty animation of a w × h grid at zoom, under a
// rule of states states, showing each frame for delay, rounded to the
// nearest 1/100 s (GIF's unit; 0 lets the viewer choose, and most choose
// 1/10 s).
func NewAnimation(w, h int, zoom float64, states int, delay time.Duration) (*Animation, error) {
	pw, ph, err := PixelSize(w, h, zoom)
	if err != nil {
		return nil, err
	}
	if delay < 0 {
		return nil, fmt.Errorf("gif delay %v: want 0 or more", delay)
	}
	cs := (delay + 5*time.Millisecond) / (10 * time.Millisecond)
	if cs > 1<<16-1 {
		return nil, fmt.Errorf("gif delay %v: want at most %v", delay, (1<<16-1)*10*time.Millisecond)
	}
	return &Animation{w: w, h: h, zoom: zoom, pw: pw, ph: ph, delay: int(cs), palette: Palette(states)}, nil
}

// CheckAnimation reports whether an animation of frames generations of a
// w × h grid at zoom fits in MaxAnimationBytes, with an error
// that says why not, so that a caller can refuse before running anything.
func CheckAnimation(w, h int, zoom float64, frames int) error {
	pw, ph, err := PixelSize(w, h, zoom)
	if err != nil {
		return err
	}
	if frames > MaxAnimationBytes/(pw*ph) {
		return fmt.Errorf("%w: %d frames of %dx%d pixels are more than %d MiB; use fewer generations, a smaller zoom or a smaller grid",
			ErrSize, frames, pw, ph, MaxAnimationBytes>>20)
	}
	return nil
}

// Add appends a picture of g as the next frame. g must have the size given to
// NewAnimation; it is copied, so it may change afterwards.
func (a *Animation) Add(g *life.Grid) error {
	if g.Width() != a.w || g.Height() != a.h {
		return fmt.Errorf("gif frame %d: a %dx%d grid in a %dx%d animation", len(a.gif.Image), g.Width(), g.Height(), a.w, a.h)
	}
	if err := CheckAnimation(a.w, a.h, a.zoom, len(a.gif.Image)+1); err != nil {
		return err
	}
	img := image.NewPaletted(image.Rect(0, 0, a.pw, a.ph), a.palette)
	paint(img, g, a.zoom)
	a.gif.Image = append(a.gif.Image, img)
	a.gif.Delay = append(a.gif.Delay, a.delay)
	return nil
}

// Frames returns the number of frames added.
func (a *Animation) Frames() int { return len(a.gif.Image) }

// Encode writes the animation to w as a GIF. It needs at least one frame.
func (a *Animation) Encode(w io.Writer) error {
	if len(a.gif.Image) == 0 {
		return fmt.Errorf("gif: no frames")
	}
	return gif.EncodeAll(w, &a.gif)
}

// WriteFile writes the animation to the file path as a GIF, atomically.
func (a *Animation) WriteFile(path string) error {
	if len(a.gif.Image) == 0 {
		return fmt.Errorf("write %s: no frames", path)
	}
	return writeFile(path, a.Encode)
}
