package normalize

import (
	"crypto/sha256"
	"encoding/hex"
)

// ContentHash is the duplicate-detection hash of a normalized item:
// "sha256:" + hex of SHA-256 over title, a blank line, and text.
func ContentHash(title, text string) string {
	h := sha256.New()
	h.Write([]byte(title))
	h.Write([]byte("\n\n"))
	h.Write([]byte(text))
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}
