package export_test

import (
	"errors"
	"flag"
	"image/gif"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"colife/cmd/internal/export"
	"colife/cmd/internal/setup"
	"colife/life"
	"colife/life/sim"
	"colife/render/picture"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func parse(c *export.Config, files bool, args ...string) error {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if files {
		c.RegisterFiles(fs)
	} else {
		c.Register(fs)
	}
	return fs.Parse(args)
}

func TestFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    export.Config
		wantErr string
	}{
		{name: "no flags", want: export.Config{Zoom: 4, Delay: 100 * time.Millisecond}},
		{
			name: "every flag",
			args: []string{"-gif", "out/run.GIF", "-png", "last.png", "-zoom", "2", "-delay", "40"},
			want: export.Config{GIF: "out/run.GIF", PNG: "last.png", Zoom: 2, Delay: 40 * time.Millisecond},
		},
		{name: "delay 0", args: []string{"-delay", "0"}, want: export.Config{Zoom: 4, Delay: 0}},
		{name: "gif not .gif", args: []string{"-gif", "run.png"}, wantErr: `invalid value "run.png" for flag -gif: "run.png": want a .gif file`},
		{name: "empty png", args: []string{"-png", ""}, wantErr: `invalid value "" for flag -png: empty; want a .png file`},
		{name: "png without extension", args: []string{"-png", "last"}, wantErr: `invalid value "last" for flag -png: "last": want a .png file`},
		{name: "several cells a pixel", args: []string{"-zoom", "1/2"}, want: export.Config{Zoom: 0.5, Delay: 100 * time.Millisecond}},
		{name: "zoom down to the rung below", args: []string{"-zoom", "5"}, want: export.Config{Zoom: 4, Delay: 100 * time.Millisecond}},
		{name: "1/3 down to 1/4", args: []string{"-zoom", "1/3"}, want: export.Config{Zoom: 0.25, Delay: 100 * time.Millisecond}},
		{name: "zoom 0", args: []string{"-zoom", "0"}, wantErr: `invalid value "0" for flag -zoom: want from 1/64 to 256 pixels per cell`},
		{name: "zoom too large", args: []string{"-zoom", "300"}, wantErr: `invalid value "300" for flag -zoom: want from 1/64 to 256 pixels per cell`},
		{name: "zoom not a number", args: []string{"-zoom", "big"}, wantErr: `invalid value "big" for flag -zoom: want a number of pixels per cell, such as 8, or 1/2`},
		{name: "negative delay", args: []string{"-delay", "-10"}, wantErr: `invalid value "-10" for flag -delay: "-10": want a whole number of milliseconds from 0 to 655350`},
		{name: "delay too long", args: []string{"-delay", "655360"}, wantErr: `invalid value "655360" for flag -delay: "655360": want a whole number of milliseconds from 0 to 655350`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c export.Config
			err := parse(&c, false, tt.args...)
			if tt.wantErr != "" {
				assert.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, c)
		})
	}
}

func TestRegisterFiles(t *testing.T) {
	c := export.Config{Zoom: 8}
	require.NoError(t, parse(&c, true, "-png", "a.png"))
	assert.Equal(t, export.Config{PNG: "a.png", Zoom: 8}, c)
	assert.Error(t, parse(&c, true, "-zoom", "3"), "-zoom is the program's own")
	assert.Error(t, parse(&c, true, "-delay", "3"), "so is -delay")
}

func TestRegisterDelay(t *testing.T) {
	var c export.Config
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.RegisterFiles(fs)
	c.RegisterDelay(fs)
	assert.Equal(t, 100*time.Millisecond, c.Delay, "the default")
	require.NoError(t, fs.Parse([]string{"-gif", "a.gif", "-delay", "20"}))
	assert.Equal(t, export.Config{GIF: "a.gif", Delay: 20 * time.Millisecond}, c)
	assert.Error(t, fs.Parse([]string{"-zoom", "3"}), "-zoom is the program's own")
}

func TestNewRecorderErrors(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.Symlink(os.DevNull, filepath.Join(dir, "device.png"))) // a name for a device
	file := filepath.Join(dir, "file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	tests := []struct {
		name     string
		c        export.Config
		w, h     int
		frames   int
		wantFlag string
		wantErr  string
	}{
		{
			name: "too large", c: export.Config{PNG: filepath.Join(dir, "a.png"), Zoom: 100}, w: 1000, h: 10,
			wantFlag: "zoom", wantErr: "-zoom: bad picture size: a 1000x10 grid at zoom 100 is more than 65535 pixels across",
		},
		{
			name: "no such directory", c: export.Config{PNG: filepath.Join(dir, "nope", "a.png"), Zoom: 1}, w: 10, h: 10,
			wantFlag: "png", wantErr: "-png: " + filepath.Join(dir, "nope", "a.png") + ": directory " + filepath.Join(dir, "nope") + " does not exist",
		},
		{
			name: "a file for a directory", c: export.Config{GIF: filepath.Join(file, "a.gif"), Zoom: 1}, w: 10, h: 10,
			wantFlag: "gif", wantErr: "-gif: " + filepath.Join(file, "a.gif") + ": " + file + " is not a directory",
		},
		{
			name: "a device", c: export.Config{PNG: filepath.Join(dir, "device.png"), Zoom: 1}, w: 10, h: 10,
			wantFlag: "png", wantErr: "-png: " + filepath.Join(dir, "device.png") + ": not a regular file",
		},
		{
			name: "a directory", c: export.Config{GIF: dir, Zoom: 1}, w: 10, h: 10,
			wantFlag: "gif", wantErr: "-gif: " + dir + ": is a directory; want a file name",
		},
		{
			name: "too many frames", c: export.Config{GIF: filepath.Join(dir, "a.gif"), Zoom: 4}, w: 1024, h: 1024, frames: 65,
			wantFlag: "gif", wantErr: "-gif: bad picture size: 65 frames of 4096x4096 pixels are more than 1024 MiB; use fewer generations, a smaller zoom or a smaller grid",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.c.NewRecorder(tt.w, tt.h, tt.frames)
			var fe *setup.FlagError
			require.True(t, errors.As(err, &fe), "want a *setup.FlagError, got %v", err)
			assert.Equal(t, tt.wantFlag, fe.Flag)
			assert.EqualError(t, err, tt.wantErr)
		})
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 2, "nothing written beside the file and the device")
}

func TestRecorder(t *testing.T) {
	dir := t.TempDir()
	c := export.Config{GIF: filepath.Join(dir, "run.gif"), PNG: filepath.Join(dir, "last.png"), Zoom: 2, Delay: 30 * time.Millisecond}
	blinker, err := life.ParseGrid(".....", "..O..", "..O..", "..O..", ".....")
	require.NoError(t, err)
	s, err := sim.New(t.Context(), blinker, sim.Options{Rule: life.Conway, Topology: life.Plane, Engine: sim.Direct})
	require.NoError(t, err)
	defer s.Close()

	r, err := c.NewRecorder(5, 5, 4)
	require.NoError(t, err)
	for {
		require.NoError(t, r.Generation(s.Grid()))
		if s.Generation() == 3 {
			break
		}
		require.NoError(t, s.Step())
	}
	assert.Equal(t, 4, r.Frames())
	require.NoError(t, r.Finish(s.Grid()))

	f, err := os.Open(c.GIF)
	require.NoError(t, err)
	defer f.Close()
	anim, err := gif.DecodeAll(f)
	require.NoError(t, err)
	require.Len(t, anim.Image, 4)
	assert.Equal(t, []int{3, 3, 3, 3}, anim.Delay)
	alive := picture.Palette(2)[life.Alive]
	for i, img := range anim.Image {
		assert.Equal(t, 10, img.Bounds().Dx())
		// The middle cell (2,2) is alive in every generation; (2,1) in the
		// even ones (vertical), (1,2) in the odd ones (horizontal).
		assert.Equal(t, alive, img.At(2*2, 2*2), "frame %d", i)
		assert.Equal(t, i%2 == 0, img.At(2*2+1, 1*2+1) == alive, "frame %d", i)
		assert.Equal(t, i%2 == 1, img.At(1*2, 2*2) == alive, "frame %d", i)
	}

	f2, err := os.Open(c.PNG)
	require.NoError(t, err)
	defer f2.Close()
	img, err := png.Decode(f2)
	require.NoError(t, err)
	assert.Equal(t, 10, img.Bounds().Dx())
	ar, ag, ab, _ := alive.RGBA()
	r1, g1, b1, _ := img.At(1*2, 2*2).RGBA()
	assert.Equal(t, [3]uint32{ar, ag, ab}, [3]uint32{r1, g1, b1}, "generation 3 is horizontal")
}

func TestRecorderOff(t *testing.T) {
	c := export.Config{Zoom: 1}
	r, err := c.NewRecorder(1000000, 1000000, 1000)
	require.NoError(t, err, "nothing to check without a file")
	g, err := life.NewGrid(1, 1)
	require.NoError(t, err)
	require.NoError(t, r.Generation(g))
	assert.Zero(t, r.Frames())
	require.NoError(t, r.Finish(g))
}

func TestCosts(t *testing.T) {
	tests := []struct {
		name   string
		c      export.Config
		frames int
		want   []life.Cost
	}{
		{"nothing asked", export.Config{Zoom: 2}, 10, nil},
		{"a PNG: a byte a pixel", export.Config{PNG: "a.png", Zoom: 2}, 10, []life.Cost{{What: "the -png picture", Bytes: 10 * 5 * 4}}},
		{"a GIF: a byte a pixel a frame", export.Config{GIF: "a.gif", Zoom: 1}, 7, []life.Cost{{What: "the -gif frames", Bytes: 7 * 50}}},
		{"a GIF of unknown length: as many as it may hold", export.Config{GIF: "a.gif", Zoom: 1}, 0, []life.Cost{{What: "the -gif frames", Bytes: (picture.MaxAnimationBytes/50 + 1) * 50}}},
		{"both", export.Config{GIF: "a.gif", PNG: "a.png", Zoom: 1}, 2, []life.Cost{{What: "the -png picture", Bytes: 50}, {What: "the -gif frames", Bytes: 100}}},
		{"a picture too large is NewRecorder's to refuse", export.Config{PNG: "a.png", Zoom: 1 << 20}, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.c.Costs(10, 5, tt.frames))
		})
	}
}
