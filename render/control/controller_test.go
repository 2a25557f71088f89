package control_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"colife/life"
	"colife/life/sim"
	"colife/render/control"
	"colife/render/runner"
	"colife/render/view"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// input is a synthetic mouse and keyboard.
type input struct {
	x, y    int
	buttons map[control.Button]bool
	keys    map[control.Key]bool
	presses []control.Press
	wheel   float64
}

func (in *input) Cursor() (int, int)           { return in.x, in.y }
func (in *input) Button(b control.Button) bool { return in.buttons[b] }
func (in *input) Key(k control.Key) bool       { return in.keys[k] }
func (in *input) Wheel() (float64, float64)    { w := in.wheel; in.wheel = 0; return 0, w }
func (in *input) Presses() []control.Press     { p := in.presses; in.presses = nil; return p }
func newInput() *input {
	return &input{buttons: map[control.Button]bool{}, keys: map[control.Key]bool{}}
}
func (in *input) move(x, y int) *input           { in.x, in.y = x, y; return in }
func (in *input) hold(b control.Button, on bool) { in.buttons[b] = on }

// holdKey holds key k down, or lets it go.
func (in *input) holdKey(k control.Key, on bool) { in.keys[k] = on }

// press presses keys, in order, before the next update: the keys typed,
// including the keyboard's repeats of a held key.
func (in *input) press(keys ...control.Key) {
	for _, k := range keys {
		in.presses = append(in.presses, control.Press{Key: k})
	}
}

// typeText types the characters of s, each a Press with its rune and no
// command key (as a prompt reads them).
func (in *input) typeText(s string) {
	for _, r := range s {
		in.presses = append(in.presses, control.Press{Key: control.NoKey, Rune: r})
	}
}

// sink records the commands, but for the Strokes, which it counts.
type sink struct {
	cmds    []runner.Command
	strokes int
}

func (s *sink) Do(cmds ...runner.Command) {
	for _, c := range cmds {
		if c == (runner.Stroke{}) {
			s.strokes++
			continue
		}
		s.cmds = append(s.cmds, c)
	}
}

// edits applies the recorded Edit and Toggle commands to an empty w × h grid.
func (s *sink) edits(t *testing.T, w, h int) *life.Grid {
	t.Helper()
	g, err := life.NewGrid(w, h)
	require.NoError(t, err)
	for _, c := range s.cmds {
		switch c := c.(type) {
		case runner.Edit:
			require.True(t, g.Contains(c.X, c.Y), "edit outside the grid: %+v", c)
			g.Set(c.X, c.Y, c.State)
		case runner.Toggle:
			require.True(t, g.Contains(c.X, c.Y), "toggle outside the grid: %+v", c)
			g.Set(c.X, c.Y, 1-g.At(c.X, c.Y))
		default:
			t.Fatalf("not an edit: %#v", c)
		}
	}
	return g
}

func picture(t *testing.T, rows ...string) string {
	t.Helper()
	g, err := life.ParseGrid(rows...)
	require.NoError(t, err)
	return g.String()
}

func TestKeys(t *testing.T) {
	tests := []struct {
		keys []control.Key
		want []runner.Command
	}{
		{[]control.Key{control.KeySpace}, []runner.Command{runner.TogglePlay{}}},
		{[]control.Key{control.KeyEnter}, []runner.Command{runner.TogglePlay{}}},
		{[]control.Key{control.KeyN}, []runner.Command{runner.Forward{}}},
		{[]control.Key{control.KeyB}, []runner.Command{runner.Back{}}},
		{[]control.Key{control.KeyEqual}, []runner.Command{runner.Faster{}}},
		{[]control.Key{control.KeyMinus}, []runner.Command{runner.Slower{}}},
		{[]control.Key{control.KeyR}, []runner.Command{runner.Reset{}}},
		{[]control.Key{control.KeyC}, []runner.Command{runner.Clear{}}},
		{[]control.Key{control.KeyS}, []runner.Command{runner.Soup{}}},
		{[]control.Key{control.KeyN, control.KeySpace}, []runner.Command{runner.Forward{}, runner.TogglePlay{}}},
		{[]control.Key{control.KeyH}, nil},
		{[]control.Key{control.KeyLeft}, nil}, // an arrow pans while held, it is not a command
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.keys), func(t *testing.T) {
			var s sink
			c := control.New(view.New(16, 16, 128, 128, 0), &s, true)
			in := newInput()
			in.press(tt.keys...)
			c.Update(in)
			c.Update(in) // no new press: nothing more
			assert.Equal(t, tt.want, s.cmds)
			in.press(tt.keys...)
			c.Update(in) // pressed again: again
			assert.Equal(t, append(tt.want, tt.want...), s.cmds)
		})
	}
}

// TestPressesFasterThanUpdates presses keys more often than the controller
// updates, as a quick typist does when the frame rate drops: every press
// acts, in the order pressed, though no update ever saw a key held down.
func TestPressesFasterThanUpdates(t *testing.T) {
	var s sink
	c := control.New(view.New(16, 16, 128, 128, 4), &s, true)
	in := newInput()
	in.press(control.KeyEqual, control.KeyEqual, control.KeyEqual)
	c.Update(in)
	assert.Equal(t, []runner.Command{runner.Faster{}, runner.Faster{}, runner.Faster{}}, s.cmds, "three + in one update: speed x8")
	s.cmds = nil
	in.press(control.KeyMinus, control.KeyN, control.KeyMinus, control.KeyN, control.KeyB)
	c.Update(in)
	assert.Equal(t, []runner.Command{runner.Slower{}, runner.Forward{}, runner.Slower{}, runner.Forward{}, runner.Back{}}, s.cmds)
	in.press(control.KeyI, control.KeyI, control.KeyI, control.KeyRightBracket, control.KeyRightBracket)
	c.Update(in)
	assert.False(t, c.HUD, "I three times: off, on, off")
	assert.Equal(t, 8.0, c.View.Zoom, "] twice: two rungs in, 4 -> 6 -> 8")
}

// TestHeldKeysRepeat holds keys down across many updates. A command key acts
// on each of its presses: the first, then the keyboard's repeats after its
// delay (updates with no press in between do nothing); an arrow pans at every
// update while it is held, from the first.
func TestHeldKeysRepeat(t *testing.T) {
	var s sink
	c := control.New(view.New(100, 100, 400, 300, 4), &s, false)
	in := newInput()
	held := func(k control.Key, presses ...bool) {
		in.holdKey(k, true)
		for _, p := range presses {
			if p {
				in.press(k)
			}
			c.Update(in)
		}
		in.holdKey(k, false)
		c.Update(in)
	}
	// the press, the repeat delay, then a repeat at each update
	held(control.KeyN, true, false, false, true, true)
	assert.Equal(t, []runner.Command{runner.Forward{}, runner.Forward{}, runner.Forward{}}, s.cmds, "N held: the press and each repeat step once")
	s.cmds = nil
	held(control.KeyEqual, true, false, true, true)
	assert.Equal(t, []runner.Command{runner.Faster{}, runner.Faster{}, runner.Faster{}}, s.cmds, "+ held: x2 at the press and each repeat")

	x0 := c.View.OffX
	held(control.KeyLeft, false, false, false, false, false, false)
	assert.Equal(t, x0+6*control.PanStep, c.View.OffX, "left held for six updates pans six steps, then stops")
	c.Update(in)
	assert.Equal(t, x0+6*control.PanStep, c.View.OffX, "let go: no more")
}

func TestWindowKeys(t *testing.T) {
	var s sink
	c := control.New(view.New(16, 16, 128, 128, 4), &s, true)
	in := newInput()
	tap := func(k control.Key) {
		in.press(k)
		c.Update(in)
	}
	tap(control.KeyI)
	assert.False(t, c.HUD, "I hides the HUD")
	tap(control.KeyI)
	assert.True(t, c.HUD, "I shows it again")
	tap(control.KeyH)
	assert.True(t, c.Help, "H shows the help")
	tap(control.KeyEscape)
	assert.False(t, c.Help, "Esc closes the help")
	assert.False(t, c.Quit, "and does not quit")
	tap(control.KeySlash)
	assert.True(t, c.Help, "? shows the help")
	tap(control.KeySlash)
	assert.False(t, c.Help, "? hides it")
	tap(control.KeyP)
	assert.True(t, c.Screenshot, "P asks for a screenshot")
	assert.Equal(t, 4.0, c.View.Zoom)
	tap(control.KeyF)
	assert.Equal(t, 8.0, c.View.Zoom, "F fits")
	tap(control.KeyRightBracket)
	assert.Equal(t, 12.0, c.View.Zoom, "] zooms in")
	tap(control.KeyLeftBracket)
	tap(control.KeyLeftBracket)
	assert.Equal(t, 6.0, c.View.Zoom, "[ zooms out")
	assert.False(t, c.Quit)
	tap(control.KeyEscape)
	assert.True(t, c.Quit, "Esc quits")
	c.Quit = false
	tap(control.KeyQ)
	assert.True(t, c.Quit, "Q quits")
	assert.Empty(t, s.cmds)
}

// TestClickDrawsTheCellUnderTheCursor clicks one pixel at several zooms and
// pans; the cells expected were worked out by hand from the view.
func TestClickDrawsTheCellUnderTheCursor(t *testing.T) {
	tests := []struct {
		name       string
		zoom       float64
		offX, offY float64
		px, py     int
		x, y       int
	}{
		{"zoom 1", 1, 0, 0, 5, 7, 5, 7},
		{"zoom 8 panned", 8, 16, 24, 100, 60, 10, 4},
		{"zoom 8 panned, first pixel of a cell", 8, 16, 24, 96, 56, 10, 4},
		{"zoom 8 panned, last pixel of a cell", 8, 16, 24, 95, 55, 9, 3},
		{"zoom 3 panned left and up", 3, -30, -45, 0, 0, 10, 15},
		{"zoom 12 half a cell off", 12, 6, -6, 17, 17, 0, 1},
		{"two cells a pixel", 0.5, 0, 0, 10, 3, 21, 7},
	}
	for _, tt := range tests {
		for _, b := range []control.Button{control.Left, control.Right} {
			t.Run(fmt.Sprintf("%s button %d", tt.name, b), func(t *testing.T) {
				var s sink
				v := view.View{GridW: 64, GridH: 64, ScreenW: 400, ScreenH: 300, Zoom: tt.zoom, OffX: tt.offX, OffY: tt.offY}
				c := control.New(v, &s, false)
				require.Equal(t, v, c.View)
				in := newInput().move(tt.px, tt.py)
				in.hold(b, true)
				c.Update(in)
				c.Update(in) // held still: nothing more
				want := runner.Edit{X: tt.x, Y: tt.y, State: life.Alive}
				if b == control.Right {
					want.State = life.Empty
				}
				assert.Equal(t, []runner.Command{want}, s.cmds)
				assert.Equal(t, 1, s.strokes, "one stroke for Undo")
			})
		}
	}
}

func TestClickAfterZoomAndPan(t *testing.T) {
	var s sink
	c := control.New(view.New(32, 32, 256, 256, 8), &s, false) // cell (x, y) at pixels 8x..8x+7
	in := newInput().move(100, 100)                            // over cell (12, 12)
	in.wheel = 1                                               // zoom in to 12 at the cursor
	c.Update(in)
	require.Equal(t, 12.0, c.View.Zoom)
	in.hold(control.Middle, true)
	c.Update(in)
	in.move(76, 112) // drag the grid 24 pixels left, 2 cells, and 12 down, 1 cell
	c.Update(in)
	in.hold(control.Middle, false)
	c.Update(in)
	assert.Empty(t, s.cmds, "zooming and panning draw nothing")
	in.move(100, 100)
	in.hold(control.Left, true)
	c.Update(in)
	assert.Equal(t, []runner.Command{runner.Edit{X: 14, Y: 11, State: life.Alive}}, s.cmds)
}

func TestDragDrawsWithoutGaps(t *testing.T) {
	var s sink
	c := control.New(view.New(7, 4, 28, 16, 4), &s, false) // 4 pixels a cell, grid at (0, 0)
	in := newInput().move(5, 5)                            // cell (1, 1)
	in.hold(control.Left, true)
	c.Update(in)
	in.move(22, 14) // cell (5, 3) in one jump
	c.Update(in)
	in.move(23, 15) // still (5, 3)
	c.Update(in)
	assert.Equal(t, picture(t,
		".......",
		".O.....",
		"..OO...",
		"....OO.",
	), s.edits(t, 7, 4).String())
	assert.Len(t, s.cmds, 5, "each cell once")
}

func TestEraseDrag(t *testing.T) {
	var s sink
	c := control.New(view.New(6, 3, 24, 12, 4), &s, false)
	in := newInput().move(1, 5) // cell (0, 1)
	in.hold(control.Right, true)
	c.Update(in)
	in.move(22, 5) // cell (5, 1)
	c.Update(in)
	var got []runner.Command
	for x := range 6 {
		got = append(got, runner.Edit{X: x, Y: 1, State: life.Empty})
	}
	assert.Equal(t, got, s.cmds)
}

func TestStrokeLeavingTheGridDrawsOnlyInside(t *testing.T) {
	var s sink
	c := control.New(view.New(4, 4, 64, 64, 8), &s, false) // grid at (16, 16) to (48, 48)
	in := newInput().move(2, 33)                           // left of the grid, row 2
	in.hold(control.Left, true)
	c.Update(in)
	assert.Empty(t, s.cmds, "outside: nothing")
	in.move(60, 33) // right across the grid
	c.Update(in)
	in.hold(control.Left, false)
	c.Update(in)
	assert.Equal(t, picture(t, "....", "....", "OOOO", "...."), s.edits(t, 4, 4).String())
}

func TestNewStrokeStartsAfresh(t *testing.T) {
	var s sink
	c := control.New(view.New(8, 1, 64, 8, 8), &s, false)
	in := newInput().move(4, 4)
	in.hold(control.Left, true)
	c.Update(in)
	in.hold(control.Left, false)
	c.Update(in)
	in.move(60, 4)
	in.hold(control.Left, true)
	c.Update(in)
	assert.Equal(t, picture(t, "O......O"), s.edits(t, 8, 1).String(), "no line between two strokes")
}

func TestCtrlClickToggles(t *testing.T) {
	var s sink
	c := control.New(view.New(4, 2, 32, 16, 8), &s, false)
	in := newInput().move(12, 4) // cell (1, 0)
	in.holdKey(control.KeyControl, true)
	in.hold(control.Left, true)
	c.Update(in)
	in.move(28, 12) // dragging does not draw
	c.Update(in)
	in.hold(control.Left, false)
	c.Update(in)
	in.hold(control.Left, true) // a second Ctrl+click on another cell
	c.Update(in)
	assert.Equal(t, []runner.Command{runner.Toggle{X: 1, Y: 0}, runner.Toggle{X: 3, Y: 1}}, s.cmds)
}

func TestWheelZoomsAtTheCursor(t *testing.T) {
	var s sink
	c := control.New(view.New(100, 100, 400, 300, 2), &s, false)
	in := newInput().move(123, 217)
	x, y, ok := c.View.CellAt(123, 217)
	require.True(t, ok)
	in.wheel = 0.5
	c.Update(in)
	assert.Equal(t, 2.0, c.View.Zoom, "half a notch: not yet")
	in.wheel = 0.5
	c.Update(in)
	assert.Equal(t, 3.0, c.View.Zoom, "two halves: one rung")
	in.wheel = 3
	c.Update(in)
	assert.Equal(t, 8.0, c.View.Zoom, "three notches: three rungs")
	x2, y2, _ := c.View.CellAt(123, 217)
	assert.Equal(t, []int{x, y}, []int{x2, y2}, "the cell under the cursor stays")
	in.wheel = -5
	c.Update(in)
	assert.Equal(t, 1.0, c.View.Zoom)
	x2, y2, _ = c.View.CellAt(123, 217)
	assert.Equal(t, []int{x, y}, []int{x2, y2})
	assert.Empty(t, s.cmds)
}

func TestArrowsPan(t *testing.T) {
	var s sink
	c := control.New(view.New(100, 100, 400, 300, 4), &s, false)
	x0, y0 := c.View.OffX, c.View.OffY
	in := newInput()
	in.holdKey(control.KeyLeft, true)
	c.Update(in)
	c.Update(in) // held: pans again
	assert.Equal(t, x0+2*control.PanStep, c.View.OffX)
	in.holdKey(control.KeyLeft, false)
	in.holdKey(control.KeyDown, true)
	in.holdKey(control.KeyShift, true)
	c.Update(in)
	assert.Equal(t, y0-4*control.PanStep, c.View.OffY)
	assert.Empty(t, s.cmds)
}

// TestNGoesForwardThroughTheHistory drives a real runner with B and N: N
// after B brings back the generation kept, with the edit made to it, rather
// than running a new one from the generation before.
func TestNGoesForwardThroughTheHistory(t *testing.T) {
	g, err := life.ParseGrid(
		".O......",
		"..O.....",
		"OOO.....",
		"........",
		"........",
		"........")
	require.NoError(t, err)
	r, err := runner.Start(context.Background(), runner.Config{Grid: g, Options: sim.Options{Rule: life.Conway, Engine: sim.Direct}})
	require.NoError(t, err)
	defer r.Close()
	// take waits for a frame, paused, after the n-th command, at
	// generation gen.
	var f *runner.Frame
	take := func(n uint64, gen int) *runner.Frame {
		t.Helper()
		for {
			if f = r.Take(f); f != nil && f.Applied == n && f.Generation == gen && !f.Running {
				return f
			}
			require.NoError(t, r.Err())
			time.Sleep(time.Millisecond)
		}
	}
	r.Do(runner.Step{N: 1}, runner.Edit{X: 6, Y: 4, State: life.Alive})
	edited := take(2, 1).Grid.Clone()
	require.Equal(t, life.Alive, edited.At(6, 4))

	c := control.New(view.New(8, 6, 64, 48, 0), r, true)
	in := newInput()
	tap := func(k control.Key) {
		in.press(k)
		c.Update(in)
	}
	tap(control.KeyB)
	back := take(3, 0) // B: back one
	assert.True(t, back.Grid.Equal(g), "B: the start:\n%s", back.Grid)
	tap(control.KeyN)
	fwd := take(4, 1) // N: forward one
	assert.True(t, fwd.Grid.Equal(edited), "N: the generation kept, edit and all:\n%s", fwd.Grid)
	tap(control.KeyN)
	next := take(4+1, 2) // N at the newest: a new generation, run from the edited one
	want, err := sim.New(context.Background(), edited, sim.Options{Rule: life.Conway, Engine: sim.Direct})
	require.NoError(t, err)
	defer want.Close()
	require.NoError(t, want.Run(context.Background(), 1))
	assert.True(t, next.Grid.Equal(want.Grid()), "N: the generation after the edited one:\n%s", next.Grid)
}

// TestUnboundedStrokeDrawsAnywhere drags across the screen of an unbounded
// view a long way from (0, 0): every cell under the path is drawn, at plane
// coordinates, with no edge to stop it.
func TestUnboundedStrokeDrawsAnywhere(t *testing.T) {
	far := life.Point{X: 1e9, Y: -1e9}
	var s sink
	c := control.New(view.NewUnbounded(life.RectOf(far, 8, 8), 64, 64, 8), &s, false) // the box fills the screen
	in := newInput().move(2, 20)
	in.hold(control.Left, true)
	c.Update(in)
	in.move(60, 20)
	c.Update(in)
	in.hold(control.Left, false)
	c.Update(in)
	var got []life.Point
	for _, cmd := range s.cmds {
		e, ok := cmd.(runner.Edit)
		require.True(t, ok, "not an edit: %#v", cmd)
		assert.Equal(t, life.Alive, e.State)
		got = append(got, life.Point{X: int64(e.X), Y: int64(e.Y)}.Sub(far))
	}
	var want []life.Point
	for x := range int64(8) {
		want = append(want, life.Point{X: x, Y: 2})
	}
	assert.Equal(t, want, got, "row 2 of the box, left to right")

	// Ctrl+click toggles the cell under the cursor after a pan far off.
	s.cmds = nil
	c.View.Pan(-8*5e12, 0)
	in.holdKey(control.KeyControl, true)
	in.move(4, 4).hold(control.Left, true)
	c.Update(in)
	assert.Equal(t, []runner.Command{runner.Toggle{X: int(far.X + 5e12), Y: int(far.Y)}}, s.cmds)
}

// TestUnboundedFitFramesTheLiveCells presses F on an unbounded view: it
// frames Box, the live cells' bounding box the window keeps up to date,
// and does nothing while none is alive.
func TestUnboundedFitFramesTheLiveCells(t *testing.T) {
	var s sink
	c := control.New(view.NewUnbounded(life.RectOf(life.Point{}, 36, 9), 640, 480, 8), &s, false)
	in := newInput()
	tap := func() {
		in.press(control.KeyF)
		c.Update(in)
	}
	before := c.View
	tap()
	assert.Equal(t, before, c.View, "no live cell: nothing to frame")
	c.Box = life.RectOf(life.Point{X: -3e9, Y: 5}, 120, 80)
	tap()
	assert.Equal(t, 4.0, c.View.Zoom, "120 x 80 cells in 640 x 480 pixels")
	assert.Equal(t, c.Box, c.View.Visible().Intersect(c.Box), "the whole box on screen")
	assert.Empty(t, s.cmds)
}
