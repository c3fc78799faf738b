// Package pipeline turns one raw message value into one event record:
// decode → normalize → tag. It is pure (no Kafka, no I/O) and shared by
// `newsworker run`, `tag`, `eval` and `demo`, so every path produces the same
// records. It must never panic on input and never drop an item silently:
// every call returns a record or an error.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/newsworker/newsworker/internal/decode"
	"github.com/newsworker/newsworker/internal/langid"
	"github.com/newsworker/newsworker/internal/normalize"
	"github.com/newsworker/newsworker/internal/tag"
	"github.com/newsworker/newsworker/pkg/event"
)

// Tagger is what the pipeline needs of the tagger.
type Tagger interface {
	Tag(ctx context.Context, in tag.Input) (tag.Result, error)
	Info() event.Tagger
}

// Message is one input message value with what the pipeline records of it.
type Message struct {
	Value       []byte
	ContentType string // the message's content-type header, "" if none
	Topic       string
	Partition   int
	Offset      int64
	Key         []byte
	Time        time.Time // broker timestamp; zero when unknown
	HasOrigin   bool      // false for offline items (no topic/partition/offset)
}

// Options bound the work done for one item.
type Options struct {
	MaxItemBytes int
	ItemTimeout  time.Duration    // 0: no budget
	Now          func() time.Time // injected clock; time.Now when nil
	// LanguageHint is the language most items are in; it wins a close call
	// in language detection. "" means English, "none" no hint.
	LanguageHint string
}

// Processor runs the pipeline. It is safe for concurrent use.
type Processor struct {
	tagger Tagger
	opts   Options
}

// New returns a Processor.
func New(t Tagger, opts Options) *Processor {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Processor{tagger: t, opts: opts}
}

// Process returns the record for m, or a *decode.Error when the item is
// rejected for good (dead-letter it), or ctx's error when ctx ended first
// (retry it later: it was not processed).
func (p *Processor) Process(ctx context.Context, m Message) (event.Record, error) {
	now := p.opts.Now().UTC()
	it, err := decode.Decode(m.Value, m.ContentType, decode.Options{MaxBytes: p.opts.MaxItemBytes})
	if err != nil {
		return event.Record{}, err
	}
	rec := p.assemble(it, m, now)
	if rec.Title == "" && rec.Text == "" {
		return event.Record{}, &decode.Error{Reason: decode.ReasonNoText, Msg: "no text left after normalization"}
	}
	if err := p.tag(ctx, &rec); err != nil {
		return event.Record{}, err
	}
	return rec, nil
}

func (p *Processor) assemble(it decode.Item, m Message, now time.Time) event.Record {
	body := it.Body
	isHTML := it.BodyIsHTML || normalize.LooksLikeHTML(body)
	if isHTML {
		body = normalize.HTMLToText(body)
	}
	title := it.Title
	if isHTML || strings.Contains(title, "&") {
		title = html.UnescapeString(title)
	}
	rec := event.Record{
		SchemaVersion: event.SchemaVersion,
		SourceID:      strings.TrimSpace(it.ID),
		Source:        event.Source{Name: normalize.Line(it.SourceName), URL: strings.TrimSpace(it.URL)},
		Title:         normalize.Line(title),
		Text:          normalize.Text(body),
		IngestedAt:    now.Format(time.RFC3339),
		Notes:         it.Notes,
		Countries:     []event.Country{},
		Officials:     []event.Official{},
		Topics:        []event.Topic{},
		Tagger:        p.tagger.Info(),
	}
	if isHTML {
		rec.Notes = append(rec.Notes, "html_converted")
	}
	dl, hasDL := decode.FindDateline(rec.Text)
	if hasDL {
		rec.Dateline = &event.Dateline{Text: dl.Text, Place: dl.Place, Start: 0, End: dl.End}
		if rec.Source.Name == "" && dl.Agency != "" {
			rec.Source.Name = dl.Agency
		}
	}
	published, from := it.Published, it.PublishedFrom
	switch {
	case !published.IsZero():
	case hasDL && !dl.Date.IsZero():
		published, from = dl.Date, event.DateFromDateline
	case !m.Time.IsZero():
		// The broker timestamp, not the clock: a redelivery gets the same date.
		published, from = m.Time.UTC(), event.DateFromIngest
	default:
		published, from = now, event.DateFromIngest
	}
	rec.PublishedAt, rec.PublishedAtSource = published.UTC().Format(time.RFC3339), from
	// The detector reads the start of the text only; joining the whole
	// text to the title would copy it for nothing.
	rec.Language = normalize.Language(it.Language, rec.Title+"\n\n"+rec.Text[:min(len(rec.Text), langid.SampleBytes+1)], p.languageHint())
	rec.ContentHash = normalize.ContentHash(rec.Title, rec.Text)
	rec.ID = RecordID(rec.Source.Name, rec.SourceID, rec.Source.URL, rec.ContentHash)
	if m.HasOrigin {
		rec.Origin = &event.Origin{Topic: m.Topic, Partition: m.Partition, Offset: m.Offset, Key: string(m.Key)}
	}
	return rec
}

func (p *Processor) tag(ctx context.Context, rec *event.Record) error {
	tctx := ctx
	if p.opts.ItemTimeout > 0 {
		tctx = newBudget(ctx, time.Now().Add(p.opts.ItemTimeout))
	}
	var date time.Time
	if rec.PublishedAtSource != event.DateFromIngest || rec.Origin != nil {
		date, _ = time.Parse(time.RFC3339, rec.PublishedAt)
	}
	res, err := p.tagger.Tag(tctx, tag.Input{Title: rec.Title, Text: rec.Text, Dateline: rec.Dateline, Date: date, Language: rec.Language})
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("tag: %w", ctx.Err())
		}
		if errors.Is(err, context.DeadlineExceeded) {
			return &decode.Error{Reason: decode.ReasonTimeBudget, Msg: fmt.Sprintf("tagging took longer than %s", p.opts.ItemTimeout)}
		}
		return fmt.Errorf("tag: %w", err)
	}
	if res.Countries != nil {
		rec.Countries = res.Countries
	}
	if res.Officials != nil {
		rec.Officials = res.Officials
	}
	// Topic rules are English phrases; on other languages they only misfire.
	if res.Topics != nil && (rec.Language == "en" || rec.Language == "") {
		rec.Topics = res.Topics
	}
	return nil
}

// languageHint is the hint normalize.Language gets ("" for none).
func (p *Processor) languageHint() string {
	switch p.opts.LanguageHint {
	case "":
		return "en"
	case "none":
		return ""
	}
	return p.opts.LanguageHint
}
