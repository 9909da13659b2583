package markdown

import (
	"html"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// The treaty pass rewrites the AST with two node kinds of its own, so that
// goldmark renders everything inside them (emphasis, links, escaping) as
// usual and we write only the structure. Kinds are created at package
// initialisation, before any renderer sizes its dispatch table.
var (
	kindAnchored  = ast.NewNodeKind("TreatyAnchored")
	kindPermalink = ast.NewNodeKind("TreatyPermalink")
)

// anchored is a paragraph or subparagraph: a <div> with a class and the id
// that permalinks and history entries point to.
type anchored struct {
	ast.BaseBlock
	class  string // "para" or "subpara"
	anchor string // "p21", "p21-b", "p-a"
	id     string // the paragraph id: "21", "21-b", "-a"
}

func newAnchored(class, anchor string) *anchored {
	return &anchored{class: class, anchor: anchor}
}

func (n *anchored) Kind() ast.NodeKind { return kindAnchored }

func (n *anchored) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Class": n.class, "Anchor": n.anchor}, nil)
}

// permalink is the visible number at the start of a (sub)paragraph, a link
// to the element's own anchor so a reader can copy it.
type permalink struct {
	ast.BaseInline
	anchor string // without "#"
	label  string // what the reader sees: "21.", "(b)"
	name   string // the accessible name: "Permalink to paragraph 21 (b)"
}

func (n *permalink) Kind() ast.NodeKind { return kindPermalink }

func (n *permalink) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Anchor": n.anchor, "Label": n.label}, nil)
}

// treatyNodeRenderer writes the two treaty node kinds.
type treatyNodeRenderer struct{}

func (treatyNodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindAnchored, renderAnchored)
	reg.Register(kindPermalink, renderPermalink)
}

func renderAnchored(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*anchored)
	if entering {
		_, _ = w.WriteString(`<div class="` + html.EscapeString(n.class) + `" id="` + html.EscapeString(n.anchor) + "\">\n")
	} else {
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}

func renderPermalink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*permalink)
	_, _ = w.WriteString(`<a class="pnum" href="#` + html.EscapeString(n.anchor) +
		`" aria-label="` + html.EscapeString(n.name) + `">` + html.EscapeString(n.label) + "</a> ")
	return ast.WalkSkipChildren, nil
}
