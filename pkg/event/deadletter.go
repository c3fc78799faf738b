package event

// Rejection reason codes: why an input item went to the dead-letter topic
// (header HeaderDLQReason) or got an error line from `newsworker tag`.
// They are stable: never renamed, only added to.
const (
	ReasonEmpty           = "empty_value"           // zero bytes or only whitespace
	ReasonTooLarge        = "too_large"             // over NEWSWORKER_MAX_ITEM_BYTES
	ReasonInvalidJSON     = "invalid_json"          // looks like JSON, does not parse, and is not plausible text
	ReasonBinary          = "binary"                // mostly binary or mostly invalid UTF-8
	ReasonUnsupportedJSON = "unsupported_json_type" // valid JSON but not an object or a string
	ReasonNoText          = "no_text"               // no title and no body after normalization
	ReasonTimeBudget      = "time_budget_exceeded"  // tagging took longer than NEWSWORKER_ITEM_TIMEOUT
	ReasonRecordTooLarge  = "record_too_large"      // the record would exceed what the broker accepts
	ReasonInternal        = "internal_error"        // a fault of the worker (a panic or a bug); please report it
)

// Reasons lists every reason code.
func Reasons() []string {
	return []string{ReasonEmpty, ReasonTooLarge, ReasonInvalidJSON, ReasonBinary, ReasonUnsupportedJSON,
		ReasonNoText, ReasonTimeBudget, ReasonRecordTooLarge, ReasonInternal}
}

// Dead-letter headers. A dead letter's value is the original bytes; its key
// and headers are the original ones too, and these say why and where it came
// from.
const (
	HeaderDLQReason         = "dlq-reason"           // a Reason* code
	HeaderDLQError          = "dlq-error"            // the error text, at most 1 KiB
	HeaderDLQTopic          = "dlq-origin-topic"     // the input topic
	HeaderDLQPartition      = "dlq-origin-partition" // the input partition, decimal
	HeaderDLQOffset         = "dlq-origin-offset"    // the input offset, decimal
	HeaderDLQTime           = "dlq-time"             // when it was dead-lettered, RFC 3339
	HeaderDLQTruncated      = "dlq-truncated-from"   // the original value's size when the value was cut
	HeaderDLQHeadersDropped = "dlq-headers-dropped"  // "true" when original headers beyond 16 KiB were dropped
	HeaderDLQPrefix         = "dlq-"                 // every dead-letter header starts with it
)
