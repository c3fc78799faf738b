package service

import (
	"slices"
	"testing"
)

func TestActorsNamesWhatRuns(t *testing.T) {
	a := newActors()
	release := make(chan struct{})
	done := make(chan struct{})
	quick := a.wrap("http", func() error { return nil })
	slow := a.wrap("consume", func() error { <-release; return nil })
	if got := a.names(); !slices.Equal(got, []string{"consume", "http"}) {
		t.Fatalf("before start: %v", got)
	}
	_ = quick()
	go func() { _ = slow(); close(done) }()
	if got := a.names(); !slices.Equal(got, []string{"consume"}) {
		t.Fatalf("after http returned: %v", got)
	}
	close(release)
	<-done
	if got := a.names(); len(got) != 0 {
		t.Fatalf("after all returned: %v", got)
	}
}
