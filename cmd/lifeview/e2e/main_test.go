package e2e_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"colife/life"
	"colife/life/pattern"
	"colife/life/sim"
	"colife/render/view"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(noticeM{m}) }

// noDisplay counts the tests needDisplay skipped.
var noDisplay atomic.Int32

// noticeM runs the tests, then says how many were skipped for want of a
// display, and whether the browser test was for want of Chromium. go test ./... shows nothing of a passing package but its "ok"
// line, a skip included, so the notice also goes to the terminal, if there
// is one, without -v (with -v the skips and the notice are in the output).
type noticeM struct{ m *testing.M }

func (n noticeM) Run() int {
	code := n.m.Run()
	var msg string
	if skipped := noDisplay.Load(); skipped > 0 {
		msg = fmt.Sprintf("colife/cmd/lifeview/e2e: NO DISPLAY: %d tests that open a window were SKIPPED; run them under xvfb-run -a, as make test does\n", skipped)
	}
	if noBrowser.Load() > 0 {
		msg += "colife/cmd/lifeview/e2e: NO CHROMIUM: the web page's browser test was SKIPPED; make test installs Debian's chromium\n"
	}
	if msg != "" {
		os.Stderr.WriteString(msg)
		if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil && !testing.Verbose() {
			tty.WriteString(msg)
			tty.Close()
		} else if err == nil {
			tty.Close()
		}
	}
	return code
}

// goTool returns the go command: the one in $PATH, else the one that built
// the test.
func goTool() string {
	if path, err := exec.LookPath("go"); err == nil {
		return path
	}
	return filepath.Join(runtime.GOROOT(), "bin", "go")
}

// build builds lifeview into a temporary directory and returns its path.
func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "lifeview")
	args := []string{"build", "-o", bin}
	if raceEnabled {
		args = append(args, "-race")
	}
	out, err := exec.Command(goTool(), append(args, "colife/cmd/lifeview")...).CombinedOutput()
	require.NoError(t, err, "go build: %s", out)
	return bin
}

// needDisplay skips a test that opens a window when there is no display to
// open it on; make test runs every test under xvfb-run, which gives one.
func needDisplay(t *testing.T) {
	t.Helper()
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		noDisplay.Add(1)
		t.Skip("SKIPPED: no DISPLAY: run under xvfb-run -a, as make test does")
	}
}

// lifeview runs the binary and returns its exit status and standard error.
// It tries again, up to three times in all, when the X server refused the
// connection: on a machine where several X servers come and go at once (as
// several xvfb-run -a may), a connection now and then fails, and that says
// nothing about lifeview.
func lifeview(t *testing.T, bin string, args ...string) (int, string) {
	t.Helper()
	for attempt := 1; ; attempt++ {
		cmd := exec.Command(bin, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		cmd.Stdin = strings.NewReader("")
		err := cmd.Run()
		code := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		} else {
			require.NoError(t, err)
		}
		if code != 0 && attempt < 3 && strings.Contains(strings.ToLower(stderr.String()), "open display") {
			t.Logf("attempt %d: the display refused lifeview; again: %s", attempt, stderr.String())
			continue
		}
		return code, stderr.String()
	}
}

// liveColour is the colour of a live cell.
var liveColour = view.DefaultPalette.Live

// proc is lifeview running in the background.
type proc struct {
	t         *testing.T
	bin, dir  string
	args      []string
	cmd       *exec.Cmd
	stderr    bytes.Buffer
	done      chan struct{} // closed when it has ended; err is then its Wait's error
	err       error
	attempted int
}

// startLifeview starts lifeview in dir; the test's end kills it if it is
// still running.
func startLifeview(t *testing.T, bin, dir string, args ...string) *proc {
	t.Helper()
	p := &proc{t: t, bin: bin, dir: dir, args: args}
	p.start()
	t.Cleanup(func() {
		if !p.exited() {
			p.cmd.Process.Kill()
			<-p.done
		}
	})
	return p
}

func (p *proc) start() {
	p.t.Helper()
	p.attempted++
	p.cmd = exec.Command(p.bin, p.args...)
	p.cmd.Dir = p.dir
	p.stderr.Reset()
	p.cmd.Stderr = &p.stderr
	done := make(chan struct{})
	p.done = done
	require.NoError(p.t, p.cmd.Start())
	cmd := p.cmd
	go func() {
		p.err = cmd.Wait()
		close(done)
	}()
}

// retry starts lifeview again if it ended because the X server refused its
// connection, which says nothing about lifeview (see the lifeview function),
// up to three times in all, and reports whether it did.
func (p *proc) retry() bool {
	p.t.Helper()
	if p.attempted >= 3 || !strings.Contains(strings.ToLower(p.stderr.String()), "open display") {
		return false
	}
	p.t.Logf("attempt %d: the display refused lifeview; again: %s", p.attempted, p.stderr.String())
	p.start()
	return true
}

// exited reports whether the process has ended.
func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// expected returns the glider of the pattern library placed in a 32 × 32
// torus, gens generations on, as the life package computes it.
func expected(t *testing.T, gens int) *life.Grid {
	t.Helper()
	p, err := pattern.Builtin("glider")
	require.NoError(t, err)
	g, err := life.NewGrid(32, 32)
	require.NoError(t, err)
	require.NoError(t, p.Place(g))
	s, err := sim.New(context.Background(), g, sim.Options{Rule: life.Conway, Engine: sim.Direct})
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.Run(context.Background(), gens))
	return s.Grid().Clone()
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	return img
}

func rgba(c color.Color) color.RGBA {
	r, g, b, a := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

// TestLifeview builds lifeview once and runs it in each subtest.
func TestLifeview(t *testing.T) {
	bin := build(t)
	for _, tt := range []struct {
		name string
		test func(*testing.T, string)
	}{
		{"screenshot", testScreenshot},
		{"screenshot fits the screen", testScreenshotFitsTheScreen},
		{"signal closes the window", testSignalClosesTheWindow},
		{"errors", testErrors},
		{"help", testHelp},
		{"list", testList},
		{"no display", testNoDisplay},
		{"keys and mouse", testKeysAndMouse},
		{"close button", testCloseButton},
		{"HiDPI", testHiDPI},
	} {
		t.Run(tt.name, func(t *testing.T) { tt.test(t, bin) })
	}
}

// testScreenshot runs the window as a camera and checks its picture pixel by
// pixel: a pixel has the live colour exactly when the cell under it, eight
// pixels a cell, is alive in the glider four generations on.
func testScreenshot(t *testing.T, bin string) {
	needDisplay(t)
	dir := t.TempDir()
	shot := func(hud bool) image.Image {
		out := filepath.Join(dir, "out.png")
		if hud {
			out = filepath.Join(dir, "hud.png")
		}
		args := []string{"-pattern", "glider", "-size", "32x32", "-zoom", "8", "-gens", "4", "-screenshot", out}
		if hud {
			args = append(args, "-hud=true")
		} else {
			args = append(args, "-hud=false")
		}
		code, stderr := lifeview(t, bin, args...)
		require.Equal(t, 0, code, "stderr: %s", stderr)
		return readPNG(t, out)
	}

	want := expected(t, 4)
	require.Equal(t, 5, want.Population())
	plain := shot(false)
	require.Equal(t, image.Rect(0, 0, 256, 256), plain.Bounds(), "the window is the grid at zoom 8")
	live := liveColour
	count := 0
	for y := range 256 {
		for x := range 256 {
			isLive := rgba(plain.At(x, y)) == live
			if isLive {
				count++
			}
			assert.Equal(t, want.At(x/8, y/8) == life.Alive, isLive, "pixel (%d, %d) of cell (%d, %d)", x, y, x/8, y/8)
		}
	}
	assert.Equal(t, want.Population()*64, count)

	withHUD := shot(true)
	require.Equal(t, plain.Bounds(), withHUD.Bounds())
	// The HUD is a dark box in the top-left corner: every pixel in it
	// differs from the picture without, and none outside.
	var box image.Rectangle
	for y := range 256 {
		for x := range 256 {
			if plain.At(x, y) != withHUD.At(x, y) {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	assert.Equal(t, image.Point{}, box.Min, "the HUD is in the top-left corner")
	assert.GreaterOrEqual(t, box.Dy(), 5*16, "the HUD has at least five lines of text")
	assert.GreaterOrEqual(t, box.Dx(), 100)
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			assert.NotEqual(t, plain.At(x, y), withHUD.At(x, y), "pixel (%d, %d) of the HUD's box", x, y)
		}
	}
}

func testScreenshotFitsTheScreen(t *testing.T, bin string) {
	needDisplay(t)
	out := filepath.Join(t.TempDir(), "big.png")
	// 400 × 300 cells at 8 pixels is larger than any test screen
	// (make test's is 1280 × 1024): the window is the screen's size at most.
	code, stderr := lifeview(t, bin, "-random", "0.5", "-seed", "3", "-size", "400x300", "-engine", "direct", "-zoom", "8", "-hud=false", "-screenshot", out)
	require.Equal(t, 0, code, "stderr: %s", stderr)
	b := readPNG(t, out).Bounds()
	assert.Less(t, b.Dx(), 400*8)
	assert.Less(t, b.Dy(), 300*8)
	assert.Positive(t, b.Dx())
}

func testSignalClosesTheWindow(t *testing.T, bin string) {
	needDisplay(t)
	u := newXUser(t)
	p := startLifeview(t, bin, t.TempDir(), "-random", "0.3", "-size", "64x48", "-speed", "1000")
	u.window(p, "colife: random")
	require.NoError(t, p.cmd.Process.Signal(syscall.SIGINT))
	<-p.done
	assert.NoError(t, p.err, "stderr: %s", p.stderr.String())
	assert.Empty(t, p.stderr.String())
}

// testErrors gives bad command lines: each is one line on standard error and
// a non-zero exit, without a window, and nothing written.
func testErrors(t *testing.T, bin string) {
	needDisplay(t) // lifeview starts only where it can open a window
	dir := t.TempDir()
	existing := filepath.Join(dir, "keep.png")
	require.NoError(t, os.WriteFile(existing, []byte("keep me"), 0o644))
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown flag", []string{"-frobnicate"}, 2, "lifeview: flag provided but not defined: -frobnicate (run lifeview -h for help)"},
		{"bad zoom", []string{"-zoom", "0"}, 2, `lifeview: invalid value "0" for flag -zoom: want from 1/64 to 256 pixels per cell (run lifeview -h for help)`},
		{"zoom not a number", []string{"-zoom", "big"}, 2, `lifeview: invalid value "big" for flag -zoom: want a number of pixels per cell, such as 8, or 1/2 (run lifeview -h for help)`},
		{"bad speed", []string{"-speed", "0"}, 2, `lifeview: invalid value "0" for flag -speed: want from 0.125 to 16384 generations per second (run lifeview -h for help)`},
		{"negative gens", []string{"-gens", "-1"}, 2, `lifeview: invalid value "-1" for flag -gens: want 0 or more (run lifeview -h for help)`},
		{"screenshot not a png", []string{"-screenshot", "out.gif"}, 2, `lifeview: invalid value "out.gif" for flag -screenshot: "out.gif": want a file name ending in .png (run lifeview -h for help)`},
		{"screenshot in a missing directory", []string{"-screenshot", filepath.Join(dir, "no", "out.png")}, 2,
			"lifeview: -screenshot: " + filepath.Join(dir, "no", "out.png") + ": directory " + filepath.Join(dir, "no") + " does not exist (run lifeview -h for help)"},
		{"unknown pattern", []string{"-pattern", "no-such-pattern", "-screenshot", existing}, 1, ""},
		{"pattern too big for the grid", []string{"-pattern", "gosper", "-size", "10x10", "-screenshot", existing}, 2, ""},
		{"stray argument", []string{"glider"}, 2, `lifeview: unexpected argument "glider"; flags start with - (run lifeview -h for help)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stderr := lifeview(t, bin, tt.args...)
			assert.Equal(t, tt.code, code)
			assert.Equal(t, 1, strings.Count(stderr, "\n"), "one line: %q", stderr)
			assert.True(t, strings.HasPrefix(stderr, "lifeview: "), stderr)
			if tt.want != "" {
				assert.Equal(t, tt.want+"\n", stderr)
			}
			kept, err := os.ReadFile(existing)
			require.NoError(t, err)
			assert.Equal(t, "keep me", string(kept))
		})
	}
}

func testHelp(t *testing.T, bin string) {
	needDisplay(t) // lifeview starts only where it can open a window
	cmd := exec.Command(bin, "-h")
	out, err := cmd.Output()
	require.NoError(t, err)
	for _, flag := range []string{"-pattern SPEC", "-size WxH", "-rule RULE", "-topology T", "-random D", "-seed N", "-engine E", "-zoom Z", "-speed G", "-hud", "-screenshot FILE.png", "-gens N", "-list"} {
		assert.Contains(t, string(out), "\n  "+flag+"\n", flag)
	}
}

func testList(t *testing.T, bin string) {
	needDisplay(t) // lifeview starts only where it can open a window
	out, err := exec.Command(bin, "-list").Output()
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	require.Greater(t, len(lines), 3)
	assert.Equal(t, []string{"NAME", "SIZE", "RULE", "DESCRIPTION"}, strings.Fields(lines[0]))
	var names []string
	for _, l := range lines[1:] {
		names = append(names, strings.Fields(l)[0])
	}
	assert.Subset(t, names, []string{"glider", "gosper"})
}

// testNoDisplay runs lifeview where there is no display: one line says so,
// rather than Ebitengine's panic.
func testNoDisplay(t *testing.T, bin string) {
	tests := []struct {
		name, display, want string
	}{
		{"unset", "", "lifeview: no display: DISPLAY is not set; the window needs an X11 (or XWayland) display: run it in a desktop session, or under xvfb-run -a\n"},
		{"no server", ":4321", `lifeview: no display: cannot open DISPLAY ":4321": `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(bin, "-pattern", "glider")
			cmd.Env = append(os.Environ(), "DISPLAY="+tt.display)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			var exit *exec.ExitError
			require.ErrorAs(t, err, &exit)
			assert.Equal(t, 1, exit.ExitCode())
			assert.True(t, strings.HasPrefix(stderr.String(), tt.want), stderr.String())
			assert.Equal(t, 1, strings.Count(stderr.String(), "\n"), stderr.String())
		})
	}
	// What needs no window works without a display.
	for _, tt := range []struct {
		name       string
		args       []string
		wantStatus int
		wantOut    string // a line of stdout
		wantErr    string // stderr
	}{
		{"help", []string{"-h"}, 0, "Usage: lifeview [flags]", ""},
		{"list", []string{"-list"}, 0, "gosper", ""},
		{"a bad flag", []string{"-zoom", "many"}, 2, "", `lifeview: invalid value "many" for flag -zoom: want a number of pixels per cell, such as 8, or 1/2 (run lifeview -h for help)` + "\n"},
	} {
		t.Run("without a display, "+tt.name, func(t *testing.T) {
			cmd := exec.Command(bin, tt.args...)
			cmd.Env = append(os.Environ(), "DISPLAY=")
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			if tt.wantStatus == 0 {
				require.NoError(t, err, stderr.String())
			} else {
				var exit *exec.ExitError
				require.ErrorAs(t, err, &exit)
				assert.Equal(t, tt.wantStatus, exit.ExitCode())
			}
			assert.Contains(t, stdout.String(), tt.wantOut)
			assert.Equal(t, tt.wantErr, stderr.String())
		})
	}
	t.Run("without a display, -gif and -png", func(t *testing.T) {
		dir := t.TempDir()
		gifFile, pngFile := filepath.Join(dir, "g.gif"), filepath.Join(dir, "g.png")
		cmd := exec.Command(bin, "-pattern", "glider", "-size", "20x10", "-zoom", "2", "-gens", "4", "-gif", gifFile, "-png", pngFile)
		cmd.Env = append(os.Environ(), "DISPLAY=")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, string(out))
		assert.Empty(t, out)
		img := readPNG(t, pngFile)
		assert.Equal(t, image.Rect(0, 0, 40, 20), img.Bounds(), "the -size box at -zoom 2")
		f, err := os.Open(gifFile)
		require.NoError(t, err)
		defer f.Close()
		g, err := gif.DecodeAll(f)
		require.NoError(t, err)
		assert.Len(t, g.Image, 5, "generations 0 to 4")
	})
}
