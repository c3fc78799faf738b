package gazetteer

import "strings"

// decodePlace reads one places row (FORMAT.md): the countries cell holds
// ISO alpha-2 codes, or one ISO 3166-2 subdivision code.
func (fd *fileData) decodePlace(r *row, seen map[string]Pos) {
	c := r.cells
	ok := r.required(0)
	p := Place{Name: c[0], Aliases: splitList(c[1]), Kind: c[3], Pos: r.pos}
	for _, code := range strings.Split(c[2], ",") {
		code = strings.TrimSpace(code)
		if country, sub, isSub := strings.Cut(code, "-"); isSub {
			// An ISO 3166-2 subdivision code ("US-GA", "CA-ON") names the
			// country and the state or province.
			if !isUpper(country, 2) || !isSubdivision(sub) {
				r.fail(2, "%q is not an ISO 3166-2 subdivision code (\"US-GA\", \"CA-ON\")", code)
				ok = false
				continue
			}
			p.Countries = append(p.Countries, country)
			p.Subdivision = code
			continue
		}
		if r.countryRef(2, code) {
			p.Countries = append(p.Countries, code)
		} else {
			ok = false
		}
	}
	if p.Subdivision != "" && len(p.Countries) > 1 {
		r.fail(2, "a subdivision code is only allowed alone")
		ok = false
	}
	if !placeKinds[p.Kind] {
		r.fail(3, "unknown kind %q (want capital, city, region, state, metonym, multi or landmark)", p.Kind)
		ok = false
	} else if len(p.Countries) > 1 && p.Kind != "multi" {
		r.fail(2, "several countries are only allowed for kind multi")
		ok = false
	}
	switch c[4] {
	case "":
	case "ambiguous":
		p.Ambiguous = true
	case "minor":
		p.Minor = true
	default:
		r.fail(4, "unknown flag %q (want empty, ambiguous or minor)", c[4])
		ok = false
	}
	if !ok || r.dup(seen, placeKey(p), 0) {
		return
	}
	fd.places = append(fd.places, p)
}

// placeKey: a row with a subdivision ("Athens, US-GA") is another place
// than one with the country alone, so a generated table of towns may sit
// beside hand-written rows for the same names.
func placeKey(p Place) string {
	if p.Subdivision != "" {
		return p.Name + "\x00" + p.Subdivision
	}
	return p.Name + "\x00" + strings.Join(p.Countries, ",")
}

// isSubdivision checks the part of an ISO 3166-2 code after the hyphen: one
// to three upper-case letters or digits.
func isSubdivision(s string) bool {
	if len(s) < 1 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !(s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9') {
			return false
		}
	}
	return true
}
