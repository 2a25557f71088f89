//go:build unix

package output

import (
	"errors"
	"syscall"
)

// running reports whether the process pid exists: signal 0 checks for it
// without sending anything. A process of another user (EPERM) counts as
// running.
func running(pid int) bool {
	return !errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
