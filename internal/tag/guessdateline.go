package tag

import (
	"strings"

	"github.com/newsworker/newsworker/internal/tag/tokens"
	"github.com/newsworker/newsworker/pkg/event"
)

// guessDateline reads a dateline the caller did not find, for wire copy
// typed by hand ("Chicago, March 3 -", a month with a stray capital):
// capitalised words and an optional ", Qualifier" at the very start of the
// text, followed by a month, a day or a dash. Feeds that repeat the headline as
// the body's first sentence put the dateline after it; there only the
// local-news form is read, a place in capitals and a dash ("MANSFIELD —").
// It returns nil when the opening does not look like one.
func (t *Tagger) guessDateline(text string, toks []tokens.Token) *event.Dateline {
	if d := t.openingDateline(text, toks); d != nil {
		return d
	}
	for i := 1; i < len(toks) && toks[i].Start < secondSentenceWithin; i++ {
		if toks[i].Is(tokens.Sentence) {
			return capsDateline(text, toks[i:])
		}
	}
	return nil
}

// secondSentenceWithin bounds where a dateline after a repeated headline
// may start (bytes): a headline is shorter.
const secondSentenceWithin = 300

// capsDateline reads "PLACE —" or "PLACE, Qualifier —": up to five words in
// capitals (and their full stops), optionally a comma and a state or
// country as written ("CHARLESTON, W.Va.", "TBILISI, Georgia"), then a
// dash.
func capsDateline(text string, toks []tokens.Token) *event.Dateline {
	qualified := false
	for i := 0; i < len(toks) && i < 12; i++ {
		tk := toks[i]
		w := text[tk.Start:tk.End]
		switch {
		case tk.Is(tokens.Word) && tk.Is(tokens.Cap) && !tk.Is(tokens.Digit) && (qualified || tk.Is(tokens.Upper) && tk.End-tk.Start > 1):
			continue
		case w == "." && i > 0 && toks[i-1].Is(tokens.Word):
			continue
		case w == "," && !qualified && i > 0 && toks[i-1].Is(tokens.Word):
			qualified = true
			continue
		case isDash(w) && i > 0 && text[toks[i-1].Start:toks[i-1].End] != ",":
			start, end := int(toks[0].Start), int(toks[i-1].End)
			return &event.Dateline{Text: text[start:tk.Start], Place: text[start:end], Start: start, End: end}
		}
		return nil
	}
	return nil
}

func isDash(w string) bool { return w == "-" || w == "—" || w == "–" }

// openingDateline reads a dateline at the very start of the text.
func (t *Tagger) openingDateline(text string, toks []tokens.Token) *event.Dateline {
	end, commas := -1, 0
	for i := 0; i < len(toks) && i < 8; i++ {
		tk := toks[i]
		w := text[tk.Start:tk.End]
		switch {
		case tk.Is(tokens.Word) && t.hasCue(tk, cMonthName) && commas > 0:
			if end < 0 {
				return nil
			}
			return &event.Dateline{Text: text[:end], Place: text[:end], Start: 0, End: end}
		case tk.Is(tokens.Word) && tk.Is(tokens.Cap) && !tk.Is(tokens.Digit):
			continue
		case w == "." && i > 0 && toks[i-1].Is(tokens.Word):
			continue // "Calif.", "ST. LOUIS"
		case w == ",":
			commas++
			if commas > 2 || i == 0 {
				return nil
			}
			end = int(toks[i-1].End)
			continue
		case (isDash(w) || w == "(") && i > 0:
			return &event.Dateline{Text: text[:tk.Start], Place: strings.TrimSpace(text[:tk.Start]), Start: 0, End: int(toks[i-1].End)}
		}
		return nil
	}
	return nil
}
