package markdown

import (
	"strings"
	"testing"

	"travaux/generator/model"
	"travaux/generator/source"
)

func TestTreatyAsPrefixesAnchors(t *testing.T) {
	text := model.Text{Source: "1. Lead-in:\n\n   (a) first;\n", Pos: source.Pos{File: "f.md", Line: 5, Col: 1}}
	r, errs := New().TreatyAs(text, "v-rev3-")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	html := string(r.HTML)
	for _, want := range []string{`id="v-rev3-p1"`, `href="#v-rev3-p1"`, `id="v-rev3-p1-a"`} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %s:\n%s", want, html)
		}
	}
	if strings.Contains(html, `id="p1"`) {
		t.Errorf("unprefixed anchor left:\n%s", html)
	}
	if got := r.Paragraph("1-a"); got == nil || got.Anchor != "v-rev3-p1-a" {
		t.Errorf("Paragraph(1-a) = %+v, want anchor v-rev3-p1-a and an unprefixed ID", got)
	}
}
