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
// that do not say so.
func LooksLikeHTML(s string) bool {
	if len(s) > 4096 {
		s = s[:4096]
	}
	if strings.IndexByte(s, '<') < 0 {
		return false // every tag counted below starts with '<'
	}
	l := strings.ToLower(s)
	n := 0
	for _, tag := range []string{"<p>", "<p ", "</p>", "<br", "<div", "</div>", "<html", "<body", "<span", "<a href", "<li>", "<h1", "<h2"} {
		n += strings.Count(l, tag)
	}
	return n >= 2
}
