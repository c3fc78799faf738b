package gazetteer

import (
	"errors"
	"time"
)

var errBadDate = errors.New("want YYYY-MM-DD, YYYY-MM or YYYY")

// parseDate reads YYYY-MM-DD, YYYY-MM or YYYY. A partial date means the first
// day of the period for a start and the last day for an end, so that "2017"
// as an end date keeps the term active through 31 December 2017. The result is
// midnight UTC of that day. Hand-written rather than time.Parse: the people
// files have tens of thousands of dates and this keeps loading cheap.
func parseDate(s string, isEnd bool) (time.Time, error) {
	var y, m, d int
	var ok bool
	switch len(s) {
	case 4:
		y, ok = digits(s)
		m, d = 1, 1
		if isEnd {
			m, d = 12, 31
		}
	case 7:
		var okm bool
		y, ok = digits(s[:4])
		m, okm = digits(s[5:7])
		ok = ok && okm && s[4] == '-'
		d = 1
		if ok && isEnd {
			d = daysIn(y, m)
		}
	case 10:
		var okm, okd bool
		y, ok = digits(s[:4])
		m, okm = digits(s[5:7])
		d, okd = digits(s[8:10])
		ok = ok && okm && okd && s[4] == '-' && s[7] == '-'
	}
	if !ok {
		return time.Time{}, errBadDate
	}
	if y < 1000 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return time.Time{}, errors.New("no such date")
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), nil
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, len(s) > 0
}

func daysIn(y, m int) int {
	if m < 1 || m > 12 {
		return 0
	}
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// day reduces t to midnight UTC of its calendar day (in t's own location), so
// that an article dated "2017-01-20T18:00:00-05:00" counts as 20 January.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// ActiveOn reports whether the term covers the calendar day of d. Both ends
// are inclusive: on a hand-over day the outgoing and incoming holders are
// both active, which is how news of that day speaks of them. A zero Start is
// an unknown start (active since ever); a zero End means still in office.
func (t Term) ActiveOn(d time.Time) bool {
	dd := day(d)
	if !t.Start.IsZero() && dd.Before(t.Start) {
		return false
	}
	return t.End.IsZero() || !dd.After(t.End)
}

// Overlaps reports whether the term shares at least one day with [from, to].
func (t Term) Overlaps(from, to time.Time) bool {
	if !t.Start.IsZero() && day(to).Before(t.Start) {
		return false
	}
	return t.End.IsZero() || !day(from).After(t.End)
}
