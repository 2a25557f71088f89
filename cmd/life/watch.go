package main

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"time"

	"colife/cmd/internal/setup"
	"colife/life"
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

// watch runs the live view until q, Ctrl-C, an error, or ctx is done. The
// terminal is restored however it ends, a panic included.
func watch(ctx context.Context, t *terminal, cfg *config, start *setup.Start, sim *life.Simulation) (err error) {
	defer t.restore()
	if err := t.enter(); err != nil {
		return err
	}
	resized, stop := notifyResize()
	defer stop()

	v := &view{t: t, cfg: cfg, start: start, sim: sim, speed: cfg.speed, style: cfg.style(t.out, sim.Options().Rule.States())}
	if v.speed == 0 {
		v.speed = defaultSpeed
	}
	v.cols, v.rows = t.size()
	v.rateAt, v.rateGen = time.Now(), sim.Generation()
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
		case k := <-t.keys:
			quit, err := v.key(ctx, k)
			if quit || err != nil {
				return err
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
	t     *terminal
	cfg   *config
	start *setup.Start
	sim   *life.Simulation

	paused     bool
	speed      float64 // target generations per second
	owed       float64 // steps (of -every generations) due but not yet run
	cols, rows int     // the terminal's size at the last frame
	buf        []byte  // the frame, reused
	style      text.Style

	rate          float64 // generations per second, measured
	rateAt        time.Time
	rateGen       int
	stoppedAtLast bool // paused itself at -gens

	// On an unbounded plane the screen is a window onto it that follows
	// the live cells: port holds the cells under the screen, at.
	port *life.Grid
	at   life.Point
}

// screen returns the cells to draw on a terminal of cols × rows characters
// (two cells a character, one line for the status): the board, or on an
// unbounded plane the window at the live cells, moved only when some of
// them leave it.
func (v *view) screen(cols, rows int) *life.Grid {
	if v.sim.Universe() == nil {
		return v.sim.Grid()
	}
	w, h := max(cols, 1), max(2*(rows-1), 1)
	if v.port == nil || v.port.Width() != w || v.port.Height() != h {
		v.port, _ = life.NewGrid(w, h)
		v.at = v.start.Box().Min
	}
	screen := life.RectOf(v.at, int64(w), int64(h))
	if b := v.sim.Bounds(); !b.Empty() && b.Intersect(screen) != b {
		// Centre the live cells' box on the screen.
		v.at = life.Point{X: b.Min.X + b.Dx()/2 - int64(w)/2, Y: b.Min.Y + b.Dy()/2 - int64(h)/2}
	}
	v.sim.Window(v.port, v.at)
	return v.port
}

// steps returns the target speed in steps of -every generations a second.
func (v *view) steps() float64 { return v.speed / float64(v.cfg.every) }

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
	n := v.cfg.every
	if v.cfg.gensSet && !v.stoppedAtLast && v.sim.Generation() < v.cfg.gens {
		n = min(n, v.cfg.gens-v.sim.Generation())
	}
	if err := v.sim.Run(ctx, n); err != nil {
		return err
	}
	if v.cfg.gensSet && !v.stoppedAtLast && v.sim.Generation() >= v.cfg.gens {
		v.paused, v.stoppedAtLast = true, true
	}
	return nil
}

// key handles one key, reporting whether it asks to quit.
func (v *view) key(ctx context.Context, k byte) (quit bool, err error) {
	switch k {
	case 'q', 'Q', 3: // 3 is Ctrl-C, which raw mode delivers as a key
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
		if v.sim.Universe() != nil {
			u := life.NewUniverse()
			u.Paste(v.start.Grid, v.start.Options.Origin)
			return false, v.sim.ResetUniverse(u, 0)
		}
		return false, v.sim.Reset(v.start.Grid, 0)
	}
	return false, nil
}

// draw writes one frame, in one write.
func (v *view) draw() error {
	cols, rows := v.t.size()
	v.buf = v.buf[:0]
	if cols != v.cols || rows != v.rows {
		v.buf = append(v.buf, text.ClearScreen...)
		v.cols, v.rows = cols, rows
	}
	v.buf = v.style.AppendFrame(v.buf, v.screen(cols, rows), cols, rows, v.status(cols))
	_, err := v.t.out.Write(v.buf)
	return err
}

// status returns the status line, for a terminal cols wide.
func (v *view) status(cols int) string {
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
	if v.paused {
		target = "PAUSED"
	}
	size := fmt.Sprintf("%dx%d", v.start.Grid.Width(), v.start.Grid.Height())
	if v.sim.Universe() != nil {
		size = "box " + v.sim.Bounds().String()
	}
	return fitStatus(cols, []statusField{
		{fmt.Sprintf("gen %d", v.sim.Generation()), 0},
		{fmt.Sprintf("pop %d", v.sim.Population()), 1},
		{size, 3},
		{fmt.Sprintf("%.1f gen/s", max(v.rate, 0)), 4},
		{target, 0},
		{fmt.Sprintf("%s %s", opt.Rule, opt.Topology), 5},
		{fmt.Sprintf("%s engine", opt.Engine), 7},
		{fmt.Sprintf("%d goroutines", runtime.NumGoroutine()), 7},
		{from, 6},
		{"keys: space n + - r q", 2},
	})
}

// A statusField is a part of the status line; the lower its rank, the more
// it matters on a narrow terminal.
type statusField struct {
	text string
	rank int
}

// fitStatus joins fields in their order, leaving out those that do not fit
// in cols: it takes them by rank, lowest first, each one that still fits.
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
		if w := 2 + len(fields[i].text); n == 0 || width+w <= cols+1 {
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
