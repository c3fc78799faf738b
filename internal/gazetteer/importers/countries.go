package importers

import (
	"strings"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

// Countries resolves the ways sources name a country — ISO alpha-2, alpha-3,
// an English name, alias or demonym — to the alpha-2 code of the loaded
// gazetteer, or to an organisation code (UN, NATO, ...).
type Countries struct {
	byCode3 map[string]string
	byCode  map[string]bool
	byName  map[string]string
}

// NewCountries indexes countries (usually the loaded gazetteer's).
func NewCountries(countries []gazetteer.Country) *Countries {
	c := &Countries{byCode3: map[string]string{}, byCode: map[string]bool{}, byName: map[string]string{}}
	for _, k := range countries {
		c.byCode[k.Code] = true
		c.byCode3[k.Code3] = k.Code
		for _, n := range append(append([]string{k.Name}, k.Aliases...), k.Demonyms...) {
			if _, taken := c.byName[fold(n)]; !taken {
				c.byName[fold(n)] = k.Code
			}
		}
	}
	return c
}

// Code3 maps an ISO alpha-3 code to alpha-2.
func (c *Countries) Code3(code3 string) (string, bool) {
	code, ok := c.byCode3[strings.ToUpper(code3)]
	return code, ok
}

// Resolve maps a code or an English name to alpha-2 (or an organisation
// code).
func (c *Countries) Resolve(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if u := strings.ToUpper(s); gazetteer.IsOrgCode(u) {
		return u, true
	}
	if c.byCode[s] {
		return s, true
	}
	if code, ok := c.byCode3[s]; ok {
		return code, true
	}
	code, ok := c.byName[fold(s)]
	return code, ok
}
