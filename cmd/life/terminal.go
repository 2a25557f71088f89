package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"

	"colife/render/text"
)

// terminal is the live view's screen: stdout, which must be a terminal, and
// the controlling terminal /dev/tty, from which keys are read in raw mode.
type terminal struct {
	out      *os.File
	keysFrom string      // the terminal to read keys from: /dev/tty, but for tests
	tty      *os.File    // set by enter
	old      *term.State // the mode to restore; set by enter

	keys chan []byte   // what is read from tty, one read at a time
	quit chan struct{} // closed by restore to stop the reader
	wg   sync.WaitGroup
	once sync.Once
}

// openTerminal checks that stdout is a terminal. It changes nothing.
func openTerminal(stdout io.Writer) (*terminal, error) {
	f, ok := stdout.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil, errors.New("-watch needs a terminal, and standard output is not one; leave out -watch to print generations")
	}
	return &terminal{out: f, keysFrom: "/dev/tty"}, nil
}

// size returns the terminal's width and height in characters, at least 1×2.
func (t *terminal) size() (cols, rows int) {
	cols, rows, err := term.GetSize(int(t.out.Fd()))
	if err != nil {
		return 80, 24
	}
	return max(cols, 1), max(rows, 2)
}

// enter puts the terminal in raw mode, switches to the alternate screen,
// hides the cursor, turns on the mouse's reports, and starts reading keys. Call restore afterwards, even if
// enter fails.
func (t *terminal) enter() error {
	tty, err := os.OpenFile(t.keysFrom, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("-watch: cannot read keys from the terminal: %w", err)
	}
	t.tty = tty
	var old *term.State
	err = control(tty, func(fd int) (err error) {
		old, err = term.MakeRaw(fd)
		return err
	})
	if err != nil {
		return fmt.Errorf("-watch: cannot put the terminal in raw mode: %w", err)
	}
	t.old = old
	if _, err := io.WriteString(t.out, text.EnterAltScreen+text.HideCursor+text.MouseOn+text.ClearScreen); err != nil {
		return err
	}
	t.keys, t.quit = make(chan []byte, 64), make(chan struct{})
	t.wg.Add(1)
	go t.read()
	return nil
}

// read sends what each read from the terminal returns on keys, until
// restore closes quit or the terminal's read fails (restore makes it fail
// with a deadline).
func (t *terminal) read() {
	defer t.wg.Done()
	for {
		buf := make([]byte, 256)
		n, err := t.tty.Read(buf)
		if n > 0 {
			select {
			case t.keys <- buf[:n]:
			case <-t.quit:
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// restore brings the terminal back as it was: mouse reports off, cursor
// shown, main screen, the mode it had before raw. It stops the key reader and waits for it. It
// may be called more than once.
func (t *terminal) restore() {
	t.once.Do(func() {
		if t.quit != nil {
			close(t.quit)
			// The reader may be blocked in Read: a deadline in the past wakes
			// it. /dev/tty is pollable on the systems this runs on; were it
			// not, the reader would end only with the program.
			if t.tty.SetReadDeadline(time.Now()) == nil {
				t.wg.Wait()
			}
		}
		if t.old != nil {
			io.WriteString(t.out, text.MouseOff+text.ResetAttributes+text.ShowCursor+text.ExitAltScreen)
			control(t.tty, func(fd int) error { return term.Restore(fd, t.old) })
		}
		if t.tty != nil {
			t.tty.Close()
		}
	})
}

// control calls fn with f's file descriptor. Unlike f.Fd, it leaves f in
// non-blocking mode, so that SetReadDeadline can still wake a blocked Read.
func control(f *os.File, fn func(fd int) error) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var ferr error
	if err := rc.Control(func(fd uintptr) { ferr = fn(int(fd)) }); err != nil {
		return err
	}
	return ferr
}
