package decode

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/newsworker/newsworker/pkg/event"
)

// Field names real feeds use, in order of preference. Matching is
// case-insensitive; unknown fields are ignored.
var (
	titleKeys  = []string{"title", "headline", "name"}
	bodyKeys   = []string{"body", "content", "text", "article", "description", "summary"}
	htmlKeys   = []string{"html", "body_html", "content_html"}
	urlKeys    = []string{"canonical_url", "url", "link", "permalink"}
	sourceKeys = []string{"source", "source_name", "publisher", "feed", "site"}
	dateKeys   = []string{"published_at", "published", "pubdate", "pub_date", "date", "datetime", "timestamp", "created_at", "dateline"}
	idKeys     = []string{"id", "guid", "uuid", "item_id"}
	langKeys   = []string{"language", "lang", "locale"}
	typeKeys   = []string{"content_type", "content-type", "mime_type", "format"}
)

// fromObject maps a JSON object onto an Item.
func fromObject(obj map[string]any) Item {
	low := obj // the usual case: every key is in lower case already
	for k := range obj {
		if !lowerASCII(k) {
			low = lowerKeys(obj)
			break
		}
	}
	it := Item{Form: "json"}
	it.Title = firstString(low, titleKeys)
	it.Body = firstString(low, bodyKeys)
	if h := firstString(low, htmlKeys); h != "" {
		if it.Body == "" || len(h) > len(it.Body) {
			it.Body = h
		}
		it.BodyIsHTML = true
	}
	if ct := strings.ToLower(firstString(low, typeKeys)); strings.Contains(ct, "html") {
		it.BodyIsHTML = true
	}
	if b, ok := low["is_html"].(bool); ok && b {
		it.BodyIsHTML = true
	}
	it.URL = firstString(low, urlKeys)
	it.SourceName = sourceName(low)
	it.ID = idString(low, idKeys)
	it.Language = firstString(low, langKeys)
	for _, k := range dateKeys {
		if t, ok := dateValue(low[k]); ok {
			it.Published, it.PublishedFrom = t, event.DateFromField
			break
		}
	}
	return it
}

// lowerKeys maps the keys of obj to lower case; of two keys that differ
// only in case, the one in lower case wins, else either.
func lowerKeys(obj map[string]any) map[string]any {
	low := make(map[string]any, len(obj))
	for k, v := range obj {
		lk := strings.ToLower(k)
		if _, dup := low[lk]; !dup || k == lk {
			low[lk] = v
		}
	}
	return low
}

// lowerASCII reports whether s is ASCII with no upper-case letter, so that
// strings.ToLower(s) == s.
func lowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

func firstString(m map[string]any, keys []string) string {
	for _, k := range keys {
		switch v := m[k].(type) {
		case string:
			if strings.TrimSpace(v) != "" {
				return v
			}
		}
	}
	return ""
}

// idString accepts numeric ids too ("id": 12345).
func idString(m map[string]any, keys []string) string {
	for _, k := range keys {
		switch v := m[k].(type) {
		case string:
			if strings.TrimSpace(v) != "" {
				return v
			}
		case json.Number:
			return v.String()
		}
	}
	return ""
}

// sourceName accepts "source": "Reuters" and "source": {"name": "Reuters"}.
func sourceName(m map[string]any) string {
	for _, k := range sourceKeys {
		switch v := m[k].(type) {
		case string:
			if v != "" {
				return v
			}
		case map[string]any:
			if s := firstString(v, []string{"name", "title", "id"}); s != "" {
				return s
			}
		}
	}
	return ""
}

// dateValue accepts date strings in the layouts ParseDate knows and Unix
// seconds or milliseconds as numbers or digit strings.
func dateValue(v any) (time.Time, bool) {
	switch x := v.(type) {
	case string:
		if t, err := ParseDate(x); err == nil {
			return t, true
		}
	case json.Number:
		if n, err := strconv.ParseInt(x.String(), 10, 64); err == nil {
			return unixTime(n)
		}
		if f, err := x.Float64(); err == nil {
			return unixTime(int64(f))
		}
	}
	return time.Time{}, false
}
