package normalize

import (
	"strings"

	"github.com/abadojack/whatlanggo"
)

// langSample bounds the text given to the detector: the start of an article
// says what language it is in, and the detector's cost grows with its input.
const langSample = 2048

// Language detects the language of text with whatlanggo (trigram profiles,
// 84 languages) and returns its ISO 639-1 code, or "" when unsure (short or
// mixed text). declared, when a valid two-letter code, wins.
func Language(declared, text string) string {
	if d := strings.ToLower(strings.TrimSpace(declared)); len(d) >= 2 {
		if len(d) == 2 || d[2] == '-' || d[2] == '_' {
			return d[:2]
		}
	}
	if len(text) > langSample {
		cut := langSample
		for cut > 0 && text[cut]&0xC0 == 0x80 {
			cut--
		}
		text = text[:cut]
	}
	if len(strings.Fields(text)) < 3 {
		return ""
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() && info.Confidence < 0.3 {
		return ""
	}
	return info.Lang.Iso6391()
}
