package sim

import (
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
	// Coroutine is Goroutine with the other transport: every cell that can
	// change is an iter.Pull coroutine, which its shard's driver resumes
	// with the answer to each Query, as the book's live_a_generation
	// resumes its generator with send. No channel, no scheduler: a Query is
	// two switches between coroutines on the driver's thread. The shards
	// run in parallel, each on its driver's goroutine.
	Coroutine
	// DenseCoroutine is Dense on coroutines: every cell of a bounded grid
	// an iter.Pull coroutine, every generation; what the coroutine floor
	// benchmark measures.
	DenseCoroutine
	// Generator runs the active cells as the book does: each shard one
	// iter.Pull coroutine, the book's simulate, which runs the step of each
	// active cell in turn (simulate's yield from step_cell) and yields every
	// Query and Transition to the shard's driver, which resumes it with the
	// answer. Coroutine's messages, with one coroutine a shard, not a cell:
	// it stays in the caches, and starts nothing per cell.
	Generator
)

// String returns "goroutine", "direct", "dense", "hashlife", "coroutine",
// "dense-coroutine" or "generator".
func (e Engine) String() string {
	switch e {
	case Direct:
		return "direct"
	case Dense:
		return "dense"
	case Hashlife:
		return "hashlife"
	case Coroutine:
		return "coroutine"
	case DenseCoroutine:
		return "dense-coroutine"
	case Generator:
		return "generator"
	}
	return "goroutine"
}

// Transport says how the cell program's messages travel in e: "channels"
// (goroutine, dense), "iter.Pull" (coroutine, dense-coroutine, generator),
// or "" for the direct and hashlife engines, whose cells send none.
func (e Engine) Transport() string {
	switch e {
	case Goroutine, Dense:
		return "channels"
	case Coroutine, DenseCoroutine, Generator:
		return "iter.Pull"
	}
	return ""
}

// Describe returns the engine's name with its transport, as a status line
// shows it: "goroutine over channels", "coroutine over iter.Pull",
// "direct".
func (e Engine) Describe() string {
	if t := e.Transport(); t != "" {
		return e.String() + " over " + t
	}
	return e.String()
}

// NextTransport returns the engine that runs the same cells as e over the
// next transport: the active cells go from Goroutine (channels) to Coroutine
// (a coroutine a cell) to Generator (a coroutine a shard) and back to
// Goroutine; every cell from Dense to DenseCoroutine and back; and Direct and
// Hashlife, whose cells are no program at all, go to Coroutine.
func (e Engine) NextTransport() Engine {
	switch e {
	case Coroutine:
		return Generator
	case Generator:
		return Goroutine
	case Dense:
		return DenseCoroutine
	case DenseCoroutine:
		return Dense
	}
	return Coroutine
}

// transport returns the transport of the active-cell engine e.
func (e Engine) transport() cells.Transport {
	switch e {
	case Coroutine:
		return cells.Coroutines
	case Generator:
		return cells.Generator
	}
	return cells.Channels
}

// EveryCell reports whether e runs every cell of the board, every generation
// (Dense, DenseCoroutine): then it runs only bounded boards.
func (e Engine) EveryCell() bool { return e == Dense || e == DenseCoroutine }

// ParseEngine reads "goroutine" (or "active"), "coroutine", "generator",
// "direct", "dense", "dense-coroutine" or "hashlife", in any case.
func ParseEngine(s string) (Engine, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "goroutine", "active":
		return Goroutine, nil
	case "coroutine":
		return Coroutine, nil
	case "direct":
		return Direct, nil
	case "dense":
		return Dense, nil
	case "dense-coroutine":
		return DenseCoroutine, nil
	case "generator":
		return Generator, nil
	case "hashlife":
		return Hashlife, nil
	}
	return 0, fmt.Errorf("engine %q: want goroutine, coroutine, generator, direct, dense, dense-coroutine or hashlife", s)
}

// Runs returns nil if e runs rule on topology t, else an error that says
// what does: the dense engines need a bounded grid, HashLife the unbounded
// plane and a two-state B/S rule without B0, and no engine runs a rule with
// B0 on the unbounded plane, which it would fill. New makes the same check.
func (e Engine) Runs(rule life.Rule, t life.Topology) error {
	switch {
	case t == life.Unbounded && rule.BirthOnZero():
		return fmt.Errorf("rule %s: a birth on 0 neighbours (B0) would fill the unbounded plane; use -topology torus or plane", rule)
	case e.EveryCell() && t == life.Unbounded:
		return fmt.Errorf("the %s engine runs every cell of a bounded grid; on an unbounded plane use the goroutine, coroutine, generator or direct engine", e)
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
	case Dense, DenseCoroutine:
		return checkMemory(w, h, cells.BytesPerCell, "the "+e.String()+" engine", budget)
	case Goroutine, Coroutine, Generator:
		return checkMemory(w, h, cells.BookkeepingPerCell, "the "+e.String()+" engine", budget)
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
	case DenseCoroutine:
		return []life.Cost{{What: "the dense-coroutine engine's two grids", Bytes: 2 * n}, {What: "its coroutines", Bytes: cells.BytesPerCell * n}}
	}
	return []life.Cost{{What: "the " + e.String() + " engine's grid", Bytes: n}, {What: "its bookkeeping", Bytes: cells.BookkeepingPerCell * n}}
}
