package kafkaio

import (
	"context"
	"errors"
	"fmt"

	"github.com/segmentio/kafka-go"
)

// EnsureTopics creates the topics that do not exist yet with the given
// partition count and replication factor; existing topics are left alone.
func EnsureTopics(ctx context.Context, brokers []string, sec Security, partitions, replication int, topics ...string) error {
	tr := sec.Transport()
	defer tr.CloseIdleConnections() // kafka-go closes only a transport it created itself
	client := &kafka.Client{Addr: kafka.TCP(brokers...), Transport: tr}
	req := &kafka.CreateTopicsRequest{}
	for _, t := range topics {
		req.Topics = append(req.Topics, kafka.TopicConfig{Topic: t, NumPartitions: partitions, ReplicationFactor: replication})
	}
	res, err := client.CreateTopics(ctx, req)
	if err != nil {
		return fmt.Errorf("create topics: %w", err)
	}
	for t, err := range res.Errors {
		if err != nil && !errors.Is(err, kafka.TopicAlreadyExists) {
			return fmt.Errorf("create topic %s: %w", t, err)
		}
	}
	return nil
}
