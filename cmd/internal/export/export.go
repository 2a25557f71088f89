// Package export holds what the terminal program (cmd/life) and the window
// (cmd/lifeview) share about writing pictures of a run: the flags -gif, -png,
// -zoom and -delay, registered on the caller's flag.FlagSet into a Config,
// and a Recorder that collects the generations of a run and writes the files
// (with render/picture, atomically) when it ends.
//
// Each flag's value is checked as it is parsed, so a bad value is an error
// from FlagSet.Parse that names the flag. What can only be checked once the
// grid's size is known (a picture too large, a directory that does not
// exist) is a *setup.FlagError from NewRecorder, before anything runs.
package export

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"colife/cmd/internal/setup"
	"colife/life"
	"colife/render/picture"
	"colife/render/view"
)

// Defaults of -zoom and -delay.
const (
	DefaultZoom  = 4
	DefaultDelay = 100 * time.Millisecond
)

// maxDelayMS is the longest -delay: a GIF counts delays in 1/100 s in 16 bits.
const maxDelayMS = (1<<16 - 1) * 10

// Config is what the flags ask to write.
type Config struct {
	// GIF is the file for an animated GIF of every generation run, or "".
	GIF string
	// PNG is the file for a PNG of the last generation, or "".
	PNG string
	// Zoom is the pictures' scale as the window counts it, pixels a cell: a
	// whole number, or 1/n for n × n cells a pixel (see render/picture).
	Zoom float64
	// Delay is how long the GIF shows each generation.
	Delay time.Duration
	// States is the number of states of the run's rule (0 or 2: two), for
	// the colours of the dying states of a Generations rule. The caller
	// sets it once the rule is known; no flag does.
	States int
}

// Register defines -gif, -png, -zoom and -delay on fs, storing into c. A zero
// Zoom or Delay becomes the default first.
func (c *Config) Register(fs *flag.FlagSet) {
	c.RegisterFiles(fs)
	if c.Zoom == 0 {
		c.Zoom = DefaultZoom
	}
	fs.Func("zoom", fmt.Sprintf("draw -gif and -png at `Z` pixels per cell, as lifeview's -zoom counts: 1 2 3 4 6 8 12 16 24 32 48 64 ... 256, or 1/2 1/4 ... 1/64 for several cells a pixel, which is alive if any of its cells is (as Golly draws); other values go down to the one below (default %d)", DefaultZoom), func(s string) error {
		z, err := view.ParseZoom(s)
		if err != nil {
			return err
		}
		c.Zoom = z
		return nil
	})
	c.RegisterDelay(fs)
}

// RegisterDelay defines only -delay on fs, storing into c; a zero Delay
// becomes the default first.
func (c *Config) RegisterDelay(fs *flag.FlagSet) {
	if c.Delay == 0 {
		c.Delay = DefaultDelay
	}
	fs.Func("delay", fmt.Sprintf("show each generation of -gif for `MS` milliseconds, rounded to 10 (default %d)", c.Delay.Milliseconds()), func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 0 || n > maxDelayMS {
			return fmt.Errorf("%q: want a whole number of milliseconds from 0 to %d", s, maxDelayMS)
		}
		c.Delay = time.Duration(n) * time.Millisecond
		return nil
	})
}

// RegisterFiles defines only -gif and -png on fs, storing into c, for a
// program that has a -zoom of its own (and perhaps a -delay) and sets c.Zoom
// (and c.Delay) from it.
func (c *Config) RegisterFiles(fs *flag.FlagSet) {
	fs.Func("gif", "write an animated GIF of every generation run to `FILE.gif`, replacing it only once complete", func(s string) error {
		return setFile(&c.GIF, s, ".gif")
	})
	fs.Func("png", "write a PNG of the last generation to `FILE.png`, replacing it only once complete", func(s string) error {
		return setFile(&c.PNG, s, ".png")
	})
}

// setFile checks a file name's extension and stores it.
func setFile(dst *string, s, ext string) error {
	switch {
	case strings.TrimSpace(s) == "":
		return fmt.Errorf("empty; want a %s file", ext)
	case !strings.EqualFold(filepath.Ext(s), ext):
		return fmt.Errorf("%q: want a %s file", s, ext)
	}
	*dst = s
	return nil
}

// Enabled reports whether c asks for any file.
func (c *Config) Enabled() bool { return c.GIF != "" || c.PNG != "" }

// Costs returns the memory the pictures c asks for take, for a w × h grid
// and a GIF of frames generations (0: not known beforehand, so as many as
// the GIF may hold), for setup.Config.Costs: one byte a pixel for the PNG
// and for each frame of the GIF. A picture too large to make costs nothing
// here: NewRecorder refuses it.
func (c *Config) Costs(w, h, frames int) []life.Cost {
	pw, ph, err := picture.PixelSize(w, h, c.Zoom)
	if !c.Enabled() || err != nil {
		return nil
	}
	pixels := uint64(pw) * uint64(ph)
	var costs []life.Cost
	if c.PNG != "" {
		costs = append(costs, life.Cost{What: "the -png picture", Bytes: pixels})
	}
	if c.GIF != "" {
		most := uint64(picture.MaxAnimationBytes)/pixels + 1
		n := most
		if frames > 0 {
			n = min(most, uint64(frames))
		}
		costs = append(costs, life.Cost{What: "the -gif frames", Bytes: n * pixels})
	}
	return costs
}

// Recorder collects the generations of one run for the files a Config asks
// for. It keeps every frame of the GIF in memory, at most
// picture.MaxAnimationBytes, until Finish.
type Recorder struct {
	c    Config
	anim *picture.Animation
}

// NewRecorder checks, before a w × h grid runs, that the pictures c asks for
// can be made and written: the size at c.Zoom, the directories, and when
// frames is more than 0, that a GIF of that many frames fits in memory.
// Its errors are *setup.FlagError, naming the flag to change.
func (c *Config) NewRecorder(w, h, frames int) (*Recorder, error) {
	r := &Recorder{c: *c}
	if !c.Enabled() {
		return r, nil
	}
	if err := picture.CheckSize(w, h, c.Zoom); err != nil {
		return nil, &setup.FlagError{Flag: "zoom", Err: err}
	}
	if c.PNG != "" {
		if err := CheckPath(c.PNG); err != nil {
			return nil, &setup.FlagError{Flag: "png", Err: err}
		}
	}
	if c.GIF == "" {
		return r, nil
	}
	if err := CheckPath(c.GIF); err != nil {
		return nil, &setup.FlagError{Flag: "gif", Err: err}
	}
	if frames > 0 {
		if err := picture.CheckAnimation(w, h, c.Zoom, frames); err != nil {
			return nil, &setup.FlagError{Flag: "gif", Err: err}
		}
	}
	anim, err := picture.NewAnimation(w, h, c.Zoom, c.States, c.Delay)
	if err != nil {
		return nil, &setup.FlagError{Flag: "delay", Err: err}
	}
	r.anim = anim
	return r, nil
}

// CheckPath reports whether a file may be written at path, so that a program
// can refuse a bad one before a long run rather than after: its directory
// must exist, and path must not be a directory or another file that is not a
// regular one (a device, a pipe). The error starts with path.
func CheckPath(path string) error {
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("%s: directory %s does not exist", path, dir)
		}
		return fmt.Errorf("%s: %w", path, err)
	} else if !fi.IsDir() {
		return fmt.Errorf("%s: %s is not a directory", path, dir)
	}
	switch fi, err := os.Stat(path); {
	case err == nil && fi.IsDir():
		return fmt.Errorf("%s: is a directory; want a file name", path)
	case err == nil && !fi.Mode().IsRegular():
		return fmt.Errorf("%s: not a regular file", path)
	}
	return nil
}

// Generation records g as the next frame of the GIF, if there is one. g may
// change once Generation returns.
func (r *Recorder) Generation(g *life.Grid) error {
	if r.anim == nil {
		return nil
	}
	if err := r.anim.Add(g); err != nil {
		return fmt.Errorf("-gif %s: %w", r.c.GIF, err)
	}
	return nil
}

// Frames returns the number of frames recorded for the GIF.
func (r *Recorder) Frames() int {
	if r.anim == nil {
		return 0
	}
	return r.anim.Frames()
}

// Finish writes the GIF of the frames recorded, and the PNG of last, the
// last generation run.
func (r *Recorder) Finish(last *life.Grid) error {
	if r.anim != nil && r.anim.Frames() > 0 {
		if err := r.anim.WriteFile(r.c.GIF); err != nil {
			return fmt.Errorf("-gif: %w", err)
		}
	}
	if r.c.PNG != "" {
		if err := picture.WritePNG(r.c.PNG, last, r.c.Zoom, r.c.States); err != nil {
			return fmt.Errorf("-png: %w", err)
		}
	}
	return nil
}
