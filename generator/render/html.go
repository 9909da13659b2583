package render

import (
	"html/template"
	"strings"

	"travaux/generator/model"
)

// This file and redline.go (the markup of diff ops) are the only places
// in render that make a template.HTML. The
// markdown stage has already escaped and sanitised what it hands over in
// model.Rendered; anything else reaching a page is a plain string that
// html/template escapes. A text the markdown stage did not render (a
// missing key) is shown as escaped plain text, a paragraph per blank-line
// separated block, so a gap in the pipeline can never inject markup.

// htmlOf returns the rendered HTML of t, or t's source as escaped text.
func htmlOf(rendered *model.TextMap, t model.Text) template.HTML {
	if r := rendered.Get(t); r != nil {
		return r.HTML
	}
	return plainHTML(t.Source)
}

// plainHTML escapes src and wraps each block of it in a <p>.
func plainHTML(src string) template.HTML {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	var b strings.Builder
	for _, block := range strings.Split(src, "\n\n") {
		block = strings.TrimSpace(block)
		if block == "" {
			continue
		}
		b.WriteString("<p>")
		b.WriteString(template.HTMLEscapeString(block))
		b.WriteString("</p>\n")
	}
	return template.HTML(b.String())
}
