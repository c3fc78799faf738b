package decode

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestGolden(t *testing.T) {
	ins, _ := filepath.Glob("testdata/*.in")
	if len(ins) == 0 {
		t.Fatal("no testdata")
	}
	for _, in := range ins {
		name := strings.TrimSuffix(filepath.Base(in), ".in")
		t.Run(name, func(t *testing.T) {
			v, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			it, err := Decode(v, "", Options{MaxBytes: 1 << 20})
			got := map[string]any{"item": it}
			if err != nil {
				got = map[string]any{"error": err.Error()}
			}
			b, _ := json.MarshalIndent(got, "", "  ")
			golden := strings.TrimSuffix(in, ".in") + ".golden"
			if *update {
				if err := os.WriteFile(golden, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if d := cmp.Diff(string(want), string(b)+"\n"); d != "" {
				t.Errorf("golden mismatch (-want +got):\n%s", d)
			}
		})
	}
}

func TestRejections(t *testing.T) {
	tests := []struct {
		name, value, ct, reason string
		max                     int
	}{
		{"empty", "", "", ReasonEmpty, 0},
		{"whitespace", " \n\t ", "", ReasonEmpty, 0},
		{"too large", strings.Repeat("a", 101), "", ReasonTooLarge, 100},
		{"binary", "\x00\x01\x02\x03\x04\x05\x06\x07\x08abc", "", ReasonBinary, 0},
		{"mostly invalid utf8", "\xff\xfe\xfd\xfc\xfb\xfa ab", "", ReasonBinary, 0},
		{"number", "42", "", ReasonUnsupportedJSON, 0},
		{"array", `[1,2,3]`, "", ReasonUnsupportedJSON, 0},
		{"null", "null", "", ReasonUnsupportedJSON, 0},
		{"broken json", `{"title": "x", `, "", ReasonInvalidJSON, 0},
		{"deep json", strings.Repeat("[", 100000), "", ReasonInvalidJSON, 0},
		{"json forced on text", "hello world", "application/json", ReasonInvalidJSON, 0},
		{"object without text", `{"id": "x", "title": 42, "body": []}`, "", ReasonNoText, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode([]byte(tc.value), tc.ct, Options{MaxBytes: tc.max})
			e, ok := err.(*Error)
			if !ok || e.Reason != tc.reason {
				t.Fatalf("got %v, want reason %s", err, tc.reason)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	want := time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{"2017-04-12", "2017-04-12T00:00:00Z", "2017-04-12T02:00:00+02:00", "April 12, 2017", "12 April 2017",
		"Wed, 12 Apr 2017 00:00:00 GMT", "Wed, 12 Apr 2017 00:00:00 +0000", "1491955200", "1491955200000", "12-APR-2017 00:00:00.00"} {
		got, err := ParseDate(s)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "yesterday", "32 Foo 2017", strings.Repeat("1", 100)} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) succeeded", s)
		}
	}
}

func TestFindDateline(t *testing.T) {
	tests := []struct{ text, place, agency string }{
		{"WASHINGTON, March 3 - The Fed said", "WASHINGTON", ""},
		{"SANTA CRUZ, Calif., March 3 - Plantronics said", "SANTA CRUZ, Calif.", ""},
		{"LONDON, Ontario, March 3 - A firm said", "LONDON, Ontario", ""},
		{"MOSCOW (Reuters) - Russia said", "MOSCOW", "Reuters"},
		{"NEW YORK, Feb 26 - Shares rose", "NEW YORK", ""},
		{"Chicago, March 3 - Futures rose", "Chicago", ""},
		{"DALLAS, MArch 20 - Oil rose", "DALLAS", ""},
		{"Paris - the city of light", "", ""},
		{"The WASHINGTON talks - no", "", ""},
		{"A - B", "", ""},
		{"ROME (Reuters - AP) - Italy said", "ROME", "Reuters - AP"},
		{"BONN, March 3 -- The - bank said - more", "BONN", ""},
	}
	for _, tc := range tests {
		checkDatelineCut(t, tc.text)
		d, ok := FindDateline(tc.text)
		if ok != (tc.place != "") || d.Place != tc.place || d.Agency != tc.agency {
			t.Errorf("FindDateline(%q) = %+v, %v; want place %q agency %q", tc.text, d, ok, tc.place, tc.agency)
		}
		if ok && !strings.HasPrefix(tc.text, d.Text) {
			t.Errorf("dateline text %q is not a prefix", d.Text)
		}
	}
}

func FuzzDecode(f *testing.F) {
	ins, _ := filepath.Glob("testdata/*.in")
	for _, in := range ins {
		b, _ := os.ReadFile(in)
		f.Add(b, "")
	}
	f.Add([]byte(`{"title":"x","body":"y"}`), "application/json")
	f.Add([]byte("<p>x</p>"), "text/html")
	for _, v := range []string{`{"a":"\ud83d\ude00 \ud800\u0041 \udc00 \ud800\\ \u00e9\/\b\f\n\r\t\"","n":-0.5e+3,"c":null,"n":7}`, `{"B":[1]}`,
		`{"x":01}`, `{"x":1.}`, `{"x":true,"y":false} }`, `{ "title" : "t" , "id" : 12 }`, "{\"x\":\"a\tb\"}"} {
		f.Add([]byte(v), "")
	}
	for _, d := range []string{"26-FEB-1987 15:01:01.79", "Wed, 12 Apr 2017 10:00:00 GMT", "April 12, 2017", "12 APRIL 2017", "2017-04-12", "1491991200"} {
		f.Add([]byte(d), "")
	}
	f.Fuzz(func(t *testing.T, v []byte, ct string) {
		if isBinary(v) != isBinaryReference(v) {
			t.Fatalf("isBinary(%q) differs from the reference", v)
		}
		got, err := ParseDate(string(v))
		want, werr := parseDateReference(string(v))
		if !got.Equal(want) || (err == nil) != (werr == nil) || err != nil && err.Error() != werr.Error() {
			t.Fatalf("ParseDate(%q) = %v, %v; the reference gives %v, %v", v, got, err, want, werr)
		}
		if obj, ok := flatObject(v); ok && utf8.Valid(v) {
			var raw any
			dec := json.NewDecoder(bytes.NewReader(v))
			dec.UseNumber()
			if err := dec.Decode(&raw); err != nil || dec.More() {
				t.Fatalf("flatObject accepted %q; the decoder: %v", v, err)
			}
			if !reflect.DeepEqual(raw, any(obj)) {
				t.Fatalf("flatObject(%q) = %#v; the decoder gives %#v", v, obj, raw)
			}
		}
		it, err := Decode(v, ct, Options{MaxBytes: 1 << 16})
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %v is not a *decode.Error", err)
			}
			return
		}
		if strings.TrimSpace(it.Title) == "" && strings.TrimSpace(it.Body) == "" {
			t.Fatal("accepted an item with no text")
		}
		if d, ok := FindDateline(it.Body); ok && !strings.HasPrefix(it.Body, d.Text) {
			t.Fatalf("dateline %q not a prefix", d.Text)
		}
		checkDatelineCut(t, it.Body)
		checkDatelineCut(t, string(v))
	})
}

// checkDatelineCut: FindDateline, which skips the patterns when a text
// has no "- " and cuts the text after its last one, finds what the
// patterns find on the whole head.
func checkDatelineCut(t *testing.T, text string) {
	head := text[:min(len(text), 160)]
	want, wantOK := matchDateline(head)
	got, ok := FindDateline(text)
	if ok != wantOK || got != want {
		t.Fatalf("FindDateline(%q) = %+v, %v; the patterns on the whole head give %+v, %v", text, got, ok, want, wantOK)
	}
}
