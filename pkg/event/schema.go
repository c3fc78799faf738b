package event

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of a serialized Record.
//
//go:embed schema.json
var schema []byte

// Schema returns a copy of the record's JSON Schema.
func Schema() []byte { return append([]byte(nil), schema...) }
