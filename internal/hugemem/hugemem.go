// Package hugemem allocates the tagger's large lookup tables so that the
// kernel may back them with 2 MB pages instead of 4 kB ones: a word's
// lookups then cost no TLB misses (4 kB pages spread a few megabytes of
// tables over a thousand pages, more than the TLB holds).
package hugemem

import (
	"reflect"
	"unsafe"
)

const (
	hugePage = 2 << 20
	// minHuge is the smallest table worth a huge page of its own: smaller
	// ones take plain memory unless they fit in a huge page already taken.
	minHuge = 64 << 10
)

// Arena hands out slices one after another from memory marked for huge
// pages, so that the tables built together share them. It is not safe for
// concurrent use.
type Arena struct {
	free []byte // the rest of the current huge pages
}

// Make returns a zeroed slice of n Ts from the arena. T must hold no
// pointers: the memory is a byte slice to the garbage collector (which
// keeps it alive as long as any slice points into it), so it would not see
// them; Make panics on such a T, which only a programming error can give.
func Make[T any](a *Arena, n int) []T {
	if t := reflect.TypeFor[T](); hasPointers(t) {
		panic("hugemem: " + t.String() + " holds pointers")
	}
	var zero T
	size := n * int(unsafe.Sizeof(zero))
	if size == 0 {
		return make([]T, n)
	}
	// The next table starts on a cache line, so that no slot of this
	// one shares a line with it.
	step := (size + 63) &^ 63
	if step > len(a.free) {
		if size < minHuge {
			return make([]T, n)
		}
		a.free = pages(step)
	}
	p := unsafe.Pointer(unsafe.SliceData(a.free))
	a.free = a.free[step:]
	return unsafe.Slice((*T)(p), n)
}

// pages returns zeroed memory of whole huge pages, at least size bytes, on
// a 2 MB boundary and marked for huge pages.
func pages(size int) []byte {
	span := (size + hugePage - 1) / hugePage * hugePage
	// Memory fresh from the system, as at start-up, is not written by
	// make, so the first write after advise faults in huge pages; memory
	// the heap reuses may have 4 kB pages already, which the kernel may
	// merge later. Either way only speed depends on it.
	buf := make([]byte, span+hugePage)
	off := (hugePage - int(uintptr(unsafe.Pointer(&buf[0]))%hugePage)) % hugePage
	buf = buf[off : off+span : off+span]
	advise(buf)
	return buf
}

// hasPointers reports whether a value of type t holds a pointer the
// garbage collector must see.
func hasPointers(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Array:
		return t.Len() > 0 && hasPointers(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if hasPointers(t.Field(i).Type) {
				return true
			}
		}
		return false
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return false
	default: // pointers, slices, strings, maps, channels, funcs, interfaces
		return true
	}
}
