package pipeline

import (
	"fmt"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/tag"
)

// NewDefault loads the built-in gazetteer merged with the user's files,
// compiles the tagger and returns a Processor. It is the one place every
// command gets its pipeline from.
func NewDefault(gazetteerFiles []string, opts Options) (*Processor, error) {
	g, err := gazetteer.Load(gazetteerFiles...)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	t, err := tag.New(g)
	if err != nil {
		return nil, fmt.Errorf("tagger: %w", err)
	}
	return New(t, opts), nil
}
