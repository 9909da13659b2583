package markdown

import (
	"regexp"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"travaux/generator/model"
	"travaux/generator/source"
)

func mdText(src string) model.Text {
	return model.Text{Source: src, Pos: source.Pos{File: "test.md", Line: 1, Col: 1}}
}

// The two safety promises, checked directly so an -update of the case
// files cannot quietly bless a regression.
func TestProseEscapesScriptAndDisarmsJavascript(t *testing.T) {
	r := New()
	got, _ := r.Prose(mdText("<script>alert(1)</script>\n\nSee [this](javascript:alert(1)) and <JAVASCRIPT:alert(2)>.\n"))
	if !strings.Contains(string(got), "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("script tag not shown escaped:\n%s", got)
	}
	if strings.Contains(strings.ToLower(string(got)), "<script") {
		t.Errorf("script tag passed through:\n%s", got)
	}
	if regexp.MustCompile(`(?i)href="\s*javascript:`).MatchString(string(got)) {
		t.Errorf("javascript: link kept:\n%s", got)
	}
	if !strings.Contains(string(got), "this") {
		t.Errorf("text of the refused link vanished:\n%s", got)
	}
}

func TestHighlightedCodeHasNoStyleAttribute(t *testing.T) {
	r := New()
	got, errs := r.Prose(mdText("```yaml\nversions:\n  rev3: {number: 64, text: \"1. This Convention\"}  # note\n```\n"))
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	html := string(got)
	if strings.Contains(html, "style=") {
		t.Errorf("highlighted code has a style attribute:\n%s", html)
	}
	if !strings.Contains(html, `<span class="nt">versions</span>`) {
		t.Errorf("YAML not highlighted with classes:\n%s", html)
	}
	if !strings.Contains(html, `<code class="language-yaml">`) {
		t.Errorf("language class missing:\n%s", html)
	}
}

// Positions inside a text are shifted to the file: lines add to the text's
// line, and only the first line adds to its column. CRLF counts as one
// line break.
func TestParagraphPositionsInFile(t *testing.T) {
	r := New()
	got, errs := r.Treaty(model.Text{
		Source: "1. One\r\n2. Two:\r\n\r\n   (a) three\r\n",
		Pos:    source.Pos{File: "content/articles/002-x.md", Line: 10, Col: 5},
	})
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	want := []string{"content/articles/002-x.md:10:5", "content/articles/002-x.md:11:1", "content/articles/002-x.md:13:4"}
	if len(got.Paragraphs) != len(want) {
		t.Fatalf("got %d paragraphs, want %d", len(got.Paragraphs), len(want))
	}
	for i, p := range got.Paragraphs {
		if p.Pos.String() != want[i] {
			t.Errorf("paragraph %s at %s, want %s", p.ID, p.Pos, want[i])
		}
	}
	if got.Paragraphs[2].Text != "three" {
		t.Errorf("CR left in text: %q", got.Paragraphs[2].Text)
	}
}

func TestUnknownPositionStaysCoarse(t *testing.T) {
	r := New()
	got, _ := r.Treaty(model.Text{Source: "1. a\n2. b\n", Pos: source.Pos{File: "f.md"}})
	for _, p := range got.Paragraphs {
		if p.Pos != (source.Pos{File: "f.md"}) {
			t.Errorf("paragraph %s at %v, want the whole file", p.ID, p.Pos)
		}
	}
}

func TestBlankTreatyText(t *testing.T) {
	got, errs := New().Treaty(mdText(" \n\n"))
	if got.HTML != "" || len(got.Paragraphs) != 0 || len(errs) != 0 {
		t.Errorf("blank text: got %+v, %v", got, errs)
	}
}

func TestCSS(t *testing.T) {
	css := string(CSS())
	for _, want := range []string{".chroma {", "@media (prefers-color-scheme: dark) {", ".chroma .nt {", ".chroma .c {"} {
		if !strings.Contains(css, want) {
			t.Errorf("CSS lacks %q", want)
		}
	}
	if strings.Contains(css, ".bg") {
		t.Error("CSS has chroma's global .bg rule, which could clash with the site's classes")
	}
	light := themeRules(lightStyle())
	dark := withResets(themeRules(darkStyle()), light)
	for name, rules := range map[string][]cssRule{"light": light, "dark": dark} {
		for _, r := range rules {
			if c := contrast(r.color, r.bg); c < minContrast {
				t.Errorf("%s %s: contrast %.2f < %.1f (%s on %s)", name, r.selector, c, minContrast, r.color, r.bg)
			}
		}
	}
	// Every class the light theme styles is styled again in dark mode, so
	// no light colour survives on a dark background.
	darkSel := map[string]bool{}
	for _, r := range dark {
		darkSel[r.selector] = true
	}
	for _, r := range light {
		if !darkSel[r.selector] {
			t.Errorf("dark mode does not restyle %s", r.selector)
		}
	}
}

// TestConcurrentUse renders every case from several goroutines at once;
// run with -race it checks the Renderer's promise of concurrent use, and
// it checks results do not depend on what else is being rendered.
func TestConcurrentUse(t *testing.T) {
	inputs := caseInputs(t)
	r := New()
	want := make([]string, len(inputs))
	for i, in := range inputs {
		want[i] = renderBoth(r, in)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, in := range inputs {
				if got := renderBoth(r, in); got != want[i] {
					t.Errorf("input %d rendered differently when concurrent", i)
				}
			}
		}()
	}
	wg.Wait()
}

func renderBoth(r *Renderer, src string) string {
	p, _ := r.Prose(mdText(src))
	tr, _ := r.Treaty(mdText(src))
	return string(p) + string(tr.HTML)
}

// TestSubparagraphTextsShareMemory: a subparagraph's text is the same
// string as before, but points into its paragraph's text, which holds it.
func TestSubparagraphTextsShareMemory(t *testing.T) {
	src := "1. Each State Party shall:\n\n   (a) Adopt measures;\n\n   (b) Cooperate.\n\n2. Another paragraph."
	out, errs := New().Treaty(model.Text{Source: src, Pos: source.Pos{File: "t.md", Line: 1, Col: 1}})
	if errs.Err() != nil || len(out.Paragraphs) != 4 {
		t.Fatalf("%d paragraphs, %v", len(out.Paragraphs), errs)
	}
	whole := out.Paragraphs[0].Text
	start := uintptr(unsafe.Pointer(unsafe.StringData(whole)))
	for _, p := range out.Paragraphs[1:3] {
		at := uintptr(unsafe.Pointer(unsafe.StringData(p.Text)))
		if !strings.Contains(whole, p.Text) || at < start || at >= start+uintptr(len(whole)) {
			t.Errorf("paragraph %s: text %q is not held by paragraph 1's %q", p.ID, p.Text, whole)
		}
	}
}
