package tag

import (
	"slices"
	"strings"

	"github.com/newsworker/newsworker/internal/tag/tokens"
)

// placeMatch: match k (an index into lx.matches, -1 for none) may name a
// place, a country or an institution; a word known only as a person's
// name or surname ("John", "Lee", "Woods") does not, so "John Flanders"
// is a man and "Bradford Woods" no English city.
func (t *Tagger) placeMatch(lx *lexicon, k int) bool {
	if k < 0 {
		return false
	}
	m := lx.matches[k]
	for i, s := range t.d.nodes[m.node].senses {
		if m.mask&(1<<i) != 0 && s.kind != sSurname && s.kind != sPerson {
			return true
		}
	}
	return false
}

// notThisPlace: the match, although it spells place p, is not p here.
//   - "Madison County" is the county (county.go);
//   - a place after a party's letter ("Sen. Tom Jensen, R-London") is a
//     US lawmaker's home town, so only a US place;
//   - a place glued by a hyphen to a capitalised word that is no place is
//     part of that name ("Methodist Hospital-Houston"), and one followed by
//     "-on-", "-upon-", "-under-" is another place's name part
//     ("Stratford-upon-Avon" holds no Stratford);
//   - a place after an initial is a surname ("H.G. Wells", "John F. Kennedy"),
//     unless the initials are a place themselves ("U.S.") or a compass
//     point ("W. Virginia", "N.W.").
func (t *Tagger) notThisPlace(lx *lexicon, m match, p *placeInfo) bool {
	toks, src := lx.toks(m.field)
	i, j := int(m.i), int(m.j)
	switch {
	case t.usCounty(toks, j, p):
		return true
	case i >= 2 && glued(toks, src, i-1, '-') && toks[i-2].End-toks[i-2].Start == 1 && toks[i-2].Is(tokens.Upper) &&
		strings.Contains("RDI", src[toks[i-2].Start:toks[i-2].End]):
		return !slices.Contains(p.countries, t.usIdx)
	case i >= 2 && glued(toks, src, i-1, '-') && toks[i-2].Is(tokens.Word) && toks[i-2].Is(tokens.Cap) &&
		!t.hasCue(toks[i-2], cParticle|cDirection) && !t.placeMatch(lx, lx.ending(m.field, i-1)):
		return true
	case i >= 2 && toks[i-1].End-toks[i-1].Start == 1 && src[toks[i-1].Start] == '.' && toks[i-2].End-toks[i-2].Start == 1 &&
		toks[i-2].Is(tokens.Upper) && !t.placeMatch(lx, lx.ending(m.field, i)) && !compass(toks, src, i-2):
		return true
	case j+1 < len(toks) && glued(toks, src, j, '-') && toks[j+1].Is(tokens.Lower) && t.hasCue(toks[j+1], cNamePart):
		return true
	}
	return false
}

// compass: the letter at k is a compass point ("W. Virginia", "N.W.
// Rochester"), as wire copy abbreviates it, more often than an initial.
func compass(toks []tokens.Token, src string, k int) bool {
	return strings.Contains("NSEW", src[toks[k].Start:toks[k].End])
}

// glued: token k is the one-byte punctuation c with no space on either side.
func glued(toks []tokens.Token, src string, k int, c byte) bool {
	return k+1 < len(toks) && toks[k].End-toks[k].Start == 1 && src[toks[k].Start] == c &&
		!toks[k].Is(tokens.Space) && !toks[k+1].Is(tokens.Space)
}

// nearCountryName: a settled country's name or demonym within three tokens
// either side, as in a list of countries.
func (t *Tagger) nearCountryName(oc *occurrences, o *occurrence) bool {
	for k := range oc.occs {
		p := &oc.occs[k]
		cs := oc.cands[p.candFrom:p.candTo]
		if p == o || p.field != o.field || !definite(cs) || cs[0].kind != mName && cs[0].kind != mDemonym {
			continue
		}
		if d := p.tok - o.tok; d >= -3 && d <= 3 {
			return true
		}
	}
	return false
}
