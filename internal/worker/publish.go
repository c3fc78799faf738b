package worker

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/segmentio/kafka-go"
)

// publish writes jobs in batches of up to BatchSize, waiting at most Linger
// for a batch to fill, and acks each job's delivery after the broker
// acknowledged the batch. A batch that still fails after WriteRetries
// attempts stops the worker: nothing in it is acked, so nothing is committed.
func (w *Worker) publish(ctx context.Context, jobs <-chan job) error {
	batch := make([]job, 0, w.cfg.BatchSize)
	msgs := make([]kafka.Message, 0, w.cfg.BatchSize)
	for {
		j, ok := <-jobs
		if !ok {
			return nil
		}
		batch = append(batch[:0], j)
		timer := time.NewTimer(w.cfg.Linger)
	fill:
		for len(batch) < w.cfg.BatchSize {
			select {
			case j, ok := <-jobs:
				if !ok {
					break fill
				}
				batch = append(batch, j)
			case <-timer.C:
				break fill
			}
		}
		timer.Stop()
		msgs = msgs[:0]
		for _, j := range batch {
			msgs = append(msgs, j.msg)
		}
		if err := w.write(ctx, msgs); err != nil {
			return err
		}
		now := time.Now()
		for _, j := range batch {
			if j.dlq != "" {
				w.m.DeadLettered.WithLabelValues(j.dlq).Inc()
			} else {
				w.m.Produced.Inc()
			}
			w.m.Latency.Observe(now.Sub(j.d.Fetched).Seconds())
			if ts := j.d.Msg.Time; !ts.IsZero() {
				w.m.EndToEnd.Observe(max(now.Sub(ts), 0).Seconds())
			}
			j.d.Ack()
		}
	}
}

// write retries with capped, jittered exponential backoff. A failed write
// has an unknown outcome (the broker may hold the records), so a retry may
// duplicate output: records carry deterministic ids for that reason.
func (w *Worker) write(ctx context.Context, msgs []kafka.Message) error {
	backoff := 100 * time.Millisecond
	var err error
	for attempt := 1; attempt <= w.cfg.WriteRetries; attempt++ {
		err = w.w.WriteMessages(ctx, msgs...)
		w.mu.Lock()
		w.writeErr = err
		w.mu.Unlock()
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("publish: %w", ctx.Err())
		}
		w.m.WriteErrors.Inc()
		w.log.Warn().Err(err).Strs("topics", batchTopics(msgs)).Int("attempt", attempt).Int("messages", len(msgs)).
			Str("hint", writeHint(err, batchTopics(msgs))).Msg("write failed")
		if attempt == w.cfg.WriteRetries {
			break
		}
		sleep := backoff/2 + rand.N(backoff/2+1)
		select {
		case <-time.After(sleep):
		case <-ctx.Done():
			return fmt.Errorf("publish: %w", ctx.Err())
		}
		backoff = min(backoff*2, w.cfg.BackoffMax)
	}
	topics := batchTopics(msgs)
	return fmt.Errorf("publish to %s: %d messages not acknowledged after %d attempts, nothing committed past them (%s): %w",
		strings.Join(topics, ", "), len(msgs), w.cfg.WriteRetries, writeHint(err, topics), err)
}

// batchTopics lists the topics of a batch, in first-seen order.
func batchTopics(msgs []kafka.Message) []string {
	var out []string
	for _, m := range msgs {
		if !slices.Contains(out, m.Topic) {
			out = append(out, m.Topic)
		}
	}
	return out
}

// writeHint tells the operator what to do about a write error.
func writeHint(err error, topics []string) string {
	t := strings.Join(topics, " or ")
	switch {
	case errors.Is(err, kafka.UnknownTopicOrPartition):
		return fmt.Sprintf("topic %s does not exist: create it, or set NEWSWORKER_CREATE_TOPICS=true to have the worker create its output and dead-letter topics", t)
	case errors.Is(err, kafka.TopicAuthorizationFailed):
		return fmt.Sprintf("the broker refuses writes to %s: grant the worker's user Write on it", t)
	case errors.Is(err, kafka.MessageSizeTooLarge):
		return fmt.Sprintf("a batch to %s is larger than the broker accepts: lower NEWSWORKER_MAX_BATCH_BYTES to the topic's max.message.bytes", t)
	}
	return "the broker did not acknowledge the batch; it is retried, and redelivered after a restart"
}

func equalFold(a, b string) bool { return strings.EqualFold(a, b) }
