package gazetteer

import (
	"maps"
	"slices"
)

// builder merges files in load order. Built-in files may split one kind over
// several files, so a key defined twice among them is a mistake (except
// people, whose terms may be spread over several files); a user file
// overrides whatever came before it.
type builder struct {
	countries map[string]Country
	places    map[string]Place
	people    map[string]*Person
	topics    map[string]TopicRule
	roles     map[string]Role
	orgs      map[string]Org
	usages    map[string]Usage
	cues      map[string]Cue
	errs      *errList
}

func newBuilder(errs *errList) *builder {
	return &builder{
		// Sized for the built-in data (about 12,000 places and 4,500
		// people), which every load has.
		countries: map[string]Country{}, places: make(map[string]Place, 1<<14), people: make(map[string]*Person, 1<<13),
		topics: map[string]TopicRule{}, roles: map[string]Role{}, orgs: map[string]Org{}, usages: map[string]Usage{},
		cues: map[string]Cue{}, errs: errs,
	}
}

// put stores v under key; for built-in data a second definition is an error.
func put[V any](b *builder, m map[string]V, key string, v V, pos Pos, posOf func(V) Pos, user bool, what string) {
	if old, ok := m[key]; ok && !user {
		b.errs.add(pos, "", "%s %q is already defined at %s:%d", what, key, posOf(old).File, posOf(old).Line)
		return
	}
	m[key] = v
}

func (b *builder) add(fd *fileData, user bool) {
	for _, c := range fd.countries {
		put(b, b.countries, c.Code, c, c.Pos, func(c Country) Pos { return c.Pos }, user, "country")
	}
	for _, p := range fd.places {
		put(b, b.places, placeKey(p), p, p.Pos, func(p Place) Pos { return p.Pos }, user, "place")
	}
	for _, t := range fd.topics {
		put(b, b.topics, t.Code, t, t.Pos, func(t TopicRule) Pos { return t.Pos }, user, "topic")
	}
	for _, r := range fd.roles {
		put(b, b.roles, r.Phrase, r, r.Pos, func(r Role) Pos { return r.Pos }, user, "role phrase")
	}
	for _, o := range fd.orgs {
		put(b, b.orgs, o.Name, o, o.Pos, func(o Org) Pos { return o.Pos }, user, "org")
	}
	for _, u := range fd.usages {
		put(b, b.usages, u.Use+"\x00"+u.Phrase, u, u.Pos, func(u Usage) Pos { return u.Pos }, user, u.Use+" usage")
	}
	for _, c := range fd.cues {
		put(b, b.cues, c.Class+"\x00"+c.Word, c, c.Pos, func(c Cue) Pos { return c.Pos }, user, c.Class+" cue")
	}
	b.addPeople(fd.people, user)
}

// addPeople appends terms. A user file's rows for an id replace every term
// known before for that id, so a user can correct a person wholesale.
func (b *builder) addPeople(rows []personRow, user bool) {
	replaced := map[string]bool{}
	for _, pr := range rows {
		p := b.people[pr.id]
		if p == nil || (user && !replaced[pr.id]) {
			p = &Person{ID: pr.id, Name: pr.name}
			b.people[pr.id] = p
			replaced[pr.id] = true
		} else if p.Name != pr.name {
			first := p.Terms[0].Pos
			b.errs.add(pr.term.Pos, "name", "%s is named %q at %s:%d", pr.id, p.Name, first.File, first.Line)
			continue
		}
		for _, a := range pr.aliases {
			if !slices.Contains(p.Aliases, a) {
				p.Aliases = append(p.Aliases, a)
			}
		}
		p.Terms = append(p.Terms, pr.term)
	}
}

// build sorts everything by key (map order must never leak into the output)
// and checks the references between kinds. Sorting the keys rather than the
// structs keeps the large values from being moved around.
func (b *builder) build() *Gazetteer {
	g := &Gazetteer{
		Countries: sortedValues(b.countries),
		Places:    sortedValues(b.places), // key: name, NUL, countries
		Topics:    sortedValues(b.topics),
		Roles:     sortedValues(b.roles),
		Orgs:      sortedValues(b.orgs),
		Usages:    sortedValues(b.usages), // key: use, NUL, phrase
		Cues:      sortedValues(b.cues),   // key: class, NUL, word
	}
	g.People = make([]Person, 0, len(b.people))
	for _, id := range slices.Sorted(maps.Keys(b.people)) {
		p := b.people[id]
		slices.SortStableFunc(p.Terms, func(a, c Term) int { return a.Start.Compare(c.Start) })
		g.People = append(g.People, *p)
	}
	g.index()
	b.validate(g)
	return g
}

func sortedValues[V any](m map[string]V) []V {
	out := make([]V, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, m[k])
	}
	return out
}

// validate checks what no single row can: country codes that must exist,
// alpha-3 codes used twice, topic parents that must exist and form a tree.
func (b *builder) validate(g *Gazetteer) {
	code3 := map[string]Country{}
	for _, c := range g.Countries {
		if old, ok := code3[c.Code3]; ok {
			b.errs.add(c.Pos, "code3", "%s is also the alpha-3 code of %s (%s:%d)", c.Code3, old.Code, old.Pos.File, old.Pos.Line)
		}
		code3[c.Code3] = c
	}
	// Early in development the countries data may be empty; checking codes
	// against nothing would only hide the other errors.
	if len(g.Countries) > 0 {
		known := func(code string) bool { _, ok := g.byCode[code]; return ok || orgCodes[code] }
		for _, p := range g.Places {
			for _, c := range p.Countries {
				if !known(c) {
					b.errs.add(p.Pos, "countries", "unknown country %s", c)
				}
			}
		}
		for _, p := range g.People {
			for _, t := range p.Terms {
				if !known(t.Country) {
					b.errs.add(t.Pos, "country", "unknown country %s", t.Country)
				}
			}
		}
		for _, r := range g.Roles {
			if r.Country != "" && !known(r.Country) {
				b.errs.add(r.Pos, "country", "unknown country %s", r.Country)
			}
		}
		for _, o := range g.Orgs {
			if o.Country != "" && !known(o.Country) {
				b.errs.add(o.Pos, "country", "unknown country %s", o.Country)
			}
		}
	}
	b.validateTopicTree(g)
}

func (b *builder) validateTopicTree(g *Gazetteer) {
	for _, t := range g.Topics {
		if t.Parent != "" {
			if _, ok := g.byTopic[t.Parent]; !ok {
				b.errs.add(t.Pos, "parent", "parent %s is not a defined topic", t.Parent)
			}
		}
	}
	// Walk up from every topic; meeting the start again is a cycle. The walk
	// is bounded by the number of topics, so a cycle elsewhere cannot loop.
	reported := map[string]bool{}
	for _, t := range g.Topics {
		cur := t.Parent
		for steps := 0; cur != "" && steps <= len(g.Topics); steps++ {
			if cur == t.Code {
				if !reported[t.Code] {
					b.errs.add(t.Pos, "parent", "topic parent cycle through %s", t.Code)
				}
				reported[t.Code] = true
				break
			}
			i, ok := g.byTopic[cur]
			if !ok {
				break
			}
			cur = g.Topics[i].Parent
		}
	}
}
