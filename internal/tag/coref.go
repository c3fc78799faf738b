package tag

import "github.com/newsworker/newsworker/internal/tag/tokens"

// backReferences counts later mentions of officials of.offs[from:]: the
// surname alone ("Tillerson said", "Mr Lavrov", "TREASURY'S BAKER") and the
// bare title with an article ("the secretary of state") when one official
// holds it.
func (t *Tagger) backReferences(of *officialsFound, lx *lexicon, from int) {
	if from >= len(of.offs) {
		return
	}
	if of.bySurname == nil {
		of.bySurname = make(map[uint64]int32)
	}
	clear(of.bySurname)
	for oi := from; oi < len(of.offs); oi++ {
		if _, dup := of.bySurname[of.offs[oi].surname]; !dup {
			of.bySurname[of.offs[oi].surname] = int32(oi)
		}
	}
	for _, field := range [2]int8{fieldTitle, fieldText} {
		t.surnameRefs(of, lx, field)
	}
	for _, m := range lx.matches {
		role := t.roleOf(m)
		if role < 0 || of.usedOf(m.field)[m.i] || m.i == 0 {
			continue
		}
		toks, _ := lx.toks(m.field)
		if !t.hasCue(toks[m.i-1], cDet) {
			continue
		}
		found := -1
		for oi := from; oi < len(of.offs); oi++ {
			if o := &of.offs[oi]; o.role >= 0 && (t.roles[o.role].Role == t.roles[role].Role || t.roleHead[o.role] == tokens.KeyOf(t.roles[role].Phrase)) {
				if found >= 0 {
					found = -2
					break
				}
				found = oi
			}
		}
		if found >= 0 {
			of.offs[found].addEvidence(span{field: m.field, start: toks[m.i].Start, end: toks[m.j-1].End})
			of.use(m.field, int(m.i), int(m.j))
		}
	}
	t.headRefs(of, lx, from)
}

// headRefs counts "the secretary", "the minister": the head word of one
// official's title after an article, when no other official shares it and
// the word is not part of a longer title.
func (t *Tagger) headRefs(of *officialsFound, lx *lexicon, from int) {
	var heads [4]uint64 // the first few titled officials' head words
	n := 0
	for oi := from; oi < len(of.offs) && n < len(heads); oi++ {
		if o := &of.offs[oi]; o.role >= 0 {
			heads[n] = t.roleHead[o.role]
			n++
		}
	}
	if n == 0 {
		return
	}
	for _, field := range [2]int8{fieldTitle, fieldText} {
		toks, _ := lx.toks(field)
		used := of.usedOf(field)
		for k := 1; k < len(toks); k++ {
			key := toks[k].Key
			if key != heads[0] && key != heads[1] && key != heads[2] && key != heads[3] {
				continue
			}
			if used[k] || !toks[k].Is(tokens.Word) || !t.hasCue(toks[k-1], cDet) {
				continue
			}
			if k+1 < len(toks) && toks[k+1].Is(tokens.Word) && (toks[k+1].Key == t.kOf || toks[k+1].Key == t.kFor) {
				continue // "the secretary of agriculture" is someone else
			}
			found := -1
			for oi := from; oi < len(of.offs); oi++ {
				if o := &of.offs[oi]; o.role >= 0 && t.roleHead[o.role] == toks[k].Key {
					if found >= 0 {
						found = -2
						break
					}
					found = oi
				}
			}
			if found >= 0 {
				of.offs[found].addEvidence(span{field: field, start: toks[k-1].Start, end: toks[k].End})
				used[k] = true
			}
		}
	}
}

// surnameRefs scans a field once for the surnames in of.bySurname.
func (t *Tagger) surnameRefs(of *officialsFound, lx *lexicon, field int8) {
	toks, src := lx.toks(field)
	used := of.usedOf(field)
	caps := lx.caps(field)
	for k, tk := range toks {
		if used[k] || !tk.Is(tokens.Word) || (!caps && !tk.Is(tokens.Cap)) {
			continue
		}
		oi, ok := of.bySurname[tk.Key]
		if !ok {
			continue
		}
		o := &of.offs[oi]
		if !caps && k+1 < len(toks) && toks[k+1].Is(tokens.Word) && toks[k+1].Is(tokens.Cap) && !toks[k+1].Is(tokens.Sentence) &&
			!t.hasCue(toks[k+1], cNotName|cSpeech) {
			continue // "Baker Hughes"
		}
		if k > 0 && !caps && toks[k-1].Is(tokens.Word) && toks[k-1].Is(tokens.Cap) && !t.hasCue(toks[k-1], cNotName|cHonorific) &&
			!used[k-1] && !toks[k].Is(tokens.Sentence) {
			if o.person < 0 || !t.firstNamesAgree(&t.people[o.person], toks[k-1:k]) {
				continue // "Howard Baker" is someone else
			}
		}
		if joined(toks, src, k, k+1) {
			continue
		}
		b := k
		if k > 0 && t.hasCue(toks[k-1], cHonorific) {
			b = k - 1
		} else if k > 1 && src[toks[k-1].Start:toks[k-1].End] == "." && t.hasCue(toks[k-2], cHonorific) {
			b = k - 2
		}
		o.addEvidence(span{field: field, start: toks[b].Start, end: tk.End})
		used[k] = true
	}
}

// joined reports whether tokens [i, j) are glued by a hyphen to a word on
// either side, as part of a longer name.
func joined(toks []tokens.Token, src string, i, j int) bool {
	if j+1 < len(toks) && !toks[j].Is(tokens.Space) && src[toks[j].Start:toks[j].End] == "-" && !toks[j+1].Is(tokens.Space) && toks[j+1].Is(tokens.Word) {
		return true
	}
	return i >= 2 && !toks[i].Is(tokens.Space) && !toks[i-1].Is(tokens.Space) && src[toks[i-1].Start:toks[i-1].End] == "-" && toks[i-2].Is(tokens.Word) && toks[i-2].Is(tokens.Cap)
}
