package topics

import (
	"strings"

	"github.com/newsworker/newsworker/internal/tag/tokens"
)

// topicModelStopWords are English function words and reporting verbs: they
// occur in every kind of story, so the weights a small training set gives
// them ("the" for entertainment, "was" for crime) are noise that would not
// carry to other news. The model skips them; a pair of words is formed
// across them ("secretary of state" gives "secretary state").
const topicModelStopWords = "a about above after again against all also am an and any are as at be because been before " +
	"being below between both but by can could did do does doing down during each few for from further " +
	"had has have having he her here hers herself him himself his how i if in into is it its itself just " +
	"me more most my myself no nor not now of off on once only or other our ours ourselves out over own " +
	"s same say says said she should so some such t than that the their theirs them themselves then there " +
	"these they this those through to too under until up very was we were what when where which while who " +
	"whom why will with would you your yours yourself yourselves"

// modelStops is a set of word keys: open addressing over a power-of-two
// table, probed linearly; a key of 0 marks an empty slot.
type modelStops struct {
	slots []uint64
}

func newModelStops() *modelStops {
	words := strings.Fields(topicModelStopWords)
	s := &modelStops{slots: make([]uint64, 512)}
	for _, w := range words {
		k := tokens.KeyOf(w)
		i := k & uint64(len(s.slots)-1)
		for s.slots[i] != 0 && s.slots[i] != k {
			i = (i + 1) & uint64(len(s.slots)-1)
		}
		s.slots[i] = k
	}
	return s
}

func (s *modelStops) has(k uint64) bool {
	mask := uint64(len(s.slots) - 1)
	for i := k & mask; s.slots[i] != 0; i = (i + 1) & mask {
		if s.slots[i] == k {
			return true
		}
	}
	return false
}
