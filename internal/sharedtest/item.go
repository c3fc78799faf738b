package sharedtest

import "encoding/json"

// ItemText is the text of an eval case's item (see ../shared/eval): a
// plain-text item as it is, a JSON object's title and body with a blank
// line between; ok is false for anything else.
func ItemText(item json.RawMessage) (text string, ok bool) {
	var plain string
	if json.Unmarshal(item, &plain) == nil {
		return plain, true
	}
	var obj struct{ Title, Body string }
	if json.Unmarshal(item, &obj) == nil {
		return obj.Title + "\n\n" + obj.Body, true
	}
	return "", false
}
