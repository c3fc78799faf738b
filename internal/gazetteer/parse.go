package gazetteer

import (
	"strings"
)

// headers are the exact columns of each kind of file (FORMAT.md).
var headers = map[string][]string{
	KindCountries: {"code", "code3", "name", "aliases", "demonyms", "ambiguous"},
	KindPlaces:    {"place", "aliases", "countries", "kind", "flags"},
	KindPeople:    {"person_id", "name", "aliases", "role", "office", "country", "start", "end"},
	KindTopics:    {"topic", "label", "parent", "phrases", "negatives"},
	KindRoles:     {"role_phrase", "role", "office", "country"},
	KindOrgs:      {"org", "aliases", "country", "kind"},
	KindUsages:    {"phrase", "use"},
	KindCues:      {"word", "cue"},
}

// sourceColumn is the optional last column of every kind: where the row
// came from ("factbook 2017", "geonames 4684888", "hand: <reference>").
// When a file's header has it, every row must fill it.
const sourceColumn = "source"

// firstColumn maps the first header column to its kind.
var firstColumn = map[string]string{
	"code":        KindCountries,
	"place":       KindPlaces,
	"person_id":   KindPeople,
	"topic":       KindTopics,
	"role_phrase": KindRoles,
	"org":         KindOrgs,
	"phrase":      KindUsages,
	"word":        KindCues,
}

// Header returns the header line of a kind of file, for tools that write
// gazetteer files (the importers), or "" for an unknown kind.
func Header(kind string) string {
	return strings.Join(headers[kind], "\t")
}

// HeaderWithSource is Header followed by the source column, for generated
// tables whose every row names where it came from.
func HeaderWithSource(kind string) string {
	if _, ok := headers[kind]; !ok {
		return ""
	}
	return Header(kind) + "\t" + sourceColumn
}

// fileData is what one file contributed, before merging.
type fileData struct {
	name      string
	kind      string
	lines     int // an upper bound on rows, to size maps once
	countries []Country
	places    []Place
	people    []personRow
	topics    []TopicRule
	roles     []Role
	orgs      []Org
	usages    []Usage
	cues      []Cue
	errs      *errList // the file's own problems (parseAll)
}

// personRow is one people line: a person with exactly one term.
type personRow struct {
	id, name string
	aliases  []string
	term     Term
}

// row is one data line being decoded; its methods report problems against
// the line and the column.
type row struct {
	pos   Pos
	cols  []string
	cells []string
	errs  *errList
}

func (r *row) fail(col int, format string, args ...any) {
	r.errs.add(r.pos, r.cols[col], format, args...)
}

// parseFile reads one gazetteer file. The kind comes from its header; when
// wantKind is not empty (built-in files, whose directory names the kind) a
// different header is an error.
func parseFile(name string, data []byte, wantKind string, errs *errList) *fileData {
	text := strings.TrimPrefix(string(data), "\ufeff")
	fd := &fileData{name: name, lines: strings.Count(text, "\n") + 1}
	var dec func(*row)
	var cols []string
	cells := make([]string, 0, 8)
	lineNo := 0
	for len(text) > 0 {
		var line string
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			line, text = text, ""
		}
		lineNo++
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' || strings.TrimSpace(line) == "" {
			continue
		}
		pos := Pos{File: name, Line: lineNo}
		cells = splitTabs(line, cells[:0])
		if dec == nil {
			kind, ok := checkHeader(cells, pos, wantKind, errs)
			if !ok {
				return fd
			}
			fd.kind, cols = kind, append([]string(nil), cells...)
			dec = fd.decoder(kind)
			continue
		}
		if len(cells) != len(cols) {
			errs.add(pos, "", "want %d tab-separated columns (%s), got %d", len(cols), strings.Join(cols, ", "), len(cells))
			continue
		}
		if cols[len(cols)-1] == sourceColumn && cells[len(cells)-1] == "" {
			errs.add(pos, sourceColumn, "empty: a file with a source column names the source of every row")
			continue
		}
		dec(&row{pos: pos, cols: cols, cells: cells, errs: errs})
	}
	if dec == nil {
		errs.add(Pos{File: name, Line: lineNo}, "", "no header line")
	}
	return fd
}

func checkHeader(cells []string, pos Pos, wantKind string, errs *errList) (string, bool) {
	kind, ok := firstColumn[cells[0]]
	if !ok {
		errs.add(pos, "", "unknown header %q: the first column must be one of code, place, person_id, topic, role_phrase, org, phrase, word", cells[0])
		return "", false
	}
	want := strings.Join(headers[kind], "\t")
	if got := strings.Join(cells, "\t"); got != want && got != want+"\t"+sourceColumn {
		errs.add(pos, "", "header of a %s file must be exactly %q, optionally followed by %q", kind, strings.Join(headers[kind], " "), sourceColumn)
		return "", false
	}
	if wantKind != "" && kind != wantKind {
		errs.add(pos, "", "a %s file in the %s directory", kind, wantKind)
		return "", false
	}
	return kind, true
}

// The rows of a file are at most its lines: room for them up front spares
// growing the slices (and copying their large rows) as they fill.
func (fd *fileData) decoder(kind string) func(*row) {
	switch kind {
	case KindCountries:
		seen := map[string]Pos{}
		return func(r *row) { fd.decodeCountry(r, seen) }
	case KindPlaces:
		seen := make(map[string]Pos, fd.lines)
		fd.places = make([]Place, 0, fd.lines)
		return func(r *row) { fd.decodePlace(r, seen) }
	case KindPeople:
		seen := make(map[termKey]int, fd.lines)
		fd.people = make([]personRow, 0, fd.lines)
		return func(r *row) { fd.decodePerson(r, seen) }
	case KindTopics:
		seen := make(map[string]Pos, fd.lines)
		fd.topics = make([]TopicRule, 0, fd.lines)
		return func(r *row) { fd.decodeTopic(r, seen) }
	case KindRoles:
		seen := map[string]Pos{}
		return func(r *row) { fd.decodeRole(r, seen) }
	case KindUsages:
		seen := map[string]Pos{}
		return func(r *row) { fd.decodeUsage(r, seen) }
	case KindCues:
		seen := map[string]Pos{}
		return func(r *row) { fd.decodeCue(r, seen) }
	default:
		seen := map[string]Pos{}
		return func(r *row) { fd.decodeOrg(r, seen) }
	}
}

// splitTabs splits on tabs and trims spaces around cells, reusing dst.
func splitTabs(line string, dst []string) []string {
	for {
		i := strings.IndexByte(line, '\t')
		if i < 0 {
			return append(dst, strings.TrimSpace(line))
		}
		dst = append(dst, strings.TrimSpace(line[:i]))
		line = line[i+1:]
	}
}

// splitList splits a `|`-separated cell, dropping empty items.
func splitList(cell string) []string {
	if cell == "" {
		return nil
	}
	n := strings.Count(cell, "|") + 1
	out := make([]string, 0, n)
	for {
		i := strings.IndexByte(cell, '|')
		item := cell
		if i >= 0 {
			item = cell[:i]
		}
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
		if i < 0 {
			return out
		}
		cell = cell[i+1:]
	}
}
