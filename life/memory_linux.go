package life

import (
	"os"
	"strconv"
	"strings"
	"syscall"
)

// totalMemory returns the most memory this process may use, in bytes: the
// least of the machine's physical memory, the process's address-space and
// data limits, and its cgroup's memory.max; 0 if none is known. Of the
// limits on the process, only what it has not yet mapped is left: the Go
// runtime reserves about a gigabyte of address space at start, which counts
// against RLIMIT_AS although it holds nothing yet.
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
	for _, limit := range []struct {
		res  int
		used string // the line of /proc/self/status that counts against it
	}{{syscall.RLIMIT_AS, "VmSize:"}, {syscall.RLIMIT_DATA, "VmData:"}} {
		var l syscall.Rlimit
		if syscall.Getrlimit(limit.res, &l) == nil && l.Cur != ^uint64(0) {
			used := mapped(limit.used)
			take(max(l.Cur, used) - used + 1) // at least a byte: a limit is known
		}
	}
	if b, err := os.ReadFile("/sys/fs/cgroup/memory.max"); err == nil {
		if n, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64); err == nil {
			take(n)
		}
	}
	return least
}

// mapped returns the size in bytes on the line of /proc/self/status that
// starts with field, such as "VmSize:", or 0 if it cannot be read.
func mapped(field string) uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field); ok {
			kb, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}
