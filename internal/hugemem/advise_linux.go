package hugemem

import "syscall"

// advise asks for huge pages; it is only a hint, so errors are ignored.
func advise(b []byte) { _ = syscall.Madvise(b, syscall.MADV_HUGEPAGE) }
