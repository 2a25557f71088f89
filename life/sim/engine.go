package sim

import (
	"errors"
	"fmt"
	"strings"

	"colife/life"
	"colife/life/cells"
	"colife/life/hashlife"
)

// Engine chooses how a Simulation runs the cell program.
type Engine uint8

const (
	// Goroutine runs every cell as its own long-lived goroutine that sends its
	// Query and Transition messages over channels to a generation driver. It
	// is the zero value and the point of the project.
	Goroutine Engine = iota
	// Direct computes what the same program computes, on a board packed 64
	// cells to a machine word: a generation is bitwise adders over whole
	// words, on a torus or plane the rows shared out among GOMAXPROCS
	// goroutines, on an unbounded plane the live 64x64 tiles. It is the fast
	// path.
	Direct
	// Dense runs every cell of a bounded grid as its own goroutine, every
	// generation, whether or not it can change: the book's form, literally.
	// Goroutine runs only the active cells; Dense is what the floor
	// benchmark measures.
	Dense
	// Hashlife runs Gosper's HashLife, as Golly does, on the unbounded
	// plane (life/hashlife): the board a quadtree of canonical nodes, each
	// node's future computed once, so that regular patterns run to
	// astronomical generations; Run(n) jumps n generations in one go.
	// Two-state B/S rules without B0 only.
	Hashlife
)

// String returns "goroutine", "direct", "dense" or "hashlife".
func (e Engine) String() string {
	switch e {
	case Direct:
		return "direct"
	case Dense:
		return "dense"
	case Hashlife:
		return "hashlife"
	}
	return "goroutine"
}

// ParseEngine reads "goroutine" (or "active"), "direct", "dense" or
// "hashlife", in any case.
func ParseEngine(s string) (Engine, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "goroutine", "active":
		return Goroutine, nil
	case "direct":
		return Direct, nil
	case "dense":
		return Dense, nil
	case "hashlife":
		return Hashlife, nil
	}
	return 0, fmt.Errorf("engine %q: want goroutine, direct, dense or hashlife", s)
}

// Runs returns nil if e runs rule on topology t, else an error that says
// what does: the dense engine needs a bounded grid, HashLife the unbounded
// plane and a two-state B/S rule without B0, and no engine runs a rule with
// B0 on the unbounded plane, which it would fill. New makes the same check.
func (e Engine) Runs(rule life.Rule, t life.Topology) error {
	switch {
	case t == life.Unbounded && rule.BirthOnZero():
		return fmt.Errorf("rule %s: a birth on 0 neighbours (B0) would fill the unbounded plane; use -topology torus or plane", rule)
	case e == Dense && t == life.Unbounded:
		return errors.New("the dense engine runs every cell of a bounded grid; on an unbounded plane use the goroutine or direct engine")
	case e == Hashlife && t != life.Unbounded:
		return fmt.Errorf("hashlife runs on the unbounded plane, as Golly's HashLife does: use -topology unbounded, or -engine direct on a %s", t)
	case e == Hashlife:
		return hashlife.Refuses(rule)
	}
	return nil
}

// Jumps reports whether e runs n generations in one go, as HashLife does,
// rather than one after another: then what shows every generation (a
// history, a detector) sees only those it stops at.
func (e Engine) Jumps() bool { return e == Hashlife }

// Check reports whether e can run a bounded grid of w × h cells on this
// machine: an error wrapping ErrSize if the grid itself is too big or, for
// the dense engine, if its goroutines (cells.BytesPerCell each) would need more
// than the memory budget (DefaultBudget). The goroutine engine runs only the
// active cells, which it checks against the budget each generation; here it
// needs only its bookkeeping, cells.BookkeepingPerCell bytes a cell. New
// makes the same check; a program can make it before it builds a grid.
func (e Engine) Check(w, h int) error { return e.check(w, h, 0) }

// check is Check against budget (DefaultBudget when 0).
func (e Engine) check(w, h int, budget uint64) error {
	if err := life.CheckSize(w, h); err != nil {
		return err
	}
	switch e {
	case Dense:
		return checkMemory(w, h, cells.BytesPerCell, "the dense engine", budget)
	case Goroutine:
		return checkMemory(w, h, cells.BookkeepingPerCell, "the goroutine engine", budget)
	}
	return nil
}

// checkMemory refuses a bounded board of w × h cells at perCell bytes each
// that would not fit in budget (DefaultBudget when 0).
func checkMemory(w, h int, perCell uint64, what string, budget uint64) error {
	if budget == 0 {
		budget = life.DefaultBudget()
	}
	if budget == 0 {
		return nil // unknown: let the runtime decide
	}
	need := uint64(w) * uint64(h) * perCell
	if need > budget {
		return fmt.Errorf("%w %dx%d: %s needs about %s (%d cells at %d bytes each), more than the memory budget of %s; use a smaller grid, another engine or a larger -memory",
			life.ErrSize, w, h, what, life.FormatBytes(need), w*h, perCell, life.FormatBytes(budget))
	}
	return nil
}

// Costs returns what a simulation of a bounded w × h grid run by e
// allocates: the engine's grids (the board, and the next generation for the
// direct and dense engines), and the dense engine's goroutines or the
// goroutine engine's bookkeeping. The goroutines of the goroutine engine's
// active cells depend on the pattern; it checks them as it runs. On an
// Unbounded plane the board grows with the live cells, which are checked as
// they grow: Costs does not apply there.
func (e Engine) Costs(w, h int) []life.Cost {
	n := uint64(w) * uint64(h)
	switch e {
	case Direct:
		return []life.Cost{{What: "the direct engine's two grids", Bytes: 2 * n}}
	case Hashlife:
		return nil // it runs on the unbounded plane only
	case Dense:
		return []life.Cost{{What: "the dense engine's two grids", Bytes: 2 * n}, {What: "its goroutines", Bytes: cells.BytesPerCell * n}}
	}
	return []life.Cost{{What: "the goroutine engine's grid", Bytes: n}, {What: "its bookkeeping", Bytes: cells.BookkeepingPerCell * n}}
}
