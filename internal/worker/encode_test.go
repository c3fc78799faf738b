package worker

import (
	"bytes"
	"testing"

	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/pkg/event"
)

// TestEncodeRecord: a message's key is the record id and its value the
// record's JSON as MarshalRecord makes it, in a slice of its own.
func TestEncodeRecord(t *testing.T) {
	recs := []event.Record{
		{SchemaVersion: event.SchemaVersion, ID: "a1", Title: "A long first headline about central banks", Text: "Rates rose. " + string(bytes.Repeat([]byte("x"), 3000))},
		{SchemaVersion: event.SchemaVersion, ID: "b2", Title: "Short", Text: "Brazil beat Argentina.", Topics: []event.Topic{{Code: "medtop:15000000", Label: "sport", Score: 0.9}}},
	}
	var msgs [][]byte
	for _, r := range recs {
		m, err := encodeRecord("out", r, recordHeaders())
		if err != nil {
			t.Fatal(err)
		}
		if string(m.Key) != r.ID {
			t.Errorf("key %q, want %q", m.Key, r.ID)
		}
		msgs = append(msgs, m.Value)
	}
	for i, r := range recs {
		want, err := pipeline.MarshalRecord(&r)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(msgs[i], want) {
			t.Errorf("record %d: value\n%s\nwant\n%s", i, msgs[i], want)
		}
	}
}
