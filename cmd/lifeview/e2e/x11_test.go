package e2e_test

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
	"github.com/jezek/xgb/xtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// xuser is a person at the X display, faked with the XTEST extension: it
// moves the pointer, clicks and types as a user would, so the events go
// through the X server, GLFW and Ebitengine to the window.
type xuser struct {
	t    *testing.T
	conn *xgb.Conn
	root xproto.Window
	keys map[xproto.Keysym]xproto.Keycode
}

// newXUser connects to the test's display, or skips the test if the display
// lacks XTEST.
func newXUser(t *testing.T) *xuser {
	t.Helper()
	conn, err := xgb.NewConn()
	for attempt := 1; err != nil && attempt < 3; attempt++ {
		// Xvfb resets when its last client leaves, and refuses connections
		// while it does: a lifeview that just ended may have been the last.
		t.Logf("attempt %d: the display refused the test: %v; again", attempt, err)
		time.Sleep(100 * time.Millisecond)
		conn, err = xgb.NewConn()
	}
	require.NoError(t, err)
	t.Cleanup(conn.Close)
	if err := xtest.Init(conn); err != nil {
		t.Skipf("the display has no XTEST extension: %v", err)
	}
	setup := xproto.Setup(conn)
	u := &xuser{t: t, conn: conn, root: setup.DefaultScreen(conn).Root, keys: map[xproto.Keysym]xproto.Keycode{}}
	n := byte(setup.MaxKeycode - setup.MinKeycode + 1)
	m, err := xproto.GetKeyboardMapping(conn, setup.MinKeycode, n).Reply()
	require.NoError(t, err)
	per := int(m.KeysymsPerKeycode)
	for i := range int(n) {
		for _, sym := range m.Keysyms[i*per : (i+1)*per] {
			if _, ok := u.keys[sym]; !ok && sym != 0 {
				u.keys[sym] = setup.MinKeycode + xproto.Keycode(i)
			}
		}
	}
	return u
}

// window waits for a mapped top-level window whose name starts with prefix
// and returns its position and size on the screen.
func (u *xuser) window(p *proc, prefix string) image.Rectangle {
	u.t.Helper()
	_, r := u.find(p, prefix)
	return r
}

// find waits for a mapped top-level window whose name starts with prefix and
// returns it, with its position and size on the screen.
func (u *xuser) find(p *proc, prefix string) (xproto.Window, image.Rectangle) {
	u.t.Helper()
	for {
		if p.exited() && !p.retry() {
			require.FailNow(u.t, "lifeview ended before its window showed", "%v: %s", p.err, p.stderr.String())
		}
		tree, err := xproto.QueryTree(u.conn, u.root).Reply()
		require.NoError(u.t, err)
		for _, w := range tree.Children {
			name, err := xproto.GetProperty(u.conn, false, w, xproto.AtomWmName, xproto.GetPropertyTypeAny, 0, 256).Reply()
			if err != nil || !strings.HasPrefix(string(name.Value), prefix) {
				continue
			}
			attr, err := xproto.GetWindowAttributes(u.conn, w).Reply()
			if err != nil || attr.MapState != xproto.MapStateViewable {
				continue
			}
			geo, err := xproto.GetGeometry(u.conn, xproto.Drawable(w)).Reply()
			require.NoError(u.t, err)
			at, err := xproto.TranslateCoordinates(u.conn, w, u.root, 0, 0).Reply()
			require.NoError(u.t, err)
			return w, image.Rect(int(at.DstX), int(at.DstY), int(at.DstX)+int(geo.Width), int(at.DstY)+int(geo.Height))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// resize asks the X server to make w width × height pixels, as a window
// manager does when the user drags the window's corner.
func (u *xuser) resize(w xproto.Window, width, height int) {
	u.t.Helper()
	err := xproto.ConfigureWindowChecked(u.conn, w, xproto.ConfigWindowWidth|xproto.ConfigWindowHeight, []uint32{uint32(width), uint32(height)}).Check()
	require.NoError(u.t, err)
}

// close asks w to close, as a window manager does when the user clicks the
// close button: a WM_DELETE_WINDOW message.
func (u *xuser) close(w xproto.Window) {
	u.t.Helper()
	atom := func(name string) xproto.Atom {
		r, err := xproto.InternAtom(u.conn, false, uint16(len(name)), name).Reply()
		require.NoError(u.t, err)
		return r.Atom
	}
	ev := xproto.ClientMessageEvent{
		Format: 32,
		Window: w,
		Type:   atom("WM_PROTOCOLS"),
		Data:   xproto.ClientMessageDataUnionData32New([]uint32{uint32(atom("WM_DELETE_WINDOW")), 0, 0, 0, 0}),
	}
	require.NoError(u.t, xproto.SendEventChecked(u.conn, false, w, xproto.EventMaskNoEvent, string(ev.Bytes())).Check())
}

// fake sends one XTEST event.
func (u *xuser) fake(kind, detail byte, x, y int) {
	u.t.Helper()
	require.NoError(u.t, xtest.FakeInputChecked(u.conn, kind, detail, 0, u.root, int16(x), int16(y), 0).Check())
}

// hold is how long a key or button stays down: longer than Ebitengine's
// tick, so that its polling sees it.
const hold = 100 * time.Millisecond

// move puts the pointer at (x, y) on the screen.
func (u *xuser) move(p image.Point) { u.fake(xproto.MotionNotify, 0, p.X, p.Y) }

// click presses and releases mouse button b (1 left, 2 middle, 3 right).
func (u *xuser) click(b byte) {
	u.fake(xproto.ButtonPress, b, 0, 0)
	time.Sleep(hold)
	u.fake(xproto.ButtonRelease, b, 0, 0)
	time.Sleep(hold)
}

// tap presses and releases the key of keysym sym.
func (u *xuser) tap(sym xproto.Keysym) {
	u.t.Helper()
	code, ok := u.keys[sym]
	require.True(u.t, ok, "no key for keysym %#x", sym)
	u.fake(xproto.KeyPress, byte(code), 0, 0)
	time.Sleep(hold)
	u.fake(xproto.KeyRelease, byte(code), 0, 0)
	time.Sleep(hold)
}

// Keysyms of the keys the test types.
const (
	symH      xproto.Keysym = 'h'
	symN      xproto.Keysym = 'n'
	symP      xproto.Keysym = 'p'
	symQ      xproto.Keysym = 'q'
	symEscape xproto.Keysym = 0xff1b
)

// shooter takes the window's screenshots with the P key.
type shooter struct {
	u    *xuser
	dir  string
	seen map[string]bool
}

// tries is how many times a test types a key or clicks before it gives up.
// A key held while the window was too busy to look at the keyboard is lost,
// and typing it again is what a user would do; a bounded number of tries
// turns a window that never reacts into a failure that says so, rather than
// a hang until go test's timeout.
const tries = 10

// shot presses P until a new screenshot appears in dir, and returns it.
// Pressing again is safe: a press that was lost saved nothing, and one that
// was not is found before the next. It fails the test after tries presses.
func (s *shooter) shot() (string, image.Image) {
	s.u.t.Helper()
	name := s.u.newFile(s.dir, ".png", s.seen, "P", func() { s.u.tap(symP) })
	return name, readPNG(s.u.t, filepath.Join(s.dir, name))
}

// newFile does press (types a key) until a file named *ext that seen does
// not hold appears in dir, and returns its name, now in seen. It fails the
// test after tries presses.
func (u *xuser) newFile(dir, ext string, seen map[string]bool, what string, press func()) string {
	u.t.Helper()
	for range tries {
		press()
		for range 20 {
			entries, err := os.ReadDir(dir)
			require.NoError(u.t, err)
			for _, e := range entries {
				if name := e.Name(); strings.HasSuffix(name, ext) && !seen[name] {
					seen[name] = true
					return name
				}
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	require.FailNow(u.t, "no new file", "%s pressed %d times, and no new %s file in %s", what, tries, ext, dir)
	return ""
}

// until does act (types a key, clicks...) and takes screenshots until done
// accepts one, which it returns. After three that done does not accept, the
// act may have been lost: it does it again, and fails the test after tries
// times. An act done twice must be harmless, or done must accept both
// outcomes (or fail the test itself on what it cannot accept).
func (s *shooter) until(what string, act func(), done func(name string, img image.Image) bool) (string, image.Image) {
	s.u.t.Helper()
	return retry(s.u.t, what, act, s.shot, done)
}

// retry does act and takes a result until done accepts one, as
// shooter.until does with screenshots.
func retry[T any](t *testing.T, what string, act func(), take func() (string, T), done func(string, T) bool) (string, T) {
	t.Helper()
	for range tries {
		act()
		for range 3 {
			if name, v := take(); done(name, v) {
				return name, v
			}
		}
	}
	require.FailNow(t, "the window did not react", "%s: tried %d times", what, tries)
	var zero T
	return "", zero
}

// quit types Q until lifeview ends, at most tries times.
func (u *xuser) quit(p *proc) {
	u.t.Helper()
	for range tries {
		u.tap(symQ)
		select {
		case <-p.done:
			return
		case <-time.After(time.Second): // not a bound: the key may have been lost; type it again
		}
	}
	require.FailNow(u.t, "lifeview did not quit", "Q typed %d times", tries)
}

// genOf returns the generation a screenshot of the glider shows, from its
// name: glider-gen<N>.png, or glider-gen<N>-<i>.png after the first.
func genOf(t *testing.T, name string) int {
	t.Helper()
	var gen int
	_, err := fmt.Sscanf(name, "glider-gen%d", &gen)
	require.NoError(t, err, "named after the pattern and the generation: %s", name)
	return gen
}

// countLive counts the pixels of the live colour.
func countLive(img image.Image) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if rgba(img.At(x, y)) == liveColour {
				n++
			}
		}
	}
	return n
}

// testKeysAndMouse plays a user: it types and clicks in a paused window
// and checks each effect on the window's own screenshots (the P key).
func testKeysAndMouse(t *testing.T, bin string) {
	needDisplay(t)
	u := newXUser(t)
	dir := t.TempDir()
	p := startLifeview(t, bin, dir, "-pattern", "glider", "-size", "32x32", "-zoom", "8", "-gens", "0", "-hud=false")
	win := u.window(p, "colife: glider")
	// The window is at least 640 × 480: the 256 × 256 grid is in the middle.
	require.Equal(t, image.Pt(640, 480), win.Size())
	grid := image.Rect(192, 112, 448, 368).Add(win.Min)
	u.move(grid.Min.Add(image.Pt(128, 128)))
	s := &shooter{u: u, dir: dir, seen: map[string]bool{}}

	name, img := s.shot()
	require.True(t, strings.HasSuffix(name, "-gen0.png"), name)
	require.Equal(t, image.Rect(0, 0, 640, 480), img.Bounds(), "the screenshot is the window")
	require.Equal(t, 5*64, countLive(img), "the glider, 8 × 8 pixels a cell")

	// A click on the empty cell (1, 30) draws it (a second click too).
	cell := image.Pt(1*8+4, 30*8+4)
	u.move(grid.Min.Add(cell))
	_, img = s.until("a click draws a cell", func() { u.click(1) }, func(_ string, img image.Image) bool { return countLive(img) == 6*64 })
	require.Equal(t, liveColour, rgba(img.At(192+cell.X, 112+cell.Y)), "the cell clicked is alive")

	// H shows the help over the middle of the window; Esc hides it. A
	// second H would hide it again, so H is typed again only if three
	// screenshots in a row show no help; a second Esc does nothing here.
	before := img
	s.until("H shows the help", func() { u.tap(symH) }, func(_ string, img image.Image) bool { return !sameCentre(before, img) })
	_, img = s.until("Esc hides the help", func() { u.tap(symEscape) }, func(_ string, img image.Image) bool { return sameCentre(before, img) })

	// The window resizes; the middle of the grid stays in the middle.
	w, _ := u.find(p, "colife: glider")
	_, img = s.until("the window resizes", func() { u.resize(w, 800, 600) }, func(_ string, img image.Image) bool { return img.Bounds() == image.Rect(0, 0, 800, 600) })
	assert.Equal(t, 6*64, countLive(img))
	assert.Equal(t, liveColour, rgba(img.At(272+cell.X, 172+cell.Y)), "the cell clicked, moved by half the growth")

	// N runs one generation: a screenshot is named after it. N is typed
	// again only after three screenshots of generation 0.
	s.until("N runs a generation", func() { u.tap(symN) }, func(name string, _ image.Image) bool {
		gen := genOf(t, name)
		require.Contains(t, []int{0, 1}, gen, "unexpected screenshot %s", name)
		return gen == 1
	})

	// Q quits, with status 0.
	u.quit(p)
	require.NoError(t, p.err, "stderr: %s", p.stderr.String())
}

// sameCentre reports whether two screenshots agree on the window's middle
// quarter, where the help overlay goes.
func sameCentre(a, b image.Image) bool {
	r := a.Bounds()
	return sameIn(a, b, image.Rect(r.Dx()/4, r.Dy()/4, 3*r.Dx()/4, 3*r.Dy()/4))
}

// sameIn reports whether a and b have the same pixels in r.
func sameIn(a, b image.Image, r image.Rectangle) bool {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

// testCloseButton closes the window as a window manager does: lifeview ends
// with status 0, the simulation and its goroutines with it.
func testCloseButton(t *testing.T, bin string) {
	needDisplay(t)
	u := newXUser(t)
	p := startLifeview(t, bin, t.TempDir(), "-random", "0.3", "-seed", "5", "-size", "48x32")
	w, _ := u.find(p, "colife: random")
	u.close(w) // an X event is not lost, unlike a key held too briefly
	<-p.done
	require.NoError(t, p.err, "stderr: %s", p.stderr.String())
	assert.Empty(t, p.stderr.String())
}
