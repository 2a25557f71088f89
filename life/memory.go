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

func bytesString(b uint64) string {
	const gib = 1 << 30
	if b >= gib {
		return fmt.Sprintf("%.1f GiB", float64(b)/gib)
	}
	return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
}
