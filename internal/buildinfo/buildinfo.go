// Package buildinfo provides the version of the binary: the version stamped
// by the build (-ldflags "-X ...buildinfo.version=v1.2.3", as `make build`
// and deploy/Dockerfile do), else the module version when built from a
// tagged module, else the VCS revision, else "devel". It must never read
// anything at run time but the binary's own build information.
package buildinfo

import (
	"runtime/debug"
	"strings"
)

// LinkVar is the symbol the build stamps with -X (`make build`,
// deploy/Dockerfile); deploy's tests check that both spell it this way.
const LinkVar = "github.com/newsworker/newsworker/internal/buildinfo.version"

// version is set at link time; empty means "not stamped". A variable, not a
// constant: -X can only set package-level string variables.
var version string

// Version returns the binary's version string.
func Version() string {
	if v := strings.TrimSpace(version); v != "" {
		return v
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return fromBuildInfo(bi)
}

// fromBuildInfo is the fallback when the build stamped no version.
func fromBuildInfo(bi *debug.BuildInfo) string {
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return "devel-" + rev
}
