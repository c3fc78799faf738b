package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// RecordID is the record's deterministic id: the same input item always gets
// the same id, so consumers can deduplicate redeliveries. It is derived from
// the item's own id (scoped by source), else its URL, else its content hash.
func RecordID(source, itemID, url, contentHash string) string {
	var basis string
	switch {
	case itemID != "":
		basis = "id\x00" + strings.ToLower(source) + "\x00" + itemID
	case url != "":
		basis = "url\x00" + canonicalURL(url)
	default:
		basis = "hash\x00" + contentHash
	}
	sum := sha256.Sum256([]byte(basis))
	const prefix = "nw1-"
	var out [len(prefix) + 32]byte
	copy(out[:], prefix)
	hex.Encode(out[len(prefix):], sum[:16])
	return string(out[:])
}

// canonicalURL drops what does not change the document a URL points to.
func canonicalURL(u string) string {
	u = strings.TrimSpace(u)
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	u = strings.TrimPrefix(u, "www.")
	return strings.TrimSuffix(u, "/")
}
