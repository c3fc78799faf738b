package normalize

import (
	"crypto/sha256"
	"encoding/hex"
	"unsafe"
)

// ContentHash is the duplicate-detection hash of a normalized item:
// "sha256:" + hex of SHA-256 over title, a blank line, and text.
func ContentHash(title, text string) string {
	h := sha256.New()
	h.Write(stringBytes(title))
	h.Write([]byte{'\n', '\n'})
	h.Write(stringBytes(text))
	const prefix = "sha256:"
	var sum [sha256.Size]byte
	var out [len(prefix) + 2*sha256.Size]byte
	copy(out[:], prefix)
	hex.Encode(out[len(prefix):], h.Sum(sum[:0]))
	return string(out[:])
}

// stringBytes views s as bytes without copying it, for a reader that only
// reads (a hash's Write never modifies nor keeps its argument): the text of
// an item is kilobytes that []byte(s) would copy for nothing.
func stringBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }
