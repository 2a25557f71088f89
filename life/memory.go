package life

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ErrBudget is returned, wrapped, when a run would need more memory than its
// budget: Options.Memory, or DefaultBudget.
var ErrBudget = errors.New("over the memory budget")

// BookkeepingPerCell is what the goroutine engine holds for each cell of a
// bounded grid besides the goroutines of its active cells: the cell, the
// slot of the goroutine running it, and its mark in the next list.
const BookkeepingPerCell = 9

// DefaultBudget returns the memory budget of a run that sets none: 80% of the
// most this process may use (the least of the machine's memory, the
// process's limits and its cgroup's), or 0, no limit, where that is unknown.
func DefaultBudget() uint64 { return totalMemory() / 10 * 8 }

// ParseBytes reads a size of memory: a whole number of bytes, or a number
// with a unit K, M, G or T (powers of 1024, with or without "iB" or "B"),
// such as "512M" or "1.5GiB".
func ParseBytes(s string) (uint64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "B"), "I")
	mult := 1.0
	if n := len(t); n > 0 {
		if i := strings.IndexByte("KMGT", t[n-1]); i >= 0 {
			mult, t = math.Exp2(float64(10*(i+1))), t[:n-1]
		}
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(t), 64)
	if err != nil || math.IsNaN(v) || v <= 0 || v*mult >= math.Exp2(63) {
		return 0, fmt.Errorf("memory %q: want a size such as 4G, 512M or 1.5GiB", s)
	}
	return uint64(v * mult), nil
}

// checkMemory refuses a bounded board of w × h cells at perCell bytes each
// that would not fit in budget (DefaultBudget when 0).
func checkMemory(w, h int, perCell uint64, what string, budget uint64) error {
	if budget == 0 {
		budget = DefaultBudget()
	}
	if budget == 0 {
		return nil // unknown: let the runtime decide
	}
	need := uint64(w) * uint64(h) * perCell
	if need > budget {
		return fmt.Errorf("%w %dx%d: %s needs about %s (%d cells at %d bytes each), more than the memory budget of %s; use a smaller grid, another engine or a larger -memory",
			ErrSize, w, h, what, bytesString(need), w*h, perCell, bytesString(budget))
	}
	return nil
}

// A Cost is one part of what a run will allocate, for CheckBudget.
type Cost struct {
	// What takes the memory, such as "the start grid".
	What string
	// Bytes is how much it takes.
	Bytes uint64
}

// Costs returns what a simulation of a bounded w × h grid run by e
// allocates: the engine's grids (the board, and the next generation for the
// direct and dense engines), and the dense engine's goroutines or the
// goroutine engine's bookkeeping. The goroutines of the goroutine engine's
// active cells depend on the pattern; it checks them as it runs. On an
// Unbounded plane the board grows with the live cells, which are checked as
// they grow: Costs does not apply there.
func (e Engine) Costs(w, h int) []Cost {
	n := uint64(w) * uint64(h)
	switch e {
	case Direct:
		return []Cost{{"the direct engine's two grids", 2 * n}}
	case Dense:
		return []Cost{{"the dense engine's two grids", 2 * n}, {"its goroutines", BytesPerCell * n}}
	}
	return []Cost{{"the goroutine engine's grid", n}, {"its bookkeeping", BookkeepingPerCell * n}}
}

// CheckBudget refuses costs whose sum is more than budget (DefaultBudget when
// 0; no limit if that is unknown too), with an error wrapping ErrBudget that
// gives the sum, the parts and the budget in one line.
func CheckBudget(budget uint64, costs ...Cost) error {
	if budget == 0 {
		budget = DefaultBudget()
	}
	var need uint64
	for _, c := range costs {
		need += c.Bytes
	}
	if budget == 0 || need <= budget {
		return nil
	}
	var parts []string
	for _, c := range costs {
		if c.Bytes > 0 {
			parts = append(parts, c.What+" "+bytesString(c.Bytes))
		}
	}
	return fmt.Errorf("%w: the run needs about %s (%s), and the budget is %s; use a smaller grid, another engine or a larger -memory",
		ErrBudget, bytesString(need), strings.Join(parts, ", "), bytesString(budget))
}

// bytesString returns b in GiB, in MiB below one GiB, or in KiB below one
// MiB.
func bytesString(b uint64) string {
	switch {
	case b >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(b)/(1<<30))
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
	}
	return fmt.Sprintf("%.1f KiB", float64(b)/(1<<10))
}
