package hugemem

import (
	"testing"
	"unsafe"
)

func TestMake(t *testing.T) {
	type slot struct {
		key  uint64
		a, b int32
	}
	for _, n := range []int{0, 1, 1000, 1 << 16, 1<<17 + 3} {
		s := Make[slot](n)
		if len(s) != n || cap(s) < n {
			t.Fatalf("Make(%d): len %d cap %d", n, len(s), cap(s))
		}
		for i := range s {
			if s[i] != (slot{}) {
				t.Fatalf("Make(%d): slot %d not zero", n, i)
			}
			s[i] = slot{uint64(i), 1, 2} // writable to the end
		}
		if size := n * int(unsafe.Sizeof(slot{})); size >= hugePage/8 && uintptr(unsafe.Pointer(&s[0]))%hugePage != 0 {
			t.Fatalf("Make(%d): not on a huge page boundary", n)
		}
	}
}
