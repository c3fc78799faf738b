package decode

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"
	"unicode/utf8"
)

// Item is a raw news item with its fields found, not yet normalized.
type Item struct {
	ID         string
	Title      string
	Body       string
	BodyIsHTML bool
	URL        string
	SourceName string
	Language   string // as declared by the item, if any
	// Published is the date found in a field or the byline; zero if none.
	Published     time.Time
	PublishedFrom string // event.DateFromField or event.DateFromByline when set
	Notes         []string
	Form          string // "json" or "text"
}

// Options bound what Decode accepts.
type Options struct {
	MaxBytes int // values longer than this are rejected; 0 means no limit
}

// Note codes added to Item.Notes (and the record's notes).
const (
	NoteUTF8Repaired  = "invalid_utf8_repaired"
	NoteHeadlineDedup = "repeated_headline_dropped"
	NoteBylineRemoved = "byline_removed"
)

// Decode classifies value and extracts an Item. contentType is the message's
// content-type header ("" when absent): application/json forces JSON,
// text/plain and text/html force plain text.
func Decode(value []byte, contentType string, opts Options) (Item, error) {
	if opts.MaxBytes > 0 && len(value) > opts.MaxBytes {
		return Item{}, reject(ReasonTooLarge, "value is %d bytes, limit is %d", len(value), opts.MaxBytes)
	}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(value, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 {
		return Item{}, reject(ReasonEmpty, "message value is empty")
	}
	if isBinary(trimmed) {
		return Item{}, reject(ReasonBinary, "value looks binary (control bytes or invalid UTF-8 dominate)")
	}
	var notes []string
	if !utf8.Valid(trimmed) {
		trimmed = bytes.ToValidUTF8(trimmed, []byte("\uFFFD"))
		notes = append(notes, NoteUTF8Repaired)
	}
	ct := strings.ToLower(contentType)
	var (
		it  Item
		err error
	)
	switch {
	case strings.Contains(ct, "json"):
		it, err = decodeJSON(trimmed, false)
	case strings.HasPrefix(ct, "text/html"):
		it = decodeText(string(trimmed))
		it.BodyIsHTML = true
	case strings.HasPrefix(ct, "text/"):
		it = decodeText(string(trimmed))
	default:
		it, err = decodeJSON(trimmed, true)
	}
	if err != nil {
		return Item{}, err
	}
	it.Notes = append(notes, it.Notes...)
	if strings.TrimSpace(it.Title) == "" && strings.TrimSpace(it.Body) == "" {
		return Item{}, reject(ReasonNoText, "item has neither a title nor a body")
	}
	return it, nil
}

// decodeJSON decodes a JSON object or string. When sniff is true the value
// may also be plain text: anything that does not parse as JSON and looks like
// text is treated as text.
func decodeJSON(v []byte, sniff bool) (Item, error) {
	first := v[0]
	looksJSON := first == '{' || first == '[' || first == '"'
	if sniff && !looksJSON && !json.Valid(v) {
		return decodeText(string(v)), nil
	}
	if first == '{' {
		if obj, ok := flatObject(v); ok {
			return fromObject(obj), nil
		}
	}
	var raw any
	dec := json.NewDecoder(bytes.NewReader(v))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil || dec.More() {
		if sniff && plausibleText(v) {
			return decodeText(string(v)), nil
		}
		msg := "trailing data after the JSON value"
		if err != nil {
			msg = err.Error()
		}
		return Item{}, reject(ReasonInvalidJSON, "value is not valid JSON and not plausible text: %s", msg)
	}
	switch x := raw.(type) {
	case map[string]any:
		return fromObject(x), nil
	case string:
		return decodeText(x), nil
	default:
		return Item{}, reject(ReasonUnsupportedJSON, "JSON value is %s; want an object or a string", jsonKind(raw))
	}
}

func jsonKind(v any) string {
	switch v.(type) {
	case []any:
		return "an array"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return "a value"
}
