package pipeline

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestBudget: the budget ends at its deadline or the parent's, whichever
// comes first, and a cancelled parent is reported as such.
func TestBudget(t *testing.T) {
	b := newBudget(context.Background(), time.Now().Add(time.Hour))
	if err := b.Err(); err != nil {
		t.Fatalf("fresh budget: %v", err)
	}
	if err := newBudget(context.Background(), time.Now().Add(-time.Millisecond)).Err(); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("past deadline: got %v, want DeadlineExceeded", err)
	}
	parent, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	pd, _ := parent.Deadline()
	if d, ok := newBudget(parent, time.Now().Add(time.Hour)).Deadline(); !ok || !d.Equal(pd) {
		t.Fatalf("deadline %v, want the parent's earlier %v", d, pd)
	}
	short := time.Now().Add(time.Second)
	if d, _ := newBudget(parent, short).Deadline(); !d.Equal(short) {
		t.Fatalf("deadline %v, want %v", d, short)
	}
	cancel()
	if err := newBudget(parent, time.Now().Add(-time.Second)).Err(); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled parent: got %v, want Canceled", err)
	}
}

// BenchmarkBudget compares the budget with context.WithTimeout, made and
// torn down once per item as the pipeline does.
func BenchmarkBudget(b *testing.B) {
	parent, cancel := context.WithCancel(context.Background())
	defer cancel()
	b.Run("budget", func(b *testing.B) {
		for b.Loop() {
			ctx := newBudget(parent, time.Now().Add(5*time.Second))
			_ = ctx.Err()
			_ = ctx.Err()
		}
	})
	b.Run("context.WithTimeout", func(b *testing.B) {
		for b.Loop() {
			ctx, cancel := context.WithTimeout(parent, 5*time.Second)
			_ = ctx.Err()
			_ = ctx.Err()
			cancel()
		}
	})
}
