package markdown

import (
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"travaux/generator/model"
	"travaux/generator/source"
)

// Linker resolves what the markdown stage finds: it says where each
// citation leads and which defined terms to look for. Package xref
// implements it; the markdown stage only asks.
type Linker interface {
	// Resolve returns the target of a citation or of a use of a defined
	// term. A zero Target leaves the words unlinked.
	Resolve(c model.Citation) model.Target
	// Terms returns the defined terms to link.
	Terms() []model.Term
}

// Options says where a text stands, for what depends on it: the anchors
// of a treaty text, citations relative to an article, and linking.
type Options struct {
	// Prefix is put before every anchor of a treaty text ("rev3-" gives
	// "rev3-p1"); see TreatyAs.
	Prefix string
	// Article is the slug of the provision the text belongs to ("6",
	// "preamble"): its adopted text, its earlier versions, its history and
	// its notes. Citations relative to it ("paragraph 3 of this article",
	// and a bare "paragraph 3") resolve against it. "" for texts that stand
	// in no article (pages, topics), where a bare "paragraph 3" is not a
	// citation.
	Article string
	// Version is the negotiating text the wording comes from (an earlier
	// version's text, or a proposal based on it), so that its citations
	// are read in that text's numbering. "" for the adopted numbering.
	Version string
	// Links resolves citations and lists defined terms. With nil,
	// citations are still recognised and recorded, but nothing is linked.
	Links Linker
}

// kindXref is a citation or a use of a defined term, linked to its target.
var kindXref = ast.NewNodeKind("Xref")

// xrefLink wraps the words of a citation. Its children are the original
// text nodes, so what the author wrote renders as before, inside the link.
type xrefLink struct {
	ast.BaseInline
	cite   model.Citation
	target model.Target
}

func (n *xrefLink) Kind() ast.NodeKind { return kindXref }

func (n *xrefLink) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Article": n.cite.Article, "Paragraph": n.cite.Paragraph, "URL": n.target.URL}, nil)
}

type xrefNodeRenderer struct{}

func (xrefNodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindXref, renderXref)
}

// renderXref writes a citation as a link to its target. A note (the cited
// paragraph is not in this edition, so the link goes to the article) is
// the link's title, for pointer users, and visually hidden text inside
// the link, for screen readers. An unresolved citation is plain text.
func renderXref(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*xrefLink)
	if n.target.URL == "" {
		return ast.WalkContinue, nil
	}
	note := html.EscapeString(n.target.Note)
	if entering {
		class := "xref"
		if n.cite.Term != "" {
			class += " term"
		}
		_, _ = w.WriteString(`<a class="` + class + `" href="` + html.EscapeString(n.target.URL) + `"`)
		if note != "" {
			_, _ = w.WriteString(` title="` + note + `"`)
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if note != "" {
		_, _ = w.WriteString(`<span class="visually-hidden"> (` + note + `)</span>`)
	}
	_, _ = w.WriteString("</a>")
	return ast.WalkContinue, nil
}

// linkPass recognises the citations and defined terms of one text, links
// them and records them. See recognise.go for the grammar.
type linkPass struct {
	src   []byte
	at    locator
	opts  Options
	terms *termSet
	errs  source.ErrorList
	found []located
}

// located is a citation and the byte offset it starts at, for sorting.
type located struct {
	off  int
	cite model.Citation
}

func newLinkPass(src []byte, at locator, opts Options) *linkPass {
	p := &linkPass{src: src, at: at, opts: opts}
	if opts.Links != nil {
		p.terms = newTermSet(opts.Links.Terms())
	}
	return p
}

// explicitRE is the author's form: art:40, art:40#p21, art:40#p21-b,
// art:2#p-m, art:preamble#p-a.
var explicitRE = regexp.MustCompile(`^(?i:art):([0-9]{1,3}|title|preamble)(?:#p([0-9]{1,3}(?:-[a-z]{1,2})?|-[a-z]{1,2}))?$`)

// explicit turns the author's art: links into citations. It runs before
// disarmLinks, which would refuse the scheme. A malformed one is an error
// and shows as its text.
func (p *linkPass) explicit(doc ast.Node) {
	var links []*ast.Link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering && len(l.Destination) >= 4 && strings.EqualFold(string(l.Destination[:4]), "art:") {
			links = append(links, l)
		}
		return ast.WalkContinue, nil
	})
	for _, l := range links {
		dest := string(l.Destination)
		m := explicitRE.FindStringSubmatch(dest)
		if m == nil {
			p.errs.Add(p.at.pos(l.Pos()), "malformed link %q: write art:40 for an article, art:40#p21 for a paragraph, art:40#p21-b for a subparagraph", shorten(dest, 40))
			unwrap(l, p.src)
			continue
		}
		art := m[1]
		if n, err := strconv.Atoi(art); err == nil {
			art = strconv.Itoa(n)
		}
		c := model.Citation{Article: strings.ToLower(art), Paragraph: m[2], Explicit: true}
		x := &xrefLink{cite: c}
		x.SetPos(l.Pos())
		for ch := l.FirstChild(); ch != nil; ch = l.FirstChild() {
			x.AppendChild(x, ch)
		}
		if !x.HasChildren() {
			x.AppendChild(x, ast.NewString([]byte(citeLabel(c))))
		}
		x.cite.Text = plainText(x, p.src, nil)
		parent := l.Parent()
		parent.ReplaceChild(parent, l, x)
	}
}

// citeLabel is the text an explicit link with no words of its own shows:
// "article 40, paragraph 21 (b)".
func citeLabel(c model.Citation) string {
	s := "article " + c.Article
	if c.Article == model.ProvisionTitle || c.Article == model.ProvisionPreamble {
		s = "the " + c.Article
	}
	if c.Paragraph == "" {
		return s
	}
	num, letter, _ := strings.Cut(c.Paragraph, "-")
	switch {
	case num == "":
		return s + ", subparagraph (" + letter + ")"
	case letter != "":
		return s + ", paragraph " + num + " (" + letter + ")"
	}
	return s + ", paragraph " + num
}

// run links the whole document: explicit links already made, then the
// citations and terms in its running text, outside headings, links, code
// and raw HTML.
func (p *linkPass) run(doc ast.Node) {
	p.walk(doc, "")
	slices.SortStableFunc(p.found, func(a, b located) int { return a.off - b.off })
}

// citations returns what was found, in document order.
func (p *linkPass) citations() []model.Citation {
	var out []model.Citation
	for _, f := range p.found {
		out = append(out, f.cite)
	}
	return out
}

func (p *linkPass) record(off int, c model.Citation) {
	p.found = append(p.found, located{off, c})
}

func (p *linkPass) resolve(c model.Citation) model.Target {
	if p.opts.Links == nil {
		return model.Target{}
	}
	return p.opts.Links.Resolve(c)
}

// walk visits n's inline text; para is the id of the treaty paragraph it
// is in, or "".
func (p *linkPass) walk(n ast.Node, para string) {
	switch n := n.(type) {
	case *ast.Heading, *ast.Link, *ast.AutoLink, *ast.Image, *ast.CodeSpan,
		*ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML, *permalink:
		// No recognition here, but an explicit link (in a heading) is
		// still resolved and checked.
		_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if x, ok := c.(*xrefLink); ok && entering {
				p.explicitLink(x, para)
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		})
		return
	case *xrefLink:
		p.explicitLink(n, para)
		return
	case *anchored:
		para = n.id
	}
	var run []*ast.Text
	flush := func() {
		if len(run) > 0 {
			p.text(run, para)
			run = nil
		}
	}
	for _, c := range children(n) {
		t, ok := c.(*ast.Text)
		if ok && !t.IsRaw() && t.Segment.Padding == 0 {
			if len(run) > 0 {
				prev := run[len(run)-1]
				if !prev.SoftLineBreak() && !prev.HardLineBreak() && prev.Segment.Stop != t.Segment.Start {
					flush()
				}
			}
			run = append(run, t)
			continue
		}
		flush()
		p.walk(c, para)
	}
	flush()
}

// explicitLink resolves and records an author's art: link, made by
// explicit, found in paragraph para.
func (p *linkPass) explicitLink(n *xrefLink, para string) {
	n.cite.In = para
	n.cite.Pos = p.at.pos(n.Pos())
	n.target = p.resolve(n.cite)
	p.record(n.Pos(), n.cite)
}

// span is a stretch of a run to link.
type span struct {
	start, end int
	cite       model.Citation
}

// text finds the citations and terms in a run of text nodes (soft line
// breaks read as spaces) and wraps each in a link node.
func (p *linkPass) text(texts []*ast.Text, para string) {
	var b strings.Builder
	starts := make([]int, len(texts))
	for i, t := range texts {
		starts[i] = b.Len()
		b.Write(t.Segment.Value(p.src))
		if t.SoftLineBreak() || t.HardLineBreak() {
			b.WriteByte(' ')
		}
	}
	s := b.String()
	// offset maps a byte of s to the source.
	offset := func(i int) int {
		k, _ := slices.BinarySearch(starts, i+1)
		k--
		return texts[k].Segment.Start + i - starts[k]
	}

	var spans []span
	cites := recognise(s, p.opts.Article)
	for _, f := range cites {
		c := f.cite
		c.Text = strings.Join(strings.Fields(s[f.start:f.end]), " ")
		c.Version = p.opts.Version
		c.In = para
		c.Pos = p.at.pos(offset(f.start))
		if f.noContext {
			p.errs.Warn(c.Pos, "%q stands in no article, so it is not linked: name the article (\"paragraph 3 of article 40\")", c.Text)
			continue
		}
		p.record(offset(f.start), c)
		spans = append(spans, span{f.start, f.end, c})
	}
	for _, u := range p.terms.find(s, cites) {
		if u.term.Article == p.opts.Article && para != "" && u.term.Paragraph != "" &&
			(para == u.term.Paragraph || strings.HasPrefix(para, u.term.Paragraph+"-")) {
			continue // the term in its own definition
		}
		c := model.Citation{
			Text:      strings.Join(strings.Fields(s[u.start:u.end]), " "),
			Article:   u.term.Article,
			Paragraph: u.term.Paragraph,
			Term:      u.term.Term,
			In:        para,
			Pos:       p.at.pos(offset(u.start)),
		}
		p.record(offset(u.start), c)
		spans = append(spans, span{u.start, u.end, c})
	}
	if len(spans) == 0 {
		return
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	p.wrap(texts, starts, spans)
}

// wrap rebuilds a run of text nodes with each span's text inside a link
// node: text nodes are cut where spans start and end, keeping their
// segments (so escaping and positions are as before) and their line
// breaks on the last piece.
func (p *linkPass) wrap(texts []*ast.Text, starts []int, spans []span) {
	cuts := map[int]bool{}
	for _, sp := range spans {
		cuts[sp.start] = true
		cuts[sp.end] = true
	}
	links := make([]*xrefLink, len(spans))
	var seq []ast.Node
	for i, t := range texts {
		a, n := starts[i], t.Segment.Len()
		var points []int
		for x := a + 1; x < a+n; x++ {
			if cuts[x] {
				points = append(points, x)
			}
		}
		points = append(points, a+n)
		from := a
		for j, to := range points {
			seg := text.NewSegment(t.Segment.Start+from-a, t.Segment.Start+to-a)
			piece := ast.NewTextSegment(seg)
			last := j == len(points)-1
			in := -1
			for k, sp := range spans {
				if sp.start <= from && to <= sp.end && to > from {
					in = k
					break
				}
			}
			if in < 0 {
				if last {
					piece.SetSoftLineBreak(t.SoftLineBreak())
					piece.SetHardLineBreak(t.HardLineBreak())
				}
				seq = append(seq, piece)
				from = to
				continue
			}
			if links[in] == nil {
				links[in] = &xrefLink{cite: spans[in].cite, target: p.resolve(spans[in].cite)}
				links[in].SetPos(seg.Start)
				seq = append(seq, links[in])
			}
			links[in].AppendChild(links[in], piece)
			if last && (t.SoftLineBreak() || t.HardLineBreak()) {
				if spans[in].end == to {
					// The line ends with the link: the line break goes
					// after it, not inside.
					br := ast.NewTextSegment(text.NewSegment(seg.Stop, seg.Stop))
					br.SetSoftLineBreak(t.SoftLineBreak())
					br.SetHardLineBreak(t.HardLineBreak())
					seq = append(seq, br)
				} else {
					piece.SetSoftLineBreak(t.SoftLineBreak())
					piece.SetHardLineBreak(t.HardLineBreak())
				}
			}
			from = to
		}
	}
	parent := texts[0].Parent()
	for _, n := range seq {
		parent.InsertBefore(parent, texts[0], n)
	}
	for _, t := range texts {
		parent.RemoveChild(parent, t)
	}
}
