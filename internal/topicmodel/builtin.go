package topicmodel

import (
	_ "embed"
	"fmt"
	"os"
)

// builtinModel is the model `make data` trains on the HuffPost headlines of
// ../shared/eval/topics-modern-dev.jsonl (News Category Dataset v3,
// CC BY 4.0; see NOTICE). go:embed needs a package-level variable; it is
// read-only.
//
//go:embed data/huffpost.nwtm
var builtinModel []byte

// BuiltinPath is where the built-in model lives in the source tree, for
// `make data` and the test that rebuilds it.
const BuiltinPath = "internal/topicmodel/data/huffpost.nwtm"

// Builtin parses the embedded model; nil (and no error) when the build has
// none, so that the rules work alone.
func Builtin() (*Model, error) {
	if len(builtinModel) == 0 {
		return nil, nil
	}
	return Parse(builtinModel)
}

// BuiltinBytes returns the embedded model file.
func BuiltinBytes() []byte { return append([]byte(nil), builtinModel...) }

// Load reads a model file written by `newsworker train`.
func Load(path string) (*Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("topic model: %w", err)
	}
	m, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
