package markdown

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"travaux/generator/model"
)

// caseInputs returns the inputs of the testdata cases, to seed fuzzing and
// the concurrency test.
func caseInputs(t testing.TB) []string {
	files, _ := filepath.Glob("testdata/*.txt")
	var out []string
	for _, file := range files {
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if in, ok := section(a, "input"); ok {
			out = append(out, in)
		}
	}
	return out
}

var extraSeeds = []string{
	"", "1.", "0.", "999999999. x\n1000000000. y", "1. a\n   (a) b\n\n   (a) c\n",
	"(z) a\n\n(aa) b\n\n(bb) c\n", "1. x\n\n    (i) y\n", "- (a) x\n", "> 1. quoted\n",
	"1. <div>\n\n   (a) x\n", "# P1\n\n1. x\n", "[a](<java\tscript:x>)", "1)\tx\n2)\ty",
	"\r\n1. x\r\n", "1. ```\n", "1. | a |\n   | - |\n   | b |\n",
	"article 40,\nparagraph 21 (b)", "articles 6, 14, 16 and 24", "paragraph 2 of this\narticle",
	"[x](art:40#p21-b) [](art:2)", "*article* 40 and traffic\ndata", "1. (a) data;\n\n   (b) electronic data",
}

// fuzzOptions is the context the fuzzers render in: an article, so that
// every citation form is recognised, and overlapping defined terms.
var fuzzOptions = Options{Article: "6", Links: &testLinker{terms: []model.Term{
	{Term: "data", Article: "2", Paragraph: "1-a"},
	{Term: "traffic data", Article: "2", Paragraph: "1-b"},
	{Term: "electronic data", Article: "40", Paragraph: "21"},
}}}

// xrefMarkup is the markup of a linked citation: the link, and its note.
var xrefMarkup = regexp.MustCompile(`(?s)<a class="xref[^"]*" href="[^"]*"(?: title="[^"]*")?>(.*?)(?:<span class="visually-hidden"> \([^<]*\)</span>)?</a>`)

// checkLinkingOnlyAddsLinks fails unless linked is plain with the
// citations' links added and nothing else changed.
func checkLinkingOnlyAddsLinks(t *testing.T, src, plain, linked string) {
	t.Helper()
	if got := xrefMarkup.ReplaceAllString(linked, "$1"); got != plain {
		t.Fatalf("linking changed more than the links\ninput: %q\nwithout links:\n%s\nwith links, links removed:\n%s", src, plain, got)
	}
}

// FuzzTreaty checks, for any input, that Treaty does not panic (a
// recovered panic shows up as an internal error), that every paragraph's
// anchor is the id of exactly one element, and that nothing executable
// comes out.
func FuzzTreaty(f *testing.F) {
	for _, s := range append(caseInputs(f), extraSeeds...) {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, src string) {
		out, errs := r.TreatyWith(mdText(src), fuzzOptions)
		for _, e := range errs {
			if strings.Contains(e.Msg, "internal error") {
				t.Fatalf("%s\ninput: %q", e.Msg, src)
			}
		}
		html := string(out.HTML)
		plain, _ := r.Treaty(mdText(src))
		checkLinkingOnlyAddsLinks(t, src, string(plain.HTML), html)
		for _, p := range out.Paragraphs {
			if n := strings.Count(html, ` id="`+p.Anchor+`"`); n != 1 {
				t.Fatalf("anchor %q is the id of %d elements\ninput: %q\nhtml:\n%s", p.Anchor, n, src, html)
			}
		}
		checkInert(t, src, html)
	})
}

// FuzzProse checks Prose the same way, without paragraphs.
func FuzzProse(f *testing.F) {
	for _, s := range append(caseInputs(f), extraSeeds...) {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, src string) {
		out, errs := r.ProseWith(mdText(src), fuzzOptions)
		for _, e := range errs {
			if strings.Contains(e.Msg, "internal error") {
				t.Fatalf("%s\ninput: %q", e.Msg, src)
			}
		}
		checkInert(t, src, string(out.HTML))
		plain, _ := r.Prose(mdText(src))
		checkLinkingOnlyAddsLinks(t, src, string(plain), string(out.HTML))
	})
}

// FuzzRecognise checks the citation grammar on any string: it does not
// panic, and what it finds lies inside the string, in order, without
// overlaps, each with something cited.
func FuzzRecognise(f *testing.F) {
	for _, s := range append(caseInputs(f), extraSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, fd := range recognise(s, "6") {
			if fd.start < last || fd.end <= fd.start || fd.end > len(s) {
				t.Fatalf("span [%d, %d) after %d in a string of %d bytes\ninput: %q", fd.start, fd.end, last, len(s), s)
			}
			if fd.cite.Article == "" && fd.cite.Chapter == "" {
				t.Fatalf("span %q cites nothing\ninput: %q", s[fd.start:fd.end], s)
			}
			last = fd.end
		}
	})
}

var (
	// Every "<" an author writes comes out as "&lt;", so each match is a
	// tag we (or goldmark) wrote.
	tagRE       = regexp.MustCompile(`<[^>]*>`)
	badTagRE    = regexp.MustCompile(`(?i)^</?(script|iframe|object|embed|style|link|meta|form|svg|math)\b`)
	badAttrRE   = regexp.MustCompile(`(?i)\s(on[a-z]+|style|srcdoc|formaction)=`)
	badSchemeRE = regexp.MustCompile(`(?i)\s(href|src)="\s*(javascript|vbscript|data|file):`)
)

// checkInert fails if html has a tag or attribute that could run code or
// style itself.
func checkInert(t *testing.T, src, html string) {
	t.Helper()
	for _, tag := range tagRE.FindAllString(html, -1) {
		for _, re := range []*regexp.Regexp{badTagRE, badAttrRE, badSchemeRE} {
			if re.MatchString(tag) {
				t.Fatalf("output has tag %s\ninput: %q\nhtml:\n%s", tag, src, html)
			}
		}
	}
}
