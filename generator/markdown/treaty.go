package markdown

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"travaux/generator/model"
	"travaux/generator/source"
)

// treatyPass finds the paragraphs and subparagraphs of one treaty text,
// checks their numbering, and rewrites the AST so that each is an anchored
// block that starts with its permalink. It works on the parsed AST rather
// than on the source so that what is anchored is exactly what CommonMark
// says is a list item or a paragraph; the source is read only to check the
// numbers authors wrote, which CommonMark ignores after the first.
type treatyPass struct {
	src    []byte
	at     locator
	prefix string // put before every anchor, so several texts can share a page
	errs   source.ErrorList
	paras  []model.Paragraph
}

func (p *treatyPass) run(doc ast.Node) {
	p.warnJoinedLabels(doc)
	p.warnIndentedCode(doc)
	if !hasOrderedList(doc) {
		// Unnumbered text: prose, with its lettered paragraphs anchored.
		p.subparagraphs(doc, doc.FirstChild(), 0)
		return
	}
	p.numbered(doc)
}

// hasOrderedList reports whether the text is numbered: whether any
// top-level block is an ordered list.
func hasOrderedList(doc ast.Node) bool {
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if l, ok := c.(*ast.List); ok && l.IsOrdered() {
			return true
		}
	}
	return false
}

// numbered replaces each top-level ordered list by its items, each an
// anchored paragraph, numbered by CommonMark's count and checked against
// what the author wrote.
func (p *treatyPass) numbered(doc ast.Node) {
	last := 0   // the last paragraph's number; 0 before the first
	indent := 0 // the column its text starts at, for advice
	warned := 0 // the paragraph after which stray text was reported
	for _, c := range children(doc) {
		list, ok := c.(*ast.List)
		if !ok || !list.IsOrdered() {
			if p.outside(c, last, indent, warned == last) {
				warned = last
			}
			continue
		}
		for i, c := range children(list) {
			li, ok := c.(*ast.ListItem)
			if !ok {
				continue
			}
			written := list.Start
			if i > 0 {
				written = p.markerNumber(li, last+1)
			}
			number := written
			switch {
			case last == 0 && written < 1:
				number = 1
			case last > 0 && written != last+1:
				number = last + 1
			}
			if number != written {
				p.errs.Add(p.at.pos(li.Pos()), "paragraph number %d out of sequence (expected %d)", written, number)
			}
			doc.InsertBefore(doc, list, p.paragraph(li, number))
			last = number
			indent = p.at.col(li.Pos()) - 1 + li.Offset
		}
		doc.RemoveChild(doc, list)
	}
}

// markerNumber reads the number the author wrote on a list item's marker
// ("3." or "3)"), or returns fallback if the source does not show one.
func (p *treatyPass) markerNumber(li *ast.ListItem, fallback int) int {
	i := li.Pos()
	if i < 0 || i >= len(p.src) {
		return fallback
	}
	for i < len(p.src) && (p.src[i] == ' ' || p.src[i] == '\t') {
		i++
	}
	start := i
	for i < len(p.src) && i-start < 9 && p.src[i] >= '0' && p.src[i] <= '9' {
		i++
	}
	n, err := strconv.Atoi(string(p.src[start:i]))
	if err != nil {
		return fallback
	}
	return n
}

// outside reports a top-level block in a numbered text that is not in any
// numbered paragraph. Almost always the author forgot to indent it under
// the paragraph before: CommonMark then ends the list, and the text would
// show without a number (or, for a subparagraph, without its permalink).
// A stray subparagraph is an error every time; other stray text is
// warned about once per paragraph (quiet says it was), and it reports
// whether it warned.
func (p *treatyPass) outside(c ast.Node, last, indent int, quiet bool) bool {
	if para, ok := c.(*ast.Paragraph); ok {
		if label, _, _ := leadingLabel(para, p.src); label != "" {
			if last == 0 {
				p.errs.Add(p.at.pos(c.Pos()), "subparagraph (%s) is not inside a numbered paragraph", label)
			} else {
				p.errs.Add(p.at.pos(c.Pos()), "subparagraph (%s) is not inside a numbered paragraph: indent it by %d spaces to make it part of paragraph %d", label, indent, last)
			}
			return false
		}
	}
	if last == 0 || quiet {
		return false
	}
	p.errs.Warn(p.at.pos(c.Pos()), "text after paragraph %d is not part of it: indent it by %d spaces to include it", last, indent)
	return true
}

// paragraph turns list item li into the anchored paragraph number, with
// its permalink at the start of its first (lead-in) paragraph and its
// subparagraphs grouped.
func (p *treatyPass) paragraph(li *ast.ListItem, number int) *anchored {
	id := strconv.Itoa(number)
	box := newAnchored("para", p.prefix+"p"+id)
	box.id = id
	for _, c := range children(li) {
		box.AppendChild(box, asParagraph(c))
	}
	lead, ok := box.FirstChild().(*ast.Paragraph)
	if !ok {
		// An empty item, or one that starts with a list or code: the
		// number still needs a place to show.
		lead = ast.NewParagraph()
		box.InsertBefore(box, box.FirstChild(), lead)
	}
	own := &permalink{anchor: box.anchor, label: id + ".", name: "Permalink to paragraph " + id}
	lead.InsertBefore(lead, lead.FirstChild(), own)

	i := len(p.paras)
	p.paras = append(p.paras, model.Paragraph{ID: id, Anchor: box.anchor, Number: number, Pos: p.at.pos(li.Pos())})
	p.subparagraphs(box, lead.NextSibling(), number)
	p.paras[i].Text = plainText(box, p.src, own)
	shareText(p.paras[i].Text, p.paras[i+1:])
	return box
}

// shareText makes the texts of a paragraph's subparagraphs, which its own
// text holds in order, point into it instead of holding copies: the same
// strings in half the memory, for a text kept until the site is written.
func shareText(whole string, subs []model.Paragraph) {
	from := 0
	for k := range subs {
		t := subs[k].Text
		at := strings.Index(whole[from:], t)
		if t == "" || at < 0 {
			continue
		}
		subs[k].Text = whole[from+at : from+at+len(t)]
		from += at + len(t)
	}
}

// subparagraphs anchors the lettered paragraphs among container's
// children from first on: each starts a subparagraph block that also takes
// the third-level items after it. number is the paragraph's number, or 0
// in an unnumbered text.
func (p *treatyPass) subparagraphs(container ast.Node, first ast.Node, number int) {
	prefix := ""
	if number > 0 {
		prefix = strconv.Itoa(number)
	}
	type pending struct {
		i   int
		box *anchored
		own *permalink
	}
	var (
		seq  letterSeq
		open *anchored // the subparagraph third-level items join
		subs []pending
	)
	for c := first; c != nil; {
		next := c.NextSibling()
		para, _ := c.(*ast.Paragraph)
		var (
			label string
			tx    *ast.Text
			n     int
		)
		if para != nil {
			label, tx, n = leadingLabel(para, p.src)
		}
		expected := seq.next()
		switch kind := seq.classify(label, open != nil); kind {
		case letter, outOfOrder:
			if kind == outOfOrder {
				p.errs.Warn(p.at.pos(c.Pos()), "subparagraph (%s) out of sequence%s", label, expectedLetter(expected))
			}
			id := prefix + "-" + label
			box := newAnchored("subpara", p.prefix+"p"+id)
			box.id = id
			container.InsertBefore(container, c, box)
			box.AppendChild(box, c)
			tx.Segment = tx.Segment.WithStart(tx.Segment.Start + n)
			own := &permalink{anchor: box.anchor, label: "(" + label + ")", name: subparagraphName(number, label)}
			para.InsertBefore(para, tx, own)
			p.paras = append(p.paras, model.Paragraph{ID: id, Anchor: box.anchor, Number: number, Letter: label, Pos: p.at.pos(c.Pos())})
			subs = append(subs, pending{len(p.paras) - 1, box, own})
			open = box
		case thirdLevel:
			open.AppendChild(open, c)
		case repeatLetter:
			p.errs.Warn(p.at.pos(c.Pos()), "subparagraph (%s) repeats an earlier letter of this paragraph, so it gets no permalink", label)
			open = nil
		default:
			open = nil
		}
		c = next
	}
	for _, s := range subs {
		p.paras[s.i].Text = plainText(s.box, p.src, s.own)
	}
}

func expectedLetter(l string) string {
	if l == "" {
		return ""
	}
	return " (expected (" + l + "))"
}

func subparagraphName(number int, label string) string {
	if number == 0 {
		return "Permalink to subparagraph (" + label + ")"
	}
	return "Permalink to paragraph " + strconv.Itoa(number) + " (" + label + ")"
}

// warnJoinedLabels finds a subparagraph label at the start of a line
// inside a paragraph: without a blank line before it, CommonMark joins it
// to the text above, and it gets no anchor.
func (p *treatyPass) warnJoinedLabels(doc ast.Node) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Paragraph, *ast.TextBlock:
		default:
			return ast.WalkContinue, nil
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			t, ok := c.(*ast.Text)
			next, ok2 := c.NextSibling().(*ast.Text)
			if !ok || !ok2 || !t.SoftLineBreak() || next.IsRaw() {
				continue
			}
			if m := labelRE.FindSubmatch(next.Segment.Value(p.src)); m != nil && len(m[1]) <= 2 {
				p.errs.Warn(p.at.pos(next.Pos()), "subparagraph (%s) is joined to the line before: put a blank line before it to make it a subparagraph", m[1])
			}
		}
		return ast.WalkSkipChildren, nil
	})
}

// warnIndentedCode finds text indented so far that CommonMark reads it as
// code, usually a subparagraph indented by one level too many.
func (p *treatyPass) warnIndentedCode(doc ast.Node) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*ast.CodeBlock); ok && entering {
			p.errs.Warn(p.at.pos(n.Pos()), "text indented by 4 or more spaces more than its paragraph is shown as code; indent a subparagraph only as far as its paragraph's text")
		}
		return ast.WalkContinue, nil
	})
}

// asParagraph turns a tight list's TextBlock into a Paragraph, so every
// paragraph of a treaty text is a <p> whether or not the author left blank
// lines between items.
func asParagraph(n ast.Node) ast.Node {
	tb, ok := n.(*ast.TextBlock)
	if !ok {
		return n
	}
	para := ast.NewParagraph()
	para.SetLines(tb.Lines())
	para.SetPos(tb.Pos())
	for c := tb.FirstChild(); c != nil; c = tb.FirstChild() {
		para.AppendChild(para, c)
	}
	return para
}

// children returns n's children as a slice, so the tree can be changed
// while going through them.
func children(n ast.Node) []ast.Node {
	var out []ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, c)
	}
	return out
}
