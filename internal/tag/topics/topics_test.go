package topics

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/pkg/event"
)

// builtinTopicRules loads only the built-in topic files, so these tests do
// not depend on the other kinds of data.
func builtinTopicRules(t testing.TB) []gazetteer.TopicRule {
	t.Helper()
	files, err := filepath.Glob("../../gazetteer/data/topics/*.tsv")
	if err != nil || len(files) == 0 {
		t.Fatalf("no built-in topic files: %v", err)
	}
	g, err := gazetteer.LoadFiles(files...)
	if err != nil {
		t.Fatal(err)
	}
	return g.Topics
}

func testTopicRules() []gazetteer.TopicRule {
	p := func(s string) []gazetteer.Phrase {
		var out []gazetteer.Phrase
		for _, item := range strings.Split(s, "|") {
			text, w, _ := strings.Cut(item, ":")
			var f float64
			switch w {
			case "1":
				f = 1
			case "0.8":
				f = 0.8
			case "0.5":
				f = 0.5
			case "0.3":
				f = 0.3
			}
			out = append(out, gazetteer.Phrase{Text: text, Weight: f})
		}
		return out
	}
	return []gazetteer.TopicRule{
		{Code: "medtop:11000000", Label: "politics and government", Phrases: p("politics:0.5")},
		{Code: "medtop:20000638", Label: "international relations", Parent: "medtop:11000000", Phrases: p("foreign policy:0.5")},
		{Code: "medtop:20000639", Label: "diplomacy", Parent: "medtop:20000638", Phrases: p("diplomat*:0.8|talks:0.3")},
		{Code: "medtop:20000642", Label: "economic sanction", Parent: "medtop:20000638", Phrases: p("sanction*:0.8"), Negatives: []string{"red card"}},
		{Code: "medtop:04000000", Label: "economy, business and finance", Phrases: p("economy:0.5")},
		{Code: "medtop:20000371", Label: "interest rates", Parent: "medtop:04000000", Phrases: p("interest rate*:0.8|rates:0.3")},
		{Code: "medtop:20000274", Label: "banking", Parent: "medtop:04000000", Phrases: p("bank:0.3")},
		{Code: "medtop:20000350", Label: "central bank", Parent: "medtop:04000000", Phrases: p("central bank:0.8|coup d'etat:0.5")},
	}
}

func topicCodes(ts []event.Topic) string {
	var s []string
	for _, t := range ts {
		s = append(s, t.Code[7:])
	}
	return strings.Join(s, " ")
}

func TestTopicScorer(t *testing.T) {
	s, err := newScorer(testTopicRules())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, title, text, want string
	}{
		{"nothing", "Weather", "Sunny all week.", ""},
		{"case and word boundaries", "DIPLOMATS MEET", "Undiplomatic words.", "20000639"},
		{"wildcard and multiword", "", "Interest rates rose.", "20000371"},
		{"negative in the same paragraph", "", "The player got a red card and faces sanctions.", ""},
		{"negative in another paragraph", "", "He got a red card.\n\nSanctions on Iran were imposed.", "20000642"},
		{"parent with two firing children", "Diplomats talk sanctions", "", "20000638 20000639 20000642"},
		{"single word in a longer phrase of another topic", "", "The central bank acted.", "20000350"},
		{"accents fold", "", "A coup d'état at the central bank.", "20000350"},
		{"phrase across a paragraph break does not match", "", "They cut the interest\n\nrate today.", ""},
		{"wire paragraphs", "", "They cut the interest\n    rate. Also interest\nrates fell.", "20000371"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.score(context.Background(), tc.title, tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if c := topicCodes(got); c != tc.want {
				t.Errorf("got %q, want %q (%+v)", c, tc.want, got)
			}
			for _, tp := range got {
				if len(tp.Evidence) == 0 || len(tp.Evidence) > topicMaxEvidence {
					t.Errorf("%s: %d evidence spans", tp.Code, len(tp.Evidence))
				}
				for _, e := range tp.Evidence {
					src := tc.text
					if e.Field == "title" {
						src = tc.title
					}
					if src[e.Start:e.End] != e.Text {
						t.Errorf("%s: evidence %+v does not match its field", tp.Code, e)
					}
				}
			}
		})
	}
}

func TestTopicScoreOrdering(t *testing.T) {
	s, err := newScorer(testTopicRules())
	if err != nil {
		t.Fatal(err)
	}
	score := func(title, text string) float64 {
		got, err := s.score(context.Background(), title, text)
		if err != nil || len(got) == 0 {
			t.Fatalf("no topic for %q/%q: %v", title, text, err)
		}
		return got[0].Score
	}
	filler := strings.Repeat("Nothing to see here at all. ", 100)
	head, lead, late := score("Diplomats", ""), score("", "Diplomats"), score("", filler+"Diplomats")
	if !(head > lead && lead > late) {
		t.Errorf("headline %v, lead %v, late %v: want decreasing", head, lead, late)
	}
	once, many := score("", "bank"), score("", strings.Repeat("bank bank ", 20))
	if many <= once || many > 0.5 {
		t.Errorf("one weak word %v, twenty %v: want more but saturating below 0.5", once, many)
	}
	// An intermediate concept there only for its children ranks no higher
	// than the strongest of them.
	got, err := s.score(context.Background(), "Diplomats talk sanctions", "")
	if err != nil {
		t.Fatal(err)
	}
	byCode := map[string]float64{}
	for _, tp := range got {
		byCode[tp.Code] = tp.Score
	}
	if p, c := byCode["medtop:20000638"], max(byCode["medtop:20000639"], byCode["medtop:20000642"]); p == 0 || p > c {
		t.Errorf("parent %v, best child %v", p, c)
	}
}

func TestTopicScorerErrors(t *testing.T) {
	bad := []struct {
		name  string
		rules []gazetteer.TopicRule
	}{
		{"unknown parent", []gazetteer.TopicRule{{Code: "medtop:1", Parent: "medtop:2"}}},
		{"cycle", []gazetteer.TopicRule{{Code: "medtop:1", Parent: "medtop:2"}, {Code: "medtop:2", Parent: "medtop:1"}}},
		{"duplicate", []gazetteer.TopicRule{{Code: "medtop:1"}, {Code: "medtop:1"}}},
		{"weight", []gazetteer.TopicRule{{Code: "medtop:1", Phrases: []gazetteer.Phrase{{Text: "a", Weight: 2}}}}},
		{"no words", []gazetteer.TopicRule{{Code: "medtop:1", Phrases: []gazetteer.Phrase{{Text: "--", Weight: 1}}}}},
		{"128 words", []gazetteer.TopicRule{{Code: "medtop:1", Phrases: []gazetteer.Phrase{{Text: longPhrase(128), Weight: 1}}}}},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := newScorer(tc.rules); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestTopicScorerContext(t *testing.T) {
	s, err := newScorer(testTopicRules())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.score(ctx, "Diplomats", strings.Repeat("talks ", 10000)); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestBuiltinTopicRulesCompile(t *testing.T) {
	rules := builtinTopicRules(t)
	s, err := newScorer(rules)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.score(context.Background(), "Central bank raises interest rates", "The Bank of England raised interest rates by a quarter point to fight inflation.")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 || len(got) > topicMaxResults {
		t.Fatalf("got %d topics", len(got))
	}
}

func longPhrase(n int) string {
	words := make([]string, n)
	for i := range words {
		words[i] = fmt.Sprintf("w%d", i)
	}
	return strings.Join(words, " ")
}

// TestTopicLongestPhrase: a phrase of the most words allowed is found, with
// its span, inside longer text and after a shorter phrase it begins with.
func TestTopicLongestPhrase(t *testing.T) {
	rules := []gazetteer.TopicRule{
		{Code: "medtop:1", Phrases: []gazetteer.Phrase{{Text: longPhrase(topicMaxWords), Weight: 0.9}}},
		{Code: "medtop:2", Phrases: []gazetteer.Phrase{{Text: longPhrase(3), Weight: 0.5}, {Text: "w1*", Weight: 0.2}}},
	}
	s, err := newScorer(rules)
	if err != nil {
		t.Fatal(err)
	}
	text := "x y " + longPhrase(topicMaxWords) + " z " + longPhrase(5)
	sameTopicMatches(t, s, newTopicRefMatcher(rules), "", text)
	got := autoScan(t, s, text, 1)
	want := fmt.Sprintf("hit 0 0 1 %d 0 4 %d ", topicMaxWords, 4+len(longPhrase(topicMaxWords)))
	if !slices.ContainsFunc(got, func(h string) bool { return strings.HasPrefix(h, want) }) {
		t.Errorf("no hit %q among %q", want, got)
	}
}

// TestWeakEvidenceStillTopic: an item whose text supports a concept only
// weakly still gets it, alone and with its low score; an item with no
// evidence gets no topic.
func TestWeakEvidenceStillTopic(t *testing.T) {
	s, err := newScorer(testTopicRules())
	if err != nil {
		t.Fatal(err)
	}
	filler := strings.Repeat("Nothing to see here at all. ", 100)
	got, err := s.score(context.Background(), "", filler+"bank")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Score <= 0 || got[0].Score >= topicMinScore || len(got[0].Evidence) != 1 || got[0].Evidence[0].Text != "bank" {
		t.Fatalf("weak evidence: got %+v, want one topic scored below %v with the word as evidence", got, topicMinScore)
	}
	if none, err := s.score(context.Background(), "", filler); err != nil || len(none) != 0 {
		t.Fatalf("no evidence: got %+v, %v; want no topic", none, err)
	}
}

// TestBranchCorroborated: a word that is a domain's vocabulary in one sense
// and ordinary language in another counts only when the rest of the item
// speaks of that domain too (topicBranchMin).
func TestBranchCorroborated(t *testing.T) {
	s, err := newScorer(builtinTopicRules(t))
	if err != nil {
		t.Fatal(err)
	}
	checkTopicLabels(t, s, []labelCase{
		{"Company completes unit sale", "The company said the transfer of the assets to its new unit was completed on Monday, and net income rose 12 pct.", "sports transaction", false},
		{"Striker completes transfer", "The striker completed his transfer to the club before the season, and the manager said he would score goals in the league.", "sports transaction", true},
		{"Bank signs credit pact", "The bank signed a credit pact with the company for 200 mln dlrs of loans.", "treaty", false},
	})
}
