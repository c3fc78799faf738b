package decode

import (
	"regexp"
	"strings"
	"time"
)

// A dateline opens wire copy: "WASHINGTON, March 3 - ", "SANTA CRUZ, Calif.,
// March 3 - ", "MOSCOW (Reuters) - ", "LONDON, Ontario, March 3 - ".
var datelineRE = regexp.MustCompile(`^([A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,4})` + // place in capitals
	`(, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?` + // ", Calif." / ", Ontario"
	`(?:,? ((?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-zA-Z]*\.? \d{1,2}(?:, \d{4})?))?` + // ", March 3"
	`(?: \(([^()]{1,40})\))?` + // " (Reuters)"
	` ?-{1,2} `)

// Wire copy sometimes writes the place in title case ("Chicago, March 3 - ");
// then the date must be there too, so that an ordinary sentence opening
// ("Paris - the city of light") is not taken for a dateline.
var titleDatelineRE = regexp.MustCompile(`^([A-Z][a-z'.\-]+(?: [A-Z][a-z'.\-]+){0,3})` +
	`(, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?` +
	`,? ((?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-zA-Z]*\.? \d{1,2}(?:, \d{4})?)` +
	`(?: \(([^()]{1,40})\))?` +
	` ?-{1,2} `)

// Dateline is the place (and maybe date) of reporting at the start of a body.
type Dateline struct {
	Text   string // the whole dateline as written, without the dash
	Place  string // "WASHINGTON", "SANTA CRUZ, Calif."
	Agency string // "Reuters" in "MOSCOW (Reuters) -"
	Date   time.Time
	End    int // byte offset just after the dateline's place and date
}

// FindDateline reads a dateline at the start of normalized body text.
func FindDateline(text string) (Dateline, bool) {
	head := text
	if len(head) > 160 {
		head = head[:160]
	}
	// Both patterns start with a capital letter and end with a dash and a
	// space, so a match ends at or before the last "- " of head: text
	// without one, or not opening with a capital, has no dateline, and
	// the patterns need not look past it (they read the rest of head
	// otherwise, backtracking, for every item).
	last := strings.LastIndex(head, "- ")
	if last < 0 || head[0] < 'A' || head[0] > 'Z' {
		return Dateline{}, false
	}
	return matchDateline(head[:last+2])
}

// matchDateline matches the dateline patterns at the start of head.
func matchDateline(head string) (Dateline, bool) {
	m := datelineRE.FindStringSubmatchIndex(head)
	if m == nil {
		m = titleDatelineRE.FindStringSubmatchIndex(head)
	}
	if m == nil {
		return Dateline{}, false
	}
	place := head[m[2]:m[3]]
	if len(strings.Trim(place, "'.-")) < 2 {
		return Dateline{}, false
	}
	d := Dateline{Place: place}
	end := m[3]
	if m[4] >= 0 {
		region := head[m[4]:m[5]]
		if !isMonthWord(strings.TrimPrefix(region, ", ")) {
			d.Place += region
			end = m[5]
		}
	}
	if m[6] >= 0 {
		if strings.Contains(head[m[6]:m[7]], ",") {
			if t, err := ParseDate(head[m[6]:m[7]]); err == nil {
				d.Date = t
			}
		}
		end = m[7]
	}
	if m[8] >= 0 {
		d.Agency = head[m[8]:m[9]]
		end = m[9] + 1
	}
	d.Text, d.End = head[:end], end
	return d, true
}

func isMonthWord(s string) bool {
	if len(s) < 3 {
		return false
	}
	switch s[:3] {
	case "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec":
		return true
	}
	return false
}
