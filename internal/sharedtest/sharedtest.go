// Package sharedtest locates ../shared, the eval sets and third-party
// reference data that every developer and every CI run has beside the
// repository but a user's clone does not.
//
// A test that needs a file there calls Path: in a user's clone the test
// skips and says why; with CI=true a missing file fails the test instead, so
// that a broken checkout or a missing data folder can never pass CI as a
// skip. NEWSWORKER_SHARED overrides the location of ../shared.
package sharedtest

import (
	"os"
	"path/filepath"
)

// TB is the part of testing.TB that Path uses.
type TB interface {
	Helper()
	Skipf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// Path returns the path of rel (e.g. "eval/seed.jsonl", "data/factbook")
// under ../shared, or skips the test (fails it when CI=true) when it is
// absent.
func Path(t TB, rel string) string {
	t.Helper()
	dir, why := Root()
	if dir != "" {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if _, err := os.Stat(p); err == nil {
			return p
		}
		why = p + " is absent"
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true and ../shared/%s is missing (%s): CI must have ../shared beside the repository", rel, why)
	}
	t.Skipf("skipped: ../shared/%s is not available (%s); it holds other people's data, never part of the repository", rel, why)
	return ""
}

// Root returns the ../shared directory beside the repository (the
// directory holding go.mod), or "" and the reason it cannot be found.
func Root() (dir, why string) {
	if d := os.Getenv("NEWSWORKER_SHARED"); d != "" {
		return d, ""
	}
	root, err := os.Getwd()
	if err != nil {
		return "", err.Error()
	}
	for {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			return filepath.Join(root, "..", "shared"), ""
		}
		parent := filepath.Dir(root)
		if parent == root {
			return "", "repository root (go.mod) not found"
		}
		root = parent
	}
}
