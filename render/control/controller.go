// Package control turns mouse and keyboard input into what a live view of a
// simulation does: commands for the simulation (play, step, draw, erase...),
// moves of the viewport (zoom at the cursor, pan, fit), and the state of the
// window (HUD, help, screenshot, quit). It is plain Go, fed through the Input
// interface, so that tests drive it with synthetic events.
package control

import (
	"slices"

	"colife/life"
	"colife/life/pattern"
	"colife/render/output"
	"colife/render/runner"
	"colife/render/view"
)

// Sink takes the commands for the simulation; *runner.Runner is one.
type Sink interface {
	Do(cmds ...runner.Command)
}

// PanStep is how far, in screen pixels, an arrow key pans the view each
// update; with Shift held, four times as far.
const PanStep = 8

// Controller keeps the view and the window's state and updates them from
// input, once per tick. The zero Controller is not usable; use New.
type Controller struct {
	// View is the viewport; the window resizes it, the controller moves it.
	View view.View
	// HUD shows the heads-up display.
	HUD bool
	// Help shows the help overlay.
	Help bool
	// Screenshot is set when the user asks for a screenshot; the window
	// clears it once it has saved one.
	Screenshot bool
	// Quit is set when the user asks to quit.
	Quit bool
	// Box is what F frames on an unbounded plane: the live cells' bounding
	// box, which the window sets from each frame. On a grid F fits the grid.
	Box life.Rect
	// Frame is the generation shown, which the window sets before each
	// update: what copying and saving read. It may be nil.
	Frame *runner.Frame
	// Clipboard is the system clipboard, or nil if there is none.
	Clipboard Clipboard
	// Files keeps what Ctrl+S saves: a new file in the current directory
	// (output.Folder) unless the window gives another, such as a browser's
	// downloads. Name names the files, after the pattern (picture.Name),
	// and follows the patterns loaded.
	Files Files
	Name  string
	// Message, when not "", is a line for the window to show: it takes it
	// and sets it to "".
	Message string
	// Lines shows grid lines between cells (at view.LineZoom pixels a
	// cell and more); Light picks the light theme; Graph shows the
	// population graph.
	Lines, Light, Graph bool

	sink        Sink
	buttons     [numButtons]bool // held at the last update
	stroke      bool             // drawing or erasing cells of strokeState: last is the cell reached
	strokeState life.State
	last        [2]int
	marked      bool // the stroke has begun with a runner.Stroke
	toggling    bool // the left button went down with Ctrl: it toggled, it does not draw
	panX        int  // the cursor at the last update of a middle drag
	panY        int
	wheelAcc    float64

	selecting bool       // a Shift+drag is selecting, from selFrom
	selFrom   life.Point // the cell where it began
	sel       life.Rect  // the cells selected; empty if none
	float     *Floating  // the paste following the cursor, or nil
	floatAt   life.Point // the cell under its top-left corner
	placing   bool       // the click that placed a paste is still held
	prompt    promptKind // the prompt being typed in, if any
	text      []rune     // its text
	picking   bool       // the library picker is open
	pick      int        // the pattern chosen in it
	lib       []*pattern.Pattern
}

// New returns a controller of v that sends commands to sink.
func New(v view.View, sink Sink, hud bool) *Controller {
	return &Controller{View: v, sink: sink, HUD: hud, Files: output.Folder("."), Lines: true}
}

// binding is a key and what it does.
type binding struct {
	keys []Key
	do   func(c *Controller)
}

// bindings are the keys that act once on each press.
var bindings = []binding{
	{[]Key{KeySpace, KeyEnter}, func(c *Controller) { c.sink.Do(runner.TogglePlay{}) }},
	{[]Key{KeyN}, func(c *Controller) { c.sink.Do(runner.Forward{}) }},
	{[]Key{KeyB}, func(c *Controller) { c.sink.Do(runner.Back{}) }},
	{[]Key{KeyEqual}, func(c *Controller) { c.sink.Do(runner.Faster{}) }},
	{[]Key{KeyMinus}, func(c *Controller) { c.sink.Do(runner.Slower{}) }},
	{[]Key{KeyR}, func(c *Controller) { c.sink.Do(runner.Reset{}) }},
	{[]Key{KeyC}, func(c *Controller) { c.sink.Do(runner.Clear{}) }},
	{[]Key{KeyS}, func(c *Controller) { c.sink.Do(runner.Soup{}) }},
	{[]Key{KeyE}, func(c *Controller) { c.sink.Do(runner.SwitchTransport{}) }},
	{[]Key{KeyP}, func(c *Controller) { c.Screenshot = true }},
	{[]Key{KeyF}, func(c *Controller) { c.fit() }},
	{[]Key{KeyI}, func(c *Controller) { c.HUD = !c.HUD }},
	{[]Key{KeyH, KeySlash}, func(c *Controller) { c.Help = !c.Help }},
	{[]Key{KeyLeftBracket}, func(c *Controller) { c.View.ZoomAt(c.View.ScreenW/2, c.View.ScreenH/2, -1) }},
	{[]Key{KeyRightBracket}, func(c *Controller) { c.View.ZoomAt(c.View.ScreenW/2, c.View.ScreenH/2, 1) }},
	{[]Key{KeyQ}, func(c *Controller) { c.Quit = true }},
	{[]Key{KeyEscape}, func(c *Controller) {
		switch {
		case c.float != nil:
			c.float = nil
		case c.Help:
			c.Help = false
		case !c.sel.Empty():
			c.sel = life.Rect{}
		default:
			c.Quit = true
		}
	}},
	{[]Key{KeyO}, func(c *Controller) { c.open(openPrompt) }},
	{[]Key{KeyCtrlR}, func(c *Controller) { c.open(rulePrompt) }},
	{[]Key{KeyL}, func(c *Controller) { c.picking, c.prompt = true, noPrompt }},
	{[]Key{KeyCtrlZ}, func(c *Controller) { c.sink.Do(runner.Undo{}) }},
	{[]Key{KeyCtrlShiftZ, KeyCtrlY}, func(c *Controller) { c.sink.Do(runner.Redo{}) }},
	{[]Key{KeyCtrlC}, func(c *Controller) { c.copySelection() }},
	{[]Key{KeyCtrlX}, func(c *Controller) { c.cut() }},
	{[]Key{KeyCtrlV}, func(c *Controller) { c.Paste() }},
	{[]Key{KeyDelete}, func(c *Controller) { c.clearSelection() }},
	{[]Key{KeyCtrlS}, func(c *Controller) { c.save() }},
	{[]Key{KeyCtrlShiftS}, func(c *Controller) { c.openSaveAs() }},
	{[]Key{KeyPeriod}, func(c *Controller) { c.sink.Do(runner.Bigger{}) }},
	{[]Key{KeyComma}, func(c *Controller) { c.sink.Do(runner.Smaller{}) }},
	{[]Key{KeyY}, func(c *Controller) { c.Graph = !c.Graph }},
	{[]Key{KeyG}, func(c *Controller) { c.Lines = !c.Lines }},
	{[]Key{KeyT}, func(c *Controller) { c.Light = !c.Light }},
}

// floatBindings are the keys that act on a floating paste, before the
// others: Golly's.
var floatBindings = []binding{
	{[]Key{KeyPeriod}, func(c *Controller) { c.float.Rotate(true) }},
	{[]Key{KeyComma}, func(c *Controller) { c.float.Rotate(false) }},
	{[]Key{KeyX}, func(c *Controller) { c.float.Flip(false) }},
	{[]Key{KeyY}, func(c *Controller) { c.float.Flip(true) }},
}

// Help is the text of the help overlay: every key and button.
const Help = `Space, Enter   play / pause
N              forward one generation
B              back one generation (-history)
+  -           speed x2 / half (gens/s)
.  ,           step x2 / half (gens a frame)
R              reset to the start
C              clear
S              new random soup
E              engine: channels, coroutines,
               one generator a shard
left drag      draw live cells
right drag     erase cells
Ctrl+click     toggle a cell
Shift+drag     select a rectangle
Ctrl+C Ctrl+X  copy / cut the selection (RLE)
Delete         clear the selection
Ctrl+V         paste: a click places it,
               < > rotate, X Y flip
Ctrl+Z         undo
Ctrl+Shift+Z   redo (also Ctrl+Y)
Ctrl+R         set the rule (B/S or a name)
O              open a file or a built-in name
L              library of built-in patterns
drop a file    open it
Ctrl+S         save (or the selection): RLE,
               HashLife's as a macrocell (.mc)
Ctrl+Shift+S   save as: .rle .cells .mc (.gz)
P              save a PNG screenshot
wheel  [  ]    zoom (wheel: at the cursor)
middle drag    pan
arrows         pan (Shift: faster)
F              fit the board to the window
Y              population graph on / off
G              grid lines on / off
T              light / dark theme
I              HUD on / off
H, ?           help on / off
Esc            give up the paste, close help,
               drop the selection, or quit
Q              quit
held keys      repeat as the keyboard does`

// Update reads in once: each key pressed since the last update acts, in
// order (typed into a prompt while one is open, moving through the library
// picker while it is), held arrows pan, the wheel zooms at the cursor, a
// middle drag pans, a click places a floating paste, a Shift+left drag
// selects, a left drag draws live cells along the cursor's path and a right
// drag erases them, and Ctrl with a left click toggles one cell.
func (c *Controller) Update(in Input) {
	for _, p := range in.Presses() {
		switch {
		case c.prompt != noPrompt:
			c.promptKey(p)
		case c.picking:
			c.pickerKey(p.Key)
		default:
			c.press(p.Key)
		}
	}
	if c.prompt != noPrompt || c.picking {
		c.mouse(in) // the arrows are the picker's, the letters the prompt's
		return
	}
	step := float64(PanStep)
	if in.Key(KeyShift) {
		step *= 4
	}
	var dx, dy float64
	if in.Key(KeyLeft) {
		dx += step
	}
	if in.Key(KeyRight) {
		dx -= step
	}
	if in.Key(KeyUp) {
		dy += step
	}
	if in.Key(KeyDown) {
		dy -= step
	}
	if dx != 0 || dy != 0 {
		c.View.Pan(dx, dy)
	}
	c.mouse(in)
}

// mouse reads the mouse: the wheel zooms, a middle drag pans, a left click
// places a floating paste, a Shift+left drag selects, a left drag draws,
// Ctrl+left toggles, a right drag erases.
func (c *Controller) mouse(in Input) {
	x, y := in.Cursor()
	_, wy := in.Wheel()
	c.wheelAcc += wy
	if n := int(c.wheelAcc); n != 0 {
		c.wheelAcc -= float64(n)
		c.View.ZoomAt(x, y, n)
	}

	var buttons [numButtons]bool
	for b := range buttons {
		buttons[b] = in.Button(Button(b))
	}
	if buttons[Middle] {
		if c.buttons[Middle] {
			c.View.Pan(float64(x-c.panX), float64(y-c.panY))
		}
		c.panX, c.panY = x, y
	}
	if c.float != nil {
		c.floatAt = c.View.PointAt(x, y)
	}
	switch left := buttons[Left]; {
	case left && !c.buttons[Left] && c.float != nil:
		c.place()
		c.placing, c.stroke = true, false
	case left && c.placing: // the placing click is still held
	case left && !c.buttons[Left] && in.Key(KeyShift):
		c.selecting, c.selFrom = true, c.View.PointAt(x, y)
		c.selectTo(x, y)
	case left && c.selecting:
		c.selectTo(x, y)
	case left && !c.buttons[Left] && in.Key(KeyControl):
		if cx, cy, ok := c.View.CellAt(x, y); ok {
			c.sink.Do(runner.Toggle{X: cx, Y: cy})
		}
		c.toggling, c.stroke = true, false
	case left && c.toggling: // the toggling click is still held
	case left:
		c.draw(x, y, life.Alive)
	case buttons[Right]:
		c.draw(x, y, life.Empty)
	default:
		c.stroke, c.toggling, c.selecting, c.placing = false, false, false, false
	}
	c.buttons = buttons
}

// press does what key k is bound to, if anything.
func (c *Controller) press(k Key) {
	if c.float != nil {
		for _, b := range floatBindings {
			if slices.Contains(b.keys, k) {
				b.do(c)
				return
			}
		}
	}
	for _, b := range bindings {
		if slices.Contains(b.keys, k) {
			b.do(c)
			return
		}
	}
}

// fit fits the grid to the window, or on an unbounded plane the live cells'
// bounding box; with no live cell it stays where it is.
func (c *Controller) fit() {
	if c.View.Unbounded {
		c.View.FitRect(c.Box)
		return
	}
	c.View.Fit()
}

// draw sets to state the cells along the cursor's path: from the last cell
// of the stroke, if a stroke of the same state goes on, to the cell under
// (x, y). Cells beyond the grid are left out; an unbounded plane has none.
func (c *Controller) draw(x, y int, state life.State) {
	cx, cy, _ := c.View.CellAt(x, y)
	goesOn := c.stroke && c.strokeState == state
	if goesOn && c.last == [2]int{cx, cy} {
		return
	}
	from := [2]int{cx, cy}
	if goesOn {
		from = c.last
	}
	if !goesOn {
		c.marked = false
	}
	cmds := []runner.Command{runner.Stroke{}} // sent before the stroke's first edit: Undo undoes the stroke at once
	life.Line(life.Point{X: int64(from[0]), Y: int64(from[1])}, life.Point{X: int64(cx), Y: int64(cy)}, func(p life.Point) {
		px, py := int(p.X), int(p.Y)
		if goesOn && px == from[0] && py == from[1] {
			return // set already
		}
		if c.View.Inside(px, py) {
			cmds = append(cmds, runner.Edit{X: px, Y: py, State: state})
		}
	})
	switch {
	case len(cmds) == 1: // no cell on the board
	case c.marked:
		c.sink.Do(cmds[1:]...)
	default:
		c.sink.Do(cmds...)
		c.marked = true
	}
	c.stroke, c.strokeState, c.last = true, state, [2]int{cx, cy}
}
