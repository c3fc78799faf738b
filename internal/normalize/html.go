package normalize

import (
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipped elements carry no article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Noscript: true,
	atom.Template: true, atom.Iframe: true, atom.Svg: true, atom.Math: true,
	atom.Head: true, atom.Object: true, atom.Canvas: true, atom.Select: true,
	atom.Button: true, atom.Form: true, atom.Aside: true, atom.Footer: true,
}

// block elements end a paragraph.
var block = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true, atom.Pre: true,
	atom.Table: true, atom.Tr: true, atom.Figure: true, atom.Figcaption: true,
	atom.Header: true, atom.Main: true, atom.Dd: true, atom.Dt: true, atom.Dl: true,
	atom.Hr: true, atom.Address: true, atom.Caption: true,
}

// HTMLToText extracts readable text from HTML with a streaming tokenizer
// (golang.org/x/net/html), so deeply nested or huge documents cost linear
// time and constant stack. Block elements become paragraph breaks ("\n\n"),
// <br> a line break; entities are decoded; script, style, nav and similar
// elements are dropped with their content.
func HTMLToText(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	z.SetMaxBuf(0)
	var b strings.Builder
	b.Grow(len(src) / 2)
	skipDepth := 0 // > 0 while inside a skipped element
	var skipAtom atom.Atom
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() == io.EOF || z.Err() != nil {
				return b.String()
			}
		case html.TextToken:
			if skipDepth == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case skipDepth > 0:
				if a == skipAtom {
					skipDepth++
				}
			case skipped[a]:
				skipDepth, skipAtom = 1, a
			case a == atom.Br:
				b.WriteString("\n")
			case block[a]:
				b.WriteString("\n\n")
			case a == atom.Td || a == atom.Th:
				b.WriteString(" ")
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case skipDepth > 0:
				if a == skipAtom {
					skipDepth--
				}
			case block[a]:
				b.WriteString("\n\n")
			}
		case html.SelfClosingTagToken:
			name, _ := z.TagName()
			if a := atom.Lookup(name); skipDepth == 0 && (a == atom.Br || a == atom.Hr) {
				b.WriteString("\n")
			}
		}
	}
}

// LooksLikeHTML reports whether plain text is in fact HTML markup, for feeds
// that do not say so: two or more of htmlTags in the first 4 kB.
//
// It reads each '<' once and compares the bytes after it with the tags,
// lowering ASCII capitals and 'İ' (U+0130) as strings.ToLower does. That
// counts what lower-casing the text and counting each tag would
// (looksLikeHTMLReference, held to it by FuzzNormalize): every tag starts
// with '<' and has no other, so no two matches overlap and at most one tag
// matches at a '<'; and the only other characters that lower-case into
// ASCII are 'İ' (to 'i') and the Kelvin sign (to 'k', which no tag has).
func LooksLikeHTML(s string) bool {
	if len(s) > 4096 {
		s = s[:4096]
	}
	n := 0
	for i := strings.IndexByte(s, '<'); i >= 0; {
		if htmlTagAt(s[i:]) {
			if n++; n == 2 {
				return true
			}
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// htmlTags are the tags that make plain text HTML, in lower case.
var htmlTags = [...]string{"<p>", "<p ", "</p>", "<br", "<div", "</div>", "<html", "<body", "<span", "<a href", "<li>", "<h1", "<h2"}

// htmlTagAt reports whether s starts with one of htmlTags once lowered.
func htmlTagAt(s string) bool {
	for _, tag := range htmlTags {
		if lowersTo(s, tag) {
			return true
		}
	}
	return false
}

// lowersTo reports whether s starts with bytes that strings.ToLower turns
// into lower (ASCII, lower case): ASCII as it is or in capitals, and 'İ'
// for an 'i'.
func lowersTo(s, lower string) bool {
	j := 0
	for i := 0; i < len(lower); i++ {
		if j == len(s) {
			return false
		}
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		switch {
		case c == lower[i]:
			j++
		case lower[i] == 'i' && c == 0xC4 && j+1 < len(s) && s[j+1] == 0xB0: // İ
			j += 2
		default:
			return false
		}
	}
	return true
}
