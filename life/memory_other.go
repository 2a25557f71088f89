//go:build !linux

package life

// totalMemory returns 0: the machine's memory is not known on this system.
func totalMemory() uint64 { return 0 }
