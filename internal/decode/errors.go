// Package decode provides the first stage of the pipeline: a raw Kafka
// message value (a JSON object or plain text) becomes an Item with its title,
// body, source, date and id, or a classified rejection with a stable reason
// code. It must never panic on any input and never do network or disk I/O.
package decode

import (
	"fmt"

	"github.com/newsworker/newsworker/pkg/event"
)

// Stable rejection reason codes, as pkg/event publishes them for consumers.
const (
	ReasonEmpty           = event.ReasonEmpty
	ReasonTooLarge        = event.ReasonTooLarge
	ReasonInvalidJSON     = event.ReasonInvalidJSON
	ReasonBinary          = event.ReasonBinary
	ReasonUnsupportedJSON = event.ReasonUnsupportedJSON
	ReasonNoText          = event.ReasonNoText
	ReasonTimeBudget      = event.ReasonTimeBudget
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
