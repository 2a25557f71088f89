package e2e_test

import (
	"image"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.design/x/clipboard"

	"colife/life"
	"colife/life/pattern"
	"colife/render/view"
)

// Keysyms of the other keys the editing tests type.
const (
	symShift     xproto.Keysym = 0xffe1
	symControl   xproto.Keysym = 0xffe3
	symReturn    xproto.Keysym = 0xff0d
	symDelete    xproto.Keysym = 0xffff
	symDown      xproto.Keysym = 0xff54
	symPeriod    xproto.Keysym = '.'
	symSpace     xproto.Keysym = ' '
	symBackspace xproto.Keysym = 0xff08
)

// down and up press and release the key of sym.
func (u *xuser) down(sym xproto.Keysym) { u.key(xproto.KeyPress, sym) }
func (u *xuser) up(sym xproto.Keysym)   { u.key(xproto.KeyRelease, sym) }

func (u *xuser) key(kind byte, sym xproto.Keysym) {
	u.t.Helper()
	code, ok := u.keys[sym]
	require.True(u.t, ok, "no key for keysym %#x", sym)
	u.fake(kind, byte(code), 0, 0)
}

// chord taps the key of sym with the modifiers held.
func (u *xuser) chord(sym xproto.Keysym, mods ...xproto.Keysym) {
	u.t.Helper()
	for _, m := range mods {
		u.down(m)
	}
	u.tap(sym)
	for _, m := range mods {
		u.up(m)
	}
	time.Sleep(hold)
}

// typeText types s: lower-case letters, digits and the punctuation of a US
// keyboard that needs no Shift.
func (u *xuser) typeText(s string) {
	u.t.Helper()
	for _, r := range s {
		u.tap(xproto.Keysym(r))
	}
}

// drag drags with the left button from a to b, with the modifiers held.
func (u *xuser) drag(a, b image.Point, mods ...xproto.Keysym) {
	u.t.Helper()
	for _, m := range mods {
		u.down(m)
	}
	time.Sleep(hold)
	u.move(a)
	u.fake(xproto.ButtonPress, 1, 0, 0)
	time.Sleep(hold)
	u.move(a.Add(b).Div(2))
	time.Sleep(hold)
	u.move(b)
	time.Sleep(hold)
	u.fake(xproto.ButtonRelease, 1, 0, 0)
	time.Sleep(hold)
	for _, m := range mods {
		u.up(m)
	}
	time.Sleep(hold)
}

// saver saves the board with Ctrl+S and reads the files back.
type saver struct {
	u    *xuser
	dir  string
	seen map[string]bool
}

// save presses Ctrl+S until a new .rle file appears in dir, and returns its
// name and the pattern in it. Pressing again is harmless: each press writes a
// new file. It fails the test after tries presses.
func (s *saver) save() (string, *pattern.Pattern) {
	s.u.t.Helper()
	name := s.u.newFile(s.dir, ".rle", s.seen, "Ctrl+S", func() { s.u.chord('s', symControl) })
	p, err := pattern.Load(filepath.Join(s.dir, name), nil)
	require.NoError(s.u.t, err)
	return name, p
}

// until does act and saves until done accepts the pattern saved, as
// shooter.until does with screenshots.
func (s *saver) until(what string, act func(), done func(name string, p *pattern.Pattern) bool) (string, *pattern.Pattern) {
	s.u.t.Helper()
	return retry(s.u.t, what, act, s.save, done)
}

// cellsOf returns the live cells of a saved pattern where they lie on the
// board ("#CXRLE Pos=").
func cellsOf(t *testing.T, p *pattern.Pattern) []life.Point {
	t.Helper()
	var at life.Point
	if p.Population() > 0 {
		require.NotNil(t, p.Position, "a saved board says where it lies")
		at = *p.Position
	}
	var out []life.Point
	for _, c := range p.Cells {
		out = append(out, life.Point{X: at.X + int64(c.X), Y: at.Y + int64(c.Y)})
	}
	return out
}

// gridCells returns the live cells of g.
func gridCells(g *life.Grid) []life.Point {
	var out []life.Point
	for y := range g.Height() {
		for x := range g.Width() {
			if g.At(x, y) == life.Alive {
				out = append(out, life.Point{X: int64(x), Y: int64(y)})
			}
		}
	}
	return out
}

// editor is lifeview showing the glider in a paused 32 × 32 torus at 8
// pixels a cell, in the middle of its 640 × 480 window, and a user at it.
type editor struct {
	t    *testing.T
	u    *xuser
	p    *proc
	dir  string
	grid image.Rectangle // the grid on the screen
	s    *saver
	shot *shooter
}

func newEditor(t *testing.T, bin string, args ...string) *editor {
	t.Helper()
	needDisplay(t)
	u := newXUser(t)
	dir := t.TempDir()
	args = append([]string{"-pattern", "glider", "-size", "32x32", "-topology", "torus", "-zoom", "8", "-gens", "0", "-hud=false"}, args...)
	p := startLifeview(t, bin, dir, args...)
	win := u.window(p, "colife: glider")
	require.Equal(t, image.Pt(640, 480), win.Size())
	e := &editor{t: t, u: u, p: p, dir: dir, grid: image.Rect(192, 112, 448, 368).Add(win.Min),
		s: &saver{u: u, dir: dir, seen: map[string]bool{}}, shot: &shooter{u: u, dir: dir, seen: map[string]bool{}}}
	u.move(e.cell(16, 16))
	e.shot.shot() // the window has drawn, and reads the keys
	return e
}

// cell returns the screen position of the middle of cell (x, y).
func (e *editor) cell(x, y int) image.Point { return e.grid.Min.Add(image.Pt(8*x+4, 8*y+4)) }

// selectCells selects the cells of r with a Shift+drag, until a screenshot
// shows both its corner cells tinted by the selection. Ebitengine reads the
// mouse once a frame: on a busy machine a drag within one frame is a click
// where it ended, which selects one cell (and a drag again is harmless).
func (e *editor) selectCells(r life.Rect) {
	e.t.Helper()
	corners := []image.Point{
		e.cell(int(r.Min.X), int(r.Min.Y)).Sub(e.grid.Min).Add(image.Pt(192, 112)),
		e.cell(int(r.Max.X)-1, int(r.Max.Y)-1).Sub(e.grid.Min).Add(image.Pt(192, 112)),
	}
	pal := view.DefaultPalette
	e.shot.until("Shift+drag selects", func() {
		e.u.drag(e.cell(int(r.Min.X), int(r.Min.Y)), e.cell(int(r.Max.X)-1, int(r.Max.Y)-1), symShift)
	}, func(_ string, img image.Image) bool {
		for _, c := range corners {
			if px := rgba(img.At(c.X, c.Y)); px == pal.Dead || px == pal.Live || px == pal.Line {
				return false
			}
		}
		return true
	})
}

// quit quits lifeview, which must end with status 0.
func (e *editor) quit() {
	e.u.quit(e.p)
	require.NoError(e.t, e.p.err, "stderr: %s", e.p.stderr.String())
}

// TestEditing plays a Golly user: each subtest edits the board with real
// key and mouse events and checks the board in the files Ctrl+S saves.
func TestEditing(t *testing.T) {
	needDisplay(t)
	bin := build(t)
	for _, tt := range []struct {
		name string
		test func(*testing.T, string)
	}{
		{"undo and redo", testUndoRedo},
		{"rule prompt", testRulePrompt},
		{"open prompt and library", testOpen},
		{"select, copy, cut, paste", testSelectCopyPaste},
		{"every Esc counts", testEveryEscCounts},
		{"step exponent", testStepExponent},
		{"theme, grid lines, graph", testThemeLinesGraph},
		{"engine key", testEngineKey},
		{"drop a file", testDrop},
	} {
		t.Run(tt.name, func(t *testing.T) { tt.test(t, bin) })
	}
}

func testUndoRedo(t *testing.T, bin string) {
	e := newEditor(t, bin)
	glider := gridCells(expected(t, 0))
	name, p := e.s.save()
	assert.Equal(t, "glider-gen0.rle", name)
	assert.ElementsMatch(t, glider, cellsOf(t, p), "the glider, where it is")
	assert.Equal(t, "B3/S23", p.Rule)
	assert.Equal(t, 0, p.Generation)

	// A click draws a cell (a second click keeps it); Ctrl+Z takes it
	// away, Ctrl+Shift+Z and Ctrl+Y bring it back.
	drawn := append(append([]life.Point(nil), glider...), life.Point{X: 1, Y: 30})
	e.u.move(e.cell(1, 30))
	e.s.until("a click draws", func() { e.u.click(1) }, func(_ string, p *pattern.Pattern) bool { return p.Population() == 6 })
	_, p = e.s.until("Ctrl+Z undoes", func() { e.u.chord('z', symControl) }, func(_ string, p *pattern.Pattern) bool { return p.Population() == 5 })
	assert.ElementsMatch(t, glider, cellsOf(t, p))
	_, p = e.s.until("Ctrl+Shift+Z redoes", func() { e.u.chord('z', symControl, symShift) }, func(_ string, p *pattern.Pattern) bool { return p.Population() == 6 })
	assert.ElementsMatch(t, drawn, cellsOf(t, p))
	e.u.chord('z', symControl)
	_, p = e.s.until("Ctrl+Y redoes", func() { e.u.chord('y', symControl) }, func(_ string, p *pattern.Pattern) bool { return p.Population() == 6 })
	assert.ElementsMatch(t, drawn, cellsOf(t, p))

	// C clears; Ctrl+Z brings the board back.
	e.s.until("C clears", func() { e.u.tap('c') }, func(_ string, p *pattern.Pattern) bool { return p.Population() == 0 })
	_, p = e.s.until("Ctrl+Z undoes the clear", func() { e.u.chord('z', symControl) }, func(_ string, p *pattern.Pattern) bool { return p.Population() == 6 })
	assert.ElementsMatch(t, drawn, cellsOf(t, p))
	e.quit()
}

func testRulePrompt(t *testing.T, bin string) {
	e := newEditor(t, bin)
	// A rule the parser refuses leaves the prompt open and the rule as
	// it was; Esc closes it.
	e.u.chord('r', symControl)
	e.u.typeText("b9/s23")
	e.u.tap(symReturn)
	e.u.tap(symEscape)
	_, p := e.s.save()
	assert.Equal(t, "B3/S23", p.Rule)
	e.u.chord('r', symControl)
	e.u.typeText("highlife")
	e.u.tap(symReturn)
	_, p = e.s.until("Ctrl+R sets the rule", func() {}, func(_ string, p *pattern.Pattern) bool { return p.Rule == "B36/S23" })
	assert.Equal(t, 5, p.Population(), "the board is kept")
	e.u.chord('z', symControl)
	e.s.until("Ctrl+Z undoes the rule", func() {}, func(_ string, p *pattern.Pattern) bool { return p.Rule == "B3/S23" })
	e.quit()
}

func testOpen(t *testing.T, bin string) {
	e := newEditor(t, bin)
	require.NoError(t, os.WriteFile(filepath.Join(e.dir, "bad.pattern"), []byte("x = 3, y = 1\n3z!\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(e.dir, "row.cells"), []byte("!Name: row\nOOOO\n"), 0o644))

	// A bad file: the board is kept (and the prompt stays open to mend it).
	e.u.tap('o')
	e.u.typeText("bad.pattern")
	e.u.tap(symReturn)
	e.u.tap(symEscape)
	name, p := e.s.save()
	assert.Equal(t, "glider-gen0.rle", name)
	assert.Equal(t, 5, p.Population())

	// A good one replaces the board, in its middle; saves are named after it.
	e.u.tap('o')
	e.u.typeText("row.cells")
	e.u.tap(symReturn)
	name, p = e.s.until("O opens a file", func() {}, func(_ string, p *pattern.Pattern) bool { return p.Population() == 4 })
	assert.True(t, strings.HasPrefix(name, "row-gen0"), "named after it: %s", name)
	assert.ElementsMatch(t, []life.Point{{X: 14, Y: 15}, {X: 15, Y: 15}, {X: 16, Y: 15}, {X: 17, Y: 15}}, cellsOf(t, p))

	// The library: L, Down, Enter loads the second pattern.
	lib := pattern.Library()
	e.u.tap('l')
	e.u.tap(symDown)
	e.u.tap(symReturn)
	e.s.until("L picks from the library", func() {}, func(name string, p *pattern.Pattern) bool {
		return strings.HasPrefix(name, lib[1].Name+"-gen0") && p.Population() == lib[1].Population()
	})
	e.quit()
}

func testSelectCopyPaste(t *testing.T, bin string) {
	require.NoError(t, clipboard.Init())
	e := newEditor(t, bin)
	glider := gridCells(expected(t, 0))
	box := life.Rect{Min: glider[0], Max: glider[0]}
	for _, c := range glider {
		box = box.Union(life.RectOf(c, 1, 1))
	}

	// Shift+drag selects the glider's box; Ctrl+C copies it as RLE.
	e.selectCells(box)
	e.u.chord('c', symControl)
	var copied *pattern.Pattern
	var text []byte
	for range tries {
		text = clipboard.Read(clipboard.FmtText)
		if p, err := pattern.Read(strings.NewReader(string(text)), "clipboard"); err == nil && p.Population() == 5 {
			copied = p
			break
		}
		e.u.chord('c', symControl)
	}
	require.NotNil(t, copied, "Ctrl+C puts the glider on the clipboard, not %q", text)
	assert.Equal(t, "B3/S23", copied.Rule)

	// Ctrl+S saves the selection only: draw a cell outside it first.
	e.u.move(e.cell(1, 1))
	e.s.until("a click draws", func() { e.u.click(1) }, func(_ string, p *pattern.Pattern) bool { return p.Population() == 5 })
	e.u.tap(symEscape) // drops the selection
	e.s.until("Esc drops the selection", func() {}, func(_ string, p *pattern.Pattern) bool { return p.Population() == 6 })

	// Ctrl+X cuts the glider; Ctrl+V floats it until a click at (20, 3);
	// Ctrl+V, > (a quarter turn clockwise), a click at (3, 20).
	e.selectCells(box)
	e.u.chord('x', symControl)
	e.u.tap(symEscape)
	e.s.until("Ctrl+X cuts", func() {}, func(_ string, p *pattern.Pattern) bool { return p.Population() == 1 })
	e.u.chord('v', symControl)
	e.u.move(e.cell(20, 3))
	e.u.click(1)
	_, p := e.s.until("Ctrl+V and a click paste", func() {}, func(_ string, p *pattern.Pattern) bool { return p.Population() == 6 })
	var want []life.Point
	for _, c := range glider {
		want = append(want, c.Sub(box.Min).Add(life.Point{X: 20, Y: 3}))
	}
	assert.Subset(t, cellsOf(t, p), want, "the glider's box at the cursor")

	e.u.chord('v', symControl)
	e.u.tap(symPeriod)
	e.u.move(e.cell(3, 20))
	e.u.click(1)
	_, p = e.s.until("a rotated paste", func() {}, func(_ string, p *pattern.Pattern) bool { return p.Population() == 11 })
	var rotated []life.Point
	for _, c := range glider {
		d := c.Sub(box.Min) // clockwise in a 3 × 3 box: (x, y) -> (2-y, x)
		rotated = append(rotated, life.Point{X: 3 + 2 - d.Y, Y: 20 + d.X})
	}
	assert.Subset(t, cellsOf(t, p), rotated)

	// Delete clears the selection.
	e.selectCells(life.Rect{Max: life.Point{X: 32, Y: 16}})
	e.u.tap(symDelete)
	e.u.tap(symEscape)
	_, p = e.s.until("Delete clears", func() {}, func(_ string, p *pattern.Pattern) bool { return p.Population() == 5 })
	assert.ElementsMatch(t, rotated, cellsOf(t, p))
	e.quit()
}

// testEveryEscCounts opens the help, then types Esc twice within a frame:
// the first closes the help and the second quits. Reading the keys held at
// each frame, as Ebitengine's just-pressed keys do, the two were one.
func testEveryEscCounts(t *testing.T, bin string) {
	e := newEditor(t, bin)
	_, before := e.shot.shot()
	e.shot.until("H shows the help", func() { e.u.tap(symH) }, func(_ string, img image.Image) bool { return !sameCentre(before, img) })
	for range 2 {
		e.u.down(symEscape)
		e.u.up(symEscape)
	}
	<-e.p.done // go test's timeout catches a window that stays open
	require.NoError(t, e.p.err, "stderr: %s", e.p.stderr.String())
}

func testStepExponent(t *testing.T, bin string) {
	e := newEditor(t, bin, "-speed", "4")
	for range 3 {
		e.u.tap(symPeriod)
	}
	e.u.tap(symSpace)
	// Playing runs 8 generations a frame: every frame shows a multiple of 8.
	seen := 0
	e.shot.until("plays 8 generations a step", func() {}, func(name string, _ image.Image) bool {
		gen := genOf(t, name)
		require.Zero(t, gen%8, "%s: not a multiple of 8", name)
		if gen > 0 {
			seen++
		}
		return seen >= 2
	})
	e.u.tap(symSpace)
	e.quit()
}

func testThemeLinesGraph(t *testing.T, bin string) {
	e := newEditor(t, bin)
	// Cell (0, 0) is empty: its first pixel is on a grid line, its middle
	// dead. The grid's top-left pixel on the screenshot is (192, 112).
	line, mid := image.Pt(192+8, 112+8), image.Pt(192+12, 112+12)
	_, img := e.shot.shot()
	require.Equal(t, view.DefaultPalette.Line, rgba(img.At(line.X, line.Y)), "grid lines at 8 pixels a cell")
	require.Equal(t, view.DefaultPalette.Dead, rgba(img.At(mid.X, mid.Y)))
	_, img = e.shot.until("T: the light theme", func() { e.u.tap('t') }, func(_ string, img image.Image) bool {
		return rgba(img.At(mid.X, mid.Y)) == view.LightPalette.Dead
	})
	assert.Equal(t, view.LightPalette.Line, rgba(img.At(line.X, line.Y)))
	assert.Equal(t, 5*64, countColour(img, view.LightPalette.Live), "the glider in the light theme's colour")
	e.shot.until("G: no grid lines", func() { e.u.tap('g') }, func(_ string, img image.Image) bool {
		return rgba(img.At(line.X, line.Y)) == view.LightPalette.Dead
	})

	// Y draws the population graph in the bottom-right corner.
	for range 4 {
		e.u.tap(symN)
	}
	corner := image.Rect(640-260, 480-90, 640, 480)
	_, before := e.shot.shot()
	e.shot.until("Y: the graph", func() { e.u.tap('y') }, func(_ string, img image.Image) bool {
		return countColourIn(img, graphColour, corner) > 0 && countColourIn(before, graphColour, corner) == 0
	})
	e.quit()
}

// testEngineKey: E runs the board's cells over the next transport, from the
// generation reached. The HUD's line of the rule, topology and engine
// changes with an E ("goroutine over channels" to "coroutine over
// iter.Pull"), and with a second ("generator over iter.Pull"), and is as it
// was after a third; and the glider carries on from where it was, on
// coroutines, as it would have on channels.
func testEngineKey(t *testing.T, bin string) {
	e := newEditor(t, bin, "-hud=true")
	// The HUD's fifth line, in the top-left corner above the grid, as far as
	// "B3/S23 life  torus  goroutine over channels" reaches: 4 pixels of
	// margin, then 16 a line and 6 a character of the debug font.
	engineLine := image.Rect(0, 4+4*16, 4+43*6, 4+5*16)
	for range 3 {
		e.u.tap(symN)
	}
	e.s.until("N three times", func() {}, func(_ string, p *pattern.Pattern) bool { return p.Generation == 3 })
	_, before := e.shot.shot()
	_, coroutine := e.shot.until("E: the coroutine engine", func() { e.u.tap('e') }, func(_ string, img image.Image) bool {
		return !sameIn(before, img, engineLine)
	})
	e.shot.until("E again: the generator", func() { e.u.tap('e') }, func(_ string, img image.Image) bool {
		return !sameIn(before, img, engineLine) && !sameIn(coroutine, img, engineLine)
	})
	e.shot.until("E a third time: the goroutine engine", func() { e.u.tap('e') }, func(_ string, img image.Image) bool {
		return sameIn(before, img, engineLine)
	})
	e.shot.until("E a fourth time: coroutines", func() { e.u.tap('e') }, func(_ string, img image.Image) bool {
		return sameIn(coroutine, img, engineLine)
	})
	for range 3 {
		e.u.tap(symN)
	}
	_, p := e.s.until("N three times more, on coroutines", func() {}, func(_ string, p *pattern.Pattern) bool { return p.Generation == 6 })
	assert.ElementsMatch(t, gridCells(expected(t, 6)), cellsOf(t, p), "generation 6 of the glider")
	e.quit()
}

// graphColour is the colour of the population graph's line.
var graphColour = color.RGBA{0x60, 0xe0, 0x90, 0xff}

// countColour counts the pixels of colour c.
func countColour(img image.Image, c color.RGBA) int { return countColourIn(img, c, img.Bounds()) }

// countColourIn counts the pixels of colour c in r.
func countColourIn(img image.Image, c color.RGBA, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if rgba(img.At(x, y)) == c {
				n++
			}
		}
	}
	return n
}

// dropFile drags the file at path onto w and drops it, as a file manager
// does by the XDND protocol (version 5): XdndEnter offering text/uri-list,
// XdndDrop, then the file's URI to the window's request for the
// XdndSelection, which a window of the test's owns until the drop's
// XdndFinished (GLFW's Xlib ends the process if its reply finds no window).
func (u *xuser) dropFile(w xproto.Window, path string) {
	u.t.Helper()
	conn, err := xgb.NewConn()
	require.NoError(u.t, err)
	defer conn.Close()
	atom := func(name string) xproto.Atom {
		r, err := xproto.InternAtom(conn, false, uint16(len(name)), name).Reply()
		require.NoError(u.t, err)
		return r.Atom
	}
	root := xproto.Setup(conn).DefaultScreen(conn).Root
	src, err := xproto.NewWindowId(conn)
	require.NoError(u.t, err)
	require.NoError(u.t, xproto.CreateWindowChecked(conn, 0, src, root, 0, 0, 1, 1, 0, xproto.WindowClassInputOnly, 0, 0, nil).Check())
	selection, uriList := atom("XdndSelection"), atom("text/uri-list")
	require.NoError(u.t, xproto.SetSelectionOwnerChecked(conn, src, selection, xproto.TimeCurrentTime).Check())
	send := func(kind string, data ...uint32) {
		ev := xproto.ClientMessageEvent{Format: 32, Window: w, Type: atom(kind), Data: xproto.ClientMessageDataUnionData32New(append(data, make([]uint32, 5-len(data))...))}
		require.NoError(u.t, xproto.SendEventChecked(conn, false, w, xproto.EventMaskNoEvent, string(ev.Bytes())).Check())
	}
	send("XdndEnter", uint32(src), 5<<24, uint32(uriList))
	send("XdndDrop", uint32(src), 0, uint32(xproto.TimeCurrentTime))
	finished := atom("XdndFinished")
	for {
		ev, err := conn.WaitForEvent() // go test's timeout catches a window that never answers
		require.NoError(u.t, err)
		switch e := ev.(type) {
		case xproto.SelectionRequestEvent:
			if e.Selection != selection {
				continue
			}
			uri := []byte("file://" + path + "\r\n")
			require.NoError(u.t, xproto.ChangePropertyChecked(conn, xproto.PropModeReplace, e.Requestor, e.Property, uriList, 8, uint32(len(uri)), uri).Check())
			notify := xproto.SelectionNotifyEvent{Time: e.Time, Requestor: e.Requestor, Selection: e.Selection, Target: e.Target, Property: e.Property}
			require.NoError(u.t, xproto.SendEventChecked(conn, false, e.Requestor, xproto.EventMaskNoEvent, string(notify.Bytes())).Check())
		case xproto.ClientMessageEvent:
			if e.Type == finished {
				return
			}
		}
	}
}

func testDrop(t *testing.T, bin string) {
	e := newEditor(t, bin)
	w, _ := e.u.find(e.p, "colife: glider")
	bad := filepath.Join(e.dir, "bad.lif")
	require.NoError(t, os.WriteFile(bad, []byte("#Life 1.06\n0 zero\n"), 0o644))
	e.u.dropFile(w, bad)
	name, p := e.s.save()
	assert.Equal(t, "glider-gen0.rle", name, "a bad file keeps the board")
	assert.Equal(t, 5, p.Population())

	good := filepath.Join(e.dir, "pair.lif")
	require.NoError(t, os.WriteFile(good, []byte("#Life 1.06\n0 0\n1 0\n"), 0o644))
	e.u.dropFile(w, good)
	name, p = e.s.until("a file dropped opens", func() {}, func(_ string, p *pattern.Pattern) bool { return p.Population() == 2 })
	assert.True(t, strings.HasPrefix(name, "pair-gen0"), "named after it: %s", name)
	e.quit()
}
