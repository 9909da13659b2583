package markdown

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"travaux/generator/model"
	"travaux/generator/source"
)

// Renderer converts Markdown to HTML. It is configured once by New and is
// safe for concurrent use by several goroutines: goldmark's parser and
// renderer initialise themselves once (sync.Once) and keep per-document
// state in a fresh parse context and AST, chroma's lexers compile under a
// lock and its formatter caches styles under a mutex, and our own node
// renderers hold no state. TestConcurrentUse checks it (run it with -race).
type Renderer struct {
	md goldmark.Markdown
}

// New returns a Renderer with the one configuration the site uses:
// CommonMark plus GFM tables and strikethrough, automatic heading ids, raw
// HTML shown escaped, fenced code highlighted with classes, typographer
// off.
func New() *Renderer {
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(
			// Priority 100 runs after goldmark's own HTML renderer
			// (1000), so these replace its functions for the same kinds.
			renderer.WithNodeRenderers(
				util.Prioritized(rawHTMLRenderer{}, 100),
				util.Prioritized(newCodeRenderer(), 100),
				util.Prioritized(treatyNodeRenderer{}, 100),
				util.Prioritized(xrefNodeRenderer{}, 100),
			),
		),
	)
	return &Renderer{md: md}
}

// Prose renders free Markdown: history summaries, notes, topic intros,
// pages. The only problems it reports are links it refused (warnings).
// It recognises citations but links none; ProseWith links them.
func (r *Renderer) Prose(t model.Text) (template.HTML, source.ErrorList) {
	out, errs := r.ProseWith(t, Options{})
	return out.HTML, errs
}

// ProseWith renders free Markdown standing where o says, with its
// citations and defined terms linked by o.Links and listed in
// Rendered.Citations. Problems: refused links, malformed art: links,
// "this article" outside any article.
func (r *Renderer) ProseWith(t model.Text, o Options) (out *model.Rendered, errs source.ErrorList) {
	defer recoverInto(t, &errs, func() { out = &model.Rendered{HTML: escapedFallback(t)} })
	src := []byte(t.Source)
	at := newLocator(t)
	doc := r.parse(src)
	links := newLinkPass(src, at, o)
	links.explicit(doc)
	errs.Append(disarmLinks(doc, src, at))
	links.run(doc)
	errs.Append(links.errs)
	fixHeadingIDs(doc)
	return &model.Rendered{HTML: r.render(doc, src, t, &errs), Citations: links.citations()}, errs
}

// Treaty renders a treaty text (an article body or an earlier version's
// text) with paragraph and subparagraph anchors; see the package doc for
// the numbering rules. A blank text gives empty HTML and no paragraphs, so
// the page can say the text is not included.
func (r *Renderer) Treaty(t model.Text) (*model.Rendered, source.ErrorList) {
	return r.TreatyWith(t, Options{})
}

// TreatyAs is Treaty with every anchor prefixed ("rev3-" gives "rev3-p1"),
// for texts shown on the same page as the adopted text (earlier versions,
// proposed wordings), whose anchors must not repeat the adopted text's.
// Paragraph IDs are not prefixed: they name paragraphs, not elements.
func (r *Renderer) TreatyAs(t model.Text, prefix string) (*model.Rendered, source.ErrorList) {
	return r.TreatyWith(t, Options{Prefix: prefix})
}

// TreatyWith is Treaty standing where o says: anchors prefixed with
// o.Prefix, citations resolved against o.Article and linked by o.Links.
func (r *Renderer) TreatyWith(t model.Text, o Options) (out *model.Rendered, errs source.ErrorList) {
	defer recoverInto(t, &errs, func() { out = &model.Rendered{HTML: escapedFallback(t)} })
	if strings.TrimSpace(t.Source) == "" {
		return &model.Rendered{}, nil
	}
	src := []byte(t.Source)
	doc, links, pass, errs := r.paragraphs(t, src, o)
	links.run(doc)
	errs.Append(links.errs)
	fixHeadingIDs(doc)
	body := r.render(doc, src, t, &errs)
	return &model.Rendered{
		HTML:       template.HTML(`<div class="treaty-text">` + "\n" + string(body) + "</div>\n"),
		Paragraphs: pass.paras,
		Citations:  links.citations(),
	}, errs
}

// Paragraphs finds the paragraphs of a treaty text as TreatyWith does,
// without linking or rendering it: the result has Paragraphs only. It is
// what the cross-reference index needs of every text before any text can
// be linked, at a fraction of the cost. Problems are TreatyWith's to
// report.
func (r *Renderer) Paragraphs(t model.Text, o Options) (out *model.Rendered) {
	var errs source.ErrorList
	defer recoverInto(t, &errs, func() { out = &model.Rendered{} })
	if strings.TrimSpace(t.Source) == "" {
		return &model.Rendered{}
	}
	_, _, pass, _ := r.paragraphs(t, []byte(t.Source), o)
	return &model.Rendered{Paragraphs: pass.paras}
}

// paragraphs parses the treaty text t (src) and runs the passes that find
// its paragraphs, which the explicit links and the disarmed ones shape:
// what TreatyWith and Paragraphs share. It returns the document, the link
// pass for TreatyWith to finish, the treaty pass and their problems.
func (r *Renderer) paragraphs(t model.Text, src []byte, o Options) (ast.Node, *linkPass, *treatyPass, source.ErrorList) {
	var errs source.ErrorList
	at := newLocator(t)
	doc := r.parse(src)
	links := newLinkPass(src, at, o)
	links.explicit(doc)
	errs.Append(disarmLinks(doc, src, at))
	pass := &treatyPass{src: src, at: at, prefix: o.Prefix}
	pass.run(doc)
	errs.Append(pass.errs)
	return doc, links, pass, errs
}

func (r *Renderer) parse(src []byte) ast.Node {
	return r.md.Parser().Parse(text.NewReader(src))
}

func (r *Renderer) render(doc ast.Node, src []byte, t model.Text, errs *source.ErrorList) template.HTML {
	var buf bytes.Buffer
	if err := r.md.Renderer().Render(&buf, src, doc); err != nil {
		// Writing to a bytes.Buffer does not fail and our node renderers
		// return no errors, so this is a bug, not a content problem.
		errs.Add(t.Pos, "internal error rendering Markdown: %v", err)
	}
	return template.HTML(buf.String())
}

// recoverInto turns a panic (a bug in goldmark, chroma or here) into an
// error at the text's position and a fallback result, so one bad text does
// not stop a build that could report everything else. The fuzz test treats
// this error as a failure.
func recoverInto(t model.Text, errs *source.ErrorList, fallback func()) {
	if v := recover(); v != nil {
		errs.Add(t.Pos, "internal error rendering Markdown (please report this): %v", v)
		fallback()
	}
}

// escapedFallback shows the author's source as plain text, so that even
// after an internal error nothing they wrote vanishes.
func escapedFallback(t model.Text) template.HTML {
	return template.HTML(fmt.Sprintf("<pre>%s</pre>\n", html.EscapeString(t.Source)))
}
