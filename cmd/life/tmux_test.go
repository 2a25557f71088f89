package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tmuxPane is life -watch running in a tmux pane, on a tmux server of the
// test's own: the test types into it with send-keys and reads the screen as
// tmux draws it with capture-pane. The pane runs a shell that saves the
// terminal's mode (stty -g) before life and after it, prints "life exited
// N", and then waits, so that the pane, and what life left of the
// terminal's modes, outlive life.
type tmuxPane struct {
	t      *testing.T
	tmux   string
	server string // the -L name
	dir    string
}

var tmuxServers atomic.Int64

func startTmux(t *testing.T, cols, rows int, args ...string) *tmuxPane {
	t.Helper()
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("tmux is not installed: the end-to-end tests in tmux are not run")
	}
	p := &tmuxPane{t: t, tmux: tmux, dir: t.TempDir(),
		server: fmt.Sprintf("colife-test-%d-%d", os.Getpid(), tmuxServers.Add(1))}
	script := `d=$1; shift; stty -g >"$d/before"; "$@"; echo "life exited $?"; stty -g >"$d/after"; exec cat`
	cmd := append([]string{"-f", "/dev/null", "new-session", "-d", "-x", strconv.Itoa(cols), "-y", strconv.Itoa(rows),
		"sh", "-c", script, "sh", p.dir,
		"env", runMainEnv + "=1", "GORACE=atexit_sleep_ms=0", os.Args[0], "-watch"}, args...)
	p.run(cmd...)
	t.Cleanup(func() { exec.Command(p.tmux, "-L", p.server, "kill-server").Run() })
	return p
}

// run runs a tmux command on the pane's server and returns its output.
func (p *tmuxPane) run(args ...string) string {
	p.t.Helper()
	out, err := exec.Command(p.tmux, append([]string{"-L", p.server}, args...)...).CombinedOutput()
	require.NoError(p.t, err, "tmux %s: %s", strings.Join(args, " "), out)
	return string(out)
}

// keys sends tmux key names (Up, S-Left, Enter, Escape, q ...).
func (p *tmuxPane) keys(keys ...string) {
	p.t.Helper()
	p.run(append([]string{"send-keys"}, keys...)...)
}

// typeText sends s as it is, bytes of escape sequences included.
func (p *tmuxPane) typeText(s string) { p.t.Helper(); p.run("send-keys", "-l", s) }

// click sends a press and a release of button at character (col, row),
// counted from 0, in xterm's SGR mouse form.
func (p *tmuxPane) click(button, col, row int) {
	p.t.Helper()
	p.typeText(fmt.Sprintf("\x1b[<%d;%d;%dM\x1b[<%d;%d;%dm", button, col+1, row+1, button, col+1, row+1))
}

// drag sends a press of button at the first point, a move with it held to
// each of the others, and a release at the last.
func (p *tmuxPane) drag(button int, points ...[2]int) {
	p.t.Helper()
	var b strings.Builder
	for i, pt := range points {
		code := button
		if i > 0 {
			code += 32
		}
		fmt.Fprintf(&b, "\x1b[<%d;%d;%dM", code, pt[0]+1, pt[1]+1)
	}
	end := points[len(points)-1]
	fmt.Fprintf(&b, "\x1b[<%d;%d;%dm", button, end[0]+1, end[1]+1)
	p.typeText(b.String())
}

// screen returns the pane's screen, one string a line.
func (p *tmuxPane) screen() []string {
	p.t.Helper()
	return strings.Split(strings.TrimSuffix(p.run("capture-pane", "-p"), "\n"), "\n")
}

// waitScreen waits until ok holds for the screen, and returns it. It gives
// up only at the test's deadline.
func (p *tmuxPane) waitScreen(what string, ok func(screen []string) bool) []string {
	p.t.Helper()
	deadline, set := p.t.Deadline()
	for {
		s := p.screen()
		if ok(s) {
			return s
		}
		if set && time.Until(deadline) < 5*time.Second {
			p.t.Fatalf("gave up waiting for %s; the screen:\n%s", what, strings.Join(s, "\n"))
		}
		time.Sleep(10 * time.Millisecond) // polling, not a time limit
	}
}

// waitStatus waits until the status line (the last) matches re.
func (p *tmuxPane) waitStatus(re string) []string {
	p.t.Helper()
	r := regexp.MustCompile(re)
	return p.waitScreen("a status line matching "+re, func(s []string) bool { return r.MatchString(s[len(s)-1]) })
}

// flags returns tmux's formats for the pane, such as #{mouse_any_flag}.
func (p *tmuxPane) flags(format string) string {
	p.t.Helper()
	return strings.TrimSpace(p.run("display-message", "-p", format))
}

// lifePID returns the process id of life, the child of the pane's shell.
func (p *tmuxPane) lifePID() int {
	p.t.Helper()
	sh := p.flags("#{pane_pid}")
	children, err := os.ReadFile(filepath.Join("/proc", sh, "task", sh, "children"))
	if err != nil {
		p.t.Skipf("no /proc children list: the signals in tmux are not tested: %v", err)
	}
	f := strings.Fields(string(children))
	require.Len(p.t, f, 1, "the shell runs life only")
	pid, err := strconv.Atoi(f[0])
	require.NoError(p.t, err)
	return pid
}

// assertRestored waits for life to exit with status, and checks that the
// terminal is as it was: mouse reports off, the main screen, the cursor
// shown, the same stty mode.
func (p *tmuxPane) assertRestored(status int) {
	p.t.Helper()
	exited := fmt.Sprintf("life exited %d", status)
	p.waitScreen(exited, func(s []string) bool { return strings.Contains(strings.Join(s, "\n"), exited) })
	assert.Equal(p.t, "mouse 0 0 0 0 alternate 0 cursor 1",
		p.flags("mouse #{mouse_any_flag} #{mouse_button_flag} #{mouse_standard_flag} #{mouse_sgr_flag} alternate #{alternate_on} cursor #{cursor_flag}"))
	var after []byte
	p.waitScreen("stty after life", func([]string) bool {
		var err error
		after, err = os.ReadFile(filepath.Join(p.dir, "after"))
		return err == nil && len(after) > 0
	})
	before, err := os.ReadFile(filepath.Join(p.dir, "before"))
	require.NoError(p.t, err)
	assert.Equal(p.t, string(before), string(after), "the terminal's mode is restored")
}

// at returns the character at (col, row) of screen, counted from 0, or a
// space beyond the end of a line (capture-pane drops trailing spaces).
func at(screen []string, col, row int) string {
	r := []rune(screen[row])
	if col >= len(r) {
		return " "
	}
	return string(r[col])
}

// cells returns the columns of line row of screen that are not blank.
func cells(screen []string, row int) []int {
	var cols []int
	for i, r := range []rune(screen[row]) {
		if r != ' ' {
			cols = append(cols, i)
		}
	}
	return cols
}

func TestTmuxMouseModeOnWhileRunning(t *testing.T) {
	p := startTmux(t, 40, 12, "-pattern", "blinker", "-gens", "0")
	p.waitStatus(`PAUSED`)
	assert.Equal(t, "1 1 1 1", p.flags("#{mouse_any_flag} #{mouse_button_flag} #{mouse_sgr_flag} #{alternate_on}"),
		"button and drag reports in SGR form, on the alternate screen")
	p.keys("q")
	p.assertRestored(0)
}

func TestTmuxExitPaths(t *testing.T) {
	signal := func(sig syscall.Signal) func(p *tmuxPane) {
		return func(p *tmuxPane) { require.NoError(t, syscall.Kill(p.lifePID(), sig)) }
	}
	tests := []struct {
		name   string
		args   []string
		quit   func(p *tmuxPane)
		status int
		say    string
	}{
		{"q", nil, func(p *tmuxPane) { p.keys("q") }, 0, ""},
		{"Ctrl-C", nil, func(p *tmuxPane) { p.keys("C-c") }, 0, ""},
		{"Ctrl-C in the open prompt", nil, func(p *tmuxPane) { p.keys("o", "g", "C-c") }, 0, ""},
		{"SIGTERM", nil, signal(syscall.SIGTERM), 1, "life: interrupted"},
		{"SIGINT", nil, signal(syscall.SIGINT), 1, "life: interrupted"},
		{"SIGHUP", nil, signal(syscall.SIGHUP), 1, "life: interrupted"},
		{"SIGQUIT", nil, signal(syscall.SIGQUIT), 1, "life: interrupted"},
		// A gun on the unbounded plane soon needs more than 1 MiB of cell
		// goroutines: the run stops with an error.
		{"an error", []string{"-pattern", "gosper", "-topology", "unbounded", "-memory", "1M", "-speed", "16384"}, func(*tmuxPane) {}, 1, "life: over the memory budget"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := tt.args
			if args == nil {
				args = []string{"-random", "0.3", "-seed", "5", "-engine", "direct"}
			}
			p := startTmux(t, 60, 10, args...)
			p.waitStatus(`gen \d+`)
			tt.quit(p)
			p.assertRestored(tt.status)
			all := strings.Join(p.screen(), "\n")
			assert.Contains(t, all, tt.say)
			assert.NotContains(t, all, "goroutine 1 [", "no stack trace")
		})
	}
}

// writeCells writes a plaintext pattern w × h with the given cells alive,
// and returns its path.
func writeCells(t *testing.T, w, h int, live ...[2]int) string {
	t.Helper()
	rows := make([][]byte, h)
	for y := range rows {
		rows[y] = []byte(strings.Repeat(".", w))
	}
	for _, c := range live {
		rows[c[1]][c[0]] = 'O'
	}
	var b strings.Builder
	for _, r := range rows {
		b.Write(r)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "board.cells")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	return path
}

func TestTmuxPanZoomFit(t *testing.T) {
	// A 120x60 plane, larger than the 40x11 characters (40x22 cells) of
	// the board on screen, with cells at two corners and a marker at (10, 4).
	board := writeCells(t, 120, 60, [2]int{0, 0}, [2]int{10, 4}, [2]int{119, 59})
	p := startTmux(t, 40, 12, "-pattern", board, "-size", "120x60", "-topology", "plane", "-gens", "0")
	s := p.waitStatus(`PAUSED`)
	assert.Equal(t, "▀", at(s, 0, 0), "the top-left corner")
	assert.Equal(t, []int{10}, cells(s, 2), "the marker, two cells a character down")

	// Each pan moves an eighth of the screen (5 columns, one row), Shift half.
	for _, step := range []struct {
		keys     []string
		col, row int
	}{
		{[]string{"l"}, 5, 2},
		{[]string{"Right"}, 0, 2},
		{[]string{"h"}, 5, 2},
		{[]string{"Left"}, 10, 2},
		{[]string{"h"}, 10, 2}, // the left edge: the screen stays on the board
		{[]string{"j"}, 10, 1},
		{[]string{"k"}, 10, 2},
		{[]string{"Down"}, 10, 1},
		{[]string{"Up"}, 10, 2},
		{[]string{"L", "S-Left"}, 10, 2}, // 20 columns and back
		{[]string{"L"}, -1, 2},
	} {
		p.keys(step.keys...)
		want := []int{step.col}
		if step.col < 0 {
			want = nil
		}
		p.waitScreen(fmt.Sprintf("%v: the marker at column %d of line %d", step.keys, step.col, step.row), func(s []string) bool {
			return assert.ObjectsAreEqual(want, cells(s, step.row)) && (step.row == 2 || len(cells(s, 2)) == 0)
		})
	}
	p.keys("H", "H") // back to the left edge

	// z: two cells a column, each character shaded by its share alive.
	p.keys("z")
	s = p.waitStatus(`zoom 1/2`)
	assert.Equal(t, "░", at(s, 0, 0), "1 of the 8 cells under the corner's character")
	assert.Equal(t, "░", at(s, 5, 1), "the marker's character")
	p.keys("x")
	p.waitStatus(`^[^z]*$`) // zoom 0 is not shown

	// f: the nearest zoom at which the live cells' box fits, centred.
	p.keys("f")
	s = p.waitStatus(`zoom 1/4`)
	assert.Equal(t, "░", at(s, 5, 1), "(0, 0)")
	assert.Equal(t, "░", at(s, 34, 9), "(119, 59)")
	p.keys("x", "x", "x", "x", "x")
	p.waitStatus(`zoom 4( |$)`) // the nearest: a cell 4x4 pixels
	p.keys("q")
	p.assertRestored(0)
}

func TestTmuxPanStopsFollowing(t *testing.T) {
	// A glider on the unbounded plane: the screen follows it, until a pan;
	// f follows it again.
	p := startTmux(t, 40, 12, "-pattern", "glider", "-topology", "unbounded", "-speed", "2000", "-engine", "direct")
	gen := func(s []string) int {
		m := regexp.MustCompile(`gen (\d+)`).FindStringSubmatch(s[len(s)-1])
		if m == nil {
			return -1
		}
		n, _ := strconv.Atoi(m[1])
		return n
	}
	onScreen := func(s []string) bool {
		for r := range len(s) - 1 {
			if len(cells(s, r)) > 0 {
				return true
			}
		}
		return false
	}
	s := p.waitScreen("generation 400, followed", func(s []string) bool { return gen(s) >= 400 })
	assert.True(t, onScreen(s), "followed: %s", strings.Join(s, "\n"))
	p.keys("h")
	p.waitScreen("the glider gone from the screen", func(s []string) bool { return gen(s) > 0 && !onScreen(s) })
	p.keys("f")
	s = p.waitStatus(`zoom 4( |$)`)
	g := gen(s)
	s = p.waitScreen("400 generations after f", func(s []string) bool { return gen(s) >= g+400 })
	assert.True(t, onScreen(s), "followed again: %s", strings.Join(s, "\n"))
	p.keys("q")
	p.assertRestored(0)
}

func TestTmuxMouse(t *testing.T) {
	// A 40x22 plane, the board on screen exactly, one cell in its corner;
	// paused at generation 0, so that only the mouse changes it.
	board := writeCells(t, 40, 22, [2]int{39, 21})
	p := startTmux(t, 40, 12, "-pattern", board, "-size", "40x22", "-topology", "plane", "-gens", "0")
	p.waitStatus(`PAUSED.* pop 1 |pop 1 .*PAUSED`)
	steps := []struct {
		name string
		do   func()
		pop  int
		row  int    // a line of the screen to check
		want string // its characters from column 0, to the last that is not blank
	}{
		{"a click brings the upper cell to life", func() { p.click(0, 5, 2) }, 2, 2, "     ▀"},
		{"a second click kills it", func() { p.click(0, 5, 2) }, 1, 2, ""},
		{"Alt-click: the lower cell", func() { p.click(8, 5, 2) }, 2, 2, "     ▄"},
		{"Ctrl-click: the lower cell", func() { p.click(16, 6, 2) }, 3, 2, "     ▄▄"},
		{"and the upper", func() { p.click(0, 5, 2) }, 4, 2, "     █▄"},
		{"a drag draws", func() { p.drag(0, [2]int{10, 0}, [2]int{14, 0}, [2]int{14, 3}) }, 4 + 5 + 6, 0, "          ▀▀▀▀█"},
		{"down to row 6 of cells", func() {}, 15, 3, "              ▀"},
		{"a drag from a live cell erases", func() { p.drag(0, [2]int{10, 0}, [2]int{12, 0}) }, 12, 0, "             ▀█"},
		{"a right drag erases", func() { p.drag(2, [2]int{14, 0}, [2]int{14, 3}) }, 5, 0, "             ▀"},
		// Then a click that adds a cell: had the first done anything, the
		// population would not be one more.
		{"a click on the status line does nothing", func() { p.click(0, 3, 11); p.click(0, 6, 2) }, 6, 2, "     ██"},
	}
	for _, st := range steps {
		st.do()
		s := p.waitStatus(fmt.Sprintf(` pop %d `, st.pop))
		assert.Equal(t, st.want, strings.TrimRight(s[st.row], " "), st.name)
	}
	// The wheel zooms at the pointer: the cell under it stays put.
	p.click(64, 5, 2)
	s := p.waitStatus(`zoom 2( |$)`)
	assert.Equal(t, "█", at(s, 5, 2), "(5, 4), now 2 characters by 1, is still under the pointer")
	assert.Equal(t, "█", at(s, 5, 3), "(5, 5) below it")
	p.click(65, 5, 2)
	p.waitStatus(`^[^z]*$`) // back at zoom 0, which is not shown
	p.keys("q")
	p.assertRestored(0)
}

func TestTmuxOpen(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.rle")
	require.NoError(t, os.WriteFile(bad, []byte("x = 2, y = 1\nzz!\n"), 0o644))
	p := startTmux(t, 100, 12, "-pattern", "blinker", "-size", "40x22", "-topology", "plane", "-gens", "0")
	before := p.waitStatus(`PAUSED.*blinker`)

	// A bad name or file: a line in the status line, the board kept.
	for _, spec := range []string{"nosuch", bad} {
		p.keys("o")
		p.waitStatus(`^ open: _`)
		p.typeText(spec)
		p.waitStatus(`^ open: ` + regexp.QuoteMeta(spec) + `_`)
		p.keys("Enter")
		s := p.waitStatus(`^ o: `)
		assert.Equal(t, before[:len(before)-1], s[:len(s)-1], "the board is kept")
		p.keys("Escape") // any key clears the line
		s = p.waitStatus(`blinker`)
		assert.Equal(t, before, s)
	}

	// Esc gives up; Backspace and Ctrl-U erase.
	p.keys("o")
	p.typeText("xyz")
	p.keys("Escape")
	p.waitStatus(`PAUSED.*blinker`)
	p.keys("o")
	p.typeText("junk")
	p.keys("C-u")
	p.typeText("glidex")
	p.keys("BSpace")
	p.typeText("r")
	p.waitStatus(`^ open: glider_`)
	p.keys("Enter")
	p.waitStatus(`^ opened glider, B3/S23`)
	p.keys("Escape")
	s := p.waitStatus(`gen 0 .* pop 5 .*glider`)
	assert.NotEqual(t, before[:len(before)-1], s[:len(s)-1], "the glider is drawn")
	p.keys("q")
	p.assertRestored(0)
}

func TestTmuxHelp(t *testing.T) {
	p := startTmux(t, 90, 20, "-pattern", "blinker", "-gens", "0")
	s := p.waitStatus(`PAUSED`)
	assert.Contains(t, s[len(s)-1], "? keys")
	p.keys("?")
	for _, line := range strings.Split(watchKeys, "\n") {
		p.waitScreen("the help", func(s []string) bool { return strings.Contains(strings.Join(s, "\n"), line) })
	}
	p.keys("?")
	p.waitScreen("the help gone", func(s []string) bool { return !strings.Contains(strings.Join(s, "\n"), "pause / resume") })
	p.keys("?")
	p.waitScreen("the help", func(s []string) bool { return strings.Contains(strings.Join(s, "\n"), "pause / resume") })
	p.keys("Escape")
	p.waitScreen("the help gone after Esc", func(s []string) bool { return !strings.Contains(strings.Join(s, "\n"), "pause / resume") })
	p.keys("q")
	p.assertRestored(0)
}

// TestTmuxColors: in -watch a Generations rule's dying cells are drawn in
// the colours of the ramp (tmux reports 256 colours), and -color never
// draws them as empty.
func TestTmuxColors(t *testing.T) {
	for _, c := range []struct {
		color string
		want  bool
	}{{"auto", true}, {"never", false}} {
		t.Run(c.color, func(t *testing.T) {
			p := startTmux(t, 40, 12, "-pattern", "brians-brain", "-topology", "plane", "-size", "40x22", "-gens", "2", "-color", c.color)
			p.waitStatus(`gen 2 .*PAUSED`)
			screen := p.run("capture-pane", "-p", "-e")
			// Alive #ffc83c and the one dying state #e8502a, as the
			// nearest colours of xterm's cube (levels 0, 95, 135, 175, 215,
			// 255) number them: 221 and 166.
			assert.Equal(t, c.want, strings.Contains(screen, "38;5;221m"), "the live colour:\n%q", screen)
			assert.Equal(t, c.want, strings.Contains(screen, "38;5;166m"), "the dying colour:\n%q", screen)
			p.keys("q")
		})
	}
}
