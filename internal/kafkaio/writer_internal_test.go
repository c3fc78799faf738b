package kafkaio

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/segmentio/kafka-go"
)

func TestCondenseWriteErrors(t *testing.T) {
	denied := kafka.WriteErrors(make([]error, 500))
	for i := range denied {
		denied[i] = kafka.TopicAuthorizationFailed
	}
	mixed := kafka.WriteErrors{nil, kafka.TopicAuthorizationFailed, io.ErrUnexpectedEOF, kafka.TopicAuthorizationFailed}
	tests := []struct {
		name    string
		in      error
		want    string // whole message, or "" to skip
		is      error
		maxSize int
	}{
		{"nil stays nil", nil, "", nil, 0},
		{"other errors pass through", io.EOF, "EOF", io.EOF, 0},
		{"500 refusals make one line", denied,
			"kafka write errors (500/500 messages): 500× [29] Topic Authorization Failed: the client is not authorized to access the requested topic",
			kafka.TopicAuthorizationFailed, 200},
		{"distinct causes in first-seen order", mixed,
			"kafka write errors (3/4 messages): 2× [29] Topic Authorization Failed: the client is not authorized to access the requested topic; 1× unexpected EOF",
			io.ErrUnexpectedEOF, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := condense(tc.in)
			if tc.in == nil {
				if got != nil {
					t.Fatalf("got %v", got)
				}
				return
			}
			if got.Error() != tc.want {
				t.Errorf("got  %q\nwant %q", got.Error(), tc.want)
			}
			if !errors.Is(got, tc.is) {
				t.Errorf("errors.Is(%v) = false", tc.is)
			}
			if tc.maxSize > 0 && len(got.Error()) > tc.maxSize {
				t.Errorf("message is %d bytes", len(got.Error()))
			}
			if n := len(tc.in.Error()); strings.Contains(tc.name, "500") {
				t.Logf("kafka-go's message: %d bytes; condensed: %d bytes", n, len(got.Error()))
			}
		})
	}
}
