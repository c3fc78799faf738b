package langid

// The n-gram keys: FNV-1a over the runes of a lower-cased n-gram, folded to
// 32 bits. The generator and the detector share this code, so the table and
// the text are hashed alike.
const (
	hashSeed  = 0xcbf29ce484222325
	hashPrime = 0x100000001b3
)

func hashRune(h uint64, r rune) uint64 {
	return (h ^ uint64(r)) * hashPrime
}

func fold(h uint64) uint32 {
	h ^= h >> 31
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 32
	return uint32(h)
}

// Key returns the table key of an n-gram (already lower-cased).
func Key(ngram string) uint32 {
	h := uint64(hashSeed)
	for _, r := range ngram {
		h = hashRune(h, r)
	}
	return fold(h)
}
