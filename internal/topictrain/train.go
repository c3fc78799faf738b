package topictrain

import (
	"context"
	"fmt"
	"slices"

	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/internal/tag"
	"github.com/newsworker/newsworker/internal/tag/topics"
	"github.com/newsworker/newsworker/internal/topicmodel"
	"github.com/newsworker/newsworker/pkg/event"
)

// Train trains a model on every item: the classes are the top-level
// concepts that occur, in code order, and the features those the tagger's
// model would read in each item.
func Train(ctx context.Context, items []Item, opt topicmodel.Options) (*topicmodel.Model, error) {
	feats, err := Features(ctx, items)
	if err != nil {
		return nil, err
	}
	all := make([]int, len(items))
	for i := range all {
		all[i] = i
	}
	return trainOn(items, feats, all, opt)
}

// trainOn trains on the items whose indices are in use.
func trainOn(items []Item, feats [][]topicmodel.Feature, use []int, opt topicmodel.Options) (*topicmodel.Model, error) {
	var classes []string
	for _, i := range use {
		classes = append(classes, items[i].Top)
	}
	slices.Sort(classes)
	classes = slices.Compact(classes)
	examples := make([]topicmodel.Example, 0, len(use))
	for _, i := range use {
		k, _ := slices.BinarySearch(classes, items[i].Top)
		examples = append(examples, topicmodel.Example{Features: feats[i], Class: k})
	}
	return topicmodel.Train(classes, examples, opt)
}

// Features returns the model's features of each item, read through the
// pipeline's decode and normalize steps as the worker would.
func Features(ctx context.Context, items []Item) ([][]topicmodel.Feature, error) {
	ft := &featureTagger{}
	p := pipeline.New(ft, pipeline.Options{})
	out := make([][]topicmodel.Feature, len(items))
	for i, it := range items {
		ft.feats = nil
		if _, err := p.Process(ctx, pipeline.Message{Value: it.Value}); err != nil {
			return nil, fmt.Errorf("item %s: %w", it.ID, err)
		}
		out[i] = ft.feats
	}
	return out, nil
}

// featureTagger stands in for the tagger in the pipeline and keeps the
// model's features of the last item. It is not safe for concurrent use.
type featureTagger struct{ feats []topicmodel.Feature }

func (f *featureTagger) Tag(_ context.Context, in tag.Input) (tag.Result, error) {
	f.feats = topics.ModelFeatures(in.Title, in.Text)
	return tag.Result{}, nil
}

func (f *featureTagger) Info() event.Tagger { return event.Tagger{Name: "topictrain"} }
