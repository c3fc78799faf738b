package decode

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// parseDateReference is ParseDate as it was written first, trying every
// layout in order on the date as written and then with its months in title
// case: FuzzDecode holds ParseDate to it.
func parseDateReference(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, errors.New("no date")
	}
	if regexp.MustCompile(`^\d{9,13}$`).MatchString(s) {
		n, _ := strconv.ParseInt(s, 10, 64)
		if t, ok := unixTime(n); ok {
			return t, nil
		}
	}
	norm := strings.Join(strings.Fields(s), " ")
	for _, cand := range []string{norm, titleMonth(norm)} {
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, cand); err == nil {
				if t.Year() < 1800 || t.Year() > 2200 {
					continue
				}
				return t.UTC(), nil
			}
		}
	}
	return time.Time{}, errors.New("unrecognized date " + strconvQuote(s))
}

// isBinaryReference is isBinary as it was written first, byte by byte and
// rune by rune: FuzzDecode holds isBinary to it.
func isBinaryReference(v []byte) bool {
	if len(v) > sniffBytes {
		v = v[:sniffBytes]
	}
	var bad, n int
	for ; len(v) > 0 && v[0] < utf8.RuneSelf; v = v[1:] {
		n++
		if c := v[0]; c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			bad++
		}
	}
	for len(v) > 0 {
		r, size := utf8.DecodeRune(v)
		v = v[size:]
		n++
		switch {
		case r == utf8.RuneError && size == 1:
			bad++
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f':
			bad++
		}
	}
	return n > 0 && bad*10 > n*3
}
