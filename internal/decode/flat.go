package decode

import (
	"encoding/json"
	"unicode/utf16"
	"unicode/utf8"
)

// flatObject decodes the usual item, a JSON object whose values are all
// strings, numbers, booleans or null, into what json.Decoder with
// UseNumber gives for it (a later duplicate key wins), in one pass and
// without the decoder's reflection: that was 13% of an item's time in
// BenchmarkPipeline. It returns false for anything else — a nested value,
// an escape or a byte it does not expect, trailing data — and decodeJSON
// then takes the decoder's path, which decides and words every error; so
// flatObject needs only to be right when it says yes (FuzzDecode holds it
// to the decoder). v must be valid UTF-8.
func flatObject(v []byte) (map[string]any, bool) {
	p := flatParser{v: v}
	p.ws()
	if !p.eat('{') {
		return nil, false
	}
	obj := make(map[string]any, 8)
	p.ws()
	if p.eat('}') {
		return obj, p.end()
	}
	for {
		p.ws()
		k, ok := p.str()
		if !ok {
			return nil, false
		}
		p.ws()
		if !p.eat(':') {
			return nil, false
		}
		p.ws()
		val, ok := p.value()
		if !ok {
			return nil, false
		}
		obj[k] = val
		p.ws()
		if p.eat('}') {
			return obj, p.end()
		}
		if !p.eat(',') {
			return nil, false
		}
	}
}

type flatParser struct {
	v []byte
	i int
}

func (p *flatParser) ws() {
	for p.i < len(p.v) && (p.v[p.i] == ' ' || p.v[p.i] == '\t' || p.v[p.i] == '\n' || p.v[p.i] == '\r') {
		p.i++
	}
}

func (p *flatParser) eat(c byte) bool {
	if p.i < len(p.v) && p.v[p.i] == c {
		p.i++
		return true
	}
	return false
}

// end reports whether only white space is left.
func (p *flatParser) end() bool {
	p.ws()
	return p.i == len(p.v)
}

func (p *flatParser) value() (any, bool) {
	if p.i == len(p.v) {
		return nil, false
	}
	switch c := p.v[p.i]; {
	case c == '"':
		return p.str()
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	}
	for _, lit := range [...]struct {
		s string
		v any
	}{{"true", true}, {"false", false}, {"null", nil}} {
		if len(p.v)-p.i >= len(lit.s) && string(p.v[p.i:p.i+len(lit.s)]) == lit.s {
			p.i += len(lit.s)
			return lit.v, true
		}
	}
	return nil, false
}

// number reads a number with JSON's grammar,
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, as a json.Number of its
// text.
func (p *flatParser) number() (any, bool) {
	start := p.i
	p.eat('-')
	if p.eat('0') {
	} else if !p.digits() {
		return nil, false
	}
	if p.eat('.') && !p.digits() {
		return nil, false
	}
	if p.eat('e') || p.eat('E') {
		if !p.eat('+') {
			p.eat('-')
		}
		if !p.digits() {
			return nil, false
		}
	}
	return json.Number(p.v[start:p.i]), true
}

// digits reads one or more decimal digits.
func (p *flatParser) digits() bool {
	start := p.i
	for p.i < len(p.v) && p.v[p.i] >= '0' && p.v[p.i] <= '9' {
		p.i++
	}
	return p.i > start
}

// str reads a string. Bytes below 0x20 are not allowed in JSON strings;
// the escapes are \" \\ \/ \b \f \n \r \t and \uXXXX, a UTF-16 surrogate
// pair standing for one rune and an unpaired surrogate for U+FFFD, as
// encoding/json decodes them.
func (p *flatParser) str() (string, bool) {
	if !p.eat('"') {
		return "", false
	}
	start := p.i
	for p.i < len(p.v) {
		switch c := p.v[p.i]; {
		case c == '"':
			p.i++
			return string(p.v[start : p.i-1]), true
		case c == '\\':
			return p.unescape(start)
		case c < 0x20:
			return "", false
		}
		p.i++
	}
	return "", false
}

// unescape finishes a string that has escapes; p.i is at the first.
func (p *flatParser) unescape(start int) (string, bool) {
	b := make([]byte, 0, len(p.v)-start)
	b = append(b, p.v[start:p.i]...)
	for p.i < len(p.v) {
		c := p.v[p.i]
		switch {
		case c == '"':
			p.i++
			return string(b), true
		case c < 0x20:
			return "", false
		case c != '\\':
			// The run up to the next quote, backslash or control byte is
			// copied as it is, at once.
			j := p.i + 1
			for j < len(p.v) && p.v[j] != '"' && p.v[j] != '\\' && p.v[j] >= 0x20 {
				j++
			}
			b = append(b, p.v[p.i:j]...)
			p.i = j
			continue
		}
		if p.i+1 == len(p.v) {
			return "", false
		}
		e := p.v[p.i+1]
		p.i += 2
		switch e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, ok := p.hex4()
			if !ok {
				return "", false
			}
			if utf16.IsSurrogate(r) {
				// A pair makes one rune; anything else leaves U+FFFD and
				// is read on its own.
				r2 := utf8.RuneError
				if save := p.i; p.eat('\\') && p.eat('u') {
					if x, ok := p.hex4(); ok {
						r2 = x
					}
					if r = utf16.DecodeRune(r, r2); r == utf8.RuneError {
						p.i = save
					}
				} else {
					p.i, r = save, utf8.RuneError
				}
			}
			b = utf8.AppendRune(b, r)
		default:
			return "", false
		}
	}
	return "", false
}

// hex4 reads the four hex digits of a \u escape.
func (p *flatParser) hex4() (rune, bool) {
	if len(p.v)-p.i < 4 {
		return 0, false
	}
	var r rune
	for _, c := range p.v[p.i : p.i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	p.i += 4
	return r, true
}
