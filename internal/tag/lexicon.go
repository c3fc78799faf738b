package tag

import (
	"context"
	"slices"
	"sort"

	"github.com/newsworker/newsworker/internal/tag/tokens"
)

// lexicon is what the dictionary stage hands to the resolvers: the item's
// tokens by field and the gazetteer's phrases found among them, in field
// and token order. The resolvers only read it.
type lexicon struct {
	in        *Input
	title     []tokens.Token
	text      []tokens.Token
	titleCaps bool
	textCaps  bool
	matches   []match
}

// lex tokenizes the item and finds the dictionary's phrases in it, reusing
// lx's buffers. It reads a dateline the caller did not find into
// in.Dateline, since that decides which matches the places stage skips.
func (t *Tagger) lex(ctx context.Context, lx *lexicon, in *Input) error {
	lx.in = in
	// Room for the tokens up front (about one per four bytes): growing a
	// large slice step by step would allocate five times its size.
	lx.title, lx.titleCaps = tokens.TokenizeCaps(slices.Grow(lx.title[:0], len(in.Title)/4), in.Title)
	lx.text, lx.textCaps = tokens.TokenizeCaps(slices.Grow(lx.text[:0], len(in.Text)/4), in.Text)
	if in.Dateline == nil {
		in.Dateline = t.guessDateline(in.Text, lx.text)
	}
	lx.matches = slices.Grow(lx.matches[:0], len(lx.text)/8) // likewise, about one per eight tokens
	lx.matches = t.d.scan(lx.matches, lx.title, fieldTitle, lx.titleCaps)
	var err error
	lx.matches, err = t.d.scanCtx(ctx, lx.matches, lx.text, fieldText, lx.textCaps)
	return err
}

// toks returns the tokens and source string of a field.
func (lx *lexicon) toks(field int8) ([]tokens.Token, string) {
	if field == fieldTitle {
		return lx.title, lx.in.Title
	}
	return lx.text, lx.in.Text
}

func (lx *lexicon) caps(field int8) bool {
	if field == fieldTitle {
		return lx.titleCaps
	}
	return lx.textCaps
}

// at returns the index of the match that starts at token k of a field, or
// -1.
func (lx *lexicon) at(field int8, k int) int { return lx.find(field, k, false) }

// ending returns the index of the match that ends just before token k
// (exclusive end k), or -1.
func (lx *lexicon) ending(field int8, k int) int { return lx.find(field, k, true) }

// find returns the index of the match of field whose start (or, with
// byEnd, exclusive end) is token k, or -1. The matches are sorted by field
// and start, and so by field and end too: the dictionary's scan takes the
// longest phrase at each token outside an earlier match, so matches do not
// overlap.
func (lx *lexicon) find(field int8, k int, byEnd bool) int {
	tok := func(m match) int {
		if byEnd {
			return int(m.j)
		}
		return int(m.i)
	}
	i := sort.Search(len(lx.matches), func(i int) bool {
		m := lx.matches[i]
		return m.field > field || m.field == field && tok(m) >= k
	})
	if i < len(lx.matches) && lx.matches[i].field == field && tok(lx.matches[i]) == k {
		return i
	}
	return -1
}

// inDateline: a token of the text inside the dateline, which the places
// stage reads on its own.
func (lx *lexicon) inDateline(tok tokens.Token) bool {
	d := lx.in.Dateline
	return d != nil && int(tok.Start) >= d.Start && int(tok.Start) < d.End
}

func fieldName(field int8) string {
	if field == fieldTitle {
		return "title"
	}
	return "text"
}
