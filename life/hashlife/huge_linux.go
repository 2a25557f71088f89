package hashlife

import (
	"syscall"
	"unsafe"
)

// transparentHuge is whether the kernel may have transparent huge pages.
const transparentHuge = true

// hugePages asks the kernel to back the n bytes at p, which start at a huge
// page and are not yet touched, with transparent huge pages: a fault for
// each 2 MiB instead of 512. The Go runtime asks for none for its heap, and
// under Debian's default (transparent_hugepage=madvise) memory has them only
// when asked. It is a hint: an error (a kernel without them, or with them
// off) leaves small pages.
func hugePages(p unsafe.Pointer, n uintptr) {
	_ = syscall.Madvise(unsafe.Slice((*byte)(p), n), syscall.MADV_HUGEPAGE)
}
