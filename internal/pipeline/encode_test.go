package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/pkg/event"
)

// trickyStrings are what JSON quoting must get right.
var trickyStrings = []string{"", "plain", `a "quoted" \ path`, "<b>&amp;</b>", "tab\tnew\nline\r\b\f\x01\x1f\x7f",
	"Trump’s “deal” é 中文", "\u2028\u2029", "bad \xff\xfe utf-8 \xe2\x80", "😀"}

// trickyFloats are what number formatting must get right.
var trickyFloats = []float64{0, 1, 0.5, 1.0 / 3, -0.25, 1e-6, 9.99e-7, 1e-7, 1e20, 1e21, 123456789.125, math.Copysign(0, -1), 5e-324}

// fill sets every field of v, recursively, at random: zero or not, nil or
// not, so that a field AppendRecord does not know (one added to
// event.Record later) shows up as a difference.
func fill(v reflect.Value, r *rand.Rand) {
	if r.IntN(4) == 0 {
		v.SetZero()
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(trickyStrings[r.IntN(len(trickyStrings))])
	case reflect.Int, reflect.Int64:
		v.SetInt(r.Int64N(1<<40) - 1<<39)
	case reflect.Float64:
		v.SetFloat(trickyFloats[r.IntN(len(trickyFloats))])
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), r)
	case reflect.Slice:
		n := r.IntN(3)
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := 0; i < n; i++ {
			fill(v.Index(i), r)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			fill(v.Field(i), r)
		}
	default:
		panic("fill: add a case for " + v.Kind().String())
	}
}

func checkSame(t *testing.T, rec *event.Record) {
	t.Helper()
	want, wantErr := json.Marshal(rec)
	got, err := pipeline.AppendRecord([]byte("prefix"), rec)
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("error %v; json.Marshal's %v", err, wantErr)
	}
	if err == nil && !bytes.Equal(got, append([]byte("prefix"), want...)) {
		t.Fatalf("AppendRecord differs from json.Marshal:\n got %s\nwant prefix%s", got, want)
	}
}

// TestAppendFloat: scores and saliences in thousandths, the tagger's
// precision, which take a fast path, print as json.Marshal prints them.
func TestAppendFloat(t *testing.T) {
	var rec event.Record
	rec.Countries = make([]event.Country, 1)
	for _, k := range append(thousandths(), -1, -1000, -1234567) {
		rec.Countries[0].Salience = float64(k) / 1000
		checkSame(t, &rec)
	}
	for _, x := range []float64{math.Copysign(0, -1), 1e9 - 0.001, 1e9, 123456789.125, 0.0005, 0.1 + 0.2} {
		rec.Countries[0].Salience = x
		checkSame(t, &rec)
	}
}

// thousandths are every k from 0 to 200,000 and some larger ones.
func thousandths() []int64 {
	var ks []int64
	for k := int64(0); k <= 200000; k++ {
		ks = append(ks, k)
	}
	for k := int64(200001); k < 1e12; k = k*3 + 7 {
		ks = append(ks, k)
	}
	return ks
}

func TestAppendRecordMatchesMarshal(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 5000; i++ {
		var rec event.Record
		fill(reflect.ValueOf(&rec).Elem(), r)
		checkSame(t, &rec)
	}
	checkSame(t, &event.Record{})
	checkSame(t, &event.Record{Topics: []event.Topic{{Score: math.NaN()}}})
	checkSame(t, &event.Record{Countries: []event.Country{{Salience: math.Inf(1)}}})
}

// TestAppendRecordDevItems compares the two on the pipeline's records of
// the dev items.
func TestAppendRecordDevItems(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	proc, err := pipeline.NewDefault(nil, "", pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	short := 0
	for _, v := range devValues(t) {
		rec, err := proc.Process(context.Background(), pipeline.Message{Value: v, HasOrigin: true, Topic: "in", Key: []byte("k<&>")})
		if err == nil {
			checkSame(t, &rec)
			if b, _ := pipeline.AppendRecord(nil, &rec); len(b) > pipeline.RecordSize(&rec) {
				short++
			}
		}
	}
	// MarshalRecord sizes its buffer by RecordSize: a record that outgrows
	// it is copied once more.
	if short > 0 {
		t.Errorf("RecordSize fell short of %d dev records", short)
	}
}

func FuzzAppendRecord(f *testing.F) {
	for i, s := range trickyStrings {
		f.Add(s, trickyFloats[i%len(trickyFloats)], int64(i))
	}
	f.Fuzz(func(t *testing.T, s string, x float64, seed int64) {
		var rec event.Record
		fill(reflect.ValueOf(&rec).Elem(), rand.New(rand.NewPCG(uint64(seed), 0)))
		rec.Title, rec.Text = s, s+s
		rec.Countries = append(rec.Countries, event.Country{Name: s, Salience: x, Evidence: []event.Evidence{{Text: s}}})
		rec.Topics = append(rec.Topics, event.Topic{Label: s, Score: -x}, event.Topic{Score: math.Round(x*1000) / 1000})
		checkSame(t, &rec)
	})
}

// BenchmarkEncode is AppendRecord next to json.Marshal, in the same run,
// on the pipeline's records of the dev items.
func BenchmarkEncode(b *testing.B) {
	proc, err := pipeline.NewDefault(nil, "", pipeline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var recs []event.Record
	for _, v := range devValues(b) {
		if rec, err := proc.Process(context.Background(), pipeline.Message{Value: v}); err == nil {
			recs = append(recs, rec)
		}
	}
	for _, bc := range []struct {
		name string
		enc  func(*event.Record) ([]byte, error)
	}{
		{"AppendRecord", pipeline.MarshalRecord},
		{"json.Marshal", func(r *event.Record) ([]byte, error) { return json.Marshal(r) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			var n int64
			for i := 0; b.Loop(); i++ {
				out, _ := bc.enc(&recs[i%len(recs)])
				n += int64(len(out))
			}
			b.ReportMetric(float64(n)/1e6/b.Elapsed().Seconds(), "MB/s")
		})
	}
}
