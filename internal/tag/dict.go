package tag

import (
	"context"

	"github.com/newsworker/newsworker/internal/hugemem"
	"github.com/newsworker/newsworker/internal/tag/tokens"
)

// senseKind says what a matched phrase stands for.
type senseKind uint8

const (
	sCountry senseKind = iota // a country's name or alias; ref indexes Tagger.countries
	sDemonym                  // a demonym or adjective; ref indexes Tagger.countries
	sPlace                    // ref indexes Tagger.places
	sOrg                      // ref indexes Tagger.orgs
	sRole                     // ref indexes Tagger.roles
	sPerson                   // a person's full name or alias; ref indexes Tagger.people
	sSurname                  // a person's surname alone; ref indexes Tagger.surnames
	sBlock                    // a phrase that contains a country word but names none
)

// sense is one meaning of a phrase, with the case its surface form demands:
// bit i of capMask asks token i to start with a capital, bit i of upperMask
// asks it to be all capitals ("US", not "us").
type sense struct {
	kind      senseKind
	ambiguous bool // the form needs corroborating context
	abbrev    bool // an abbreviation such as "Calif." that counts only after "City,"
	minor     bool // a small place that counts only where the story is set
	word      bool // an ordinary word ("Central", "Union"): a place only by its own context
	ref       int32
	capMask   uint32
	upperMask uint32
}

type dnode struct {
	senses []sense
}

// dict is a trie over token keys. While it is built, edges live in one map
// keyed by a mix of the parent node and the token key; freeze copies them
// into an open-addressing table that the scan probes in about half the time
// of a map probe, with two bit sets in front of it: most words start
// nothing, and most words do not continue the phrase before them.
type dict struct {
	edges map[uint64]int32
	nodes []dnode
	// first holds two bit sets over the keys of phrases' first tokens,
	// interleaved so that both bits of a key share a word: bit 2i for all
	// phrases, bit 2i+1 for those whose first token may be lower case (a
	// lower-case word outside it starts nothing: "to", "a", "in" begin only
	// "To Lam", "A Coruña", "In Salah").
	first []uint64
	// more is a bitset over the edge keys below the root.
	more []uint64
	tab  []dictSlot
	mask uint64
	ar   *hugemem.Arena // the huge pages of first, more and tab (until freeze)
	toks []tokens.Token // add's scratch
}

const (
	firstBits = 1 << 18
	moreBits  = 1 << 20
)

func newDict() *dict {
	ar := new(hugemem.Arena)
	return &dict{
		// Room for the built-in gazetteer's phrases (about 70,000 tokens)
		// up front spares the map and slice their growth at start-up.
		edges: make(map[uint64]int32, 1<<16),
		nodes: make([]dnode, 1, 1<<16),
		first: hugemem.Make[uint64](ar, 2*firstBits/64),
		more:  hugemem.Make[uint64](ar, moreBits/64),
		ar:    ar,
	}
}

// firstAt is where a first token's pair of bits in first begins.
func firstAt(key uint64) uint64 { return (key >> 7) & (firstBits - 1) * 2 }

// maxPhraseTokens bounds both the masks and the work per start position.
const maxPhraseTokens = 32

// add registers surface with a sense; the case masks are filled from the
// surface's own capitalisation. Surfaces that are all lower case match in any
// case. It returns false for empty or over-long surfaces.
func (d *dict) add(surface string, s sense) bool {
	d.toks = tokens.Tokenize(d.toks[:0], surface)
	toks := d.toks
	if len(toks) == 0 || len(toks) > maxPhraseTokens {
		return false
	}
	s.capMask, s.upperMask = 0, 0
	b := firstAt(toks[0].Key)
	d.first[b>>6] |= 1 << (b & 63)
	n := int32(0)
	for i, t := range toks {
		if t.Is(tokens.Word) && !isParticle(surface[t.Start:t.End]) { // "de Clercq", "De Clercq"
			switch {
			case t.Is(tokens.Upper) && t.End-t.Start > 1 && !t.Is(tokens.Digit):
				s.upperMask |= 1 << i
			case t.Is(tokens.Cap):
				s.capMask |= 1 << i
			}
		}
		ek := edgeKey(n, t.Key)
		if n != 0 {
			b := (ek >> 11) & (moreBits - 1)
			d.more[b>>6] |= 1 << (b & 63)
		}
		child, ok := d.edges[ek]
		if !ok {
			child = int32(len(d.nodes))
			d.nodes = append(d.nodes, dnode{})
			d.edges[ek] = child
		}
		n = child
	}
	if s.capMask&1 == 0 && s.upperMask&1 == 0 {
		d.first[b>>6] |= 2 << (b & 63)
	}
	for _, old := range d.nodes[n].senses {
		if old.kind == s.kind && old.ref == s.ref {
			// Keep the most permissive case demand of duplicate surfaces.
			if old.capMask&s.capMask == s.capMask && old.upperMask&s.upperMask == s.upperMask {
				return true
			}
		}
	}
	d.nodes[n].senses = append(d.nodes[n].senses, s)
	return true
}

// match is one phrase found in a field: tokens [i, j) with the senses of
// node whose case demands the text met (bit k of mask for senses[k]).
type match struct {
	field int8 // fieldTitle or fieldText
	i, j  int32
	node  int32
	mask  uint64
}

const (
	fieldTitle int8 = iota
	fieldText
)

// scan finds the longest phrase starting at every token that is not inside
// an earlier match, and appends it to dst. In an all-capitals field case
// demands are waived; the callers then ask for more context instead.
func (d *dict) scan(dst []match, toks []tokens.Token, field int8, caps bool) []match {
	dst, _ = d.scanFrom(dst, toks, field, caps, 0, len(toks))
	return dst
}

// scanCtx is scan in slices of tokens, checking ctx between them so that a
// huge item cannot outlive its budget.
func (d *dict) scanCtx(ctx context.Context, dst []match, toks []tokens.Token, field int8, caps bool) ([]match, error) {
	const slice = 1 << 13
	for i := 0; i < len(toks); {
		if err := ctx.Err(); err != nil {
			return dst, err
		}
		dst, i = d.scanFrom(dst, toks, field, caps, i, min(i+slice, len(toks)))
	}
	return dst, nil
}

// scanFrom scans phrases starting in toks[from:to] and returns where the
// next scan must start (a phrase may run past to).
func (d *dict) scanFrom(dst []match, toks []tokens.Token, field int8, caps bool, from, to int) ([]match, int) {
	i := from
	capsOK := uint64(0)
	if caps {
		capsOK = 1
	}
	for ; i < to; i++ {
		// A word that may start a phrase, in capitals unless the field is
		// all capitals or some phrase it starts may begin lower case (one
		// branch for what would be three hard-to-predict ones).
		tk := &toks[i]
		b := firstAt(tk.Key)
		may := d.first[b>>6] >> (b & 63) // bit 0: may start a phrase; bit 1: one that may begin lower case
		if uint64(tk.Flags&tokens.Word)&may&(capsOK|uint64(tk.Flags/tokens.Cap)|may>>1)&1 == 0 {
			continue
		}
		n := int32(0)
		bestJ, bestN, bestMask := -1, int32(0), uint64(0)
		for j := i; j < len(toks) && j-i < maxPhraseTokens; j++ {
			if j > i && toks[j].Is(tokens.Para) {
				break
			}
			child, ok := d.child(n, toks[j].Key)
			if !ok {
				break
			}
			n = child
			if senses := d.nodes[n].senses; len(senses) > 0 {
				if m := caseMask(senses, toks[i:j+1], caps); m != 0 {
					bestJ, bestN, bestMask = j+1, n, m
				}
			}
		}
		if bestJ > 0 {
			dst = append(dst, match{field: field, i: int32(i), j: int32(bestJ), node: bestN, mask: bestMask})
			i = bestJ - 1
		}
	}
	return dst, i
}

func caseMask(senses []sense, toks []tokens.Token, caps bool) uint64 {
	var m uint64
	for k, s := range senses {
		if k >= 64 {
			break
		}
		if caps || caseOK(s, toks) {
			m |= 1 << k
		}
	}
	return m
}

func caseOK(s sense, toks []tokens.Token) bool {
	if len(toks) == 1 && s.upperMask == 0 && toks[0].Is(tokens.Upper) && toks[0].End-toks[0].Start <= 4 && toks[0].End-toks[0].Start >= 2 {
		return false // an acronym in running text ("GAO", "NICE"), not the name "Gao"
	}
	for i := range toks {
		bit := uint32(1) << i
		if s.upperMask&bit != 0 && !toks[i].Is(tokens.Upper) {
			return false
		}
		if s.capMask&bit != 0 && !toks[i].Is(tokens.Cap) {
			return false
		}
	}
	return true
}
