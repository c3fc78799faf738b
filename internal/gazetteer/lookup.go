package gazetteer

// index builds the lookup maps; called once, before the Gazetteer is shared.
func (g *Gazetteer) index() {
	g.byCode = make(map[string]int, len(g.Countries))
	g.byCode3 = make(map[string]int, len(g.Countries))
	for i, c := range g.Countries {
		g.byCode[c.Code] = i
		g.byCode3[c.Code3] = i
	}
	g.byTopic = make(map[string]int, len(g.Topics))
	for i, t := range g.Topics {
		g.byTopic[t.Code] = i
	}
	g.byPerson = make(map[string]int, len(g.People))
	for i, p := range g.People {
		g.byPerson[p.ID] = i
	}
}

// CountryByCode finds a country by its ISO alpha-2 code ("RU").
func (g *Gazetteer) CountryByCode(code string) (Country, bool) {
	i, ok := g.byCode[code]
	if !ok {
		return Country{}, false
	}
	return g.Countries[i], true
}

// CountryByCode3 finds a country by its ISO alpha-3 code ("RUS").
func (g *Gazetteer) CountryByCode3(code3 string) (Country, bool) {
	i, ok := g.byCode3[code3]
	if !ok {
		return Country{}, false
	}
	return g.Countries[i], true
}

// Topic finds a topic rule by its qcode ("medtop:20000639").
func (g *Gazetteer) Topic(code string) (TopicRule, bool) {
	i, ok := g.byTopic[code]
	if !ok {
		return TopicRule{}, false
	}
	return g.Topics[i], true
}

// TopicAncestors lists the broader concepts of code, nearest first, up to
// the top-level concept. Load has checked that the chain ends.
func (g *Gazetteer) TopicAncestors(code string) []string {
	var out []string
	t, ok := g.Topic(code)
	for ok && t.Parent != "" && len(out) <= len(g.Topics) {
		out = append(out, t.Parent)
		t, ok = g.Topic(t.Parent)
	}
	return out
}

// Person finds a person by ID (QID or nw: slug). Terms are sorted by start.
func (g *Gazetteer) Person(id string) (Person, bool) {
	i, ok := g.byPerson[id]
	if !ok {
		return Person{}, false
	}
	return g.People[i], true
}
