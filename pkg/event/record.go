// Package event is the published contract of newsworker: the structured
// event record written to the output topic, its schema version and its JSON
// Schema. Downstream Go programs import this package and nothing else.
//
// This package must never import anything from newsworker's internal
// packages, and must never change a field's meaning within a schema version.
package event

// SchemaVersion is the version of the record layout produced by this code.
// It is written into every record and into the "schema-version" header.
const SchemaVersion = 1

// ContentType is the content type of a serialized Record.
const ContentType = "application/vnd.newsworker.event.v1+json"

// Header names carried by every output message.
const (
	HeaderSchemaVersion = "schema-version"
	HeaderContentType   = "content-type"
)

// How published_at was obtained.
const (
	DateFromField    = "field"    // a date field of the raw item
	DateFromByline   = "byline"   // "By bne IntelliNews April 12, 2017"
	DateFromDateline = "dateline" // "WASHINGTON, March 3 - " (year from context)
	DateFromIngest   = "ingest"   // no date in the item: the time it was ingested
)

// Status values of an official on the article's date.
const (
	StatusInOffice = "in_office"
	StatusFormer   = "former"
	StatusUnknown  = "unknown"
)

// Record is one tagged news item. Arrays are sorted deterministically:
// countries and officials by descending salience/mentions then name, topics by
// descending score then code, evidence by field then start offset.
type Record struct {
	SchemaVersion     int        `json:"schema_version"`
	ID                string     `json:"id"`
	SourceID          string     `json:"source_id,omitempty"`
	Source            Source     `json:"source"`
	Title             string     `json:"title"`
	Text              string     `json:"text"`
	Dateline          *Dateline  `json:"dateline,omitempty"`
	PublishedAt       string     `json:"published_at"`
	PublishedAtSource string     `json:"published_at_source"`
	IngestedAt        string     `json:"ingested_at"`
	Language          string     `json:"language"`
	ContentHash       string     `json:"content_hash"`
	Notes             []string   `json:"notes,omitempty"`
	Countries         []Country  `json:"countries"`
	Officials         []Official `json:"officials"`
	Topics            []Topic    `json:"topics"`
	Origin            *Origin    `json:"origin,omitempty"`
	Tagger            Tagger     `json:"tagger"`
}

// Source names where the item came from. URL is the item's own address.
type Source struct {
	Name string `json:"name,omitempty"`
	URL  string `json:"url,omitempty"`
}

// Dateline is the place of reporting read from the start of the body.
// Start and End are byte offsets into Text.
type Dateline struct {
	Text  string `json:"text"`
	Place string `json:"place"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Evidence is one span of normalized text that supports a tag. Start and End
// are UTF-8 byte offsets into the record field named by Field ("title" or
// "text"), so record[Field][Start:End] == Text.
type Evidence struct {
	Field string `json:"field"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Country is a country the item mentions or is about.
type Country struct {
	Code     string     `json:"code"`  // ISO 3166-1 alpha-2
	Code3    string     `json:"code3"` // ISO 3166-1 alpha-3
	Name     string     `json:"name"`
	Mentions int        `json:"mentions"`
	Salience float64    `json:"salience"` // 0-1
	Focus    bool       `json:"focus"`
	Evidence []Evidence `json:"evidence"`
}

// Official is a person holding (or having held) a public office.
type Official struct {
	Name     string     `json:"name"`
	Role     string     `json:"role,omitempty"`
	Country  string     `json:"country,omitempty"` // ISO alpha-2, or an organisation code such as "UN"
	Status   string     `json:"status"`            // in_office | former | unknown
	ID       string     `json:"id,omitempty"`      // Wikidata QID or "nw:" id
	Mentions int        `json:"mentions"`
	Evidence []Evidence `json:"evidence"`
}

// Topic is an IPTC Media Topic concept.
type Topic struct {
	Code     string     `json:"code"`  // e.g. "medtop:20000639"
	Label    string     `json:"label"` // IPTC's English label
	Score    float64    `json:"score"` // 0-1
	Evidence []Evidence `json:"evidence"`
}

// Origin is the input message the record was made from.
type Origin struct {
	Topic     string `json:"topic"`
	Partition int    `json:"partition"`
	Offset    int64  `json:"offset"`
	Key       string `json:"key,omitempty"`
}

// Tagger names the code and data that produced the tags, so that a replay can
// be compared with the first run.
type Tagger struct {
	Name             string `json:"name"`
	Version          string `json:"version"`
	GazetteerVersion string `json:"gazetteer_version"`
}
