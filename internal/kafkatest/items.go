package kafkatest

import (
	"fmt"
	"strings"

	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/pkg/event"
)

// Sentences written for these tests (not taken from any publication).
var sentences = []string{
	"Foreign ministers from Russia and the United States met in Geneva to discuss a ceasefire in Syria.",
	"The central bank of Japan left interest rates unchanged and said inflation remained weak.",
	"Heavy rain flooded villages in northern Italy and forced hundreds of people from their homes.",
	"Germany's finance minister said the budget would be balanced next year despite slower growth.",
	"Shares in London fell after a large bank reported a loss for the third quarter.",
	"Brazil beat Argentina in a friendly football match played in Sao Paulo on Sunday.",
	"The president of France visited a factory near Lyon and promised new jobs in the region.",
	"Coffee prices rose in New York as dry weather threatened the harvest in Colombia.",
}

// MixedItems returns n input messages: JSON objects with varied field names,
// HTML bodies, plain text with headline and byline, and about 2% of each
// rejection kind. want maps the message key to the expected dead-letter
// reason ("" for a record). tooLarge is the size a too_large item must exceed.
func MixedItems(n, tooLarge int) (msgs []kafka.Message, want map[string]string) {
	want = make(map[string]string, n)
	for i := 0; i < n; i++ {
		key := fmt.Sprintf("item-%06d", i)
		s1, s2 := sentences[i%len(sentences)], sentences[(i*3+1)%len(sentences)]
		var v, reason, ct string
		switch {
		case i%50 == 7:
			v, reason = "", "empty_value"
		case i%50 == 17:
			v, reason = strings.Repeat("Long text item. ", tooLarge/16+10), event.ReasonTooLarge
		case i%50 == 27:
			v, reason = `{"title": "broken json", "body": `, event.ReasonInvalidJSON
		case i%50 == 37:
			v, reason = "\x00\x01\x02\x03\x04\x05\x06\x07binary\xff\xfe\x00\x00", "binary"
		case i%50 == 47:
			v, reason = fmt.Sprintf("[%d, 2, 3]", i), "unsupported_json_type"
		case i%50 == 48:
			v, reason = fmt.Sprintf(`{"id": "n-%d", "title": 42}`, i), "no_text"
		case i%4 == 0:
			v = fmt.Sprintf(`{"id":"t-%d","source":"Test Wire","title":"Item %d: %s","body":"%s %s","published_at":"2017-04-12T10:00:00Z"}`, i, i, s1[:30], s1, s2)
		case i%4 == 1:
			v = fmt.Sprintf(`{"guid":"g-%d","publisher":"Test Daily","headline":"Report %d","content":"<p>%s</p><script>x()</script><p>%s</p>","html":true,"pubDate":"Wed, 12 Apr 2017 10:00:00 GMT"}`, i, i, s1, s2)
		case i%4 == 2:
			v, ct = fmt.Sprintf("Bulletin number %d\n\nBy Test News April 12, 2017\n\n%s\n\n%s", i, s1, s2), "text/plain"
		default:
			v = fmt.Sprintf(`{"url":"https://example.org/news/%d","title":"Story %d","text":"%s"}`, i, i, s2)
		}
		m := kafka.Message{Key: []byte(key), Value: []byte(v)}
		if ct != "" {
			m.Headers = []kafka.Header{{Key: "content-type", Value: []byte(ct)}}
		}
		msgs = append(msgs, m)
		want[key] = reason
	}
	return msgs, want
}
