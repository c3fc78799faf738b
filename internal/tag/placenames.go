package tag

// placeMatch: match k (an index into st.matches, -1 for none) may name a
// place, a country or an institution; a word known only as a person's
// name or surname ("John", "Lee", "Woods") does not, so "John Flanders"
// is a man and "Bradford Woods" no English city.
func (t *Tagger) placeMatch(st *state, k int) bool {
	if k < 0 {
		return false
	}
	m := st.matches[k]
	for i, s := range t.d.nodes[m.node].senses {
		if m.mask&(1<<i) != 0 && s.kind != sSurname && s.kind != sPerson {
			return true
		}
	}
	return false
}
