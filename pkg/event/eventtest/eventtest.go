// Package eventtest validates serialized event records against the
// published JSON Schema and the invariants the schema cannot say (evidence
// offsets point at the text they quote). Tests of every package that produces
// records use it; it must never be needed on the hot path.
package eventtest

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/newsworker/newsworker/pkg/event"
)

// Validator checks records. Build one with New and reuse it.
type Validator struct{ s *jsonschema.Schema }

// New compiles the schema.
func New() (*Validator, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(event.Schema()))
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("schema.json", doc); err != nil {
		return nil, err
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		return nil, err
	}
	return &Validator{s: s}, nil
}

// Validate checks one serialized record.
func (v *Validator) Validate(b []byte) error {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("record is not JSON: %w", err)
	}
	if err := v.s.Validate(doc); err != nil {
		return err
	}
	var r event.Record
	if err := json.Unmarshal(b, &r); err != nil {
		return err
	}
	return Offsets(r)
}

// Offsets checks that every evidence span quotes its field exactly.
func Offsets(r event.Record) error {
	check := func(kind string, ev []event.Evidence) error {
		for _, e := range ev {
			src := r.Text
			if e.Field == "title" {
				src = r.Title
			}
			if e.Start < 0 || e.End > len(src) || e.Start > e.End || src[e.Start:e.End] != e.Text {
				return fmt.Errorf("%s evidence %q [%d:%d] does not match the %s", kind, e.Text, e.Start, e.End, e.Field)
			}
		}
		return nil
	}
	for _, c := range r.Countries {
		if err := check("country "+c.Code, c.Evidence); err != nil {
			return err
		}
	}
	for _, o := range r.Officials {
		if err := check("official "+o.Name, o.Evidence); err != nil {
			return err
		}
	}
	for _, t := range r.Topics {
		if err := check("topic "+t.Code, t.Evidence); err != nil {
			return err
		}
	}
	if d := r.Dateline; d != nil && (d.End > len(r.Text) || r.Text[d.Start:d.End] != d.Text) {
		return fmt.Errorf("dateline %q [%d:%d] does not match the text", d.Text, d.Start, d.End)
	}
	return nil
}

// Decode validates one serialized record (schema and evidence offsets) and
// returns it: what a consumer that wants to trust its input calls on every
// message value of the output topic.
func (v *Validator) Decode(b []byte) (event.Record, error) {
	if err := v.Validate(b); err != nil {
		return event.Record{}, err
	}
	var r event.Record
	err := json.Unmarshal(b, &r)
	return r, err
}
