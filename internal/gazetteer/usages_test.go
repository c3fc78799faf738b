package gazetteer

import (
	"strings"
	"testing"
)

const hUsages = "phrase\tuse"

func TestUsages(t *testing.T) {
	g, err := load(append(base(), file("usages.tsv", KindUsages, hUsages+"\tsource",
		"restaurant\tthing\thand: test", "French fries\tcompound\thand: test", "speaks\tlanguage\thand: test",
		"american\tethnic\thand: test", "relations\trelation\thand: test")))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Usages) != 5 {
		t.Fatalf("usages = %+v", g.Usages)
	}
	if u := g.Usages[0]; u.Use != UseCompound || u.Phrase != "French fries" || u.Pos.Line != 3 {
		t.Errorf("first usage = %+v, want the compound (sorted by use)", u)
	}
	for _, c := range []struct{ line, want string }{
		{"restaurant\tdish", `unknown use "dish"`},
		{"Restaurant\tthing", "must be lower case"},
		{"fish restaurant\tthing", "is one word"},
		{"fries\tcompound", "at least two words"},
		{"\tthing", "must not be empty"},
	} {
		_, err := load([]source{userFile("u.tsv", hUsages, c.line)})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.line, err, c.want)
		}
	}
}

// TestBuiltinUsages: the built-in usages load and keep to their uses.
func TestBuiltinUsages(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, u := range g.Usages {
		n[u.Use]++
	}
	for _, use := range []string{UseThing, UseCompound, UseLanguage, UseEthnic, UseRelation, UseLocal, UseTrade, UseEvent} {
		if n[use] == 0 {
			t.Errorf("no built-in %s usages", use)
		}
	}
}
