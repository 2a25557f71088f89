package life

import (
	"fmt"
	"strings"
)

// Engine chooses how a Simulation runs the cell program.
type Engine uint8

const (
	// Goroutine runs every cell as its own long-lived goroutine that sends its
	// Query and Transition messages over channels to a generation driver. It
	// is the zero value and the point of the project.
	Goroutine Engine = iota
	// Direct runs the same program in line, with no goroutines: each cell's
	// queries are answered where they point, a row at a time, and its rule
	// is a table lookup. It is the fast path.
	Direct
)

// String returns "goroutine" or "direct".
func (e Engine) String() string {
	if e == Direct {
		return "direct"
	}
	return "goroutine"
}

// ParseEngine reads "goroutine" or "direct", in any case.
func ParseEngine(s string) (Engine, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "goroutine":
		return Goroutine, nil
	case "direct":
		return Direct, nil
	}
	return 0, fmt.Errorf("engine %q: want goroutine or direct", s)
}

// Check reports whether e can run a grid of w × h cells on this machine: an
// error wrapping ErrSize if the grid itself is too big or, for the goroutine
// engine, if its goroutines (BytesPerCell each) would need more than 80% of
// the machine's memory. NewSimulation makes the same check; a program can make
// it before it builds a grid.
func (e Engine) Check(w, h int) error {
	if err := CheckSize(w, h); err != nil {
		return err
	}
	if e == Goroutine {
		return checkMemory(w, h)
	}
	return nil
}
