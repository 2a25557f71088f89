package life

import (
	"os"
	"strconv"
	"strings"
	"syscall"
)

// totalMemory returns the most memory this process may use, in bytes: the
// least of the machine's physical memory, the process's address-space and
// data limits, and its cgroup's memory.max; 0 if none is known.
func totalMemory() uint64 {
	var least uint64
	take := func(n uint64) {
		if n > 0 && (least == 0 || n < least) {
			least = n
		}
	}
	var info syscall.Sysinfo_t
	if syscall.Sysinfo(&info) == nil {
		take(uint64(info.Totalram) * uint64(info.Unit))
	}
	for _, res := range []int{syscall.RLIMIT_AS, syscall.RLIMIT_DATA} {
		var l syscall.Rlimit
		if syscall.Getrlimit(res, &l) == nil && l.Cur != ^uint64(0) {
			take(l.Cur)
		}
	}
	if b, err := os.ReadFile("/sys/fs/cgroup/memory.max"); err == nil {
		if n, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64); err == nil {
			take(n)
		}
	}
	return least
}
