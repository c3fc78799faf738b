package normalize

import (
	"strings"

	"github.com/newsworker/newsworker/internal/langid"
)

// Language returns the ISO 639-1 code of text's language, or "" when
// unsure (short text, figures, or no language stands out). declared, when
// a valid two-letter code, wins. Detection reads only the start of the
// text (langid bounds its sample).
func Language(declared, text string) string {
	if d := strings.ToLower(strings.TrimSpace(declared)); len(d) >= 2 {
		if len(d) == 2 || d[2] == '-' || d[2] == '_' {
			return d[:2]
		}
	}
	return langid.Default().Detect(text)
}
