package consume

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/newsworker/newsworker/internal/kafkatest"
)

// TestLateCommitCannotRewind is the guard against kafka-go #1308: a member
// that lost a partition in a rebalance commits late. Through a Reader that
// commit would carry the current generation and rewind the new owner; our
// commits go through the Generation that owned the partition, and a
// Generation that has ended cannot commit: kafka-go closes its coordinator
// connection when it ends, and the broker would refuse its generation id
// (ILLEGAL_GENERATION) if the connection were still open.
func TestLateCommitCannotRewind(t *testing.T) {
	brokers := kafkatest.Brokers(t)
	topic := kafkatest.Topic(t, brokers, "gen-guard", 2)
	group := "gen-guard-" + topic
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	newGroup := func() *kafka.ConsumerGroup {
		cg, err := kafka.NewConsumerGroup(kafka.ConsumerGroupConfig{ID: group, Brokers: brokers, Topics: []string{topic},
			HeartbeatInterval: 500 * time.Millisecond, SessionTimeout: 6 * time.Second, RebalanceTimeout: 5 * time.Second,
			StartOffset: kafka.FirstOffset})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cg.Close() })
		return cg
	}
	// On a fresh broker the offsets topic is created on first use: until
	// then joining fails with Group Coordinator Not Available; retry.
	next := func(cg *kafka.ConsumerGroup) (*kafka.Generation, error) {
		for {
			gen, err := cg.Next(ctx)
			if err == nil || ctx.Err() != nil || !errors.Is(err, kafka.GroupCoordinatorNotAvailable) {
				return gen, err
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	a := newGroup()
	genA, err := next(a)
	if err != nil {
		t.Fatal(err)
	}
	if err := genA.CommitOffsets(map[string]map[int]int64{topic: {0: 10, 1: 10}}); err != nil {
		t.Fatalf("commit in the live generation: %v", err)
	}
	ended := make(chan struct{})
	genA.Start(func(gctx context.Context) { <-gctx.Done(); close(ended) })

	// B joins: A's generation ends, both rejoin, B commits further on.
	b := newGroup()
	genB, err := next(b)
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-ended:
	case <-ctx.Done():
		t.Fatal("A's generation did not end when B joined")
	}
	var bParts []int
	for _, pa := range genB.Assignments[topic] {
		bParts = append(bParts, pa.ID)
	}
	if len(bParts) == 0 {
		t.Skip("B got no partition in this assignment; nothing to rewind")
	}
	later := map[int]int64{}
	for _, p := range bParts {
		later[p] = 50
	}
	if err := genB.CommitOffsets(map[string]map[int]int64{topic: later}); err != nil {
		t.Fatalf("B's commit: %v", err)
	}

	// A's late commit through its ended generation must not land.
	lateErr := genA.CommitOffsets(map[string]map[int]int64{topic: {0: 5, 1: 5}})
	committed := kafkatest.Committed(t, brokers, group, topic, 2)
	t.Logf("B owns %v; late commit from A's ended generation %d: err=%v; committed now %v", bParts, genA.ID, lateErr, committed)
	for _, p := range bParts {
		if committed[p] != 50 {
			t.Fatalf("partition %d rewound to %d by a late commit", p, committed[p])
		}
	}
	if lateErr == nil {
		t.Fatal("a commit from an ended generation was accepted")
	}
}
