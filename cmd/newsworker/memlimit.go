package main

import (
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// cgroupMemoryMax is where cgroup v2 publishes a container's memory limit.
const cgroupMemoryMax = "/sys/fs/cgroup/memory.max"

// memoryLimit sets the Go heap's soft limit to 90% of the container's
// memory limit when GOMEMLIMIT is not set, so the collector works harder
// before the kernel's OOM killer would step in (Go sets GOMAXPROCS from the
// CPU limit by itself since 1.25, but not the memory limit). It returns the
// limit set, or 0 when it left the default.
func memoryLimit(path string) int64 {
	if os.Getenv("GOMEMLIMIT") != "" {
		return 0
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	limit, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64) // "max" means none
	if err != nil || limit <= 0 {
		return 0
	}
	soft := limit / 10 * 9
	debug.SetMemoryLimit(soft)
	return soft
}
