package faulttest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/internal/audit"
	"github.com/newsworker/newsworker/internal/kafkatest"
)

// TestHostileStream: hostile items, one each in a normal stream, through a
// dedicated broker that accepts 12 MB messages. Each must come out as a
// record or a dead letter, the stream must not stall, and the worker's peak
// RSS must stay under 512 MiB.
func TestHostileStream(t *testing.T) {
	props := t.TempDir() + "/big.properties"
	writeFile(t, props, "message.max.bytes=12000000\nreplica.fetch.max.bytes=12000000\n")
	b := kafkatest.StartBroker(t, "KAFKA_EXTRA_PROPERTIES="+props)
	brokers := []string{b.Addr}
	in := kafkatest.Topic(t, brokers, "hostile-in", 2)
	out := kafkatest.Topic(t, brokers, "hostile-out", 2)
	dlq := kafkatest.Topic(t, brokers, "hostile-dlq", 1)
	names := make([]string, 0, 5000)
	for i := 0; i < 5000; i++ {
		names = append(names, fmt.Sprintf("Minister Zarko%c%c Velinovski%d said", 'A'+i%26, 'a'+i/26%26, i))
	}
	const limit = 1 << 20 // NEWSWORKER_MAX_ITEM_BYTES default
	hostile := map[string]string{
		"at size limit":         sized(limit),
		"over size limit":       sized(limit + 1),
		"10 MB of text":         "Headline\n\n" + strings.Repeat("Markets rose in Tokyo. ", 10_000_000/23),
		"JSON nested 100k deep": strings.Repeat(`{"a":`, 100000) + "1" + strings.Repeat("}", 100000),
		"HTML 100k nested tags": `{"title":"deep","html":"` + strings.Repeat("<b>", 100000) + "Syria talks" + strings.Repeat("</b>", 100000) + `"}`,
		"HTML 5 MB attribute":   `{"title":"attr","html":"<p title=\"` + strings.Repeat("y", 5<<20) + `\">Lavrov met Tillerson</p>"}`,
		"binary with NULs":      "\x00\x00\x00\x01\x02garbage\xff\xfe\xfd\x00\x00",
		"invalid UTF-8":         "Caf\xe9 owners in Paris protest\n\nThe caf\xe9 owners of France said taxes were too high.",
		"RTL and bidi controls": "Talks in \u202eowcsoM\u202c and \u2067Damascus\u2069\n\nThe \u200fforeign ministers met.",
		"one word repeated":     "Syria\n\n" + strings.Repeat("Syria ", 160000),
		"headline only":         "Putin meets Erdogan in Sochi",
		"thousands of names":    "Names\n\n" + strings.Join(names, ". "),
	}
	normal, _ := kafkatest.MixedItems(2000, 64<<10)
	var msgs []kafka.Message
	i := 0
	for name, v := range hostile {
		msgs = append(msgs, normal[i*100:(i+1)*100]...)
		msgs = append(msgs, kafka.Message{Key: []byte("hostile: " + name), Value: []byte(v)})
		i++
	}
	msgs = append(msgs, normal[i*100:]...)
	w := &kafka.Writer{Addr: kafka.TCP(b.Addr), Topic: in, Balancer: &kafka.RoundRobin{}, RequiredAcks: kafka.RequireAll,
		BatchBytes: 11_500_000, BatchTimeout: 5 * time.Millisecond}
	for _, m := range msgs {
		if err := w.WriteMessages(t.Context(), m); err != nil {
			t.Fatalf("produce %s: %v", m.Key, err)
		}
	}
	w.Close()
	bin := kafkatest.BuildWorker(t)
	wk := kafkatest.StartWorker(t, bin, kafkatest.Env(b.Addr, in, out, dlq, "hostile-"+in, "NEWSWORKER_MAX_ITEM_BYTES=1048576"))
	start := time.Now()
	oc, missing := waitOutcomes(t, brokers, in, out, dlq, 2, 4*time.Minute)
	elapsed := time.Since(start)
	rss := wk.PeakRSS()
	if err := wk.Stop(40 * time.Second); err != nil {
		t.Errorf("graceful stop: %v", err)
	}
	outcome := map[string]string{}
	for _, rs := range oc.Records {
		if k := rs[0].Origin.Key; strings.HasPrefix(k, "hostile: ") {
			outcome[k] = "record"
		}
	}
	for _, ds := range oc.DeadLetters {
		if k := string(ds[0].Key); strings.HasPrefix(k, "hostile: ") {
			outcome[k] = "dead letter " + audit.Header(ds[0], "dlq-reason")
		}
	}
	for name := range hostile {
		t.Logf("%-24s → %s", name, outcome["hostile: "+name])
	}
	t.Logf("items=%d hostile=%d missing=%d duplicates=%d elapsed=%s peak_rss=%d KiB",
		len(msgs), len(hostile), len(missing), oc.Duplicates, elapsed.Round(time.Millisecond), rss)
	if len(missing) > 0 || len(outcome) != len(hostile) {
		t.Fatalf("%d missing; hostile outcomes %d of %d\n%s", len(missing), len(outcome), len(hostile), wk.LogTail(3000))
	}
	if rss > 512<<10 {
		t.Errorf("peak RSS %d KiB over 512 MiB", rss)
	}
}

func sized(n int) string {
	head, tail := `{"title":"Sized item","body":"`, `"}`
	return head + strings.Repeat("a", n-len(head)-len(tail)) + tail
}
