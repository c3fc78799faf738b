package gazetteer_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

// iptcScheme is the part of IPTC's SKOS JSON (cptall-en-GB.json) we read.
type iptcScheme struct {
	HasTopConcept []string `json:"hasTopConcept"`
	ConceptSet    []struct {
		QCode     string            `json:"qcode"`
		PrefLabel map[string]string `json:"prefLabel"`
		Broader   []string          `json:"broader"`
		Retired   string            `json:"retired"`
	} `json:"conceptSet"`
}

type iptcConcept struct {
	label, broader string
	retired        bool
}

// uriToQCode turns http://cv.iptc.org/newscodes/mediatopic/20000638 into
// medtop:20000638.
func uriToQCode(uri string) string {
	return "medtop:" + uri[strings.LastIndexByte(uri, '/')+1:]
}

// TestIPTCTopics checks every built-in topic against IPTC Media Topics: the
// code exists and is not retired, the label is IPTC's English label, the
// parent is IPTC's broader concept; and the set is broad enough to tag news:
// all 17 top-level concepts and at least 150 below them.
// Run alone with `go test ./internal/gazetteer -run IPTC -v`.
func TestIPTCTopics(t *testing.T) {
	path := sharedData(t, "iptc/cptall-en-GB.json")
	g := builtin(t)
	if len(g.Topics) == 0 {
		t.Fatal("the built-in gazetteer has no topics: the embedded data is broken")
	}
	failures, summary := checkIPTC(t, g, path)
	t.Log(summary)
	for _, f := range failures {
		t.Error(f)
	}
}

// TestIPTCChecker runs the check on a fixture with planted mistakes.
func TestIPTCChecker(t *testing.T) {
	path := sharedData(t, "iptc/cptall-en-GB.json")
	g, err := gazetteer.LoadFiles("testdata/topics.tsv")
	if err != nil {
		t.Fatal(err)
	}
	failures, summary := checkIPTC(t, g, path)
	t.Log(summary)
	got := strings.Join(failures, "\n")
	for _, want := range []string{`medtop:20000639 "Diplomacy": IPTC's label is "diplomacy"`, `medtop:20000030 "music theatre": retired`,
		`medtop:99999999 "nothing": no such IPTC Media Topic`, "16 of 17 top-level concepts missing", "want at least 150"} {
		if !strings.Contains(got, want) {
			t.Errorf("no failure %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, `"international relations"`) {
		t.Errorf("false failure in:\n%s", got)
	}
}

func checkIPTC(t *testing.T, g *gazetteer.Gazetteer, path string) ([]string, string) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var scheme iptcScheme
	if err := json.Unmarshal(data, &scheme); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	ref := map[string]iptcConcept{}
	for _, c := range scheme.ConceptSet {
		k := iptcConcept{label: c.PrefLabel["en-GB"], retired: c.Retired != ""}
		if len(c.Broader) > 0 {
			k.broader = uriToQCode(c.Broader[0])
		}
		ref[c.QCode] = k
	}
	var failures []string
	nonTop := 0
	for _, tr := range g.Topics {
		at := fmt.Sprintf("%s:%d: %s %q", tr.Pos.File, tr.Pos.Line, tr.Code, tr.Label)
		c, ok := ref[tr.Code]
		switch {
		case !ok:
			failures = append(failures, at+": no such IPTC Media Topic")
			continue
		case c.retired:
			failures = append(failures, at+": retired by IPTC")
		}
		if c.label != tr.Label {
			failures = append(failures, fmt.Sprintf("%s: IPTC's label is %q", at, c.label))
		}
		if c.broader != tr.Parent {
			failures = append(failures, fmt.Sprintf("%s: parent %q, IPTC's broader concept is %q", at, tr.Parent, c.broader))
		}
		if tr.Parent != "" {
			nonTop++
		}
	}
	var tops []string
	for _, uri := range scheme.HasTopConcept {
		code := uriToQCode(uri)
		if _, ok := g.Topic(code); !ok {
			tops = append(tops, code+" ("+ref[code].label+")")
		}
	}
	if len(tops) > 0 {
		failures = append(failures, fmt.Sprintf("%d of %d top-level concepts missing: %s", len(tops), len(scheme.HasTopConcept), strings.Join(tops, ", ")))
	}
	if nonTop < 150 {
		failures = append(failures, fmt.Sprintf("%d concepts below the top level, want at least 150", nonTop))
	}
	return failures, fmt.Sprintf("iptc: %d topics (%d below the top level) checked against %d IPTC concepts; %d problems",
		len(g.Topics), nonTop, len(ref), len(failures))
}
