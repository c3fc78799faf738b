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

// MissingTopics returns the topics the brokers do not know, in the order
// given. Asking by name (not for all topics) keeps it cheap on a large
// cluster; an error means the brokers could not be asked.
func MissingTopics(ctx context.Context, brokers []string, sec Security, topics ...string) ([]string, error) {
	tr := sec.Transport()
	tr.MetadataTopics = topics
	defer tr.CloseIdleConnections()
	c := &kafka.Client{Addr: kafka.TCP(brokers...), Transport: tr}
	md, err := c.Metadata(ctx, &kafka.MetadataRequest{Topics: topics})
	if err != nil {
		return nil, fmt.Errorf("topic metadata: %w", err)
	}
	var missing []string
	for _, name := range topics {
		found := false
		for _, t := range md.Topics {
			if t.Name == name && t.Error == nil && len(t.Partitions) > 0 {
				found = true
			}
		}
		if !found {
			missing = append(missing, name)
		}
	}
	return missing, nil
}
