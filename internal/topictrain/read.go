// Package topictrain provides `newsworker train`: it reads labelled news
// in JSON Lines, turns each item into the features the tagger's topic
// model reads (through the same decode and normalize steps as the worker),
// trains a topicmodel.Model, and cross-validates it alone and combined with
// the topic rules through the real tagger.
//
// It must never read the eval sets whose licences forbid shipping a model
// trained on them (see ../shared/data/README.md): it trains on whatever it
// is given, so the Makefile names the one file the built-in model comes
// from.
package topictrain

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Item is one labelled line: the message value as the worker would receive
// it and the IPTC top-level concept of its label.
type Item struct {
	ID    string
	Value []byte
	Top   string
}

// Read reads labelled JSON Lines. Each line is either
//
//	{"text": "<plain text>", "topic": "medtop:…"}
//
// (plain text as a feed would send it: a headline line, a blank line, the
// body) or a line of the eval format of ../shared/eval,
//
//	{"id": "…", "item": "<plain text>" or {"title": …, "body": …}, "gold": {"topic_top": "medtop:…"}}
//
// A topic below the top level counts for its top-level ancestor, found by
// the broader links in broader; a topic that is not known there is an
// error. name is used in messages.
func Read(r io.Reader, name string, broader map[string]string) ([]Item, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	var items []Item
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(b)) > 0 {
			it, perr := parseLine(b, broader)
			if perr != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, line, perr)
			}
			if it.ID == "" {
				it.ID = fmt.Sprintf("%s:%d", name, line)
			}
			items = append(items, it)
		}
		if err == io.EOF {
			return items, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
	}
}

func parseLine(b []byte, broader map[string]string) (Item, error) {
	var raw struct {
		ID    string          `json:"id"`
		Text  *string         `json:"text"`
		Topic string          `json:"topic"`
		Item  json.RawMessage `json:"item"`
		Gold  struct {
			TopicTop string `json:"topic_top"`
		} `json:"gold"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return Item{}, err
	}
	it := Item{ID: raw.ID}
	topic := raw.Topic
	switch item := bytes.TrimSpace(raw.Item); {
	case raw.Text != nil:
		it.Value = []byte(*raw.Text)
	case len(item) > 0 && item[0] == '"':
		var s string
		if err := json.Unmarshal(item, &s); err != nil {
			return Item{}, fmt.Errorf("item: %w", err)
		}
		it.Value, topic = []byte(s), raw.Gold.TopicTop
	case len(item) > 0 && item[0] == '{':
		it.Value, topic = append([]byte(nil), item...), raw.Gold.TopicTop
	default:
		return Item{}, errors.New(`want {"text", "topic"} or {"item", "gold": {"topic_top"}}`)
	}
	if topic == "" {
		return Item{}, errors.New("no topic (topic, or gold.topic_top)")
	}
	top, err := topLevel(topic, broader)
	if err != nil {
		return Item{}, err
	}
	it.Top = top
	return it, nil
}

// topLevel follows broader links up to a concept with none.
func topLevel(code string, broader map[string]string) (string, error) {
	for range len(broader) + 1 {
		parent, ok := broader[code]
		switch {
		case !ok:
			return "", fmt.Errorf("topic %q is not an IPTC Media Topic the gazetteer knows", code)
		case parent == "":
			return code, nil
		}
		code = parent
	}
	return "", fmt.Errorf("topic %q: broader links loop", code)
}
