package tag

// mention kinds, from the strongest evidence of what a story is about to the
// weakest; weights live in salience.go.
type mkind uint8

const (
	mDateline mkind = iota
	mName           // "Russia", "U.S."
	mDemonym        // "Russian"
	mCapital        // "Moscow"
	mCity
	mRegion   // regions, states, provinces
	mMetonym  // "the Kremlin"
	mMulti    // "Korean peninsula"
	mLandmark // "Wembley"
	mOrg      // "Bundesbank"
	mRole     // "Kremlin spokesman"
	mOfficial // the country of an official named in the item
	mCurrency // "U.S. dlrs": a currency, barely a place
	mCounty   // "Madison County": a US county or parish (county.go)
	mEvent    // "the Paris accord": an event named after its venue, barely a place
	numKinds
)

// occurrence is one country mention before ambiguity is settled: the
// options are alternatives (each a set of countries) unless resolved.
type occurrence struct {
	field      int8
	kind       mkind
	ambiguous  bool
	start, end int32 // bytes
	tok        int32 // first token
	node       int32 // the dict node matched, -1 for the dateline, officials and counties
	candFrom   int32 // oc.cands[candFrom:candTo]
	candTo     int32
}

// cand is one country an occurrence may stand for; opt groups the
// countries of one sense (a multi place lists several under one opt).
// ambiguous says the sense needs context before it counts, for any reason;
// flagged that the gazetteer says so (a common word, a person's name or a
// smaller namesake of a bigger place), weak that the text does (a
// capitalised word at a sentence start, an ALL-CAPS headline).
type cand struct {
	country   int32
	opt       int16
	sub       int16 // subdivision of the place, -1 when unknown
	ambiguous bool
	flagged   bool
	weak      bool
	minor     bool // a small town: it counts where the story is set (evidence.go)
	word      bool // also an ordinary word: it counts by its own context only
	kind      mkind
}

// occurrences is what the places stage hands on: every country mention,
// each with the countries it may stand for (cands[o.candFrom:o.candTo]).
// The officials stage reads it; officialOccs then adds the officials'
// countries before the countries stage resolves and ranks it.
type occurrences struct {
	occs  []occurrence
	cands []cand
}

// placeOccs is the places stage: the dateline's country, then the country
// mentions among the matches, not yet resolved.
func (t *Tagger) placeOccs(oc *occurrences, dl *datelineScratch, lx *lexicon) {
	oc.occs, oc.cands = oc.occs[:0], oc.cands[:0]
	t.datelineOcc(oc, dl, lx) // first, so its evidence is always kept
	t.collect(oc, lx)
}

// sureSet marks the countries that have an unambiguous mention, in sure's
// memory when it is big enough.
func (oc *occurrences) sureSet(sure []bool, n int) []bool {
	sure = resize(sure, n)
	for _, o := range oc.occs {
		cs := oc.cands[o.candFrom:o.candTo]
		if definite(cs) {
			for _, c := range cs {
				if c.opt == cs[0].opt {
					sure[c.country] = true
				}
			}
		}
	}
	return sure
}
