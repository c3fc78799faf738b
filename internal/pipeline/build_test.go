package pipeline_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/internal/tag"
)

// TestNoTopicModel: NEWSWORKER_TOPIC_MODEL=none builds the tagger without a
// topic model, so an item's topics are the rules' alone.
func TestNoTopicModel(t *testing.T) {
	proc, err := pipeline.NewDefault(nil, pipeline.NoTopicModel, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g, err := gazetteer.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	rules, err := tag.NewWithModel(g, nil)
	if err != nil {
		t.Fatal(err)
	}
	withModel, err := pipeline.NewDefault(nil, "", pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	differs := false
	for _, v := range []string{
		"Snowstorm brings travel chaos\n\nHeavy snow and freezing temperatures closed roads and airports across the north, with forecasters warning of more to come.",
		"Lawmakers vote to ban TikTok on government phones\n\nThe measure passed 320 to 180.",
	} {
		rec, err := proc.Process(context.Background(), pipeline.Message{Value: []byte(v)})
		if err != nil {
			t.Fatal(err)
		}
		want, err := rules.Tag(context.Background(), tag.Input{Title: rec.Title, Text: rec.Text, Dateline: rec.Dateline, Language: rec.Language})
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(want.Topics, rec.Topics); d != "" {
			t.Errorf("%q: topics differ from the rules' alone (-rules +none):\n%s", rec.Title, d)
		}
		m, err := withModel.Process(context.Background(), pipeline.Message{Value: []byte(v)})
		if err != nil {
			t.Fatal(err)
		}
		differs = differs || !cmp.Equal(m.Topics, rec.Topics)
	}
	if !differs {
		t.Error("the built-in model changed no item's topics; the test shows nothing")
	}
}
