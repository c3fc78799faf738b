package decode

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"
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
