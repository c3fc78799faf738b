package topictrain

import (
	"context"
	"fmt"
	"io"

	"github.com/newsworker/newsworker/internal/eval"
	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/internal/tag"
	"github.com/newsworker/newsworker/internal/topicmodel"
	"github.com/newsworker/newsworker/pkg/event"
)

// CV is the outcome of a K-fold cross-validation: top-1 correct out of
// Total held-out items, for the model alone, the rules alone and the two
// combined in the tagger.
type CV struct {
	Folds, Total               int
	Model, Rules, Combined     int
	ModelRate, RulesRate, Rate float64
}

// CrossValidate splits the items into k folds by position (item i is in
// fold i mod k), and for each fold trains on the others and scores the
// fold: the model's most probable class, and the top-1 of records from the
// real pipeline and tagger (g's rules) without and with the fold's model,
// scored as `newsworker eval` scores them.
func CrossValidate(ctx context.Context, g *gazetteer.Gazetteer, items []Item, k int, opt topicmodel.Options) (CV, error) {
	if k < 2 || k > len(items) {
		return CV{}, fmt.Errorf("cross-validation: %d folds for %d items", k, len(items))
	}
	feats, err := Features(ctx, items)
	if err != nil {
		return CV{}, err
	}
	broader := eval.BroaderOf(g.Topics)
	rules, err := tag.NewWithModel(g, nil)
	if err != nil {
		return CV{}, err
	}
	res := CV{Folds: k, Total: len(items)}
	for fold := range k {
		var train, test []int
		for i := range items {
			if i%k == fold {
				test = append(test, i)
			} else {
				train = append(train, i)
			}
		}
		m, err := trainOn(items, feats, train, opt)
		if err != nil {
			return CV{}, err
		}
		for _, i := range test {
			if m.Classes()[m.Predict(feats[i])] == items[i].Top {
				res.Model++
			}
		}
		withModel, err := tag.NewWithModel(g, m)
		if err != nil {
			return CV{}, err
		}
		for _, tg := range []struct {
			t   *tag.Tagger
			out *int
		}{{rules, &res.Rules}, {withModel, &res.Combined}} {
			n, err := top1(ctx, tg.t, items, test, broader)
			if err != nil {
				return CV{}, err
			}
			*tg.out += n
		}
	}
	res.ModelRate = float64(res.Model) / float64(res.Total)
	res.RulesRate = float64(res.Rules) / float64(res.Total)
	res.Rate = float64(res.Combined) / float64(res.Total)
	return res, nil
}

// top1 runs the items in test through the pipeline with tagger t and
// counts the cases eval's top-1 finds correct.
func top1(ctx context.Context, t *tag.Tagger, items []Item, test []int, broader map[string]string) (int, error) {
	p := pipeline.New(t, pipeline.Options{})
	cases := make([]eval.Case, len(test))
	recs := make([]event.Record, len(test))
	errs := make([]error, len(test))
	for j, i := range test {
		cases[j] = eval.Case{ID: items[i].ID, Value: items[i].Value, Gold: eval.Gold{TopicTop: items[i].Top}}
		recs[j], errs[j] = p.Process(ctx, pipeline.Message{Value: items[i].Value})
		if err := ctx.Err(); err != nil {
			return 0, err
		}
	}
	rep := eval.Score("cv", cases, recs, errs, broader, false)
	if rep.TopicTop1 == nil {
		return 0, nil
	}
	return rep.TopicTop1.Found, nil
}

// Print writes the figures.
func (c CV) Print(w io.Writer) {
	fmt.Fprintf(w, "%d-fold cross-validated topic top-1 over %d items\n", c.Folds, c.Total)
	fmt.Fprintf(w, "  model alone      %.3f  (%d)\n", c.ModelRate, c.Model)
	fmt.Fprintf(w, "  rules alone      %.3f  (%d)\n", c.RulesRate, c.Rules)
	fmt.Fprintf(w, "  model and rules  %.3f  (%d)\n", c.Rate, c.Combined)
}
