package hud_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"colife/life"
	"colife/life/sim"
	"colife/render/hud"
	"colife/render/runner"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestLines(t *testing.T) {
	g, err := life.NewGrid(1000, 1000)
	require.NoError(t, err)
	highlife, err := life.ParseRule("highlife")
	require.NoError(t, err)
	tests := []struct {
		name  string
		frame runner.Frame
		want  []string
	}{
		{
			name: "running",
			frame: runner.Frame{Grid: g, Generation: 12345, Population: 678, Started: true, Running: true, Speed: 32, Achieved: 31.6,
				Options: sim.Options{Rule: life.Conway, Topology: life.Torus, Engine: sim.Goroutine}},
			want: []string{
				"gen 12,345  pop 678",
				"no repetition within 0 generations",
				"back 0  ahead 0  (B, N)",
				"32 gens/s of 32  60 FPS",
				"B3/S23 life  torus  goroutine over channels",
				"1000x1000  goroutines 1,000,042",
				"H: help",
			},
		},
		{
			name: "a step of 2^3, Highlife set at run time",
			frame: runner.Frame{Grid: g, Generation: 64, Started: true, Running: true, Speed: 4, Achieved: 32, StepExp: 3,
				Options: sim.Options{Rule: highlife, Topology: life.Torus, Engine: sim.Direct}},
			want: []string{
				"gen 64  pop 0",
				"no repetition within 0 generations",
				"back 0  ahead 0  (B, N)",
				"32 gens/s of 32  step 2^3  60 FPS",
				"B36/S23 highlife  torus  direct",
				"1000x1000  goroutines 1,000,042",
				"H: help",
			},
		},
		{
			name: "paused",
			frame: runner.Frame{Grid: g, Started: true, Speed: 0.5,
				Options: sim.Options{Rule: highlife, Topology: life.Plane, Engine: sim.Direct}},
			want: []string{
				"gen 0  pop 0",
				"no repetition within 0 generations",
				"back 0  ahead 0  (B, N)",
				"paused (1/2 gens/s)  60 FPS",
				"B36/S23 highlife  plane  direct",
				"1000x1000  goroutines 1,000,042",
				"H: help",
			},
		},
		{
			name: "settled, gone back in the history",
			frame: runner.Frame{Grid: g, Generation: 1500, Population: 4, Started: true, Speed: 30,
				Options:   sim.Options{Rule: life.Conway, Topology: life.Torus, Engine: sim.Direct},
				Stability: life.Result{Outcome: life.Oscillator, Start: 1234, Period: 2},
				Older:     1244, Newer: 12},
			want: []string{
				"gen 1,500  pop 4",
				"period 2 from generation 1234",
				"back 1,244  ahead 12  (B, N)",
				"paused (30 gens/s)  60 FPS",
				"B3/S23 life  torus  direct",
				"1000x1000  goroutines 1,000,042",
				"H: help",
			},
		},
		{
			name:  "starting",
			frame: runner.Frame{Grid: g, Running: true, Speed: 30, Options: sim.Options{Rule: life.NewRule(1<<3, 1<<4)}},
			want: []string{
				"gen 0  pop 0",
				"starting 1,000,000 cells...  60 FPS",
				"B3/S4  torus  goroutine over channels",
				"1000x1000  goroutines 1,000,042",
				"H: help",
			},
		},
		{
			name: "unbounded: the live cells' box and the engine's goroutines",
			frame: runner.Frame{Plane: life.NewUniverse(), Bounds: life.RectOf(life.Point{X: -3, Y: 5}, 120, 80),
				Generation: 900, Population: 456, Started: true, Running: true, Speed: 30, Achieved: 30, Goroutines: 923, Older: 256,
				Options: sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Goroutine}},
			want: []string{
				"gen 900  pop 456",
				"no repetition within 0 generations",
				"back 256  ahead 0  (B, N)",
				"30 gens/s of 30  60 FPS",
				"B3/S23 life  unbounded  goroutine over channels",
				"box 120x80 at (-3,5)  goroutines 1,000,042 (engine 923)",
				"H: help",
			},
		},
		{
			name: "the coroutine engine names its transport",
			frame: runner.Frame{Plane: life.NewUniverse(), Bounds: life.RectOf(life.Point{X: -3, Y: 5}, 120, 80),
				Generation: 900, Population: 456, Started: true, Running: true, Speed: 30, Achieved: 30, Goroutines: 923,
				Options: sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Coroutine}},
			want: []string{
				"gen 900  pop 456",
				"no repetition within 0 generations",
				"back 0  ahead 0  (B, N)",
				"30 gens/s of 30  60 FPS",
				"B3/S23 life  unbounded  coroutine over iter.Pull",
				"box 120x80 at (-3,5)  goroutines 1,000,042 (engine 923)",
				"H: help",
			},
		},
		{
			name: "unbounded and starting, nothing alive",
			frame: runner.Frame{Plane: life.NewUniverse(), Running: true, Speed: 30,
				Options: sim.Options{Rule: life.Conway, Topology: life.Unbounded, Engine: sim.Direct}},
			want: []string{
				"gen 0  pop 0",
				"starting...  60 FPS",
				"B3/S23 life  unbounded  direct",
				"box empty  goroutines 1,000,042 (engine 0)",
				"H: help",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, hud.Lines(&tt.frame, 1000042, 59.7))
		})
	}
}

func TestSpeed(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{1, "1"},
		{30, "30"},
		{16384, "16384"},
		{29.6, "30"},
		{12.4, "12"},
		{0.5, "1/2"},
		{0.125, "1/8"},
		{2.5, "2.5"},
		{0.3, "0.3"},
		{0.337, "0.34"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.in), func(t *testing.T) {
			assert.Equal(t, tt.want, hud.Speed(tt.in))
		})
	}
}

func TestThousands(t *testing.T) {
	tests := []struct {
		in   int
		want string
	}{
		{0, "0"},
		{999, "999"},
		{1000, "1,000"},
		{1048576, "1,048,576"},
		{-1234, "-1,234"},
		{-12, "-12"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.in), func(t *testing.T) {
			assert.Equal(t, tt.want, hud.Thousands(tt.in))
		})
	}
}

func TestHelpNamesEveryControl(t *testing.T) {
	help := strings.Join(hud.Help(), "\n")
	for _, s := range []string{"Space", "N ", "B ", "+", "-", "R ", "C ", "S ", "left drag", "right drag", "Ctrl+click", "wheel", "middle drag", "arrows", "F ", "P ", "I ", "H, ?", "Esc ", "Q ",
		"Ctrl+S", "O ", "L ", "drop a file", "Shift+drag", "Ctrl+C", "Ctrl+X", "Delete", "Ctrl+V", "< > rotate", "X Y flip",
		"Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "Ctrl+R", ".  ,", "Y ", "G ", "T "} {
		assert.Contains(t, help, s)
	}
}
