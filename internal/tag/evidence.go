package tag

// storyEvidence is what an item's settled mentions say about where it is,
// gathered once before ambiguous names are resolved (as CLAVIN and Mordecai
// do: a name is read in the light of the other places of the same story).
type storyEvidence struct {
	sure  []bool // per country: a settled mention of any kind
	local []bool // per country: a settled town or state, in the text or the dateline
	// per subdivision: a settled place in it ("Louisiana", "Atlanta"), and
	// the first two distinct names, namesakes aside, that may be in it
	// ("Georgia" may be the state of Athens, Georgia).
	subSure  []bool
	subNode  []int32
	subNode2 []int32
	// per country: the first two distinct ambiguous names or demonyms of
	// it ("Georgia" and "Georgian" in one story say the country)
	nameNode  []int32
	nameNode2 []int32
	county    bool  // a US county or parish is named
	anyKnown  bool  // some country is named, settled or by a famous place
	frame     int32 // the one country the story is set in, -1 when none
}

func (e *storyEvidence) reset(countries, subs int) {
	e.sure = resize(e.sure, countries)
	e.local = resize(e.local, countries)
	e.subSure = resize(e.subSure, subs)
	e.subNode = resizeInt32(e.subNode, subs)
	e.subNode2 = resizeInt32(e.subNode2, subs)
	e.nameNode = resizeInt32(e.nameNode, countries)
	e.nameNode2 = resizeInt32(e.nameNode2, countries)
	e.county, e.anyKnown = false, false
	e.frame = -1
}

// resizeInt32 returns n zeros in s's memory when it is big enough.
func resizeInt32(s []int32, n int) []int32 {
	if cap(s) < n {
		s = make([]int32, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// gather fills the evidence from the occurrences.
func (t *Tagger) gather(ev *storyEvidence, oc *occurrences) *storyEvidence {
	e := ev
	e.reset(len(t.countries), t.nsubs)
	for oi := range oc.occs {
		o := &oc.occs[oi]
		cs := oc.cands[o.candFrom:o.candTo]
		if o.kind == mCounty {
			e.county = true
			continue
		}
		if !definite(cs) {
			// Even a weak reading ("Georgia" opening a sentence) says
			// which states the story may be in.
			for _, c := range cs {
				if c.sub >= 0 && !c.flagged {
					addNode(e.subNode, e.subNode2, int(c.sub), o.node)
				}
				if c.kind == mName || c.kind == mDemonym {
					addNode(e.nameNode, e.nameNode2, int(c.country), o.node)
				}
				// A famous place ("Wellington") names a country even
				// before it is settled.
				e.anyKnown = e.anyKnown || !c.flagged && !c.minor && !c.weak && c.kind != mCounty
			}
			continue
		}
		for _, c := range cs {
			if c.opt != cs[0].opt {
				continue
			}
			if c.kind != mCurrency && c.kind != mEvent {
				e.sure[c.country] = true
			}
			// A town or state is local evidence, in the text or the
			// dateline; a capital, a country's name or an official is not
			// ("WASHINGTON" heads stories about the world).
			if c.kind == mCity || c.kind == mRegion {
				e.local[c.country] = true
			}
		}
		if sub := oneSub(cs); sub >= 0 {
			e.subSure[sub] = true
		}
	}
	if _, n := onlyOne(e.sure); n > 0 {
		e.anyKnown = true
	}
	e.frame = t.frame(e)
	return e
}

// oneSub: the subdivision of a settled name that is in one state only
// ("Atlanta"), or -1 ("Springfield", or a name no state is known for).
func oneSub(cs []cand) int16 {
	sub := int16(-1)
	for _, c := range cs {
		switch {
		case c.sub < 0 || c.sub == sub:
		case sub < 0:
			sub = c.sub
		default:
			return -1
		}
	}
	return sub
}

// addNode records node as the first or second distinct name at i; the
// tables hold node+1, so that zero (a cleared table) is "none".
func addNode(first, second []int32, i int, node int32) {
	switch node++; {
	case first[i] == 0:
		first[i] = node
	case first[i] != node && second[i] == 0:
		second[i] = node
	}
}

// subShared: another name of the story than node may be in sub.
func (e *storyEvidence) subShared(sub int16, node int32) bool {
	return shared(e.subNode, e.subNode2, int(sub), node)
}

// nameShared: another ambiguous name or demonym than node may be country's.
func (e *storyEvidence) nameShared(country int32, node int32) bool {
	return shared(e.nameNode, e.nameNode2, int(country), node)
}

func shared(first, second []int32, i int, node int32) bool {
	node++
	return first[i] != 0 && first[i] != node || second[i] != 0 && second[i] != node
}

// frame is the one country a story is set in: the country of its settled
// towns and states (a dateline included, a capital not: "WASHINGTON"
// heads stories about the world), or of its counties. Small towns do not
// set it by themselves: "Normal" and "Union" in one story are words.
func (t *Tagger) frame(e *storyEvidence) int32 {
	// Towns, states, counties: the one country they are in, whatever
	// other countries the story names in passing ("Irish" on St.
	// Patrick's Day in Madison County).
	only, n := onlyOne(e.local)
	switch {
	case n > 1:
		return -1
	case n == 1 && (!e.county || only == t.usIdx):
		return only
	case n == 1:
		return -1
	case e.county:
		return t.usIdx
	}
	return -1
}

// onlyOne returns the first index set in flags and how many are set (0, 1
// or 2 for more).
func onlyOne(flags []bool) (int32, int) {
	first, n := int32(-1), 0
	for i, ok := range flags {
		if !ok {
			continue
		}
		if n == 1 {
			return first, 2
		}
		first, n = int32(i), 1
	}
	return first, n
}
