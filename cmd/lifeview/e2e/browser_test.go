package e2e_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"colife/cmd/internal/site"
	"colife/cmd/lifeview/internal/cli"
	"colife/life"
	"colife/life/pattern"
	"colife/render/view"
)

// browserNeeded names the environment variable that turns the browser test's
// skip, when there is no Chromium, into a failure: .ci/run sets it, so that
// CI cannot pass without having driven the page.
const browserNeeded = "COLIFE_NEED_BROWSER"

// noBrowser counts the tests skipped for want of Chromium.
var noBrowser atomic.Int32

// The size of the browser's viewport, in CSS pixels (one device pixel each):
// the page's canvas fills it.
const pageW, pageH = 640, 480

// chromium returns the path of Chromium (or Chrome), or skips the test if
// there is none, or fails it if browserNeeded is set.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	why := "no chromium in $PATH: the web page's test drives it (Debian's chromium; make test installs it)"
	if os.Getenv(browserNeeded) != "" {
		t.Fatalf("%s, and %s is set: this run must drive the browser", why, browserNeeded)
	}
	noBrowser.Add(1)
	t.Skip("SKIPPED: " + why)
	return ""
}

// TestBrowser builds the web page (make web's), serves it on a loopback port
// with lifeweb's handler, and drives it in headless Chromium through the
// DevTools protocol, as a person at the browser would.
func TestBrowser(t *testing.T) {
	b := newBrowser(t)
	for _, tt := range []struct {
		name string
		test func(*testing.T, *browser)
	}{
		{"glider", testPageGlider},
		{"bad address", testPageBadAddress},
		{"editing", testPageEditing},
	} {
		t.Run(tt.name, func(t *testing.T) { tt.test(t, b) })
	}
}

// browser is headless Chromium and the page it loads.
type browser struct {
	ctx context.Context // the browser's; each page is a tab of its own
	url string          // the page, without its query
}

// newBrowser builds the page, serves it and starts Chromium; the test's end
// stops them.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	path := chromium(t)
	dir := t.TempDir()
	require.NoError(t, site.Build(context.Background(), goTool(), dir))
	fi, err := os.Stat(filepath.Join(dir, site.Wasm))
	require.NoError(t, err)
	t.Logf("%s: %.1f MB", site.Wasm, float64(fi.Size())/1e6)
	srv := httptest.NewServer(site.Handler(dir)) // on 127.0.0.1
	t.Cleanup(srv.Close)
	return startChromium(t, path, srv.URL)
}

// startChromium starts headless Chromium at path for the page at url; the
// test's end stops it.
func startChromium(t *testing.T, path, url string) *browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // as root, Chromium runs without its sandbox or not at all
		chromedp.DisableGPU,
		// Nothing but the page: no call to Google's hosts, which this
		// machine would refuse.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc() // waits for Chromium to end
	})
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		_, err := chromedp.CallBrowser(ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
			Permission: &cdpbrowser.PermissionDescriptor{Name: name}, Setting: cdpbrowser.PermissionSettingGranted, Origin: url,
		})
		require.NoError(t, err, "the page may use the clipboard (as a person allows it)")
	}
	return &browser{ctx: ctx, url: url}
}

// pageState is what the page publishes of the window after each frame drawn,
// as globalThis.colife (render/window's page_js.go).
type pageState struct {
	Generation int      `json:"generation"`
	Population int      `json:"population"`
	Running    bool     `json:"running"`
	Started    bool     `json:"started"`
	HUD        []string `json:"hud"`
	HUDShown   bool     `json:"hudShown"`
	Zoom       float64  `json:"zoom"`
	Message    string   `json:"message"`
	Draws      int      `json:"draws"`
	FirstFrame float64  `json:"firstFrame"`
}

// page is one tab of the browser showing the page, and a person at it.
type page struct {
	t         *testing.T
	ctx       context.Context
	downloads string // where the browser saves this page's downloads

	mu     sync.Mutex
	thrown []string // the exceptions the page threw
}

// open opens the page with query in a new tab, and returns once it has
// drawn its first frame of a running simulation. It logs the time that
// took, from the moment the page began to load.
func (b *browser) open(t *testing.T, query string) *page {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	p := &page{t: t, ctx: ctx, downloads: t.TempDir()}
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for ev, err := range exceptions {
			if err != nil {
				return // the tab is closed
			}
			p.mu.Lock()
			p.thrown = append(p.thrown, ev.ExceptionDetails.Text+" "+describe(ev.ExceptionDetails.Exception))
			p.mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	_, err := chromedp.CallBrowser(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: p.downloads,
	})
	require.NoError(t, err)
	begin := time.Now()
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(pageW, pageH), chromedp.Navigate(b.url+"/?"+query)))
	s := p.until("the first frame", func(s *pageState) bool { return s.FirstFrame > 0 })
	t.Logf("?%s: the first frame %.0f ms after the page began to load (%.0f ms after the test asked for it)",
		query, s.FirstFrame, float64(time.Since(begin).Milliseconds()))
	return p
}

// describe returns the description of an exception, if it has one.
func describe(o *runtime.RemoteObject) string {
	if o == nil {
		return ""
	}
	return o.Description
}

// state returns what the page published last, or nil before its first
// frame.
func (p *page) state() *pageState {
	p.t.Helper()
	s, err := chromedp.Run(p.ctx, chromedp.Evaluate[*pageState]("globalThis.colife ?? null"))
	require.NoError(p.t, err)
	return s
}

// until polls the page's state until ok accepts it, and returns it. It fails
// the test at once if the page throws an exception, and says every ten
// seconds what it is waiting for (go test's timeout ends a page that never
// gets there).
func (p *page) until(what string, ok func(*pageState) bool) *pageState {
	p.t.Helper()
	said := time.Now()
	for {
		p.mu.Lock()
		thrown := p.thrown
		p.mu.Unlock()
		require.Empty(p.t, thrown, "the page threw, waiting for %s", what)
		s := p.state()
		if s != nil && ok(s) {
			return s
		}
		if time.Since(said) > 10*time.Second {
			p.t.Logf("still waiting for %s: %+v", what, s)
			said = time.Now()
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// frames waits until the page has drawn n more frames.
func (p *page) frames(n int) {
	p.t.Helper()
	from := p.state().Draws
	p.until("frames drawn", func(s *pageState) bool { return s.Draws >= from+n })
}

// typeText types s: each character's key goes down and up at once, as a
// person types. Ebitengine keeps every character typed until the window's
// next update, so none is lost, however briefly its key was held.
func (p *page) typeText(s string) {
	p.t.Helper()
	require.NoError(p.t, chromedp.Do(p.ctx, chromedp.KeyEvent(s)))
}

// Keys that the page's person holds down, as kb's runes.
const (
	keyControl = '\u0105'
	keyShift   = '\u010d'
)

// chord holds down keys, in order (modifiers first), until the page has
// drawn two frames, so that an update of the window sees them all held,
// then lets them go in the reverse order. commands are the browser's editing
// commands that the last key gives, as a keyboard shortcut does ("paste").
func (p *page) chord(keys []rune, commands ...string) {
	p.t.Helper()
	var mods int64
	var ups []input.DispatchKeyEventParams
	for i, r := range keys {
		down := *kb.Encode(r)[0]
		switch r {
		case keyControl:
			mods |= int64(chromedp.ModifierCtrl)
		case keyShift:
			mods |= int64(chromedp.ModifierShift)
		}
		down.Type, down.Modifiers = input.DispatchKeyEventTypeRawKeyDown, mods
		if i == len(keys)-1 {
			down.Commands = commands
		}
		_, err := chromedp.Call(p.ctx, input.DispatchKeyEvent, down)
		require.NoError(p.t, err)
		up := down
		up.Type, up.Commands = input.DispatchKeyEventTypeKeyUp, nil
		ups = append(ups, up)
	}
	p.frames(2)
	for i := len(ups) - 1; i >= 0; i-- {
		_, err := chromedp.Call(p.ctx, input.DispatchKeyEvent, ups[i])
		require.NoError(p.t, err)
	}
	p.frames(2)
}

// mouse sends a mouse event at pt.
func (p *page) mouse(typ input.DispatchMouseEventType, pt image.Point, button input.MouseButton) {
	p.t.Helper()
	_, err := chromedp.Call(p.ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{
		Type: typ, X: float64(pt.X), Y: float64(pt.Y), Button: button, ClickCount: 1,
	})
	require.NoError(p.t, err)
}

// click moves the mouse to pt and clicks button there, holding it down for
// two frames, as the window reads the mouse once an update.
func (p *page) click(pt image.Point, button input.MouseButton) {
	p.t.Helper()
	p.mouse(input.DispatchMouseEventTypeMouseMoved, pt, input.MouseButtonNone)
	p.frames(2)
	p.mouse(input.DispatchMouseEventTypeMousePressed, pt, button)
	p.frames(2)
	p.mouse(input.DispatchMouseEventTypeMouseReleased, pt, button)
	p.frames(2)
}

// screenshot returns what the tab shows.
func (p *page) screenshot() image.Image {
	p.t.Helper()
	b, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	require.NoError(p.t, err)
	img, err := png.Decode(bytes.NewReader(b))
	require.NoError(p.t, err)
	require.Equal(p.t, image.Rect(0, 0, pageW, pageH), img.Bounds())
	return img
}

// download waits for the browser to have saved the download name, and
// returns it.
func (p *page) download(name string) []byte {
	p.t.Helper()
	path := filepath.Join(p.downloads, name)
	said := time.Now()
	for {
		if b, err := os.ReadFile(path); err == nil {
			return b
		}
		if time.Since(said) > 10*time.Second {
			entries, _ := os.ReadDir(p.downloads)
			p.t.Logf("still waiting for the download %s; %d files in %s", name, len(entries), p.downloads)
			said = time.Now()
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// text returns the text of the page's message box (index.html's #message),
// and whether it is shown.
func (p *page) text() (string, bool) {
	p.t.Helper()
	s, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]any](`(m => [m.textContent, !m.hidden])(document.getElementById("message"))`))
	require.NoError(p.t, err)
	require.Len(p.t, s, 2)
	return s[0].(string), s[1].(bool)
}

// startBox is the box the window starts a built-in pattern in on the
// unbounded plane, and shows first.
func startBox() life.Rect {
	size := cli.DefaultSize()
	return life.RectOf(cli.Origin(size.W, size.H), int64(size.W), int64(size.H))
}

// testPageGlider loads the glider, run to generation 100 at once: the HUD
// says so, and the screenshot without the HUD (I hides it) is, pixel for
// pixel, the direct engine's generation 100 as the window paints it. Space
// plays, and Space again pauses: the generation then stops advancing.
func testPageGlider(t *testing.T, b *browser) {
	p := b.open(t, "pattern=glider&zoom=8&gens=100")
	s := p.until("generation 100 in the HUD", func(s *pageState) bool { return len(s.HUD) > 0 && strings.HasPrefix(s.HUD[0], "gen 100 ") })
	assert.Equal(t, "gen 100  pop 5", s.HUD[0])
	assert.False(t, s.Running, "-gens runs to generation 100 and pauses")
	withHUD := p.screenshot()

	p.typeText("i")
	p.until("the HUD hidden", func(s *pageState) bool { return !s.HUDShown })
	p.frames(1)
	plain := p.screenshot()
	v := view.NewUnbounded(startBox(), pageW, pageH, 8)
	assert.Zero(t, unlike(plain, onPlane(t, "glider", 100), v), "pixels unlike the direct engine's generation 100")
	assert.Equal(t, 5*64, countLive(plain), "five cells of 8 × 8 pixels")
	// The HUD was a box in the top-left corner, over the board.
	var box image.Rectangle
	for y := range pageH {
		for x := range pageW {
			if withHUD.At(x, y) != plain.At(x, y) {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	assert.Equal(t, image.Point{}, box.Min, "the HUD is in the top-left corner")
	assert.GreaterOrEqual(t, box.Dy(), len(s.HUD)*16, "a line of text for each of the HUD's lines")

	p.typeText(" ")
	p.until("Space plays", func(s *pageState) bool { return s.Running && s.Generation > 100 })
	p.typeText(" ")
	s = p.until("Space pauses", func(s *pageState) bool { return !s.Running })
	p.frames(10)
	after := p.state()
	assert.Equal(t, s.Generation, after.Generation, "paused, the generation stops advancing")
	assert.False(t, after.Running)
}

// testPageBadAddress loads the page with a malformed RLE and with an unknown
// pattern: the page shows the error in one line, over an empty board that
// runs, and throws nothing.
func testPageBadAddress(t *testing.T, b *browser) {
	bad := "x = 3, y = 1\n2oz!"
	_, parseErr := pattern.Read(strings.NewReader(bad), "rle")
	require.Error(t, parseErr)
	for _, tt := range []struct {
		name, query, want string
	}{
		{"malformed rle", "rle=" + url.QueryEscape(bad), "lifeview: " + parseErr.Error()},
		{"unknown pattern", "pattern=no-such-pattern", `lifeview: pattern "no-such-pattern": unknown pattern: no built-in pattern of that name (L on the page lists them)`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := b.open(t, tt.query)
			s := p.until("the empty board running", func(s *pageState) bool { return s.Started && s.Running })
			assert.Zero(t, s.Population)
			text, shown := p.text()
			assert.True(t, shown, "the message box is shown")
			assert.Equal(t, tt.want, text)
			p.frames(3) // and it goes on
			img := p.screenshot()
			assert.Zero(t, countLive(img), "an empty board")
			assert.Positive(t, countColour(img, rgba(view.DefaultPalette.Dead)), "the board is drawn: the page is not blank")
		})
	}
}

// testPageEditing plays a person at the page: a click draws a cell, a paste
// (Ctrl+V, the browser's paste event) floats a pattern that a click places,
// a selection copied with Ctrl+C is on the browser's clipboard, Ctrl+S and P
// download the board as RLE and the screen as PNG, a file dropped on the
// page opens, and Q says that a page does not quit.
func testPageEditing(t *testing.T, b *browser) {
	p := b.open(t, "pattern=glider&zoom=8&gens=0&hud=false")
	v := view.NewUnbounded(startBox(), pageW, pageH, 8)
	at := func(x, y int64) image.Point { // the middle of cell (x, y) on the screen
		sx, sy := v.ScreenOf(life.Point{X: x, Y: y})
		return image.Pt(int(sx)+4, int(sy)+4)
	}
	want := cellSet(onPlane(t, "glider", 0))
	require.Len(t, want, 5)

	p.click(at(-10, -10), input.MouseButtonLeft)
	p.until("a click draws a cell", func(s *pageState) bool { return s.Population == 6 })
	want[life.Point{X: -10, Y: -10}] = true

	blinker := "x = 3, y = 1, rule = B3/S23\n3o!\n"
	require.NoError(t, chromedp.Do(p.ctx, chromedp.Evaluate[chromedp.Void]("navigator.clipboard.writeText("+jsString(blinker)+")", chromedp.EvalAwaitPromise)))
	p.mouse(input.DispatchMouseEventTypeMouseMoved, at(10, -10), input.MouseButtonNone)
	p.chord([]rune{keyControl, 'v'}, "paste")
	p.until("the paste floats", func(s *pageState) bool { return strings.HasPrefix(s.Message, "paste 3x1: ") })
	p.click(at(10, -10), input.MouseButtonLeft)
	p.until("a click places it", func(s *pageState) bool { return s.Population == 9 })
	for x := int64(10); x < 13; x++ {
		want[life.Point{X: x, Y: -10}] = true
	}

	p.chord([]rune{keyControl, 's'})
	saved, err := pattern.Read(bytes.NewReader(p.download("glider-gen0.rle")), "glider-gen0.rle")
	require.NoError(t, err)
	assert.Equal(t, want, pointSet(cellsOf(t, saved)), "Ctrl+S downloads the board")

	// Shift+drag selects the blinker; Ctrl+C copies it.
	p.mouse(input.DispatchMouseEventTypeMouseMoved, at(9, -11), input.MouseButtonNone)
	shift := *kb.Encode(keyShift)[0]
	shift.Type, shift.Modifiers = input.DispatchKeyEventTypeRawKeyDown, int64(chromedp.ModifierShift)
	_, err = chromedp.Call(p.ctx, input.DispatchKeyEvent, shift)
	require.NoError(t, err)
	p.frames(2)
	p.mouse(input.DispatchMouseEventTypeMousePressed, at(9, -11), input.MouseButtonLeft)
	p.frames(2)
	p.mouse(input.DispatchMouseEventTypeMouseMoved, at(13, -9), input.MouseButtonLeft)
	p.frames(2)
	p.mouse(input.DispatchMouseEventTypeMouseReleased, at(13, -9), input.MouseButtonLeft)
	shift.Type = input.DispatchKeyEventTypeKeyUp
	_, err = chromedp.Call(p.ctx, input.DispatchKeyEvent, shift)
	require.NoError(t, err)
	p.frames(2)
	p.chord([]rune{keyControl, 'c'})
	p.until("Ctrl+C copies", func(s *pageState) bool { return s.Message == "copied 5x3" })
	copied, err := chromedp.Run(p.ctx, chromedp.Evaluate[string]("navigator.clipboard.readText()", chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	c, err := pattern.Read(strings.NewReader(copied), "clipboard")
	require.NoError(t, err)
	assert.Equal(t, 3, c.Population(), "the blinker, on the browser's clipboard: %q", copied)

	p.typeText("p")
	shot, err := png.Decode(bytes.NewReader(p.download("glider-gen0.png")))
	require.NoError(t, err)
	assert.Equal(t, image.Rect(0, 0, pageW, pageH), shot.Bounds(), "P downloads the screen")

	pair := filepath.Join(t.TempDir(), "pair.lif")
	require.NoError(t, os.WriteFile(pair, []byte("#Life 1.06\n0 0\n1 0\n"), 0o644))
	for _, typ := range []input.DispatchDragEventType{input.DispatchDragEventTypeDragEnter, input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDrop} {
		_, err := chromedp.Call(p.ctx, input.DispatchDragEvent, input.DispatchDragEventParams{
			Type: typ, X: pageW / 2, Y: pageH / 2, Data: &input.DragData{Items: []*input.DragDataItem{}, Files: []string{pair}, DragOperationsMask: 1},
		})
		require.NoError(t, err)
	}
	p.until("a file dropped opens", func(s *pageState) bool { return s.Population == 2 && strings.HasPrefix(s.Message, "loaded pair.lif") })

	// A notch of the wheel (100 pixels of a wheel event, in Chrome) zooms
	// in one step.
	_, err = chromedp.Call(p.ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{
		Type: input.DispatchMouseEventTypeMouseWheel, X: pageW / 2, Y: pageH / 2, DeltaX: 1e-9, DeltaY: -100, // DeltaX: the browser wants one, and 0 is not sent
	})
	require.NoError(t, err)
	p.until("a notch of the wheel zooms in", func(s *pageState) bool { return s.Zoom != 8 })
	assert.Equal(t, 12.0, p.state().Zoom, "one step, from 8 to 12 pixels a cell")

	p.typeText("q")
	p.until("Q says so", func(s *pageState) bool { return s.Message == "a page does not quit: close its tab" })
	p.frames(3) // and the page goes on
}

// pointSet returns the points as a set.
func pointSet(points []life.Point) map[life.Point]bool {
	set := map[life.Point]bool{}
	for _, p := range points {
		set[p] = true
	}
	return set
}

// cellSet returns the live cells of u.
func cellSet(u *life.Universe) map[life.Point]bool {
	cells := map[life.Point]bool{}
	u.Cells(u.Bounds(), func(x, y int64, s life.State) {
		if s == life.Alive {
			cells[life.Point{X: x, Y: y}] = true
		}
	})
	return cells
}

// jsString returns s as a JavaScript string literal.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}
