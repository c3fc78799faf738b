package main

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
)

// orderNames are lingua-go's file names for the n-gram orders 1 to 5.
var orderNames = [...]string{"", "unigrams", "bigrams", "trigrams", "quadrigrams", "fivegrams"}

// readModel returns the conditional probabilities of one language's n-grams
// of one order (P(last rune | the runes before it); for unigrams P(rune)),
// or nil when lingua-go has no model of that order for the language.
func readModel(dir, code string, order int) (map[string]float64, error) {
	path := filepath.Join(dir, code, orderNames[order]+".pb.bin.zip")
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil || len(zr.File) != 1 {
		return nil, fmt.Errorf("%s: not a zip of one file (%v)", path, err)
	}
	f, err := zr.File[0].Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	pb, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	m := make(map[string]float64)
	if err := parseModel(pb, m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// parseModel decodes lingua-go's SerializableLanguageModel (protobuf wire
// format, serialization/model.proto): field 4 holds repeated sets of
// {1: probability (double), 2: repeated n-gram (string)}. A few lines of
// wire decoding keep lingua-go and protobuf out of this module's build.
func parseModel(b []byte, out map[string]float64) error {
	return fields(b, func(num int, val []byte, _ uint64) error {
		if num != 4 {
			return nil
		}
		var p float64
		var grams []string
		err := fields(val, func(num int, val []byte, fixed uint64) error {
			switch num {
			case 1:
				p = math.Float64frombits(fixed)
			case 2:
				grams = append(grams, string(val))
			}
			return nil
		})
		for _, g := range grams {
			out[g] = p
		}
		return err
	})
}

// fields calls fn for each field of a protobuf message: val for
// length-delimited fields, fixed for varint and fixed-width ones.
func fields(b []byte, fn func(num int, val []byte, fixed uint64) error) error {
	for len(b) > 0 {
		tag, n := binary.Uvarint(b)
		if n <= 0 {
			return errors.New("bad tag")
		}
		b = b[n:]
		var val []byte
		var fixed uint64
		switch tag & 7 {
		case 0:
			fixed, n = binary.Uvarint(b)
			if n <= 0 {
				return errors.New("bad varint")
			}
			b = b[n:]
		case 1:
			if len(b) < 8 {
				return errors.New("short fixed64")
			}
			fixed, b = binary.LittleEndian.Uint64(b), b[8:]
		case 2:
			l, n := binary.Uvarint(b)
			if n <= 0 || uint64(len(b)-n) < l {
				return errors.New("bad length")
			}
			val, b = b[n:n+int(l)], b[n+int(l):]
		case 5:
			if len(b) < 4 {
				return errors.New("short fixed32")
			}
			fixed, b = uint64(binary.LittleEndian.Uint32(b)), b[4:]
		default:
			return fmt.Errorf("wire type %d", tag&7)
		}
		if err := fn(int(tag>>3), val, fixed); err != nil {
			return err
		}
	}
	return nil
}
