package main

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"time"

	"colife/cmd/internal/setup"
	"colife/life"
	"colife/life/sim"
	"colife/render/runner"
	"colife/render/text"
)

// The live view's target speed in generations per second, by default and
// (runner.MinSpeed to runner.MaxSpeed, as in lifeview) after -speed, + and
// -; and the frames it draws a second at most: faster speeds draw every few
// steps.
const (
	defaultSpeed = 10.0
	maxFPS       = 60
)

// watched is the board the live view shows. The o key replaces it, closing
// the simulation it replaces; run reads the last one back, for -out and to
// close it.
type watched struct {
	start *setup.Start
	sim   *sim.Simulation
	size  setup.Sizer // the grid's size for a pattern opened with o, without -size
}

// watch runs the live view until q, Ctrl-C, an error, or ctx is done. The
// terminal is restored however it ends, a panic included.
func watch(ctx context.Context, t *terminal, cfg *config, w *watched) (err error) {
	defer t.restore()
	if err := t.enter(); err != nil {
		return err
	}
	resized, stop := notifyResize()
	defer stop()

	v := &view{t: t, cfg: cfg, watched: w, speed: cfg.speed, colors: cfg.style(t.out, 0).Colors, startGen: w.sim.Generation()}
	if v.speed == 0 {
		v.speed = defaultSpeed
	}
	v.cols, v.rows = t.size()
	v.home()
	timer := time.NewTimer(0)
	defer timer.Stop()
	last := time.Now()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-resized:
			if err := v.draw(); err != nil {
				return err
			}
		case chunk := <-t.keys:
			v.evs = v.dec.decode(chunk, v.evs[:0])
			for _, ev := range v.evs {
				quit, err := v.handle(ctx, ev)
				if quit || err != nil {
					return err
				}
			}
			if err := v.draw(); err != nil {
				return err
			}
		case now := <-timer.C:
			if err := v.tick(ctx, now.Sub(last)); err != nil {
				return err
			}
			last = now
			if err := v.draw(); err != nil {
				return err
			}
			timer.Reset(v.frame())
		}
	}
}

// view is the state of the live view.
type view struct {
	t   *terminal
	cfg *config
	*watched

	paused     bool
	startGen   int     // the start's generation: 0, or a macrocell file's; -gens counts from it
	speed      float64 // target generations per second
	owed       float64 // steps (of -every generations) due but not yet run
	cols, rows int     // the terminal's size at the last frame
	buf        []byte  // the frame, reused
	frameOf    text.Frame
	colors     text.Colors // what the terminal shows of a Generations rule's dying states

	rate          float64 // generations per second, measured
	rateAt        time.Time
	rateGen       int
	stoppedAtLast bool // paused itself at -gens

	// The part of the board on screen. On an unbounded plane it follows
	// the live cells, moved only when some of them leave it, until the
	// user pans; f makes it follow again.
	vp     text.Viewport
	follow bool

	dec decoder
	evs []event

	help      bool   // the keys drawn over the board
	prompting bool   // the status line reads a pattern to open
	prompt    []rune // what has been typed there
	message   string // a line for the status line until the next key or click

	drawing bool       // a button is held: its moves draw
	pen     life.State // what they draw
	last    life.Point // the cell drawn last
}

// home puts the viewport where a board starts: the top-left corner of a
// bounded one, at zoom 0; on an unbounded plane the start's box, following
// the live cells.
func (v *view) home() {
	v.vp = text.Viewport{}
	v.follow = v.unbounded()
	if v.follow {
		v.vp.At = v.start.Box().Min
	}
	v.rateAt, v.rateGen = time.Now(), v.sim.Generation()
}

// place sizes the viewport for a terminal of cols × rows characters (one
// line for the status) and moves it: on a bounded board so that it stays on
// screen, on an unbounded plane after the live cells if it follows them.
func (v *view) place(cols, rows int) {
	v.vp.Cols, v.vp.Rows = cols, rows-1
	if !v.unbounded() {
		v.vp.Clamp(v.sim.Bounds())
		return
	}
	if b := v.sim.Bounds(); v.follow && !b.Empty() && b.Intersect(v.vp.Rect()) != b {
		v.vp.CenterOn(middle(b))
	}
}

// middle returns the cell in the middle of r.
func middle(r life.Rect) life.Point {
	return life.Point{X: r.Min.X + r.Dx()/2, Y: r.Min.Y + r.Dy()/2}
}

// unbounded reports whether the board is the unbounded plane.
func (v *view) unbounded() bool { return !v.sim.Options().Topology.Bounded() }

// liveBox returns the live cells' bounding box: on a bounded board with
// none, the board; on an unbounded plane with none, the start's box.
func (v *view) liveBox() life.Rect {
	if v.unbounded() {
		if b := v.sim.Bounds(); !b.Empty() {
			return b
		}
		return v.start.Box()
	}
	var box life.Rect
	life.Live(v.sim.Board(), v.sim.Bounds(), func(x, y int64) {
		box = box.Union(life.RectOf(life.Point{X: x, Y: y}, 1, 1))
	})
	if box.Empty() {
		return v.sim.Bounds()
	}
	return box
}

// state returns the state of cell p.
func (v *view) state(p life.Point) life.State {
	return v.sim.At(p.X, p.Y)
}

// steps returns the target speed in steps of -step generations a second:
// under HashLife, whose steps are jumps, the speed counts steps, as the
// window's does with a step of 2^k.
func (v *view) steps() float64 {
	if v.sim.Options().Engine.Jumps() {
		return v.speed
	}
	return v.speed / float64(v.cfg.every)
}

// frame returns the time between frames at the current speed.
func (v *view) frame() time.Duration {
	return max(time.Duration(float64(time.Second)/v.steps()), time.Second/maxFPS)
}

// tick runs the steps due since the last tick, elapsed ago.
func (v *view) tick(ctx context.Context, elapsed time.Duration) error {
	if v.paused {
		v.owed = 0
		return nil
	}
	v.owed = min(v.owed+elapsed.Seconds()*v.steps(), 2+v.steps()/maxFPS)
	budget := time.Now().Add(v.frame())
	for v.owed >= 1 && !v.paused && time.Now().Before(budget) {
		if err := v.step(ctx); err != nil {
			return err
		}
		v.owed--
	}
	return nil
}

// step runs -every generations, pausing at -gens: the step that would pass
// it stops there.
func (v *view) step(ctx context.Context) error {
	last := v.startGen + min(v.cfg.gens, math.MaxInt-v.startGen) // -gens counts from the start's generation
	if v.cfg.gensSet && !v.stoppedAtLast && v.sim.Generation() >= last {
		v.paused, v.stoppedAtLast = true, true // -gens 0: at once
		return nil
	}
	n := v.cfg.every
	if v.cfg.gensSet && !v.stoppedAtLast && v.sim.Generation() < last {
		n = min(n, last-v.sim.Generation())
	}
	if err := v.sim.Run(ctx, n); err != nil {
		return err
	}
	if v.cfg.gensSet && !v.stoppedAtLast && v.sim.Generation() >= last {
		v.paused, v.stoppedAtLast = true, true
	}
	return nil
}

// handle acts on one key or mouse report, reporting whether it asks to quit.
func (v *view) handle(ctx context.Context, ev event) (quit bool, err error) {
	if ev.key == 3 { // Ctrl-C, which raw mode delivers as a key
		return true, nil
	}
	if ev.key != 0 || !ev.release && !ev.motion {
		v.message = ""
	}
	switch {
	case v.prompting:
		return false, v.typed(ctx, ev)
	case ev.key == 0:
		v.mouse(ev)
		return false, nil
	}
	return v.key(ctx, ev)
}

// key handles one key, reporting whether it asks to quit.
func (v *view) key(ctx context.Context, ev event) (quit bool, err error) {
	// Panning moves by an eighth of the screen; with Shift, by half.
	dc, dr := max(v.vp.Cols/8, 1), max(v.vp.Rows/8, 1)
	if ev.shift || ev.key >= 'A' && ev.key <= 'Z' {
		dc, dr = max(v.vp.Cols/2, 1), max(v.vp.Rows/2, 1)
	}
	switch ev.key {
	case 'q', 'Q':
		return true, nil
	case ' ':
		v.paused = !v.paused
		v.owed = 0
	case 'n', 'N':
		if v.paused {
			return false, v.step(ctx)
		}
	case '+', '=':
		v.speed = min(v.speed*2, runner.MaxSpeed)
	case '-', '_':
		v.speed = max(v.speed/2, runner.MinSpeed)
	case 'r', 'R':
		v.stoppedAtLast = false
		if v.start.Macrocell != nil {
			return false, v.sim.LoadMacrocell(v.start.Macrocell)
		}
		if v.unbounded() {
			u := life.NewUniverse()
			u.Paste(v.start.Grid, v.start.Options.Origin)
			return false, v.sim.ResetUniverse(u, 0)
		}
		return false, v.sim.Reset(v.start.Grid, 0)
	case keyLeft, 'h', 'H':
		v.pan(-dc, 0)
	case keyRight, 'l', 'L':
		v.pan(dc, 0)
	case keyUp, 'k', 'K':
		v.pan(0, -dr)
	case keyDown, 'j', 'J':
		v.pan(0, dr)
	case 'f', 'F':
		v.vp.Fit(v.liveBox())
		v.follow = v.unbounded()
	case 'z', 'Z':
		v.vp.ZoomAt(v.vp.Cols/2, v.vp.Rows/2, 1)
	case 'x', 'X':
		v.vp.ZoomAt(v.vp.Cols/2, v.vp.Rows/2, -1)
	case 'o', 'O':
		v.prompting, v.prompt, v.help = true, v.prompt[:0], false
	case '?':
		v.help = !v.help
	case keyEsc:
		v.help = false
	}
	return false, nil
}

// pan moves the view by cols characters across and rows down; on an
// unbounded plane it stops following the live cells.
func (v *view) pan(cols, rows int) {
	v.vp.Pan(cols, rows)
	v.follow = false
}

// mouse handles one mouse report: a press of the left button toggles the
// cell under it (in the character's upper half, or with Alt or Ctrl its
// lower half), and the moves while it is held give the cells on their way
// the state it gave; the right button erases; the wheel zooms at the
// pointer.
func (v *view) mouse(ev event) {
	if ev.release {
		v.drawing = false
		return
	}
	if ev.col >= v.vp.Cols || ev.row >= v.vp.Rows {
		return // the status line, or beyond the screen as it was drawn
	}
	switch ev.button {
	case 64:
		v.vp.ZoomAt(ev.col, ev.row, -1)
		return
	case 65:
		v.vp.ZoomAt(ev.col, ev.row, 1)
		return
	case 0, 2:
	default:
		return
	}
	p := v.vp.Cell(ev.col, ev.row, ev.modifier)
	switch {
	case !ev.motion:
		v.pen = life.Empty
		if ev.button == 0 && v.state(p) != life.Alive {
			v.pen = life.Alive
		}
		v.drawing, v.last = true, p
		v.sim.Set(int(p.X), int(p.Y), v.pen)
	case v.drawing:
		life.Line(v.last, p, func(q life.Point) { v.sim.Set(int(q.X), int(q.Y), v.pen) })
		v.last = p
	}
}

// typed handles a key while the status line reads a pattern's name: Enter
// opens it, Esc gives up, Backspace and Ctrl-U erase.
func (v *view) typed(ctx context.Context, ev event) error {
	switch k := ev.key; {
	case k == 0: // the mouse waits
	case k == keyEsc:
		v.prompting = false
	case k == '\r' || k == '\n':
		v.prompting = false
		return v.open(ctx, strings.TrimSpace(string(v.prompt)))
	case k == 0x7f || k == 0x08:
		if len(v.prompt) > 0 {
			v.prompt = v.prompt[:len(v.prompt)-1]
		}
	case k == 0x15: // Ctrl-U
		v.prompt = v.prompt[:0]
	case k >= ' ' && k < keyUp:
		v.prompt = append(v.prompt, k)
	}
	return nil
}

// open replaces the board with the pattern spec names, a file or a built-in
// name, as -pattern would place it with the other flags as given. A spec
// that cannot be opened leaves the board as it was, with a line in the
// status line that says why.
func (v *view) open(ctx context.Context, spec string) error {
	if spec == "" {
		return nil
	}
	start, err := v.cfg.Open(spec, v.size)
	var s *sim.Simulation
	if err == nil {
		s, err = start.New(ctx)
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		v.message = "o: " + strings.Join(strings.Fields(err.Error()), " ")
		return nil
	}
	v.sim.Close()
	v.start, v.sim = start, s
	v.stoppedAtLast, v.startGen = false, s.Generation()
	v.home()
	v.message = fmt.Sprintf("opened %s, %s", start.Name, start.Options.Rule)
	if len(start.Warnings) > 0 {
		v.message += "; warning: " + start.Warnings[0]
	}
	return nil
}

// draw writes one frame, in one write.
func (v *view) draw() error {
	cols, rows := v.t.size()
	v.buf = v.buf[:0]
	if cols != v.cols || rows != v.rows {
		v.buf = append(v.buf, text.ClearScreen...)
		v.cols, v.rows = cols, rows
	}
	v.place(cols, rows)
	v.frameOf.Style = text.Style{Colors: v.colors, States: v.sim.Options().Rule.States()}
	v.buf = v.frameOf.Append(v.buf, v.vp, v.sim.Board(), v.status(cols))
	if v.help {
		v.buf = text.AppendOverlay(v.buf, strings.Split(watchKeys, "\n"), cols, rows-1)
	}
	_, err := v.t.out.Write(v.buf)
	return err
}

// watchKeys is the help that ? shows, and life -h: every key of -watch.
const watchKeys = `space            pause / resume
n                one step (while paused)
+ -              target speed x2 / half
r                restart from the start
arrows, h j k l  pan (Shift, H J K L: half a screen)
f                fit the live cells; on the unbounded plane, follow them
z x              zoom out / in (wheel: at the pointer)
click            toggle a cell (Alt or Ctrl: the lower half's)
drag             draw (from a live cell: erase); right drag: erase
o                open a pattern: a file or a built-in name (Enter opens, Esc cancels)
?                this help on / off (Esc: off)
q, Ctrl-C        quit`

// status returns the status line, for a terminal cols wide.
func (v *view) status(cols int) string {
	switch {
	case v.prompting:
		return " open: " + string(v.prompt) + "_   (a file or a built-in name; Enter opens it, Esc cancels)"
	case v.message != "":
		return " " + v.message
	}
	now := time.Now()
	if dt := now.Sub(v.rateAt); dt >= time.Second/2 || v.sim.Generation() < v.rateGen {
		v.rate = float64(v.sim.Generation()-v.rateGen) / dt.Seconds()
		v.rateAt, v.rateGen = now, v.sim.Generation()
	}
	if v.paused {
		v.rate = 0
	}
	opt := v.sim.Options()
	from := v.start.Name
	if v.start.Pattern == nil {
		from = fmt.Sprintf("seed %d", v.start.Seed)
	}
	target := fmt.Sprintf("target %g/s", v.speed)
	if opt.Engine.Jumps() {
		target = fmt.Sprintf("target %g jumps/s of %d", v.speed, v.cfg.every)
	}
	if v.paused {
		target = "PAUSED"
	}
	size := fmt.Sprintf("%dx%d", v.start.Grid.Width(), v.start.Grid.Height())
	if v.unbounded() {
		size = "box " + v.sim.Bounds().String()
	}
	zoom := statusField{"", 9} // none at zoom 0
	if v.vp.Zoom != 0 {
		zoom = statusField{zoomString(v.vp.Zoom), 2}
	}
	return fitStatus(cols, []statusField{
		{fmt.Sprintf("gen %d", v.sim.Generation()), 0},
		{fmt.Sprintf("pop %d", v.sim.Population()), 1},
		{size, 3},
		{fmt.Sprintf("%.1f gen/s", max(v.rate, 0)), 4},
		{target, 0},
		{fmt.Sprintf("%s %s", opt.Rule, opt.Topology), 5},
		{opt.Engine.Describe(), 7},
		{fmt.Sprintf("%d goroutines", runtime.NumGoroutine()), 7},
		{from, 6},
		zoom,
		{"q quit  ? keys", 2},
	})
}

// zoomString says how big a cell is on screen, as lifeview's -zoom does:
// in pixels (half characters) a cell, or a fraction for several cells a
// pixel. Zoom 0 is "zoom 1".
func zoomString(z int) string {
	if z > 0 {
		return fmt.Sprintf("zoom 1/%d", 1<<z)
	}
	return fmt.Sprintf("zoom %d", 1<<-z)
}

// A statusField is a part of the status line; the lower its rank, the more
// it matters on a narrow terminal.
type statusField struct {
	text string
	rank int
}

// fitStatus joins fields in their order, leaving out those that do not fit
// in cols: it takes them by rank, lowest first, each one that still fits;
// an empty one is left out.
// The first field of rank 0 is kept even if too long; the frame cuts it.
func fitStatus(cols int, fields []statusField) string {
	byRank := make([]int, len(fields))
	for i := range byRank {
		byRank[i] = i
	}
	slices.SortStableFunc(byRank, func(i, j int) int { return fields[i].rank - fields[j].rank })
	keep := make([]bool, len(fields))
	width := 0
	for n, i := range byRank {
		if w := 2 + len(fields[i].text); fields[i].text != "" && (n == 0 || width+w <= cols+1) {
			keep[i] = true
			width += w
		}
	}
	var b strings.Builder
	for i, f := range fields {
		if keep[i] {
			b.WriteString(" ")
			b.WriteString(f.text)
			b.WriteString(" ")
		}
	}
	return strings.TrimRight(b.String(), " ")
}
