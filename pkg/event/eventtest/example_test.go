package eventtest_test

import (
	"fmt"

	"github.com/newsworker/newsworker/pkg/event"
	"github.com/newsworker/newsworker/pkg/event/eventtest"
)

// A consumer of the output topic decodes each message value into an
// event.Record, checked against the published schema, and tells dead
// letters apart by their headers.
func Example() {
	v, err := eventtest.New()
	if err != nil {
		panic(err)
	}
	value := []byte(`{"schema_version":1,"id":"nw1-0123456789abcdef0123456789abcdef",
		"origin":{"topic":"news.raw","partition":0,"offset":42},"source":{"name":"example"},
		"title":"Talks in Moscow","text":"Russia and the US met in Moscow.","language":"en",
		"published_at":"2026-12-07T09:00:00Z","published_at_source":"field","ingested_at":"2026-12-07T10:00:00Z",
		"content_hash":"sha256:71ba59a320944326c761bd36b8caf9b23489edc6e435bb87b1e9eb7dd734e686",
		"countries":[],"officials":[],"topics":[],
		"tagger":{"name":"newsworker","version":"x","gazetteer_version":"y"}}`)
	rec, err := v.Decode(value)
	if err != nil {
		fmt.Println("invalid record:", err)
		return
	}
	fmt.Println(rec.Origin.Topic, rec.Origin.Offset, rec.Title)

	// A dead letter keeps the input's bytes; its headers say why.
	headers := map[string]string{event.HeaderDLQReason: event.ReasonInvalidJSON, event.HeaderDLQOffset: "43"}
	fmt.Println("dead letter:", headers[event.HeaderDLQReason], "at offset", headers[event.HeaderDLQOffset])
	// Output:
	// news.raw 42 Talks in Moscow
	// dead letter: invalid_json at offset 43
}
