// Package hud writes the text of a live view's heads-up display and help, in
// plain Go: what to show, not how to draw it.
package hud

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"colife/life"
	"colife/life/sim"
	"colife/render/control"
	"colife/render/runner"
)

// Lines returns the lines of the heads-up display for frame f, given the
// process's goroutines (runtime.NumGoroutine) and the frames per second
// drawn:
//
//	gen 1,234  pop 567
//	period 2 from generation 1,200 (what life -until-stable says; once started)
//	back 256  ahead 0  (B, N)      (the history kept; once started)
//	32 gens/s of 32  60 FPS        (or "paused (32 gens/s)", "starting N cells...")
//	                               (with a step of 2^k generations a frame:
//	                               "256 gens/s of 256  step 2^3  60 FPS", the
//	                               target being the speed in steps times 2^k)
//	B3/S23 life  torus  goroutine
//	160x100  goroutines 16,034
//	H: help
//
// On an unbounded plane the last line but one gives the live cells' bounding
// box instead of the grid's size, and the engine's own goroutines (the cells
// it runs and its drivers) beside the process's; HashLife's, which runs no
// goroutine, the nodes of its table and their memory instead:
//
//	box 36x9 at (-18,-4)  goroutines 960 (engine 923)
//	box 274877906979x274877906971 at (-18,-4)  nodes 9,114 (0.7 MiB)
func Lines(f *runner.Frame, goroutines int, fps float64) []string {
	step := 1 << f.StepExp
	state := fmt.Sprintf("%s gens/s of %s", Speed(f.Achieved), Speed(f.Speed*float64(step)))
	switch {
	case !f.Started && f.Grid == nil:
		state = "starting..."
	case !f.Started:
		state = fmt.Sprintf("starting %s cells...", Thousands(f.Grid.Width()*f.Grid.Height()))
	case !f.Running:
		state = fmt.Sprintf("paused (%s gens/s)", Speed(f.Speed*float64(step)))
	}
	if f.StepExp > 0 {
		state += fmt.Sprintf("  step 2^%d", f.StepExp)
	}
	rule := f.Options.Rule.String()
	if name := f.Options.Rule.Name(); name != "" {
		rule += " " + name
	}
	lines := []string{fmt.Sprintf("gen %s  pop %s", Thousands(f.Generation), Thousands(f.Population))}
	if f.Started {
		stability := f.Stability.String()
		if f.Unwatched != "" {
			stability = f.Unwatched
		}
		lines = append(lines,
			stability,
			fmt.Sprintf("back %s  ahead %s  (B, N)", Thousands(f.Older), Thousands(f.Newer)))
	}
	board := fmt.Sprintf("box %v  goroutines %s (engine %s)", f.Bounds, Thousands(goroutines), Thousands(f.Goroutines))
	switch {
	case f.Options.Engine == sim.Hashlife:
		board = fmt.Sprintf("box %v  nodes %s (%s)", f.Bounds, Thousands(f.Nodes), life.FormatBytes(f.TableBytes))
	case f.Grid != nil:
		board = fmt.Sprintf("%dx%d  goroutines %s", f.Grid.Width(), f.Grid.Height(), Thousands(goroutines))
	}
	return append(lines,
		fmt.Sprintf("%s  %.0f FPS", state, fps),
		fmt.Sprintf("%s  %v  %s", rule, f.Options.Topology, f.Options.Engine.Describe()),
		board,
		"H: help",
	)
}

// Help returns the lines of the help overlay: a title, then every key and
// button.
func Help() []string {
	return append([]string{"colife: every cell a goroutine", ""}, strings.Split(control.Help, "\n")...)
}

// Speed formats generations per second: 10 and above, and other whole
// numbers, rounded to a whole number; 1/2, 1/4... as such; others to two
// significant digits.
func Speed(gps float64) string {
	switch {
	case gps >= 10 || gps == math.Trunc(gps):
		return strconv.FormatFloat(math.Round(gps), 'f', -1, 64)
	case gps < 1 && 1/gps == math.Trunc(1/gps):
		return "1/" + strconv.FormatFloat(1/gps, 'f', -1, 64)
	}
	return strconv.FormatFloat(gps, 'g', 2, 64)
}

// Thousands formats n with commas between groups of three digits.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	digits := strings.TrimPrefix(s, "-")
	var b strings.Builder
	b.WriteString(s[:len(s)-len(digits)])
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
