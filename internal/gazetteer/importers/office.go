package importers

import (
	"strings"

	"github.com/newsworker/newsworker/internal/gazetteer"
)

// officeRules classify a position's English label. The first rule with a
// matching phrase wins, so deputies come before the offices they deputise
// for, and the central bank's "president" before heads of state.
var officeRules = []struct {
	office  string
	phrases []string
}{
	{gazetteer.OfficeOther, []string{"deputy", "vice", "assistant", "under-secretary", "undersecretary", "shadow", "minister of state", "lieutenant"}},
	{gazetteer.OfficeCentralBank, []string{"central bank", "federal reserve", "reserve bank", "bundesbank", "bank of ", "national bank", "people's bank", "monetary authority"}},
	{gazetteer.OfficeOrgLeader, []string{"secretary-general", "secretary general", "director-general", "director general", "managing director of the international monetary fund", "president of the world bank", "president of the european commission", "president of the european council"}},
	{gazetteer.OfficeSpokesperson, []string{"spokesperson", "spokesman", "spokeswoman", "press secretary"}},
	{gazetteer.OfficeFinance, []string{"finance", "treasury", "exchequer", "economy and finance"}},
	{gazetteer.OfficeForeign, []string{"foreign", "external affairs", "international affairs", "secretary of state of the united states", "united states secretary of state"}},
	{gazetteer.OfficeDefence, []string{"defence", "defense", "secretary of war", "minister of war", "armed forces"}},
	{gazetteer.OfficeInterior, []string{"interior", "home affairs", "home secretary", "home department", "internal affairs", "public security"}},
	{gazetteer.OfficeHeadOfGovernment, []string{"prime minister", "premier", "chancellor of germany", "federal chancellor", "chancellor of austria", "head of government", "president of the government", "taoiseach", "chief executive of hong kong"}},
	{gazetteer.OfficeHeadOfState, []string{"president", "king", "queen", "monarch", "emperor", "emir", "sultan", "supreme leader", "head of state", "grand duke", "prince of monaco", "prince of liechtenstein"}},
}

// classifyOffice maps a position label ("Minister of Foreign Affairs of
// Russia") to an office category; unknown positions are "other".
func classifyOffice(position string) string {
	p := strings.ToLower(position)
	for _, r := range officeRules {
		for _, ph := range r.phrases {
			if containsWord(p, ph) {
				return r.office
			}
		}
	}
	return gazetteer.OfficeOther
}

// containsWord finds phrase in s starting and ending on word boundaries, so
// that "emir" does not match "Emirates" nor "vice" "Service".
func containsWord(s, phrase string) bool {
	for from := 0; ; {
		i := strings.Index(s[from:], phrase)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(phrase)
		if (i == 0 || !isLetter(s[i-1])) && (end == len(s) || !isLetter(s[end]) || phrase[len(phrase)-1] == ' ') {
			return true
		}
		from = i + 1
	}
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }

// orgOfPosition gives the organisation code of an international position
// that has no country ("Secretary-General of the United Nations").
func orgOfPosition(position string) string {
	p := strings.ToLower(position)
	for _, o := range []struct{ code, phrase string }{
		{"NATO", "nato"}, {"NATO", "north atlantic treaty"}, {"IMF", "international monetary fund"},
		{"WB", "world bank"}, {"OPEC", "opec"}, {"OPEC", "petroleum exporting"}, {"WTO", "world trade organization"},
		{"UN", "united nations"}, {"EU", "european union"}, {"EU", "european commission"}, {"EU", "european council"},
	} {
		if strings.Contains(p, o.phrase) {
			return o.code
		}
	}
	return ""
}
