package service

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/newsworker/newsworker/internal/config"
	"github.com/newsworker/newsworker/internal/kafkaio"
)

// topicWait holds the worker back until its topics exist. A misspelt input
// topic would otherwise make a consumer group with no partitions that looks
// healthy for ever, and a missing output topic would surface only as write
// errors that never name it. Meanwhile /readyz says what is missing.
type topicWait struct {
	mu      sync.Mutex
	missing error // nil once every topic exists
}

func (w *topicWait) err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.missing
}

func (w *topicWait) set(err error) {
	w.mu.Lock()
	w.missing = err
	w.mu.Unlock()
}

// wait returns once the input, output and dead-letter topics all exist, or
// an error naming the missing ones after cfg.TopicWait. It returns nil when
// stop ends first: the caller then runs the (already stopped) consumer
// group, which returns at once and closes its deliveries.
func (w *topicWait) wait(ctx, stop context.Context, cfg config.Config, sec kafkaio.Security, log zerolog.Logger) error {
	deadline := time.Now().Add(cfg.TopicWait)
	for attempt := 0; ; attempt++ {
		qctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		missing, err := kafkaio.MissingTopics(qctx, cfg.Brokers, sec, cfg.InputTopic, cfg.OutputTopic, cfg.DLQTopic)
		cancel()
		switch {
		case err != nil:
			w.set(fmt.Errorf("cannot ask the brokers for the topics: %w", err))
		case len(missing) == 0:
			w.set(nil)
			return nil
		default:
			w.set(missingTopics(cfg, missing))
		}
		if attempt == 0 || attempt%10 == 0 {
			log.Error().Err(w.err()).Float64("gives_up_in_s", time.Until(deadline).Seconds()).Msg("waiting for the topics")
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("after waiting %s (NEWSWORKER_TOPIC_WAIT): %w", cfg.TopicWait, w.err())
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-stop.Done():
			return nil // shutting down before the topics appeared
		case <-time.After(time.Second):
		}
	}
}

// missingTopics names each missing topic with the setting and the fix.
func missingTopics(cfg config.Config, missing []string) error {
	var why []string
	for _, t := range missing {
		switch t {
		case cfg.InputTopic:
			why = append(why, fmt.Sprintf("input topic %q does not exist (check NEWSWORKER_INPUT_TOPIC)", t))
		case cfg.OutputTopic:
			why = append(why, fmt.Sprintf("output topic %q does not exist (create it, or set NEWSWORKER_CREATE_TOPICS=true)", t))
		default:
			why = append(why, fmt.Sprintf("dead-letter topic %q does not exist (create it, or set NEWSWORKER_CREATE_TOPICS=true)", t))
		}
	}
	return fmt.Errorf("%s", strings.Join(why, "; "))
}
