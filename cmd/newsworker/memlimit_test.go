package main

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

func TestMemoryLimitFromCgroup(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1)) // restore
	dir := t.TempDir()
	write := func(s string) string {
		p := filepath.Join(dir, "memory.max")
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	t.Setenv("GOMEMLIMIT", "")
	if got := memoryLimit(write("1073741824\n")); got != 1073741824/10*9 || debug.SetMemoryLimit(-1) != got {
		t.Errorf("1 GiB limit: set %d", got)
	}
	debug.SetMemoryLimit(math.MaxInt64)
	if got := memoryLimit(write("max\n")); got != 0 {
		t.Errorf("no limit: set %d", got)
	}
	if got := memoryLimit(filepath.Join(dir, "absent")); got != 0 {
		t.Errorf("no cgroup file: set %d", got)
	}
	t.Setenv("GOMEMLIMIT", "200MiB")
	if got := memoryLimit(write("1073741824\n")); got != 0 {
		t.Errorf("GOMEMLIMIT set by the user was overridden: %d", got)
	}
}
