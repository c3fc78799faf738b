package pipeline

import (
	"fmt"
	"sync"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/langid"
	"github.com/newsworker/newsworker/internal/tag"
	"github.com/newsworker/newsworker/internal/topicmodel"
)

// NoTopicModel, as the topic model's file, scores topics by the rules
// alone. The built-in model learned HuffPost's sections; on short items of
// other outlets the rules alone can do better (README, "Topics").
const NoTopicModel = "none"

// NewDefault loads the built-in gazetteer merged with the user's files,
// compiles the tagger with the topic model in topicModel (the built-in one
// when empty, none for NoTopicModel) and returns a Processor. It is the one
// place every command gets its pipeline from.
func NewDefault(gazetteerFiles []string, topicModel string, opts Options) (*Processor, error) {
	// The language table is parsed while the gazetteer loads, not at the
	// first item: both are start-up time (8 and 30 ms), which is most of
	// `newsworker tag` on a few items.
	var wg sync.WaitGroup
	wg.Go(func() { langid.Default() })
	g, err := gazetteer.Load(gazetteerFiles...)
	wg.Wait()
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	var m *topicmodel.Model
	switch topicModel {
	case NoTopicModel:
	case "":
		m, err = topicmodel.Builtin()
	default:
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
