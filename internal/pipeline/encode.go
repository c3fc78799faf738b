package pipeline

import (
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/newsworker/newsworker/pkg/event"
)

// AppendRecord appends the JSON of rec to dst: byte for byte what
// json.Marshal(rec) gives (TestAppendRecordMatchesMarshal and
// FuzzAppendRecord hold it to that, over every field of event.Record), at
// a fifth of its cost: encoding/json walks the record by reflection, field
// by field, and that was 8% of an item's time in BenchmarkPipeline. A
// record json.Marshal refuses (a NaN or infinite score) gets its error.
func AppendRecord(dst []byte, rec *event.Record) ([]byte, error) {
	if !finite(rec) {
		_, err := json.Marshal(rec)
		return dst, err
	}
	b := append(dst, `{"schema_version":`...)
	b = strconv.AppendInt(b, int64(rec.SchemaVersion), 10)
	b = appendField(b, "id", rec.ID)
	if rec.SourceID != "" {
		b = appendField(b, "source_id", rec.SourceID)
	}
	b = append(b, `,"source":{`...)
	if rec.Source.Name != "" {
		b = appendString(append(b, `"name":`...), rec.Source.Name)
	}
	if rec.Source.URL != "" {
		if rec.Source.Name != "" {
			b = append(b, ',')
		}
		b = appendString(append(b, `"url":`...), rec.Source.URL)
	}
	b = append(b, '}')
	b = appendField(b, "title", rec.Title)
	b = appendField(b, "text", rec.Text)
	if d := rec.Dateline; d != nil {
		b = appendString(append(b, `,"dateline":{"text":`...), d.Text)
		b = appendField(b, "place", d.Place)
		b = appendInt(b, "start", d.Start)
		b = append(appendInt(b, "end", d.End), '}')
	}
	b = appendField(b, "published_at", rec.PublishedAt)
	b = appendField(b, "published_at_source", rec.PublishedAtSource)
	b = appendField(b, "ingested_at", rec.IngestedAt)
	b = appendField(b, "language", rec.Language)
	b = appendField(b, "content_hash", rec.ContentHash)
	if len(rec.Notes) > 0 {
		b = append(b, `,"notes":[`...)
		for i, n := range rec.Notes {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, n)
		}
		b = append(b, ']')
	}
	b = append(b, `,"countries":`...)
	b = appendList(b, rec.Countries, func(b []byte, c *event.Country) []byte {
		b = appendString(append(b, `{"code":`...), c.Code)
		b = appendField(b, "code3", c.Code3)
		b = appendField(b, "name", c.Name)
		b = appendInt(b, "mentions", c.Mentions)
		b = appendFloat(append(b, `,"salience":`...), c.Salience)
		b = strconv.AppendBool(append(b, `,"focus":`...), c.Focus)
		return append(appendEvidence(b, c.Evidence), '}')
	})
	b = append(b, `,"officials":`...)
	b = appendList(b, rec.Officials, func(b []byte, o *event.Official) []byte {
		b = appendString(append(b, `{"name":`...), o.Name)
		if o.Role != "" {
			b = appendField(b, "role", o.Role)
		}
		if o.Country != "" {
			b = appendField(b, "country", o.Country)
		}
		b = appendField(b, "status", o.Status)
		if o.ID != "" {
			b = appendField(b, "id", o.ID)
		}
		b = appendInt(b, "mentions", o.Mentions)
		return append(appendEvidence(b, o.Evidence), '}')
	})
	b = append(b, `,"topics":`...)
	b = appendList(b, rec.Topics, func(b []byte, t *event.Topic) []byte {
		b = appendString(append(b, `{"code":`...), t.Code)
		b = appendField(b, "label", t.Label)
		b = appendFloat(append(b, `,"score":`...), t.Score)
		return append(appendEvidence(b, t.Evidence), '}')
	})
	if o := rec.Origin; o != nil {
		b = appendString(append(b, `,"origin":{"topic":`...), o.Topic)
		b = appendInt(b, "partition", o.Partition)
		b = strconv.AppendInt(append(b, `,"offset":`...), o.Offset, 10)
		if o.Key != "" {
			b = appendField(b, "key", o.Key)
		}
		b = append(b, '}')
	}
	b = appendString(append(b, `,"tagger":{"name":`...), rec.Tagger.Name)
	b = appendField(b, "version", rec.Tagger.Version)
	b = appendField(b, "gazetteer_version", rec.Tagger.GazetteerVersion)
	return append(b, "}}"...), nil
}

// appendField appends ,"name":"value".
func appendField(b []byte, name, value string) []byte {
	b = append(append(append(b, `,"`...), name...), `":`...)
	return appendString(b, value)
}

func appendInt(b []byte, name string, v int) []byte {
	b = append(append(append(b, `,"`...), name...), `":`...)
	return strconv.AppendInt(b, int64(v), 10)
}

// appendList appends a JSON array, or null for a nil slice (as json.Marshal
// does for a field without omitempty).
func appendList[T any](b []byte, xs []T, one func([]byte, *T) []byte) []byte {
	if xs == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range xs {
		if i > 0 {
			b = append(b, ',')
		}
		b = one(b, &xs[i])
	}
	return append(b, ']')
}

func appendEvidence(b []byte, es []event.Evidence) []byte {
	b = append(b, `,"evidence":`...)
	return appendList(b, es, func(b []byte, e *event.Evidence) []byte {
		b = appendString(append(b, `{"field":`...), e.Field)
		b = appendField(b, "text", e.Text)
		b = appendInt(b, "start", e.Start)
		return append(appendInt(b, "end", e.End), '}')
	})
}

// appendFloat formats a finite float64 as encoding/json does: like
// ECMAScript, %f between 1e-6 and 1e21, else %e with no leading zero in a
// negative exponent.
func appendFloat(b []byte, f float64) []byte {
	// The tagger rounds scores and saliences to thousandths. Such a value,
	// k/1000, prints as k's digits with the point three places in and the
	// trailing zeros dropped, which is also strconv's shortest form: that
	// decimal parses back to f (k/1000 rounded once, as the division did),
	// and no decimal with fewer digits does (it would lie 0.001 or more
	// away, where other float64s are). Formatting the integer is several
	// times faster than the shortest-form search (TestAppendFloat checks
	// both agree).
	if f >= 0 && f < 1e9 && !math.Signbit(f) {
		if k := math.Round(f * 1000); k/1000 == f {
			return appendThousandths(b, int64(k))
		}
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if n := len(b); format == 'e' && n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		b[n-2] = b[n-1] // e-09 → e-9
		b = b[:n-1]
	}
	return b
}

// appendThousandths appends k/1000 in decimal: "0.857", "0.85", "12", "0".
func appendThousandths(b []byte, k int64) []byte {
	b = strconv.AppendInt(b, k/1000, 10)
	frac := k % 1000
	if frac == 0 {
		return b
	}
	digits := [3]byte{byte('0' + frac/100), byte('0' + frac/10%10), byte('0' + frac%10)}
	n := 3
	for digits[n-1] == '0' {
		n--
	}
	return append(append(b, '.'), digits[:n]...)
}

// appendString appends s quoted as encoding/json quotes strings by default
// (HTML-safe): ", \ and control bytes escaped (\n, \t, … or \u00XX), <, >
// and & as \u003c, \u003e, \u0026, U+2028 and U+2029 as \u2028 and \u2029,
// each invalid UTF-8 byte as \ufffd; everything else as it is.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Eight safe bytes at a time: the text is long and seldom needs
		// escaping.
		for i+8 <= len(s) && safe8(uint64(s[i])|uint64(s[i+1])<<8|uint64(s[i+2])<<16|uint64(s[i+3])<<24|
			uint64(s[i+4])<<32|uint64(s[i+5])<<40|uint64(s[i+6])<<48|uint64(s[i+7])<<56) {
			i += 8
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(append(b, s[start:i]...), `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(append(b, s[start:i]...), '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	return append(append(b, s[start:]...), '"')
}

// safe8 reports whether all eight bytes of x are jsonSafe, with the
// bitwise tests of "Bit Twiddling Hacks" (Sean Eron Anderson, "Determine if
// a word has a byte less than n" and "… equal to n"): a byte of x is
// unsafe when its high bit is set (not ASCII), when it is below 0x20, or
// when it equals ", \, <, > or &. Each test sets the high bit of every
// byte it finds, and may set it for a byte above a found one too, never
// for a word with none, so that false is exact when it means "stop and
// look byte by byte", and the slow path decides.
func safe8(x uint64) bool {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	below := func(n uint64) uint64 { return x - lo*n }
	eq := func(c uint64) uint64 { y := x ^ (lo * c); return (y - lo) &^ y }
	return (x|below(0x20)|eq('"')|eq('\\')|eq('<')|eq('>')|eq('&'))&hi == 0
}

// jsonSafe is true for the ASCII bytes appendString copies as they are (a
// table: one load a byte instead of six comparisons).
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// finite reports whether every float of rec is finite (json.Marshal
// refuses the others).
func finite(rec *event.Record) bool {
	for _, c := range rec.Countries {
		if math.IsNaN(c.Salience) || math.IsInf(c.Salience, 0) {
			return false
		}
	}
	for _, t := range rec.Topics {
		if math.IsNaN(t.Score) || math.IsInf(t.Score, 0) {
			return false
		}
	}
	return true
}
