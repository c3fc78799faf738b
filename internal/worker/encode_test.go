package worker

import (
	"bytes"
	"testing"

	"github.com/newsworker/newsworker/internal/pipeline"
	"github.com/newsworker/newsworker/pkg/event"
)

// TestEncodeRecordReusesScratch: a message's value is the record's JSON
// as MarshalRecord makes it, in a slice of its own: encoding the next
// record in the same scratch space leaves it as it was.
func TestEncodeRecordReusesScratch(t *testing.T) {
	recs := []event.Record{
		{SchemaVersion: event.SchemaVersion, ID: "a1", Title: "A long first headline about central banks", Text: "Rates rose. " + string(bytes.Repeat([]byte("x"), 3000))},
		{SchemaVersion: event.SchemaVersion, ID: "b2", Title: "Short", Text: "Brazil beat Argentina.", Topics: []event.Topic{{Code: "medtop:15000000", Label: "sport", Score: 0.9}}},
	}
	buf := new([]byte)
	var msgs [][]byte
	for _, r := range recs {
		m, err := encodeRecord("out", r, recordHeaders(), buf)
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
			t.Errorf("record %d: value changed after the scratch space was reused:\n%s\nwant\n%s", i, msgs[i], want)
		}
		if cap(msgs[i]) >= cap(want) {
			t.Errorf("record %d: value holds %d bytes for %d, no less than MarshalRecord's %d", i, cap(msgs[i]), len(msgs[i]), cap(want))
		}
	}
}
