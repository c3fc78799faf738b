package decode

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dateLayouts are tried in order. Layouts without a zone are read as UTC.
var dateLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05 -0700",
	time.RFC822Z,
	time.RFC822,
	time.RFC850,
	time.ANSIC,
	"02-Jan-2006 15:04:05.00",
	"2-Jan-2006 15:04:05.00",
	"02-Jan-2006 15:04:05",
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"January 2, 2006 15:04",
	"2006/01/02",
}

// byShape splits dateLayouts, in order, by what a date must look like to
// match them: byShape[numeric][colon] holds those that begin with a number
// (a year or a day: digits) when numeric is 1, else with a name (a weekday
// or a month: letters), and that have a time of day (15:04, with its
// colon) only when colon is 1. time.Parse matches a number only to digits,
// a name only to letters and the colon only to a colon, so a date is tried
// only against the layouts of its shape; a failed time.Parse costs an error
// value, and news items often tried ten.
var byShape = func() (l [2][2][]string) {
	for _, layout := range dateLayouts {
		c := 0
		if strings.Contains(layout, "15:04") {
			c = 1
		}
		for colon := c; colon < 2; colon++ { // a date with a colon may still match a layout without one
			l[numeric(layout)][colon] = append(l[numeric(layout)][colon], layout)
		}
	}
	return l
}()

// numeric is 1 when s begins with a digit, else 0.
func numeric(s string) int {
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		return 1
	}
	return 0
}

// allDigits reports whether s is min to max ASCII digits (a Unix time in
// seconds or milliseconds).
func allDigits(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ParseDate reads the date formats news feeds use and returns UTC.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, errors.New("no date")
	}
	if allDigits(s, 9, 13) {
		n, _ := strconv.ParseInt(s, 10, 64)
		if t, ok := unixTime(n); ok {
			return t, nil
		}
	}
	// "26-FEB-1987 15:01:01.79": Go month names are case-sensitive.
	norm := strings.Join(strings.Fields(s), " ")
	for i, cand := range [2]string{norm} {
		if i == 1 {
			// Only when the date as written failed, and only when it has
			// upper-case months: the same text would fail again.
			if cand = titleMonth(norm); cand == norm {
				break
			}
		}
		colon := 0
		if strings.Contains(cand, ":") {
			colon = 1
		}
		for _, layout := range byShape[numeric(cand)][colon] {
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

// unixTime reads n as Unix seconds, or milliseconds when it is too large to be
// seconds of a plausible news date.
func unixTime(n int64) (time.Time, bool) {
	switch {
	case n > 1e11 && n < 1e14:
		return time.UnixMilli(n).UTC(), true
	case n > 0 && n < 1e11:
		return time.Unix(n, 0).UTC(), true
	}
	return time.Time{}, false
}

var monthUpper = regexp.MustCompile(`\b(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\b`)

func titleMonth(s string) string {
	return monthUpper.ReplaceAllStringFunc(s, func(m string) string {
		return m[:1] + strings.ToLower(m[1:])
	})
}

func strconvQuote(s string) string { return strconv.Quote(s) }
