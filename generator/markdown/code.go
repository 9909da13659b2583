package markdown

import (
	"bytes"
	"fmt"
	"html"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// codeRenderer highlights code blocks with chroma. It is a small override
// of goldmark's code block functions rather than goldmark-highlighting:
// that extension would add a dependency to do the same few calls, and we
// need its two non-default settings anyway (classes, not inline styles;
// our own <pre> wrapper).
//
// Output is always
//
//	<pre tabindex="0" class="chroma"><code class="language-yaml">…</code></pre>
//
// with tokens as <span class="…"> and no style attribute, so pages keep a
// strict Content-Security-Policy; CSS supplies the colours. tabindex makes
// a block that scrolls sideways reachable by keyboard.
type codeRenderer struct {
	formatter *chromahtml.Formatter
	style     *chroma.Style // required by Format's signature; with classes its colours are unused
}

func newCodeRenderer() codeRenderer {
	return codeRenderer{
		formatter: chromahtml.New(
			chromahtml.WithClasses(true),
			// We write <pre><code> ourselves, to carry the language class.
			chromahtml.WithPreWrapper(noPreWrapper{}),
		),
		style: chroma.MustNewStyle("travaux", chroma.StyleEntries{}),
	}
}

// noPreWrapper writes nothing around the highlighted lines.
type noPreWrapper struct{}

func (noPreWrapper) Start(code bool, styleAttr string) string { return "" }
func (noPreWrapper) End(code bool) string                     { return "" }

func (c codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, c.renderCode)
	// Indented code gets the same wrapper (keyboard access, colours),
	// without highlighting.
	reg.Register(ast.KindCodeBlock, c.renderCode)
}

func (c codeRenderer) renderCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	var lang string
	if n, ok := node.(*ast.FencedCodeBlock); ok {
		lang = string(n.Language(src))
	}
	var code strings.Builder
	for i := 0; i < node.Lines().Len(); i++ {
		seg := node.Lines().At(i)
		code.Write(seg.Value(src))
	}
	_, _ = w.WriteString(`<pre tabindex="0" class="chroma"><code`)
	if cls := languageClass(lang); cls != "" {
		_, _ = fmt.Fprintf(w, ` class="%s"`, html.EscapeString(cls))
	}
	_, _ = w.WriteString(">")
	var out bytes.Buffer
	if err := c.highlight(&out, lang, code.String()); err != nil {
		// A lexer that fails still must not lose the code.
		out.Reset()
		out.WriteString(html.EscapeString(code.String()))
	}
	_, _ = w.Write(out.Bytes())
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// highlight tokenises code with the lexer named by lang (plain text when
// lang is empty or unknown; never guessed from the content, so a block is
// highlighted only as what the author said it is). chroma's iterators may
// panic on a lexer bug; that becomes an error and the caller falls back to
// plain escaped text.
func (c codeRenderer) highlight(out *bytes.Buffer, lang, code string) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("chroma: %v", v)
		}
	}()
	var lexer chroma.Lexer
	if lang != "" {
		lexer = lexers.Get(lang)
	}
	if lexer == nil {
		lexer = lexers.Fallback
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		return err
	}
	return c.formatter.Format(out, c.style, it)
}

// languageClass returns "language-" plus the info string's first word,
// keeping only characters that are safe and usual in a class name.
func languageClass(lang string) string {
	lang = strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9',
			r == '-', r == '_', r == '+', r == '.', r == '#':
			return r
		}
		return -1
	}, lang)
	if lang == "" {
		return ""
	}
	return "language-" + lang
}
