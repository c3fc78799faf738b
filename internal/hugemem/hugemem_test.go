package hugemem

import (
	"reflect"
	"testing"
	"unsafe"
)

func TestMake(t *testing.T) {
	type slot struct {
		key  uint64
		a, b int32
	}
	var a Arena
	var prev []slot
	for _, n := range []int{0, 1, 1000, 1 << 16, 1<<17 + 3, 5, 1 << 18} {
		s := Make[slot](&a, n)
		if len(s) != n || cap(s) != n {
			t.Fatalf("Make(%d): len %d cap %d", n, len(s), cap(s))
		}
		for i := range s {
			if s[i] != (slot{}) {
				t.Fatalf("Make(%d): slot %d not zero", n, i)
			}
			s[i] = slot{uint64(i), 1, 2} // writable to the end
		}
		if n*int(unsafe.Sizeof(slot{})) >= minHuge && uintptr(unsafe.Pointer(&s[0]))%64 != 0 {
			t.Fatalf("Make(%d): not on a cache line", n)
		}
		for i := range prev { // an earlier table is not overwritten
			if prev[i].key != uint64(i) {
				t.Fatalf("Make(%d) overwrote an earlier table", n)
			}
		}
		prev = s
	}
}

func TestMakeRefusesPointers(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Make of a type holding a string did not panic")
		}
	}()
	var a Arena
	Make[struct {
		n    int
		name string
	}](&a, 1)
}

func TestHasPointers(t *testing.T) {
	for _, c := range []struct {
		v    any
		want bool
	}{
		{uint64(0), false},
		{[4]float32{}, false},
		{struct{ a, b int32 }{}, false},
		{[0]*int{}, false},
		{"", true},
		{[]int{}, true},
		{struct{ p *int }{}, true},
		{[2]struct{ m map[int]int }{}, true},
	} {
		if got := hasPointers(reflect.TypeOf(c.v)); got != c.want {
			t.Errorf("hasPointers(%T) = %v, want %v", c.v, got, c.want)
		}
	}
}
