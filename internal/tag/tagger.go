// Package tag provides the tagger: countries, officials (a person with the
// office held on the article's date) and IPTC Media Topics found in one
// normalized news item, each with evidence offsets into the item's text.
//
// Tag runs in stages, each handing a typed value to the next:
//
//   - package tokens turns each field into []tokens.Token;
//   - the dictionary (Tagger.lex: lexicon.go, dict.go, guessdateline.go)
//     finds the gazetteer's names among them: a lexicon, the tokens with
//     their matches;
//   - the places stage (placeOccs: dateline.go, countries.go, county.go,
//     placenames.go, usage.go) turns the lexicon into occurrences, country
//     mentions each with the countries it may stand for, nothing resolved
//     yet;
//   - the officials stage (officials: titles.go, titled.go, people.go,
//     coref.go, surnames.go) reads the lexicon and the occurrences into
//     officials, each person resolved by the article's date; officialOccs
//     adds their countries to the occurrences;
//   - the countries stage (tagCountries: resolve.go, evidence.go,
//     salience.go) settles ambiguous places by the rest of the story and
//     ranks the countries;
//   - package topics scores the same tokens against the topic rules and
//     model.
//
// Each stage's reusable buffers are its own field of one pooled state,
// which only Tag sees: a stage is handed its buffers and its inputs.
//
// The tagger is an immutable value built once from a gazetteer; Tag is pure,
// deterministic and safe for concurrent use. This package must never do I/O,
// never keep state between items and never mutate the gazetteer.
package tag

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/newsworker/newsworker/internal/gazetteer"
	"github.com/newsworker/newsworker/internal/tag/tokens"
	"github.com/newsworker/newsworker/internal/tag/topics"
	"github.com/newsworker/newsworker/internal/topicmodel"
	"github.com/newsworker/newsworker/pkg/event"
)

// Version names the tagging code; bump it whenever output for the same input
// and gazetteer can change.
const Version = "0.6.0"

// Input is one normalized item.
type Input struct {
	Title string // normalized headline
	Text  string // normalized body, paragraphs separated by "\n\n"
	// Dateline is the place of reporting at the start of Text. When it is
	// nil the tagger still reads an opening such as "Chicago, March 3 -"
	// that the caller did not recognise.
	Dateline *event.Dateline
	// Date is the article's date (UTC). It picks the office a person held
	// and whether a bare surname can be resolved at all. When it is zero,
	// officials known only from the gazetteer get status "unknown" and a
	// surname alone resolves no one; a title written in the text still makes
	// its holder "in_office" (or "former" when the text says so), since news
	// copy uses the titles current when it was written.
	Date     time.Time
	Language string // ISO 639-1, "" when unknown
}

// Result is what the tagger found, sorted as event.Record documents.
type Result struct {
	Countries []event.Country
	Officials []event.Official
	Topics    []event.Topic
}

// Tagger tags items against one gazetteer.
type Tagger struct {
	gazVersion string
	d          *dict
	cues       map[uint64]cue
	kOf, kFor  uint64 // keys of words the title grammar tests directly
	kAnd       uint64
	countries  []gazetteer.Country
	countryIdx map[string]int32
	places     []placeInfo
	nsubs      int   // ISO 3166-2 subdivisions the places name
	usIdx      int32 // the United States in countries, -1 when absent
	kCounty    uint64
	kParish    uint64
	orgs       []orgInfo
	roles      []gazetteer.Role
	generic    []bool   // per role: a title companies use too
	roleHead   []uint64 // per role: key of the word it is shortened to ("secretary")
	people     []personInfo
	surnames   [][]int32       // surname group → indices into people
	firstNames map[uint64]bool // first words of the people's names ("Thomas", "James")
	topics     *topics.Scorer
	pool       sync.Pool // *state scratch buffers
}

// New compiles the gazetteer's names into matchers, with the built-in topic
// model. It is the only costly step; the result is shared by all
// goroutines.
func New(g *gazetteer.Gazetteer) (*Tagger, error) {
	m, err := topicmodel.Builtin()
	if err != nil {
		return nil, fmt.Errorf("new tagger: %w", err)
	}
	return NewWithModel(g, m)
}

// NewWithModel is New with the given topic model in place of the built-in
// one; nil scores topics by the rules alone.
func NewWithModel(g *gazetteer.Gazetteer, m *topicmodel.Model) (*Tagger, error) {
	if g == nil {
		return nil, fmt.Errorf("new tagger: nil gazetteer")
	}
	// The topic automaton is built while the dictionary is: the two read
	// different parts of the gazetteer (which nothing mutates) and share no
	// state, so start-up takes the longer of the two, not their sum.
	type scorer struct {
		ts  *topics.Scorer
		err error
	}
	built := make(chan scorer, 1)
	go func() {
		ts, err := topics.New(g.Topics, m, companyWords(g.Cues))
		built <- scorer{ts, err}
	}()
	t := &Tagger{
		gazVersion: g.Version,
		d:          newDict(),
		cues:       newCues(g.Cues),
		kOf:        tokens.KeyOf("of"),
		kFor:       tokens.KeyOf("for"),
		kAnd:       tokens.KeyOf("and"),
		countryIdx: make(map[string]int32, len(g.Countries)),
	}
	t.compileCountries(g.Countries)
	t.compilePlaces(g.Places)
	t.compileOrgs(g.Orgs)
	t.compileRoles(g.Roles)
	t.compilePeople(g.People)
	t.compileUsages(g.Usages)
	t.d.freeze()
	sc := <-built
	if sc.err != nil {
		return nil, fmt.Errorf("new tagger: topics: %w", sc.err)
	}
	t.topics = sc.ts
	t.pool.New = func() any { return new(state) }
	return t, nil
}

// Info names the tagger and the data it was built from.
func (t *Tagger) Info() event.Tagger {
	return event.Tagger{Name: "newsworker", Version: Version, GazetteerVersion: t.gazVersion}
}

// Tag tags one item. It returns ctx.Err() when the context ends first.
func (t *Tagger) Tag(ctx context.Context, in Input) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	st := t.pool.Get().(*state)
	defer t.pool.Put(st)
	lx := &st.lex
	if err := t.lex(ctx, lx, &in); err != nil {
		return Result{}, err
	}
	var res Result
	oc, of := &st.occ, &st.off
	t.placeOccs(oc, &st.dl, lx)
	res.Officials = t.officials(of, oc, lx)
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	t.officialOccs(oc, res.Officials)
	res.Countries = t.tagCountries(&st.tl, &st.ev, oc, lx)
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	found, err := t.topics.Score(ctx, in.Title, in.Text, lx.title, lx.text)
	if err != nil {
		return Result{}, err
	}
	res.Topics = found
	return res, nil
}

// state is the scratch space of one Tag call, recycled through a pool so a
// steady stream of items allocates little beyond its output. Each field
// belongs to one stage, which empties it when it starts; a stage's result
// (lex, occ) is read by the stages after it, which Tag hands it to.
type state struct {
	lex lexicon         // dictionary → places, officials, countries
	occ occurrences     // places → officials, countries
	dl  datelineScratch // places: the dateline's own tokens and matches
	off officialsFound  // officials
	ev  storyEvidence   // countries: what resolve reads ambiguous names by
	tl  tallies         // countries
}
