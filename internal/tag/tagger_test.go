package tag

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestInfo(t *testing.T) {
	tg := newTestTagger(t)
	info := tg.Info()
	if info.Name != "newsworker" || info.Version != Version || info.GazetteerVersion != "sha256:test" {
		t.Errorf("info = %+v", info)
	}
}

func TestNewNil(t *testing.T) {
	if _, err := New(nil); err == nil {
		t.Error("New(nil) must fail")
	}
}

func TestCanceled(t *testing.T) {
	tg := newTestTagger(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := tg.Tag(ctx, Input{Text: "Russia"}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// TestConcurrentDeterministic tags the same items from many goroutines (run
// with -race) and wants the same result every time.
func TestConcurrentDeterministic(t *testing.T) {
	tg := newTestTagger(t)
	d := time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)
	ins := []Input{
		{Title: "Russia and US take stance on Syria at Moscow talks", Text: "US Secretary of State Rex Tillerson met Russian Foreign Minister Sergei Lavrov in Moscow. Tillerson said Putin was firm.", Date: d},
		{Title: "U.S. TREASURY'S BAKER SAYS DOLLAR STABLE", Text: "WASHINGTON - Treasury Secretary James Baker said the dollar was stable.", Date: time.Date(1987, 3, 3, 0, 0, 0, 0, time.UTC)},
		{Text: strings.Repeat("The Kremlin said Syria and Ukraine. ", 50), Date: d},
	}
	want := make([]Result, len(ins))
	for i, in := range ins {
		r, err := tg.Tag(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = r
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				i := (g + k) % len(ins)
				r, err := tg.Tag(context.Background(), ins[i])
				if err != nil {
					t.Error(err)
					return
				}
				if !reflect.DeepEqual(r, want[i]) {
					t.Errorf("item %d: result differs between runs", i)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestPathological feeds inputs that could blow up a careless matcher:
// thousands of capitalised words, titles without names, broken UTF-8.
func TestPathological(t *testing.T) {
	tg := newTestTagger(t)
	cases := map[string]string{
		"capitalised":   strings.Repeat("President Foreign Minister Alpha Beta Gamma, ", 5000),
		"names":         strings.Repeat("Sergei Lavrov Rex Tillerson Mr Baker ", 5000),
		"punctuation":   strings.Repeat(".,-'() ", 20000),
		"invalid utf-8": "Russia \xff\xfe Syria \xc3",
		"one long word": strings.Repeat("a", 1<<20),
		"empty":         "",
	}
	var distinct strings.Builder
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&distinct, "Foreign Minister Name%c%c Surname%c%c%c said. ", 'A'+i%26, 'a'+i/26%26, 'A'+i%26, 'a'+i/26%26, 'a'+i/676%26)
	}
	cases["distinct titled names"] = distinct.String()
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			in := Input{Title: text[:min(len(text), 200)], Text: text}
			res, err := tg.Tag(context.Background(), in)
			if err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %s", d)
			}
			checkEvidence(t, in, res)
		})
	}
}
