package decode

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/newsworker/newsworker/pkg/event"
)

// maxHeadlineRunes: a first line longer than this is a paragraph, not a
// headline, and the whole text is body.
const maxHeadlineRunes = 300

// bylineLines is how many non-empty lines after the headline may hold the
// byline (the seed has the headline again and a photo caption before it).
const bylineLines = 4

var bylineRE = regexp.MustCompile(`^(?i:by)\s+(.{2,80}?)[,\s]+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4})\s*$`)

// decodeText reads a feed's plain-text dump: a headline line, maybe the
// headline again, maybe a caption, maybe a byline with a date, then the body.
func decodeText(s string) Item {
	it := Item{Form: "text"}
	lines := strings.Split(s, "\n")
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i == len(lines) {
		return it
	}
	head := strings.TrimSpace(lines[i])
	if utf8.RuneCountInString(head) > maxHeadlineRunes {
		it.Body = strings.Join(lines[i:], "\n")
		return it
	}
	it.Title = head
	rest := lines[i+1:]
	seen := 0
	for j := 0; j < len(rest) && seen < bylineLines; j++ {
		line := strings.TrimSpace(rest[j])
		if line == "" {
			continue
		}
		seen++
		if seen == 1 && strings.EqualFold(line, head) {
			rest[j] = ""
			it.Notes = append(it.Notes, NoteHeadlineDedup)
			continue
		}
		if m := bylineRE.FindStringSubmatch(line); m != nil {
			if t, err := ParseDate(m[2]); err == nil {
				it.SourceName = strings.TrimSpace(m[1])
				it.Published, it.PublishedFrom = t, event.DateFromByline
				rest[j] = ""
				it.Notes = append(it.Notes, NoteBylineRemoved)
				break
			}
		}
	}
	it.Body = strings.Join(rest, "\n")
	return it
}
