package tag

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/tag/tokens"
)

// builtinCues loads only the built-in cues (kind "cues"), for the small
// hand-written test gazetteer: the context rules need their words.
func builtinCues(t testing.TB) []gazetteer.Cue {
	t.Helper()
	files, err := filepath.Glob("../gazetteer/data/cues/*.tsv")
	if err != nil || len(files) == 0 {
		t.Fatalf("no built-in cue files: %v", err)
	}
	g, err := gazetteer.LoadFiles(files...)
	if err != nil {
		t.Fatal(err)
	}
	return g.Cues
}

// TestCueClasses: every class a cues row may name sets a bit of its own.
func TestCueClasses(t *testing.T) {
	var seen cue
	for _, class := range gazetteer.CueClasses() {
		bit := cueClass(class)
		if bit == 0 || bit&(bit-1) != 0 || seen&bit != 0 {
			t.Errorf("class %q: bit %b (seen %b)", class, bit, seen)
		}
		seen |= bit
	}
}

// TestCuesFromData: the tagger reads its cue words from the gazetteer, so
// a word added there takes part in the rules; a generic title is matched
// as a whole phrase in any case.
func TestCuesFromData(t *testing.T) {
	tg := newTestTagger(t)
	for _, c := range []struct {
		word string
		bit  cue
		want bool
	}{{"said", cSpeech, true}, {"Señor", cHonorific, true}, {",", cList, true}, {"III", cSuffix, true},
		{"murmured", cSpeech, false}, {"chairman", cGenericTitle, false}} {
		if got := tg.cues[tokens.KeyOf(c.word)]&c.bit != 0; got != c.want {
			t.Errorf("%q has cue %b: %v, want %v", c.word, c.bit, got, c.want)
		}
	}
	for phrase, want := range map[string]bool{"Chairman": true, "vice-president": true, "Leader of the Opposition": true,
		"foreign minister": false, "leader": true, "leader of": false} {
		if got := tg.genericRole(phrase); got != want {
			t.Errorf("genericRole(%q) = %v, want %v", phrase, got, want)
		}
	}
	if got := tg.surnameForms("James A. Baker III"); !slices.Equal(got, []string{"Baker"}) {
		t.Errorf("surnameForms = %v", got)
	}

	// "French said" is Ms French; a verb of saying that a user adds
	// makes "French murmured" a person too.
	in := Input{Text: "The vote was close. French murmured that the count was wrong."}
	countries := func(tg *Tagger) []string {
		res, err := tg.Tag(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		return codes(res.Countries)
	}
	if got := countries(tg); !slices.Equal(got, []string{"FR"}) {
		t.Fatalf("before the user cue: countries = %v, want [FR]", got)
	}
	g := testGazetteer(t)
	g.Cues = append(slices.Clone(g.Cues), gazetteer.Cue{Word: "murmured", Class: gazetteer.CueSpeech})
	user, err := New(g)
	if err != nil {
		t.Fatal(err)
	}
	if got := countries(user); len(got) != 0 {
		t.Errorf("with a user verb of saying: countries = %v, want none", got)
	}
}
