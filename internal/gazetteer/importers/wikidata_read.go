package importers

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Format is the layout of a Wikidata export.
type Format string

// Export formats offered by query.wikidata.org's download menu.
const (
	// FormatCSV is "CSV file": a header row naming the query's variables.
	FormatCSV Format = "csv"
	// FormatJSON is "JSON file" (SPARQL results JSON), "Simple JSON" (an
	// array of flat objects) or JSON Lines of flat objects; the reader
	// tells them apart.
	FormatJSON Format = "json"
)

// record is one result row, keyed by variable name.
type record map[string]string

// readRecords calls fn for every row of the export.
func readRecords(r io.Reader, format Format, fn func(record) error) error {
	switch format {
	case FormatCSV:
		return readCSV(r, fn)
	case FormatJSON:
		return readJSON(r, fn)
	}
	return fmt.Errorf("unknown format %q (want csv or json)", format)
}

func readCSV(r io.Reader, fn func(record) error) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return fmt.Errorf("csv header: %w", err)
	}
	cols := make([]string, len(head))
	for i, h := range head {
		cols[i] = strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")
	}
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("csv: %w", err)
		}
		rec := make(record, len(cols))
		for i, v := range row {
			if i < len(cols) {
				rec[cols[i]] = v
			}
		}
		if err := fn(rec); err != nil {
			return err
		}
	}
}

func readJSON(r io.Reader, fn func(record) error) error {
	br := bufio.NewReader(r)
	first, err := peekNonSpace(br)
	if err != nil {
		return fmt.Errorf("json: %w", err)
	}
	dec := json.NewDecoder(br)
	dec.UseNumber()
	if first == '[' {
		if _, err := dec.Token(); err != nil {
			return fmt.Errorf("json: %w", err)
		}
		for dec.More() {
			if err := decodeOne(dec, fn); err != nil {
				return err
			}
		}
		return nil
	}
	for {
		var obj map[string]json.RawMessage
		if err := dec.Decode(&obj); errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return fmt.Errorf("json: %w", err)
		}
		if res, ok := obj["results"]; ok {
			return readSPARQLResults(res, fn)
		}
		if err := fn(flatten(obj)); err != nil {
			return err
		}
	}
}

func peekNonSpace(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.ReadByte()
		if err != nil {
			return 0, err
		}
		if b == 0xEF { // UTF-8 byte order mark
			br.Discard(2)
			continue
		}
		if !bytes.ContainsRune([]byte(" \t\r\n"), rune(b)) {
			return b, br.UnreadByte()
		}
	}
}

func decodeOne(dec *json.Decoder, fn func(record) error) error {
	var obj map[string]json.RawMessage
	if err := dec.Decode(&obj); err != nil {
		return fmt.Errorf("json: %w", err)
	}
	return fn(flatten(obj))
}

// flatten turns {"item": "http://…/Q1", "start": "2001-01-01T00:00:00Z"} and
// {"item": {"type": "uri", "value": "…"}} alike into strings.
func flatten(obj map[string]json.RawMessage) record {
	rec := make(record, len(obj))
	for k, raw := range obj {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			rec[k] = s
			continue
		}
		var b struct {
			Value string `json:"value"`
		}
		if json.Unmarshal(raw, &b) == nil && b.Value != "" {
			rec[k] = b.Value
			continue
		}
		rec[k] = strings.Trim(string(raw), `"`)
	}
	return rec
}

func readSPARQLResults(raw json.RawMessage, fn func(record) error) error {
	var res struct {
		Bindings []map[string]json.RawMessage `json:"bindings"`
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		return fmt.Errorf("json results: %w", err)
	}
	for _, b := range res.Bindings {
		if err := fn(flatten(b)); err != nil {
			return err
		}
	}
	return nil
}
