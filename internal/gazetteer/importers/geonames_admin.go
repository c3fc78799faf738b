package importers

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

// caProvince maps GeoNames' admin1 code of a Canadian province or territory
// (admin1CodesASCII.txt) to its ISO 3166-2:CA code.
func caProvince(admin1 string) string {
	switch admin1 {
	case "01":
		return "AB" // Alberta
	case "02":
		return "BC" // British Columbia
	case "03":
		return "MB" // Manitoba
	case "04":
		return "NB" // New Brunswick
	case "05":
		return "NL" // Newfoundland and Labrador
	case "07":
		return "NS" // Nova Scotia
	case "08":
		return "ON" // Ontario
	case "09":
		return "PE" // Prince Edward Island
	case "10":
		return "QC" // Quebec
	case "11":
		return "SK" // Saskatchewan
	case "12":
		return "YT" // Yukon
	case "13":
		return "NT" // Northwest Territories
	case "14":
		return "NU" // Nunavut
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
