package eval

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/newsworker/newsworker/pkg/event"
)

// tok is one word of a name in two foldings: accents dropped ("pohl"), and
// German umlauts and ß transliterated ("poehl"); the README's rule matches
// either.
type tok struct{ plain, translit string }

func (a tok) eq(b tok) bool {
	return a.plain == b.plain || a.translit == b.translit || a.plain == b.translit || a.translit == b.plain
}

// germanTranslit is the transliteration of a German umlaut or ß.
func germanTranslit(r rune) (string, bool) {
	switch r {
	case 'ä':
		return "ae", true
	case 'ö':
		return "oe", true
	case 'ü':
		return "ue", true
	case 'ß':
		return "ss", true
	}
	return "", false
}

// nameTokens folds accents and case and splits a name or a Reuters label
// ("james-baker", "Bashar al-Assad") into words, dropping Jr, Sr, II, III.
func nameTokens(s string) []tok {
	var plain, translit strings.Builder
	for _, r := range strings.ToLower(norm.NFC.String(s)) {
		if t, ok := germanTranslit(r); ok {
			translit.WriteString(t)
			for _, d := range norm.NFD.String(string(r)) {
				if !unicode.Is(unicode.Mn, d) {
					plain.WriteRune(d)
				}
			}
			continue
		}
		for _, d := range norm.NFD.String(string(r)) {
			switch {
			case unicode.Is(unicode.Mn, d):
			case unicode.IsLetter(d) || unicode.IsDigit(d):
				plain.WriteRune(d)
				translit.WriteRune(d)
			default:
				plain.WriteByte(' ')
				translit.WriteByte(' ')
			}
		}
	}
	// Both foldings split at the same places, so their words pair up.
	pw, tw := strings.Fields(plain.String()), strings.Fields(translit.String())
	out := make([]tok, 0, len(pw))
	for i, w := range pw {
		switch w {
		case "jr", "sr", "ii", "iii":
			continue
		}
		out = append(out, tok{w, tw[i]})
	}
	return out
}

// nameMatches applies the README's rule: the same last token, and every
// other token of the label somewhere in the name. A one-token label
// ("reagan") matches any name ending in it.
func nameMatches(label, name []tok) bool {
	if len(label) == 0 || len(name) == 0 || !label[len(label)-1].eq(name[len(name)-1]) {
		return false
	}
	for _, w := range label[:len(label)-1] {
		if !slices.ContainsFunc(name, w.eq) {
			return false
		}
	}
	return true
}

// peopleRecall adds one case's Reuters people labels to r and returns the
// labels not found.
func peopleRecall(r *Ratio, labels []string, offs []event.Official) (missed []string) {
	names := make([][]tok, len(offs))
	for i, o := range offs {
		names[i] = nameTokens(o.Name)
	}
	for _, l := range labels {
		r.Total++
		lt := nameTokens(l)
		found := false
		for _, n := range names {
			if nameMatches(lt, n) {
				found = true
				break
			}
		}
		if found {
			r.Found++
		} else {
			missed = append(missed, l)
		}
	}
	return missed
}

// officialsScore compares predicted officials with the gold ones by the
// same name rule: a prediction is correct when it matches a gold official;
// a gold official is found when some prediction matches it.
func officialsScore(s *OfficialsScore, gold []GoldOfficial, offs []event.Official) (missed, false_ []string) {
	gt := make([][]tok, len(gold))
	for i, g := range gold {
		gt[i] = nameTokens(g.Name)
	}
	for _, o := range offs {
		nt := nameTokens(o.Name)
		ok := false
		for _, g := range gt {
			if nameMatches(g, nt) {
				ok = true
				break
			}
		}
		if ok {
			s.Correct++
		} else {
			s.FP++
			false_ = append(false_, o.Name)
		}
	}
	for i, g := range gold {
		var hit *event.Official
		for k := range offs {
			if nameMatches(gt[i], nameTokens(offs[k].Name)) {
				hit = &offs[k]
				break
			}
		}
		if hit == nil {
			s.FN++
			missed = append(missed, g.Name)
			continue
		}
		s.TP++
		if strings.EqualFold(hit.Country, g.Country) {
			s.CountryAgree++
		} else {
			missed = append(missed, g.Name+" country "+g.Country+" (got "+hit.Country+")")
		}
		if statusKey(hit.Status) == statusKey(g.Status) {
			s.StatusAgree++
		} else {
			missed = append(missed, g.Name+" status "+g.Status+" (got "+hit.Status+")")
		}
	}
	return missed, false_
}

func statusKey(s string) string {
	return strings.ToLower(strings.NewReplacer("_", "", " ", "", "-", "").Replace(s))
}

// ancestors returns code and its broader concepts, nearest first.
func ancestors(code string, broader map[string]string) []string {
	out := []string{code}
	for i := 0; i < 16; i++ {
		p := broader[code]
		if p == "" || slices.Contains(out, p) {
			break
		}
		out = append(out, p)
		code = p
	}
	return out
}

// topOne is the top-level ancestor of the highest-scoring topic ("" when
// there is none). Ties go to the first in the record's order.
func topOne(topics []event.Topic, broader map[string]string) string {
	if len(topics) == 0 {
		return ""
	}
	best := 0
	for i, t := range topics {
		if t.Score > topics[best].Score {
			best = i
		}
	}
	a := ancestors(topics[best].Code, broader)
	return a[len(a)-1]
}

// topicsScore: every must concept is covered by a predicted concept or one
// of its ancestors; a predicted concept is correct when it is in must ∪ may
// or an ancestor of one of them.
func topicsScore(s *TopicsScore, must, may []string, topics []event.Topic, broader map[string]string) (missed, false_ []string) {
	for _, m := range must {
		s.MustCovered.Total++
		covered := false
		for _, t := range topics {
			if slices.Contains(ancestors(t.Code, broader), m) {
				covered = true
				break
			}
		}
		if covered {
			s.MustCovered.Found++
		} else {
			missed = append(missed, m)
		}
	}
	good := make(map[string]bool)
	for _, g := range append(slices.Clone(must), may...) {
		for _, a := range ancestors(g, broader) {
			good[a] = true
		}
	}
	for _, t := range topics {
		s.Precision.Total++
		if good[t.Code] {
			s.Precision.Found++
		} else {
			false_ = append(false_, t.Code)
		}
	}
	return missed, false_
}
