package importers

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
)

// cameoActor is one dictionary entry: its phrases (the primary one first)
// and its codes, with date restrictions.
type cameoActor struct {
	names []string
	codes []cameoCode
	line  int
}

// cameoCode is `[RUSGOV >080508]`: a code, optionally restricted to dates.
type cameoCode struct {
	code       string
	from, to   string // YYYY-MM-DD; empty: open
	dated, bad bool   // bad: the restriction could not be read
}

// readCAMEO splits a PETRARCH/TABARI actor dictionary into entries. As in
// PETRARCH's reader, phrases that follow each other before any code share
// the codes that come next; a primary phrase after codes starts a new entry.
func readCAMEO(r io.Reader, fn func(cameoActor) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	var cur cameoActor
	flush := func() error {
		if len(cur.names) == 0 && len(cur.codes) == 0 {
			return nil
		}
		err := fn(cur)
		cur = cameoActor{}
		return err
	}
	inComment := false
	lineNo := 0
	for sc.Scan() {
		lineNo++
		raw := sc.Text()
		if strings.Contains(raw, "---STOP---") {
			break
		}
		raw, inComment = stripCAMEOComments(raw, inComment)
		line := strings.TrimSpace(raw)
		if line == "" {
			continue
		}
		switch {
		case raw[0] == '\t' || line[0] == '[':
			cur.codes = append(cur.codes, parseCAMEOCode(line))
		case line[0] == '+':
			cur.names = append(cur.names, phrase(line[1:]))
		default:
			if len(cur.codes) > 0 {
				if err := flush(); err != nil {
					return err
				}
			}
			if len(cur.names) == 0 {
				cur.line = lineNo
			}
			name, code, hasCode := strings.Cut(line, "[")
			cur.names = append(cur.names, phrase(name))
			if hasCode {
				cur.codes = append(cur.codes, parseCAMEOCode("["+code))
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read: %w", err)
	}
	return flush()
}

// stripCAMEOComments removes `#` and legacy `;` comments and <!-- -->
// blocks, which may span lines.
func stripCAMEOComments(s string, inComment bool) (string, bool) {
	var sb strings.Builder
	for s != "" {
		if inComment {
			i := strings.Index(s, "-->")
			if i < 0 {
				return sb.String(), true
			}
			s, inComment = s[i+3:], false
			continue
		}
		i := strings.IndexAny(s, "#;<")
		if i < 0 {
			sb.WriteString(s)
			break
		}
		sb.WriteString(s[:i])
		switch {
		case s[i] != '<':
			return sb.String(), false
		case strings.HasPrefix(s[i:], "<!--"):
			s, inComment = s[i+4:], true
		default:
			sb.WriteByte('<')
			s = s[i+1:]
		}
	}
	return sb.String(), inComment
}

// phrase turns VLADIMIR_V._PUTIN_ into "VLADIMIR V. PUTIN".
func phrase(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ")
}

// parseCAMEOCode reads "[RUSGOV >080508]", "[USAELI 870101-891231]",
// "[RUSGOV <991231]" or "[RUSELI]".
func parseCAMEOCode(s string) cameoCode {
	s = strings.TrimSpace(strings.TrimPrefix(s, "["))
	if i := strings.IndexByte(s, ']'); i >= 0 {
		s = s[:i]
	}
	code, rest, _ := strings.Cut(strings.TrimSpace(s), " ")
	c := cameoCode{code: code}
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return c
	}
	c.dated = true
	var ok1, ok2 = true, true
	switch {
	case rest[0] == '>':
		c.from, ok1 = cameoDate(rest[1:])
	case rest[0] == '<':
		c.to, ok2 = cameoDate(rest[1:])
	default:
		a, b, found := strings.Cut(rest, "-")
		c.from, ok1 = cameoDate(a)
		c.to, ok2 = cameoDate(b)
		ok2 = ok2 && found
	}
	c.bad = !ok1 || !ok2
	return c
}

// cameoDate reads YYMMDD or YYYYMMDD. Two-digit years pivot as in PETRARCH:
// 00-30 are 2000-2030, 31-99 are 1931-1999.
func cameoDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if strings.Trim(s, "0123456789") != "" {
		return "", false
	}
	var y, m, d int
	switch len(s) {
	case 6:
		if _, err := fmt.Sscanf(s, "%2d%2d%2d", &y, &m, &d); err != nil {
			return "", false
		}
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
	case 8:
		if _, err := fmt.Sscanf(s, "%4d%2d%2d", &y, &m, &d); err != nil {
			return "", false
		}
	default:
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return "", false
	}
	return t.Format("2006-01-02"), true
}
