package gazetteer

import (
	"strings"
	"testing"
)

const hCues = "word\tcue"

func TestCues(t *testing.T) {
	builtin := file("cues.tsv", KindCues, hCues+"\tsource",
		"said\tspeech\thand: test", "mr\thonorific\thand: test", ",\tlist\thand: test",
		"señor\thonorific\thand: test", "vice-president\tgeneric_title\thand: test",
		"leader of the opposition\tgeneric_title\thand: test", "in\tpreposition\thand: test", "in\tlocative\thand: test")
	g, err := load(append(base(), builtin))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Cues) != 8 {
		t.Fatalf("cues = %+v", g.Cues)
	}
	if c := g.Cues[0]; c.Class != CueGenericTitle || c.Word != "leader of the opposition" || c.Pos.Line != 7 {
		t.Errorf("first cue = %+v, want the title (sorted by class, then word)", c)
	}
	// A user file adds words; one already known changes nothing.
	g, err = load(append(base(), builtin, userFile("u.tsv", hCues, "dijo\tspeech", "said\tspeech")))
	if err != nil {
		t.Fatal(err)
	}
	var speech []string
	for _, c := range g.Cues {
		if c.Class == CueSpeech {
			speech = append(speech, c.Word)
		}
	}
	if strings.Join(speech, " ") != "dijo said" {
		t.Errorf("speech cues after the user file = %v", speech)
	}
	for _, c := range []struct{ line, want string }{
		{"said\tsaying", `unknown cue "saying"`},
		{"Said\tspeech", "must be lower case"},
		{"said so\tspeech", "is one word"},
		{"ex-\tformer", "is one word"},
		{"vice  president\tgeneric_title", "one space or hyphen"},
		{"-chair\tgeneric_title", "one space or hyphen"},
		{"\tspeech", "must not be empty"},
		{"said\tspeech\nsaid\tspeech", "duplicate of line 2"},
	} {
		_, err := load([]source{userFile("u.tsv", hCues, c.line)})
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "u.tsv:") {
			t.Errorf("%q: error %v, want %q at u.tsv:line", c.line, err, c.want)
		}
	}
	// Built-in files may not define a word of a class twice.
	_, err = load(append(base(), builtin, file("more.tsv", KindCues, hCues, "said\tspeech")))
	if err == nil || !strings.Contains(err.Error(), `speech cue "speech\x00said" is already defined`) {
		t.Errorf("built-in duplicate: %v", err)
	}
}

// TestCuesVersion: the cues are part of the version hash.
func TestCuesVersion(t *testing.T) {
	v := func(lines ...string) string {
		g, err := load(append(base(), file("cues.tsv", KindCues, append([]string{hCues}, lines...)...)))
		if err != nil {
			t.Fatal(err)
		}
		return g.Version
	}
	if v("said\tspeech") == v("said\tspeech", "says\tspeech") {
		t.Error("adding a cue does not change the version")
	}
}

// TestBuiltinCues: the built-in cues load and fill every class.
func TestBuiltinCues(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, c := range g.Cues {
		n[c.Class]++
	}
	for _, class := range CueClasses() {
		if n[class] == 0 {
			t.Errorf("no built-in %s cues", class)
		}
	}
}
