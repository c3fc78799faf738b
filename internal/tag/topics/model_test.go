package topics

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsworker/newsworker/internal/tag/tokens"
	"github.com/newsworker/newsworker/internal/topicmodel"
	"github.com/newsworker/newsworker/pkg/event"
)

// toyModel knows two made-up words the rules cannot: "zorblat" is sport,
// "quembly" politics.
func toyModel(t *testing.T) *topicmodel.Model {
	t.Helper()
	var ex []topicmodel.Example
	for range 10 {
		ex = append(ex,
			topicmodel.Example{Features: ModelFeatures("zorblat", "the zorblat was great"), Class: 1},
			topicmodel.Example{Features: ModelFeatures("quembly", "the quembly was long"), Class: 0},
		)
	}
	m, err := topicmodel.Train([]string{"medtop:11000000", "medtop:15000000"}, ex, topicmodel.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func scorers(t *testing.T) (rules, both *Scorer) {
	t.Helper()
	r := builtinTopicRules(t)
	rules, err := newScorer(r)
	if err != nil {
		t.Fatal(err)
	}
	both, err = newScorer(r)
	if err != nil {
		t.Fatal(err)
	}
	both.setModel(toyModel(t))
	return rules, both
}

func TestModelGivesShortItemsATopic(t *testing.T) {
	rules, both := scorers(t)
	title, text := "A zorblat night", "It ended late."
	if got, _ := rules.score(context.Background(), title, text); len(got) != 0 {
		t.Fatalf("rules alone found %v; the test needs an item they miss", got)
	}
	got, err := both.score(context.Background(), title, text)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 || got[0].Code != "medtop:15000000" {
		t.Fatalf("got %v, want sport first", got)
	}
	ev := got[0].Evidence
	if len(ev) == 0 || ev[0].Field != "title" || title[ev[0].Start:ev[0].End] != ev[0].Text {
		t.Errorf("evidence %+v does not quote the title", ev)
	}
}

func TestModelKeepsStrongRuleEvidence(t *testing.T) {
	rules, both := scorers(t)
	title := "Striker's late goal wins the cup final"
	text := "The striker scored in injury time as the home side won the cup final at the stadium. " +
		"The manager praised the squad and the fans after the match; the referee and the goalkeeper were praised too. " +
		"Quembly quembly."
	want, _ := rules.score(context.Background(), title, text)
	got, err := both.score(context.Background(), title, text)
	if err != nil {
		t.Fatal(err)
	}
	top := func(ts []event.Topic) string {
		c := ts[0].Code
		for both.parent[both.index(c)] >= 0 {
			c = both.codes[both.parent[both.index(c)]]
		}
		return c
	}
	if top(got) != "medtop:15000000" || top(want) != "medtop:15000000" {
		t.Errorf("top-level: rules %s, with model %s; want sport for both", top(want), top(got))
	}
	codes := func(ts []event.Topic) (out []string) {
		for _, x := range ts {
			out = append(out, x.Code)
		}
		return out
	}
	if d := cmp.Diff(codes(want), codes(got)); d != "" {
		t.Errorf("the model changed the concepts of a long sport item (-rules +both):\n%s", d)
	}
}

func TestModelWithoutKnownWordsChangesNothing(t *testing.T) {
	rules, both := scorers(t)
	title, text := "Central bank raises interest rates", "Policymakers raised its benchmark interest rate by half a point."
	want, _ := rules.score(context.Background(), title, text)
	got, err := both.score(context.Background(), title, text)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("a model that knows none of the words changed the topics (-rules +both):\n%s", d)
	}
}

// TestModelScoreAllocs: scoring the model allocates nothing.
func TestModelScoreAllocs(t *testing.T) {
	_, both := scorers(t)
	title, text := tokens.Tokenize(nil, "A zorblat night"), tokens.Tokenize(nil, "Fans saw the quembly and the zorblat.")
	sc := both.pool.Get().(*topicScratch)
	defer both.pool.Put(sc)
	if n := testing.AllocsPerRun(100, func() { both.modelScore(sc, title, text) }); n != 0 {
		t.Errorf("modelScore allocates %v times per call", n)
	}
}

// BenchmarkTopicModel is the model's share of tagging one item: its
// features (title and lead) looked up and turned into probabilities.
func BenchmarkTopicModel(b *testing.B) {
	m, err := topicmodel.Builtin()
	if err != nil || m == nil {
		b.Skip("no built-in model")
	}
	s, err := newScorer(builtinTopicRules(b))
	if err != nil {
		b.Fatal(err)
	}
	s.setModel(m)
	title, text := tokens.Tokenize(nil, "Diplomats talk sanctions as talks stall"), tokens.Tokenize(nil, benchTopicText)
	sc := s.pool.Get().(*topicScratch)
	defer s.pool.Put(sc)
	b.SetBytes(int64(len(benchTopicText)))
	b.ReportAllocs()
	for b.Loop() {
		s.modelScore(sc, title, text)
	}
}

func TestModelFeaturesSkipStopWordsAndNumbers(t *testing.T) {
	if got := ModelFeatures("The 2004 election", "It was said that they would"); len(got) != 1 {
		t.Errorf("got %d features, want 1 (election)", len(got))
	}
	// A pair is formed across a stop word, and the pair is lower case only
	// when both words are.
	got := ModelFeatures("", "secretary of State")
	want := []topicmodel.Feature{
		{Hash: topicmodel.Unigram(tokens.KeyOf("secretary")), Lower: true},
		{Hash: topicmodel.Unigram(tokens.KeyOf("state")), Lower: false},
		{Hash: topicmodel.Bigram(tokens.KeyOf("secretary"), tokens.KeyOf("state")), Lower: false},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("features (-want +got):\n%s", d)
	}
}

// TestModelLeavesBranchesItLacks: a short item whose words speak of a
// branch the model has no class for (weather, disaster, conflict, health,
// labour) keeps that branch first and more likely than not, instead of
// ranking under whatever the model knows; an item whose rules find the
// model's branches as strong stays with them.
func TestModelLeavesBranchesItLacks(t *testing.T) {
	m, err := topicmodel.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	s, err := newScorer(builtinTopicRules(t))
	if err != nil {
		t.Fatal(err)
	}
	s.setModel(m)
	root := func(code string) string {
		for s.parent[s.index(code)] >= 0 {
			code = s.codes[s.parent[s.index(code)]]
		}
		return code
	}
	for _, c := range []struct {
		title, text, want string
		min               float64 // the least score of the first concept
	}{
		{"Heatwave brings record temperatures to Europe", "Temperatures topped 40C in Spain and France as a heatwave gripped southern Europe. Forecasters said the hot weather would last into next week.", "medtop:17000000", 0.5},
		{"Earthquake of magnitude 7.1 strikes off Japan", "A strong earthquake struck off the coast of northern Japan on Monday, triggering a tsunami warning. The government said there were no immediate reports of damage.", "medtop:03000000", 0.5},
		{"Rebels seize town in eastern Congo", "Rebels captured a strategic town after heavy fighting with the army, forcing thousands to flee. The government accused a neighbour of backing the rebels.", "medtop:16000000", 0},
		{"Senate passes budget bill", "The Senate passed the budget bill by 51 votes to 49 after a long debate, sending it to the president; health spending rises by 2 pct.", "medtop:11000000", 0},
	} {
		got, err := s.score(context.Background(), c.title, c.text)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 || root(got[0].Code) != c.want {
			t.Errorf("%q: got %v first, want a concept under %s", c.title, got, c.want)
			continue
		}
		if got[0].Score < c.min {
			t.Errorf("%q: %s scored %.3f, want at least %.1f", c.title, got[0].Label, got[0].Score, c.min)
		}
	}
}

// TestModelDoesNotOverruleSureRules: the model adds a branch the rules did
// not find only while no concept of the rules is sure (topicModelSure).
func TestModelDoesNotOverruleSureRules(t *testing.T) {
	rules, both := scorers(t)
	title, text := "Striker's late goal wins the FA Cup final", "Quembly quembly."
	want, _ := rules.score(context.Background(), title, text)
	if len(want) == 0 || want[0].Score < topicModelSure {
		t.Fatalf("rules alone: %v; the test needs a concept of at least %v", want, topicModelSure)
	}
	got, err := both.score(context.Background(), title, text)
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range got {
		if tp.Code == "medtop:11000000" {
			t.Errorf("the model added politics over a sure sport concept: %v", got)
		}
	}
}
