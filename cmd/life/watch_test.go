package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/term"

	"colife/cmd/internal/setup"
	"colife/life"
	"colife/life/pattern"
	"colife/render/text"
)

// session is life -watch running in a pseudo-terminal: this test binary
// started again as life (see TestMain), its standard streams and controlling
// terminal the pty's terminal end.
type session struct {
	t      *testing.T
	cmd    *exec.Cmd
	ptmx   *os.File // the test's end
	tty    *os.File // the program's end
	before *term.State

	mu     sync.Mutex
	out    bytes.Buffer  // everything the program wrote
	more   chan struct{} // receives after each read
	reader sync.WaitGroup
}

func startSession(t *testing.T, cols, rows int, args ...string) *session {
	t.Helper()
	ptmx, tty, err := pty.Open()
	require.NoError(t, err)
	require.NoError(t, pty.Setsize(ptmx, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)}))
	before, err := term.GetState(int(tty.Fd()))
	require.NoError(t, err)

	cmd := exec.Command(os.Args[0], append([]string{"-watch"}, args...)...)
	cmd.Env = append(os.Environ(), runMainEnv+"=1")
	if os.Getenv("GORACE") == "" {
		// A program built with -race sleeps a second before it exits, by
		// default; this one has nothing left to report by then.
		cmd.Env = append(cmd.Env, "GORACE=atexit_sleep_ms=0")
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	require.NoError(t, cmd.Start())

	s := &session{t: t, cmd: cmd, ptmx: ptmx, tty: tty, before: before, more: make(chan struct{}, 1)}
	s.reader.Add(1)
	go s.read()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
		// With the program gone, closing the last terminal end makes the
		// reader's Read fail (the pty's master is not pollable: Setsize puts
		// it in blocking mode, so closing it would not wake the reader).
		tty.Close()
		s.reader.Wait()
		ptmx.Close()
	})
	return s
}

// read copies the program's output into s.out until the pty is closed.
func (s *session) read() {
	defer s.reader.Done()
	buf := make([]byte, 4096)
	for {
		n, err := s.ptmx.Read(buf)
		s.mu.Lock()
		s.out.Write(buf[:n])
		s.mu.Unlock()
		select {
		case s.more <- struct{}{}:
		default:
		}
		if err != nil {
			return
		}
	}
}

// output returns everything written so far.
func (s *session) output() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.out.String()
}

// waitFor waits until ok holds for the statuses drawn since from (an index
// into them) and returns them all. It gives up only at the test's deadline.
func (s *session) waitFor(what string, from int, ok func(statuses []status) bool) []status {
	s.t.Helper()
	var deadline <-chan time.Time
	if d, set := s.t.Deadline(); set {
		deadline = time.After(time.Until(d) - 5*time.Second)
	}
	for {
		all := statuses(s.output())
		if ok(all[min(from, len(all)):]) {
			return all
		}
		select {
		case <-s.more:
		case <-deadline:
			s.t.Fatalf("gave up waiting for %s; output so far:\n%q", what, s.output())
		}
	}
}

// waitForText waits until the output contains want. It gives up only at the
// test's deadline.
func (s *session) waitForText(want string) {
	s.t.Helper()
	s.waitFor(fmt.Sprintf("%q", want), 0, func([]status) bool { return strings.Contains(s.output(), want) })
}

func (s *session) send(keys string) {
	s.t.Helper()
	_, err := s.ptmx.Write([]byte(keys))
	require.NoError(s.t, err)
}

// status is one frame's status line, read.
type status struct {
	line   string
	gen    int
	paused bool
}

var statusLine = regexp.MustCompile("\x1b\\[7m([^\x1b]*)\x1b\\[0m")
var genField = regexp.MustCompile(` gen (\d+) `)

// statuses returns the status line of every frame in out.
func statuses(out string) []status {
	var all []status
	for _, m := range statusLine.FindAllStringSubmatch(out, -1) {
		st := status{line: m[1], paused: regexp.MustCompile(`\bPAUSED\b`).MatchString(m[1])}
		if g := genField.FindStringSubmatch(m[1]); g != nil {
			st.gen, _ = strconv.Atoi(g[1])
		}
		all = append(all, st)
	}
	return all
}

func last(s []status) status { return s[len(s)-1] }

// exitStatus waits for the program and returns its exit status.
func (s *session) exitStatus() int {
	s.t.Helper()
	err := s.cmd.Wait()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode()
	}
	require.NoError(s.t, err)
	return 0
}

// assertRestored checks that the terminal is back as it was: the restore
// sequences written after the last frame, and the same terminal mode.
func (s *session) assertRestored() {
	s.t.Helper()
	s.waitForText(text.ExitAltScreen) // the reader may lag behind the program
	out := s.output()
	lastFrame := statusLine.FindAllStringIndex(out, -1)
	require.NotEmpty(s.t, lastFrame)
	tail := out[lastFrame[len(lastFrame)-1][1]:]
	assert.Contains(s.t, tail, text.MouseOff, "mouse reports off")
	assert.Contains(s.t, tail, text.ShowCursor, "cursor shown again")
	assert.Contains(s.t, tail, text.ExitAltScreen, "back to the main screen")
	after, err := term.GetState(int(s.tty.Fd()))
	require.NoError(s.t, err)
	assert.Equal(s.t, s.before, after, "the terminal's mode is restored")
}

func TestWatchKeys(t *testing.T) {
	// A blinker on the terminal's 120x22 grid (the last line is the status).
	s := startSession(t, 120, 12, "-pattern", "blinker")

	all := s.waitFor("the first frames", 0, func(st []status) bool { return len(st) >= 2 })
	out := s.output()
	assert.True(t, len(out) > 0 && bytes.HasPrefix([]byte(out), []byte(text.EnterAltScreen+text.HideCursor)), "starts on the alternate screen with the cursor hidden: %q", out[:min(len(out), 40)])
	assert.Contains(t, all[0].line, "B3/S23 torus  goroutine over channels")
	assert.Contains(t, all[0].line, "120x22")
	assert.Regexp(t, `[▀▄█]`, out, "cells drawn with half blocks")

	// Space pauses: from the first paused frame on, the generation stays put.
	s.send(" ")
	all = s.waitFor("a paused frame", 0, func(st []status) bool { return len(st) > 0 && last(st).paused })
	firstPaused := len(all) - 1
	g := all[firstPaused].gen
	all = s.waitFor("three more paused frames", firstPaused, func(st []status) bool { return len(st) >= 4 })
	for _, st := range all[firstPaused:] {
		assert.True(t, st.paused, st.line)
		assert.Equal(t, g, st.gen, "paused: %s", st.line)
	}

	// n steps once while paused, and again.
	for want := g + 1; want <= g+2; want++ {
		mark := len(all)
		s.send("n")
		all = s.waitFor("a step", mark, func(st []status) bool { return len(st) > 0 && last(st).gen == want })
		for _, st := range all[mark:] {
			assert.True(t, st.paused, st.line)
			assert.Contains(t, []int{want - 1, want}, st.gen, st.line)
		}
	}

	// + and - change the target speed.
	mark := len(all)
	s.send(" +")
	all = s.waitFor("a faster target", mark, func(st []status) bool {
		return len(st) > 0 && regexp.MustCompile(`target 20/s`).MatchString(last(st).line)
	})
	mark = len(all)
	s.send("--")
	s.waitFor("a slower target", mark, func(st []status) bool {
		return len(st) > 0 && regexp.MustCompile(`target 5/s`).MatchString(last(st).line)
	})

	// r restarts from generation 0.
	s.send(" r")
	all = s.waitFor("the restart", mark, func(st []status) bool { return len(st) > 0 && last(st).paused && last(st).gen == 0 })

	s.send("q")
	assert.Equal(t, 0, s.exitStatus())
	s.assertRestored()
}

func TestWatchQuits(t *testing.T) {
	tests := []struct {
		name       string
		quit       func(s *session)
		wantStatus int
		wantOutput string
	}{
		{"q", func(s *session) { s.send("q") }, 0, ""},
		{"Ctrl-C", func(s *session) { s.send("\x03") }, 0, ""},
		{"SIGTERM", func(s *session) { require.NoError(t, s.cmd.Process.Signal(syscall.SIGTERM)) }, 1, "life: interrupted"},
		{"SIGINT", func(s *session) { require.NoError(t, s.cmd.Process.Signal(syscall.SIGINT)) }, 1, "life: interrupted"},
		{"SIGHUP", func(s *session) { require.NoError(t, s.cmd.Process.Signal(syscall.SIGHUP)) }, 1, "life: interrupted"},
		{"SIGQUIT", func(s *session) { require.NoError(t, s.cmd.Process.Signal(syscall.SIGQUIT)) }, 1, "life: interrupted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := startSession(t, 120, 8, "-random", "0.4", "-seed", "3", "-engine", "direct")
			all := s.waitFor("a frame", 0, func(st []status) bool { return len(st) > 0 })
			assert.Contains(t, all[0].line, "seed 3")
			tt.quit(s)
			assert.Equal(t, tt.wantStatus, s.exitStatus())
			s.assertRestored()
			s.waitForText(tt.wantOutput)
			assert.NotContains(t, s.output(), "goroutine 1 [", "no stack trace")
		})
	}
}

func TestWatchSpeed(t *testing.T) {
	// -speed is the target in generations per second, as in lifeview,
	// whatever -every's step; + and - double and halve it within lifeview's
	// range.
	s := startSession(t, 120, 8, "-pattern", "blinker", "-speed", "16384", "-every", "4", "-engine", "direct")
	all := s.waitFor("a frame", 0, func(st []status) bool { return len(st) > 0 })
	assert.Contains(t, last(all).line, "target 16384/s")
	mark := len(all)
	s.send("+")
	s.send("-")
	s.waitFor("the target halved, not doubled past the top", mark, func(st []status) bool {
		return len(st) > 0 && strings.Contains(last(st).line, "target 8192/s")
	})
	s.send("q")
	assert.Equal(t, 0, s.exitStatus())
	s.assertRestored()
}

func TestWatchPausesAtGens(t *testing.T) {
	out := filepath.Join(t.TempDir(), "end.cells")
	s := startSession(t, 120, 8, "-pattern", "blinker", "-gens", "3", "-engine", "direct", "-out", out)
	all := s.waitFor("the pause at generation 3", 0, func(st []status) bool { return len(st) > 0 && last(st).paused })
	assert.Equal(t, 3, last(all).gen)
	for _, st := range all {
		assert.LessOrEqual(t, st.gen, 3, st.line)
	}
	// n still steps past it.
	mark := len(all)
	s.send("n")
	s.waitFor("a step past -gens", mark, func(st []status) bool { return len(st) > 0 && last(st).gen == 4 })
	s.send("q")
	assert.Equal(t, 0, s.exitStatus())
	s.assertRestored()

	// -out has the grid as it was at the end: generation 4 of the blinker,
	// as it started, on the whole 120x14 grid.
	p, err := pattern.Load(out, nil)
	require.NoError(t, err)
	assert.Equal(t, 120, p.Width)
	assert.Equal(t, 14, p.Height)
	assert.Equal(t, []pattern.Cell{{X: 58, Y: 6}, {X: 59, Y: 6}, {X: 60, Y: 6}}, p.Cells)
}

func TestWatchResize(t *testing.T) {
	s := startSession(t, 100, 8, "-random", "0.3", "-engine", "direct")
	all := s.waitFor("a frame", 0, func(st []status) bool { return len(st) > 0 })
	assert.Len(t, last(all).line, 100, "the status line fills the terminal's width")
	assert.Contains(t, last(all).line, "100x14", "the default grid fills the terminal")

	mark := len(all)
	require.NoError(t, pty.Setsize(s.ptmx, &pty.Winsize{Cols: 60, Rows: 10}))
	all = s.waitFor("a frame at the new size", mark, func(st []status) bool { return len(st) > 0 && len(last(st).line) == 60 })
	assert.Contains(t, last(all).line, "100x14", "the grid keeps its size; the view shows its top-left part")
	out := s.output()
	resized := strings.LastIndex(out, "\x1b[10;1H\x1b[7m") // the new status line, on row 10
	require.Positive(t, resized)
	assert.Contains(t, out[:resized], text.ClearScreen+"\x1b[1;1H", "the screen is cleared once for the new size")

	s.send("q")
	assert.Equal(t, 0, s.exitStatus())
	s.assertRestored()
}

func TestWatchRestoresAfterPanic(t *testing.T) {
	ptmx, tty, err := pty.Open()
	require.NoError(t, err)
	defer ptmx.Close()
	require.NoError(t, pty.Setsize(ptmx, &pty.Winsize{Cols: 20, Rows: 5}))
	before, err := term.GetState(int(tty.Fd()))
	require.NoError(t, err)
	var out bytes.Buffer
	read := make(chan struct{})
	go func() {
		defer close(read)
		out.ReadFrom(ptmx) // until tty is closed below
	}()

	view, err := openTerminal(tty)
	require.NoError(t, err)
	view.keysFrom = tty.Name()
	g, err := life.NewGrid(4, 4)
	require.NoError(t, err)
	var recovered any
	func() {
		defer func() { recovered = recover() }()
		// A nil simulation panics once the terminal is in raw mode.
		watch(context.Background(), view, &config{every: 1}, &watched{start: &setup.Start{Grid: g, Name: "test"}})
	}()
	require.NotNil(t, recovered, "the nil simulation panicked")

	after, err := term.GetState(int(tty.Fd()))
	require.NoError(t, err)
	assert.Equal(t, before, after, "the terminal's mode is restored")
	tty.Close()
	<-read
	enter := strings.Index(out.String(), text.EnterAltScreen)
	require.GreaterOrEqual(t, enter, 0, "%q", out.String())
	assert.Contains(t, out.String()[enter:], text.MouseOn)
	assert.Contains(t, out.String()[enter:], text.MouseOff+text.ResetAttributes+text.ShowCursor+text.ExitAltScreen)
}

func TestWatchPausesAtGensBetweenSteps(t *testing.T) {
	s := startSession(t, 120, 8, "-pattern", "blinker", "-gens", "5", "-every", "2", "-engine", "direct")
	all := s.waitFor("the pause at generation 5", 0, func(st []status) bool { return len(st) > 0 && last(st).paused })
	assert.Equal(t, 5, last(all).gen, "steps of 2 stop at -gens 5, not at 6")
	s.send("q")
	assert.Equal(t, 0, s.exitStatus())
	s.assertRestored()
}

func TestFitStatus(t *testing.T) {
	fields := []statusField{{"gen 12", 0}, {"pop 5", 1}, {"40x20", 5}, {"B3/S23 torus", 4}, {"keys: q", 2}, {"seed 7", 6}}
	for _, tc := range []struct {
		cols int
		want string
	}{
		{80, " gen 12  pop 5  40x20  B3/S23 torus  keys: q  seed 7"},
		{51, " gen 12  pop 5  40x20  B3/S23 torus  keys: q"}, // the seed goes first
		{40, " gen 12  pop 5  B3/S23 torus  keys: q"},        // then the size
		{30, " gen 12  pop 5  40x20  keys: q"},               // then rule and topology, and the size fits again
		{20, " gen 12  pop 5"},                               // then the keys
		{3, " gen 12"},                                       // the generation stays, cut by the frame
	} {
		assert.Equal(t, tc.want, fitStatus(tc.cols, fields), "%d columns", tc.cols)
	}
	for cols := len(" gen 12"); cols <= 60; cols++ {
		assert.LessOrEqual(t, len(fitStatus(cols, fields)), cols, "%d columns", cols)
	}
}

func TestHelpListsWatchKeys(t *testing.T) {
	stdout, _, status := runLife(t, "", "-h")
	require.Equal(t, 0, status)
	for _, line := range strings.Split(watchKeys, "\n") {
		assert.Contains(t, stdout, "  "+line+"\n")
	}
}
