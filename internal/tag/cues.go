package tag

import (
	"strings"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/tag/tokens"
)

// cue classes of the small closed-class words the context rules look at.
// The classes are the grammar the rules test, so they live in code; their
// words are gazetteer data (kind "cues", FORMAT.md) that users can extend.
type cue uint32

const (
	cSpeech       cue = 1 << iota // said, says, told: a name before it is a person
	cPrep                         // in, to, from: a place may follow
	cHonorific                    // Mr, Mrs, Dr: a surname follows
	cFormer                       // former, ex, late: the office is no longer held
	cDeputy                       // deputy, vice: a different, lesser office
	cParticle                     // al, de, von: lower-case parts of names
	cNotName                      // capitalised words that never start or end a name
	cDet                          // the, a, an
	cSuffix                       // Jr, Sr, II: generational suffixes
	cMonth                        // months: "May" is rarely Theresa May
	cVerb                         // lower-case verbs and function words seen after ALL-CAPS names
	cList                         // and, or, ",": list context
	cCurrency                     // dlrs, francs, yen
	cDirection                    // North, Greater: part of a place's own name
	cMonthName                    // every month name and abbreviation
	cLocative                     // in, to, from: a place follows more often than not
	cNamePart                     // on, upon: "Stratford-upon-Avon" is one name
	cGenericTitle                 // chairman: a title companies use too (a phrase's key)
	cCompany                      // Inc, plc: ends a company's name (read by the topic stage)
	// usages (gazetteer kind "usages", usage.go)
	cThing    // restaurant, food: "Italian restaurant" is no mention of Italy
	cLanguage // speaks, in: "speaks French" names a language
	cEthnic   // American: "Irish-American" is an American
	cRelation // relations, trade: "Chinese-American relations" names both
	cLocal    // Police, Township: "the Dayton Police Department" names Dayton
	cTrade    // imports, company: "Dutch food company" is a Dutch company
	cEvent    // accord, summit: "the Paris accord" is an event, barely Paris
)

// newCues files the words of the gazetteer's cues (kind "cues") under their
// keys, each with the bits of its classes. A generic title is a phrase,
// filed under the key of the whole phrase (keyOfPhrase), which no single
// word's key equals.
func newCues(cs []gazetteer.Cue) map[uint64]cue {
	m := make(map[uint64]cue, len(cs))
	for _, c := range cs {
		bit := cueClass(c.Class)
		if bit == cGenericTitle {
			m[keyOfPhrase(c.Word)] |= bit
			continue
		}
		m[tokens.KeyOf(c.Word)] |= bit
	}
	return m
}

// companyWords returns the keys of the cues that end a company's name
// (class company), which the topic stage reads.
func companyWords(cs []gazetteer.Cue) []uint64 {
	var out []uint64
	for _, c := range cs {
		if c.Class == gazetteer.CueCompany {
			out = append(out, tokens.KeyOf(c.Word))
		}
	}
	return out
}

// cueBits maps each class of the gazetteer's cues to its bit; it is never
// written after initialisation.
var cueBits = map[string]cue{
	gazetteer.CueSpeech:       cSpeech,
	gazetteer.CuePreposition:  cPrep,
	gazetteer.CueLocative:     cLocative,
	gazetteer.CueHonorific:    cHonorific,
	gazetteer.CueFormer:       cFormer,
	gazetteer.CueDeputy:       cDeputy,
	gazetteer.CueParticle:     cParticle,
	gazetteer.CueNotName:      cNotName,
	gazetteer.CueDeterminer:   cDet,
	gazetteer.CueSuffix:       cSuffix,
	gazetteer.CueMonthSurname: cMonth,
	gazetteer.CueMonth:        cMonthName,
	gazetteer.CueVerb:         cVerb,
	gazetteer.CueList:         cList,
	gazetteer.CueCurrency:     cCurrency,
	gazetteer.CueDirection:    cDirection,
	gazetteer.CueNamePart:     cNamePart,
	gazetteer.CueGenericTitle: cGenericTitle,
	gazetteer.CueCompany:      cCompany,
}

// cueClass is the bit of a class of cues (0 for a class with none).
func cueClass(class string) cue { return cueBits[class] }

// isSuffix: the word, without a trailing full stop or comma, is a
// generational suffix ("Jr.", "III").
func (t *Tagger) isSuffix(w string) bool {
	return t.cues[tokens.KeyOf(strings.TrimRight(w, ".,"))]&cSuffix != 0
}

// genericRole: a title that companies and clubs use as much as states do
// (cues of class generic_title); a holder not in the gazetteer counts as an
// official only when a country or public body qualifies the title.
func (t *Tagger) genericRole(phrase string) bool {
	return t.cues[keyOfPhrase(strings.ToLower(phrase))]&cGenericTitle != 0
}

func (t *Tagger) cueOf(tok tokens.Token) cue {
	if c, ok := t.cues[tok.Key]; ok {
		return c
	}
	return 0
}

func (t *Tagger) hasCue(tok tokens.Token, c cue) bool { return t.cueOf(tok)&c != 0 }
