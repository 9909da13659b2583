package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// plainText returns the text of n as a reader sees it, without markup, for
// Paragraph.Text (previews, search, diffs between versions). Blocks end
// with a newline; soft line breaks become spaces; entities and backslash
// escapes are resolved; raw HTML is kept as written, since the page shows
// it too. The permalink own (the paragraph's own number) is left out;
// other permalinks (its subparagraphs' labels) are kept, because "(a)" is
// part of the paragraph's wording.
func plainText(n ast.Node, src []byte, own *permalink) string {
	var b strings.Builder
	newline := func() {
		if s := b.String(); s != "" && !strings.HasSuffix(s, "\n") {
			b.WriteByte('\n')
		}
	}
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				newline()
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			v := n.Segment.Value(src)
			if !n.IsRaw() {
				v = util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(v)))
			}
			b.Write(v)
			switch {
			case n.HardLineBreak():
				b.WriteByte('\n')
			case n.SoftLineBreak():
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					b.Write(t.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				b.Write(seg.Value(src))
			}
		case *ast.AutoLink:
			b.Write(n.Label(src))
		case *permalink:
			if n != own {
				b.WriteString(n.label + " ")
			}
		case *ast.HTMLBlock:
			b.Write(htmlBlockSource(n, src))
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				b.Write(seg.Value(src))
			}
		}
		return ast.WalkContinue, nil
	})
	// A copy of its own size: the builder's buffer has grown by doubling,
	// and every paragraph's text is kept until the site is written.
	return strings.Clone(strings.TrimSpace(b.String()))
}
