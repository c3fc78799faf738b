package pipeline

import (
	"fmt"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/tag"
	"github.com/newsworker/newsworker/internal/topicmodel"
)

// NewDefault loads the built-in gazetteer merged with the user's files,
// compiles the tagger with the topic model in topicModel (the built-in one
// when empty) and returns a Processor. It is the one place every command
// gets its pipeline from.
func NewDefault(gazetteerFiles []string, topicModel string, opts Options) (*Processor, error) {
	g, err := gazetteer.Load(gazetteerFiles...)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	m, err := topicmodel.Builtin()
	if topicModel != "" {
		m, err = topicmodel.Load(topicModel)
	}
	if err != nil {
		return nil, err
	}
	t, err := tag.NewWithModel(g, m)
	if err != nil {
		return nil, fmt.Errorf("tagger: %w", err)
	}
	return New(t, opts), nil
}
