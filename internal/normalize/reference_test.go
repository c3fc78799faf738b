package normalize

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// textReference is Text as it was written first, rune by rune, with no fast
// path: FuzzNormalize holds Text to it byte for byte.
func textReference(s string) string {
	s = strings.Map(mapRune, s)
	s = norm.NFC.String(s)
	var b strings.Builder
	para, space := false, false
	for i, line := range strings.Split(s, "\n") {
		indented := strings.HasPrefix(line, "  ")
		line = strings.TrimSpace(line)
		if line == "" {
			para = true
			continue
		}
		if i > 0 && indented {
			para = true
		}
		if b.Len() > 0 {
			if para {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		para, space = false, false
		for _, r := range line {
			if r == ' ' {
				space = true
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// looksLikeHTMLReference is LooksLikeHTML with no fast path.
func looksLikeHTMLReference(s string) bool {
	if len(s) > 4096 {
		s = s[:4096]
	}
	l := strings.ToLower(s)
	n := 0
	for _, tag := range []string{"<p>", "<p ", "</p>", "<br", "<div", "</div>", "<html", "<body", "<span", "<a href", "<li>", "<h1", "<h2"} {
		n += strings.Count(l, tag)
	}
	return n >= 2
}
