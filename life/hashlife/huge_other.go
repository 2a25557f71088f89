//go:build !linux

package hashlife

import "unsafe"

// transparentHuge is whether the kernel may have transparent huge pages:
// they are Linux's.
const transparentHuge = false

// hugePages does nothing here.
func hugePages(unsafe.Pointer, uintptr) {}
