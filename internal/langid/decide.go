package langid

// minLetters is the fewest letters of the text's script a decision needs
// (minScored when n-grams must tell its languages apart), and
// minStrengthNum/minStrengthDen the least share of the language's strength
// (its score per letter of its own text) the winner's score per letter
// must reach.
const (
	minLetters     = 3
	minScored      = 10 // for a script of several languages
	minStrengthNum = 3
	minStrengthDen = 20
	// hintMargin is how far, in score per letter (1/8 nat), a hinted
	// language may trail the best and still be chosen (1/4 nat a letter).
	hintMargin = 2
)

// verdict is a decision with the figures it was made from.
type verdict struct {
	code         string
	best, second int32 // the scores of the best and second language
	letters      int32 // letters of the text's script
}

// verdict picks the text's script (the one most of its letters are in),
// and within it the language with the highest score, or "" when unsure.
// A hint (a language index, or -1) wins a close call among the languages
// of its script, as a page's declared language does in CLD2.
func (d *Detector) verdict(scores *[maxLangs]int32, letters *[numScripts]int32, hint int) verdict {
	best := ScriptNone
	for s := ScriptLatin; s < numScripts; s++ {
		if letters[s] > letters[best] {
			best = s
		}
	}
	// Japanese mixes kana into Han; Chinese has none.
	cjk := letters[ScriptHan] + letters[ScriptKana]
	if cjk > letters[best] {
		best = ScriptHan
		if letters[ScriptKana]*8 >= cjk {
			best = ScriptKana
		}
		if cjk < 2 {
			return verdict{}
		}
	} else if letters[best] < minLetters {
		return verdict{}
	}
	g := d.groups[best]
	switch len(g) {
	case 0:
		return verdict{}
	case 1:
		return verdict{code: d.t.codes[g[0]], letters: letters[best]}
	}
	if letters[best] < minScored {
		return verdict{}
	}
	top, second := -1, int32(-1)
	var topv int32
	for _, l := range g {
		sc := scores[l]
		if top < 0 || sc > topv {
			if top >= 0 {
				second = topv
			}
			top, topv = int(l), sc
		} else if sc > second {
			second = sc
		}
	}
	v := verdict{code: d.t.codes[top], best: topv, second: second, letters: letters[best]}
	if hint >= 0 && d.t.langs[hint] == best && topv-scores[hint] <= hintMargin*letters[best] {
		v.code = d.t.codes[hint]
		return v
	}
	// A tie, or a score far below what the language scores on its own
	// text: abbreviations, tables of figures and names, not sentences.
	if topv == second || int64(topv)*16*minStrengthDen < int64(letters[best])*int64(d.t.strength[top])*minStrengthNum {
		v.code = ""
	}
	return v
}
