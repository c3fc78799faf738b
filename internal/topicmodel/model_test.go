package topicmodel

import (
	"bytes"
	"testing"
)

// toyExamples are two classes told apart by one word each, with a shared
// word and a capitalised name that must get no weight.
func toyExamples() ([]string, []Example) {
	word := func(s string, lower bool) Feature {
		var h uint64
		for _, c := range s {
			h = h*131 + uint64(c)
		}
		return Feature{Hash: Unigram(h), Lower: lower}
	}
	var ex []Example
	for range 20 {
		ex = append(ex,
			Example{Features: []Feature{word("goal", true), word("the", true), word("Smith", false)}, Class: 0},
			Example{Features: []Feature{word("vote", true), word("the", true), word("Smith", false)}, Class: 1},
		)
	}
	return []string{"medtop:15000000", "medtop:11000000"}, ex
}

func TestTrainDeterministic(t *testing.T) {
	classes, ex := toyExamples()
	a, err := Train(classes, ex, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	b, err := Train(classes, ex, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Marshal(), b.Marshal()) {
		t.Fatal("two trainings on the same examples gave different files")
	}
}

func TestTrainLearnsWordsNotNames(t *testing.T) {
	classes, ex := toyExamples()
	m, err := Train(classes, ex, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []int{0, 1} {
		if got := m.Predict(ex[i].Features); got != want {
			t.Errorf("example %d: class %d, want %d", i, got, want)
		}
	}
	name := ex[0].Features[2].Hash
	for k, w := range m.Row(name) {
		if w != 0 {
			t.Errorf("the capitalised name has weight %v for class %d; want none", w, k)
		}
	}
}

func TestMarshalParse(t *testing.T) {
	classes, ex := toyExamples()
	m, err := Train(classes, ex, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	data := m.Marshal()
	back, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(back.Marshal(), data) {
		t.Error("parse then marshal changed the file")
	}
	for i := range 2 {
		if m.Predict(ex[i].Features) != back.Predict(ex[i].Features) {
			t.Errorf("example %d: the parsed model predicts otherwise", i)
		}
	}
	for name, bad := range map[string][]byte{
		"empty":     nil,
		"magic":     []byte("NOTAMODEL"),
		"truncated": data[:len(data)-3],
		"trailing":  append(append([]byte(nil), data...), 0),
	} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("%s: parsed without error", name)
		}
	}
}

func TestBuiltinParses(t *testing.T) {
	m, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if m == nil {
		t.Fatal("this build has no built-in model: the embedded model is missing")
	}
	if len(m.Classes()) < 2 {
		t.Errorf("built-in model has %d classes", len(m.Classes()))
	}
}
