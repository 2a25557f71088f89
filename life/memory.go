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

// DefaultBudget returns the memory budget of a run that sets none: 80% of the
// most this process may use (the least of the machine's memory, the
// process's limits and its cgroup's), or 0, no limit, where that is unknown.
func DefaultBudget() uint64 { return totalMemory() / 10 * 8 }

// MaxMemory returns the most memory this process may use, in bytes: the
// least of the machine's memory, the process's limits and its cgroup's; 0
// where that is unknown. A budget above it would let a run grow until the
// system kills it.
func MaxMemory() uint64 { return totalMemory() }

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

// A Cost is one part of what a run will allocate, for CheckBudget.
type Cost struct {
	// What takes the memory, such as "the start grid".
	What string
	// Bytes is how much it takes.
	Bytes uint64
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
			parts = append(parts, c.What+" "+FormatBytes(c.Bytes))
		}
	}
	return fmt.Errorf("%w: the run needs about %s (%s), and the budget is %s; use a smaller grid, another engine or a larger -memory",
		ErrBudget, FormatBytes(need), strings.Join(parts, ", "), FormatBytes(budget))
}

// FormatBytes returns b in GiB, in MiB below one GiB, or in KiB below one
// MiB, with one decimal: "1.5 GiB".
func FormatBytes(b uint64) string {
	switch {
	case b >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(b)/(1<<30))
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
	}
	return fmt.Sprintf("%.1f KiB", float64(b)/(1<<10))
}
