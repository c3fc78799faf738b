package gazetteer

import (
	"strconv"
	"strings"
)

// OrgCodes are the international organisations that stand in for a country
// code in people, roles, orgs and places.
var orgCodes = map[string]bool{"UN": true, "NATO": true, "EU": true, "IMF": true, "WB": true, "OPEC": true, "WTO": true}

// IsOrgCode reports whether code is one of the organisation codes (UN, NATO,
// EU, IMF, WB, OPEC, WTO) allowed where a country code is expected.
func IsOrgCode(code string) bool { return orgCodes[code] }

var offices = map[string]bool{
	OfficeHeadOfState: true, OfficeHeadOfGovernment: true, OfficeForeign: true,
	OfficeFinance: true, OfficeDefence: true, OfficeInterior: true,
	OfficeCentralBank: true, OfficeSpokesperson: true, OfficeOrgLeader: true, OfficeOther: true,
}

var placeKinds = map[string]bool{"capital": true, "city": true, "region": true, "state": true, "metonym": true, "multi": true, "landmark": true}

var orgKinds = map[string]bool{"central_bank": true, "ministry": true, "government": true, "party": true, "intl_org": true, "company": true, "other": true}

func isUpper(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < n; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// countryRef checks a country cell: ISO alpha-2 or an organisation code.
func (r *row) countryRef(col int, s string) bool {
	if isUpper(s, 2) || orgCodes[s] {
		return true
	}
	r.fail(col, "%q is not an ISO 3166-1 alpha-2 code (two upper-case letters) or one of UN, NATO, EU, IMF, WB, OPEC, WTO", s)
	return false
}

func (r *row) required(col int) bool {
	if r.cells[col] == "" {
		r.fail(col, "must not be empty")
		return false
	}
	return true
}

// dup reports a key already defined earlier in the same file.
func (r *row) dup(seen map[string]Pos, key string, col int) bool {
	if p, ok := seen[key]; ok {
		r.fail(col, "duplicate of line %d", p.Line)
		return true
	}
	seen[key] = r.pos
	return false
}

func (fd *fileData) decodeCountry(r *row, seen map[string]Pos) {
	c := r.cells
	ok := true
	if !isUpper(c[0], 2) {
		r.fail(0, "%q is not an ISO 3166-1 alpha-2 code (two upper-case letters)", c[0])
		ok = false
	}
	if !isUpper(c[1], 3) {
		r.fail(1, "%q is not an ISO 3166-1 alpha-3 code (three upper-case letters)", c[1])
		ok = false
	}
	ok = r.required(2) && ok
	country := Country{Code: c[0], Code3: c[1], Name: c[2], Aliases: splitList(c[3]),
		Demonyms: splitList(c[4]), Ambiguous: splitList(c[5]), Pos: r.pos}
	for _, a := range country.Ambiguous {
		if !containsFold(a, country.Name, country.Aliases, country.Demonyms) {
			r.fail(5, "%q is not the name, an alias or a demonym", a)
			ok = false
		}
	}
	if !ok || r.dup(seen, c[0], 0) || r.dup(seen, "3:"+c[1], 1) {
		return
	}
	fd.countries = append(fd.countries, country)
}

func containsFold(s, name string, lists ...[]string) bool {
	if strings.EqualFold(s, name) {
		return true
	}
	for _, l := range lists {
		for _, x := range l {
			if strings.EqualFold(s, x) {
				return true
			}
		}
	}
	return false
}

// validPersonID accepts a Wikidata QID ("Q22686") or "nw:" and a lower-case
// slug ("nw:rex-tillerson").
func validPersonID(id string) bool {
	if len(id) > 1 && id[0] == 'Q' && id[1] != '0' {
		_, ok := digits(id[1:])
		return ok
	}
	slug, ok := strings.CutPrefix(id, "nw:")
	if !ok || slug == "" || slug[0] == '-' || slug[len(slug)-1] == '-' {
		return false
	}
	for i := 0; i < len(slug); i++ {
		if ch := slug[i]; !(ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '-') {
			return false
		}
	}
	return true
}

// termKey identifies a term within one file: a second row with the same
// key is a duplicate.
type termKey struct{ id, role, country, start string }

// decodePerson reads one term. That every row of an id carries the same
// name is checked when merging, across files as well as within one.
func (fd *fileData) decodePerson(r *row, seen map[termKey]int) {
	c := r.cells
	ok := true
	if !validPersonID(c[0]) {
		r.fail(0, "%q is neither a Wikidata QID (Q123) nor nw:slug (nw:rex-tillerson)", c[0])
		ok = false
	}
	ok = r.required(1) && ok
	ok = r.required(3) && ok
	if !offices[c[4]] {
		r.fail(4, "unknown office %q", c[4])
		ok = false
	}
	ok = r.countryRef(5, c[5]) && ok
	t := Term{Role: c[3], Office: c[4], Country: c[5], Pos: r.pos}
	var err error
	if c[6] != "" {
		if t.Start, err = parseDate(c[6], false); err != nil {
			r.fail(6, "%q: %v", c[6], err)
			ok = false
		}
	}
	if c[7] != "" {
		if t.End, err = parseDate(c[7], true); err != nil {
			r.fail(7, "%q: %v", c[7], err)
			ok = false
		}
	}
	if ok && !t.Start.IsZero() && !t.End.IsZero() && t.End.Before(t.Start) {
		r.fail(7, "end %s is before start %s", c[7], c[6])
		ok = false
	}
	if !ok {
		return
	}
	key := termKey{c[0], c[3], c[5], c[6]}
	if line, dup := seen[key]; dup {
		r.fail(0, "duplicate of line %d (same person, role, country and start)", line)
		return
	}
	seen[key] = r.pos.Line
	fd.people = append(fd.people, personRow{id: c[0], name: c[1], aliases: splitList(c[2]), term: t})
}

func validTopicCode(s string) bool {
	code, ok := strings.CutPrefix(s, "medtop:")
	if !ok || len(code) != 8 {
		return false
	}
	_, ok = digits(code)
	return ok
}

func (fd *fileData) decodeTopic(r *row, seen map[string]Pos) {
	c := r.cells
	ok := true
	if !validTopicCode(c[0]) {
		r.fail(0, "%q is not an IPTC Media Topic qcode (medtop: and 8 digits)", c[0])
		ok = false
	}
	ok = r.required(1) && ok
	if c[2] != "" && !validTopicCode(c[2]) {
		r.fail(2, "%q is not an IPTC Media Topic qcode (medtop: and 8 digits)", c[2])
		ok = false
	}
	if c[2] == c[0] && c[0] != "" {
		r.fail(2, "a topic cannot be its own parent")
		ok = false
	}
	t := TopicRule{Code: c[0], Label: c[1], Parent: c[2], Negatives: splitList(c[4]), Pos: r.pos}
	for _, item := range splitList(c[3]) {
		i := strings.LastIndexByte(item, ':')
		if i <= 0 {
			r.fail(3, "%q: want phrase:weight", item)
			ok = false
			continue
		}
		w, err := strconv.ParseFloat(strings.TrimSpace(item[i+1:]), 64)
		phrase := strings.TrimSpace(item[:i])
		switch {
		case err != nil:
			r.fail(3, "%q: weight is not a number", item)
			ok = false
		case !(w > 0 && w <= 1):
			r.fail(3, "%q: weight %g out of range (0,1]", item, w)
			ok = false
		case phrase == "" || phrase == "*":
			r.fail(3, "%q: empty phrase", item)
			ok = false
		default:
			t.Phrases = append(t.Phrases, Phrase{Text: phrase, Weight: w})
		}
	}
	if !ok || r.dup(seen, c[0], 0) {
		return
	}
	fd.topics = append(fd.topics, t)
}

func (fd *fileData) decodeRole(r *row, seen map[string]Pos) {
	c := r.cells
	ok := r.required(0)
	if strings.ToLower(c[0]) != c[0] {
		r.fail(0, "%q must be lower case", c[0])
		ok = false
	}
	ok = r.required(1) && ok
	if !offices[c[2]] {
		r.fail(2, "unknown office %q", c[2])
		ok = false
	}
	if c[3] != "" {
		ok = r.countryRef(3, c[3]) && ok
	}
	if !ok || r.dup(seen, c[0], 0) {
		return
	}
	fd.roles = append(fd.roles, Role{Phrase: c[0], Role: c[1], Office: c[2], Country: c[3], Pos: r.pos})
}

func (fd *fileData) decodeOrg(r *row, seen map[string]Pos) {
	c := r.cells
	ok := r.required(0)
	if c[2] != "" {
		ok = r.countryRef(2, c[2]) && ok
	}
	if !orgKinds[c[3]] {
		r.fail(3, "unknown kind %q (want central_bank, ministry, government, party, intl_org, company or other)", c[3])
		ok = false
	}
	if !ok || r.dup(seen, c[0], 0) {
		return
	}
	fd.orgs = append(fd.orgs, Org{Name: c[0], Aliases: splitList(c[1]), Country: c[2], Kind: c[3], Pos: r.pos})
}
