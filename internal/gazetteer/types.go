// Package gazetteer provides the reference data the tagger matches against:
// countries, places, people with dated offices, organisations, role titles
// and topic rules. The built-in data is embedded; users add or override
// entries with files in the same format (see FORMAT.md).
//
// This package must never do any matching itself and never touch Kafka.
package gazetteer

import "time"

// Kinds of gazetteer file, named by the first header column.
const (
	KindCountries = "countries"
	KindPlaces    = "places"
	KindPeople    = "people"
	KindTopics    = "topics"
	KindRoles     = "roles"
	KindOrgs      = "orgs"
	KindUsages    = "usages"
	KindCues      = "cues"
)

// Office categories.
const (
	OfficeHeadOfState      = "head_of_state"
	OfficeHeadOfGovernment = "head_of_government"
	OfficeForeign          = "foreign"
	OfficeFinance          = "finance"
	OfficeDefence          = "defence"
	OfficeInterior         = "interior"
	OfficeCentralBank      = "central_bank"
	OfficeSpokesperson     = "spokesperson"
	OfficeOrgLeader        = "org_leader"
	OfficeOther            = "other"
)

// Pos says where an entry was defined, for error messages and provenance.
type Pos struct {
	File string
	Line int
}

// Country is one ISO 3166-1 country or territory.
type Country struct {
	Code      string // alpha-2
	Code3     string // alpha-3
	Name      string
	Aliases   []string
	Demonyms  []string
	Ambiguous []string // forms that need context
	Pos       Pos
}

// Place is a named location or metonym that implies one or more countries.
type Place struct {
	Name      string
	Aliases   []string
	Countries []string
	Kind      string // capital, city, region, state, metonym, multi, landmark
	// Subdivision is the ISO 3166-2 code of the first-level division the
	// place is in, or is ("US-GA" for Athens, Georgia and for Georgia the
	// state); "" when the row does not say.
	Subdivision string
	Ambiguous   bool
	// Minor: a small place, known to few readers outside its region; it
	// counts only where the story is set or its state is named.
	Minor bool
	Pos   Pos
}

// Term is one period in one office.
type Term struct {
	Role    string
	Office  string
	Country string
	Start   time.Time // zero: unknown
	End     time.Time // zero: still in office
	Pos     Pos
}

// Person is an office holder with all the terms we know of.
type Person struct {
	ID      string
	Name    string
	Aliases []string
	Terms   []Term
}

// Phrase is one weighted trigger phrase of a topic rule.
type Phrase struct {
	Text   string
	Weight float64
}

// TopicRule is an IPTC Media Topic with its trigger phrases.
type TopicRule struct {
	Code      string
	Label     string
	Parent    string
	Phrases   []Phrase
	Negatives []string
	Pos       Pos
}

// Role maps a title as written in news to a normalized office.
type Role struct {
	Phrase  string
	Role    string
	Office  string
	Country string
	Pos     Pos
}

// Org is an organisation that gives a title its country ("Bundesbank
// President").
type Org struct {
	Name    string
	Aliases []string
	Country string
	Kind    string
	Pos     Pos
}

// Usage is a word or phrase that says a country word around it names no
// country ("Italian restaurant", "French fries", "speaks French"); Use is
// one of the uses listed in FORMAT.md.
type Usage struct {
	Phrase string
	Use    string
	Pos    Pos
}

// Cue is a word of a closed class that the tagger's context rules test
// ("said" is a verb of saying, "Mr" an honorific); Class is one of the
// classes listed in FORMAT.md (CueClasses).
type Cue struct {
	Word  string
	Class string
	Pos   Pos
}

// Gazetteer is the loaded, merged, validated data. It is immutable after
// Load returns and safe for concurrent use.
type Gazetteer struct {
	Countries []Country
	Places    []Place
	People    []Person
	Topics    []TopicRule
	Roles     []Role
	Orgs      []Org
	Usages    []Usage
	Cues      []Cue
	// Version is a content hash of every loaded file ("sha256:" + 16 hex),
	// so a replay can tell whether the data changed.
	Version string

	// Indexes into the slices above, built once by Load.
	byCode   map[string]int // country alpha-2
	byCode3  map[string]int // country alpha-3
	byTopic  map[string]int
	byPerson map[string]int
}
