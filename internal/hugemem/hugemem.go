// Package hugemem allocates large lookup tables so that the kernel may
// back them with 2 MB pages instead of 4 kB ones.
package hugemem

import "unsafe"

const hugePage = 2 << 20

// Make returns a zeroed slice of n Ts, placed on 2 MB boundaries and
// marked for huge pages when it is large enough to fill one. T must hold
// no pointers: the memory is a byte slice to the garbage collector, which
// keeps it alive as long as the returned slice points into it.
func Make[T any](n int) []T {
	var zero T
	size := n * int(unsafe.Sizeof(zero))
	if size < hugePage/8 {
		return make([]T, n)
	}
	span := (size + hugePage - 1) / hugePage * hugePage // whole huge pages
	buf := make([]byte, span+hugePage)
	off := (hugePage - int(uintptr(unsafe.Pointer(&buf[0]))%hugePage)) % hugePage
	advise(buf[off : off+span])
	return unsafe.Slice((*T)(unsafe.Pointer(&buf[off])), n)
}
