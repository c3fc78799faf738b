// Package decode provides the first stage of the pipeline: a raw Kafka
// message value (a JSON object or plain text) becomes an Item with its title,
// body, source, date and id, or a classified rejection with a stable reason
// code. It must never panic on any input and never do network or disk I/O.
package decode

import "fmt"

// Stable rejection reason codes. They are written into dead-letter headers and
// `newsworker tag` error lines; never rename one.
const (
	ReasonEmpty           = "empty_value"           // zero bytes or only whitespace
	ReasonTooLarge        = "too_large"             // over the configured size limit
	ReasonInvalidJSON     = "invalid_json"          // looks like JSON, does not parse, and is not plausible text
	ReasonBinary          = "binary"                // mostly binary or mostly invalid UTF-8
	ReasonUnsupportedJSON = "unsupported_json_type" // valid JSON but not an object or a string
	ReasonNoText          = "no_text"               // no title and no body after normalization
	ReasonTimeBudget      = "time_budget_exceeded"  // processing took longer than the per-item budget
)

// Error is a permanent rejection of one input item: retrying cannot help.
type Error struct {
	Reason string
	Msg    string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Reason, e.Msg) }

func reject(reason, format string, a ...any) *Error {
	return &Error{Reason: reason, Msg: fmt.Sprintf(format, a...)}
}
