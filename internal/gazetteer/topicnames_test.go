package gazetteer_test

import (
	"os"
	"strings"
	"testing"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

// Topic rules hold the vocabulary of a domain, which lasts; names of one
// season's people, works, products and scandals do not (issue 8: "names of
// people and teams may help only where they are systematic and current").
// The two tests below keep them out: one against every person the built-in
// people tables know, one against the names a review removed.

// TestTopicRulesNameNoOfficials: no topic phrase or negative is the full
// name (or a name of several words) of a person in the built-in people
// tables. Office-holders change; the office's own words ("competition
// commissioner", "the pope", "the king") say the topic for every year, and
// the officials stage already resolves the person by the article's date.
func TestTopicRulesNameNoOfficials(t *testing.T) {
	g, err := gazetteer.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, p := range g.People {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			if n = strings.ToLower(n); strings.Contains(n, " ") {
				names[n] = p.Name
			}
		}
	}
	for _, r := range g.Topics {
		for _, ph := range topicPhrases(r) {
			if who, ok := names[ph]; ok {
				t.Errorf("%s:%d: topic %s (%s) names %s (%q): keep the office's words, not its holder", r.Pos.File, r.Pos.Line, r.Code, r.Label, who, ph)
			}
		}
	}
}

// TestTopicRulesNameNoDevFittedNames: the names in
// testdata/dev-fitted-names.txt (people, works, products, firms of one
// scandal and sponsor names of one era that a review found in the topic
// rules, most of them from 2004-05 dev texts) must not come back as a topic
// phrase. Negatives may name a work: "star wars" or "doctor who" as a
// negative keeps a concept from firing on "war" or "doctor", which is what
// negatives are for.
func TestTopicRulesNameNoDevFittedNames(t *testing.T) {
	banned := readNameList(t, "testdata/dev-fitted-names.txt")
	if len(banned) < 100 {
		t.Fatalf("testdata/dev-fitted-names.txt has %d names; expected the review's list", len(banned))
	}
	g, err := gazetteer.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range g.Topics {
		for _, p := range r.Phrases {
			if ph := strings.TrimSuffix(strings.ToLower(p.Text), "*"); banned[ph] {
				t.Errorf("%s:%d: topic %s (%s) has the phrase %q, a name of one season (testdata/dev-fitted-names.txt)", r.Pos.File, r.Pos.Line, r.Code, r.Label, ph)
			}
		}
	}
}

// topicPhrases returns a rule's phrases and negatives in lower case,
// without a wildcard's star.
func topicPhrases(r gazetteer.TopicRule) []string {
	out := make([]string, 0, len(r.Phrases)+len(r.Negatives))
	for _, p := range r.Phrases {
		out = append(out, strings.TrimSuffix(strings.ToLower(p.Text), "*"))
	}
	for _, n := range r.Negatives {
		out = append(out, strings.TrimSuffix(strings.ToLower(n), "*"))
	}
	return out
}

// readNameList reads one lower-case name a line; # starts a comment.
func readNameList(t *testing.T, path string) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out[strings.ToLower(line)] = true
		}
	}
	return out
}
