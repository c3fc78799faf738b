package tag

// cue classes of the small closed-class words the context rules look at.
// They are English grammar, not gazetteer data, so they live in code.
type cue uint32

const (
	cSpeech    cue = 1 << iota // said, says, told: a name before it is a person
	cPrep                      // in, to, from: a place may follow
	cHonorific                 // Mr, Mrs, Dr: a surname follows
	cFormer                    // former, ex, late: the office is no longer held
	cDeputy                    // deputy, vice: a different, lesser office
	cParticle                  // al, de, von: lower-case parts of names
	cNotName                   // capitalised words that never start or end a name
	cDet                       // the, a, an
	cSuffix                    // Jr, Sr, II: generational suffixes
	cMonth                     // months: "May" is rarely Theresa May
	cVerb                      // lower-case verbs and function words seen after ALL-CAPS names
	cList                      // and, or, ",": list context
	cCurrency                  // dlrs, francs, yen
	cDirection                 // North, Greater: part of a place's own name
	cMonthName                 // every month name and abbreviation
	cLocative                  // in, to, from: a place follows more often than not
	// usages from the gazetteer (usage.go), not grammar in code
	cThing    // restaurant, food: "Italian restaurant" is no mention of Italy
	cLanguage // speaks, in: "speaks French" names a language
	cEthnic   // American: "Irish-American" is an American
	cRelation // relations, trade: "Chinese-American relations" names both
	cNamePart // on, upon: "Stratford-upon-Avon" is one name
	cLocal    // Police, Township: "the Dayton Police Department" names Dayton
	cTrade    // imports, company: "Dutch food company" is a Dutch company
	cEvent    // accord, summit: "the Paris accord" is an event, barely Paris
)

func newCues() map[uint64]cue {
	m := make(map[uint64]cue, 256)
	add := func(c cue, words ...string) {
		for _, w := range words {
			m[keyOf(w)] |= c
		}
	}
	add(cSpeech, "said", "says", "say", "told", "tells", "added", "adds", "stated", "warned", "warns",
		"urged", "urges", "noted", "argued", "announced", "announces", "sees", "saw", "predicted",
		"predicts", "asked", "asks", "declined", "replied", "insisted", "stressed", "reiterated",
		"commented", "explained", "wrote", "acknowledged", "confirmed", "denied", "expects", "hopes")
	add(cPrep, "in", "to", "from", "of", "with", "and", "between", "against", "visit", "visited",
		"visiting", "via", "toward", "towards", "across", "including", "into", "neighbouring",
		"neighboring", "at", "on", "for", "by", "or", "near", "throughout", "inside", "outside", "over")
	add(cHonorific, "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "madame", "monsieur",
		"herr", "senor", "señor", "sheikh", "prof", "professor")
	add(cFormer, "former", "ex", "late", "then", "erstwhile", "outgoing", "previous")
	add(cDeputy, "deputy", "vice", "assistant", "under", "junior", "shadow", "associate", "first",
		"second", "undersecretary", "sub")
	add(cParticle, "al", "el", "de", "del", "della", "der", "den", "van", "von", "bin", "ibn", "du", "da",
		"dos", "das", "di", "le", "la", "ter", "ben", "abu", "bint", "y", "st", "mac", "zu", "af", "ul")
	add(cNotName, "the", "a", "an", "and", "or", "but", "in", "on", "at", "of", "for", "to", "with",
		"by", "from", "as", "this", "that", "these", "those", "his", "her", "its", "their", "our",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "june", "july", "august", "september", "october",
		"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
		"oct", "nov", "dec", "it", "he", "she", "they", "we", "i", "you", "there", "here", "when",
		"while", "after", "before", "if", "said", "says", "will", "would", "has", "had", "have",
		"is", "was", "are", "were", "be", "not", "no", "also", "today", "yesterday", "tomorrow",
		"government", "ministry", "administration", "cabinet", "parliament", "congress", "senate",
		"house", "party", "officials", "official", "sources", "spokesman", "spokeswoman", "reuters",
		"bank", "inc", "corp", "co", "ltd", "plc", "group", "association", "council", "committee",
		"department", "office", "agency", "board", "commission", "state", "states", "national",
		"federal", "central", "international", "union", "news", "press", "told", "announced",
		"sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "adm", "maj", "st", "mt", "ft",
		"league", "cup", "club", "championship", "division", "team", "united", "city", "county",
		"school", "university", "college", "institute", "foundation", "fund", "trust", "corporation",
		"company", "airlines", "airways", "exchange", "market", "index", "report", "act", "bill",
		"treaty", "accord", "agreement", "summit", "conference", "premiership", "open", "games")
	add(cDet, "the", "a", "an")
	add(cSuffix, "jr", "sr", "ii", "iii", "iv")
	add(cMonth, "may", "march", "june", "july", "august", "april")
	add(cVerb, "says", "said", "say", "sees", "see", "urges", "urge", "warns", "warn", "to", "in",
		"on", "at", "for", "and", "of", "is", "was", "will", "may", "not", "calls", "call", "wants",
		"asks", "rejects", "denies", "backs", "plans", "expects", "predicts", "hopes", "meets",
		"visits", "defends", "attacks", "opposes", "supports", "named", "resigns", "quits", "leaves",
		"ends", "begins", "starts", "set", "sets", "gets", "gives", "takes", "has", "had", "should",
		"could", "would", "must", "can", "cuts", "raises", "holds", "confident", "optimistic",
		"pessimistic", "agrees", "proposes", "dismisses", "doubts", "seen", "the", "a", "an", "by",
		"from", "with", "as", "after", "before", "over", "against", "bill", "plan", "visit", "talks")
	add(cList, "and", "or", ",", "&")
	add(cLocative, "in", "to", "from", "near", "via", "across", "into", "throughout", "inside", "outside",
		"visit", "visited", "visiting", "toward", "towards", "neighbouring", "neighboring", "between")
	add(cMonthName, "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
		"oct", "nov", "dec")
	add(cCurrency, "dlr", "dlrs", "dollar", "dollars", "franc", "francs", "yen", "mark", "marks", "pound",
		"pounds", "sterling", "stg", "lira", "lire", "peso", "pesos", "guilder", "guilders", "crown",
		"crowns", "krona", "kronor", "krone", "kroner", "rand", "rupee", "rupees", "rupiah", "ringgit",
		"won", "baht", "shilling", "shillings", "cruzado", "cruzados", "escudo", "escudos", "drachma",
		"drachmas", "schilling", "schillings", "riyal", "riyals", "dinar", "dinars", "currency", "cents",
		"euro", "euros", "yuan", "renminbi", "rouble", "roubles", "ruble", "rubles", "zloty", "forint")
	add(cNamePart, "on", "upon", "under", "super", "sur", "en", "le", "la", "by", "next")
	add(cDirection, "north", "south", "east", "west", "northern", "southern", "eastern", "western",
		"central", "greater", "upper", "lower", "new", "old", "inner", "outer", "metropolitan")
	return m
}

func (t *Tagger) cueOf(tok token) cue {
	if c, ok := t.cues[tok.key]; ok {
		return c
	}
	return 0
}

func (t *Tagger) hasCue(tok token, c cue) bool { return t.cueOf(tok)&c != 0 }
