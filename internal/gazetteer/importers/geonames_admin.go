package importers

import "strings"

// subdivision returns the ISO 3166-2 code of a place's GeoNames admin1 code,
// or "" when there is no known mapping for its country. GeoNames' US admin1
// codes are the postal codes, which ISO 3166-2:US uses as they are; its
// Canadian ones are numbers (admin1CodesASCII.txt: "CA.08" Ontario).
func subdivision(country, admin1 string) string {
	switch country {
	case "US":
		if len(admin1) == 2 && isUpperASCII(admin1) {
			return "US-" + admin1
		}
	case "CA":
		if p := caProvince(admin1); p != "" {
			return "CA-" + p
		}
	}
	return ""
}

// caAdmin1 pairs GeoNames' admin1 codes of the Canadian provinces and
// territories (admin1CodesASCII.txt: "CA.01" Alberta ... "CA.14" Nunavut)
// with their ISO 3166-2:CA codes.
const caAdmin1 = "01AB 02BC 03MB 04NB 05NL 07NS 08ON 09PE 10QC 11SK 12YT 13NT 14NU"

func caProvince(admin1 string) string {
	for _, pair := range strings.Fields(caAdmin1) {
		if pair[:2] == admin1 {
			return pair[2:]
		}
	}
	return ""
}

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
