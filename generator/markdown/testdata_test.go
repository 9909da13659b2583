package markdown

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"travaux/generator/model"
	"travaux/generator/source"
)

var update = flag.Bool("update", false, "rewrite the expected sections of testdata/*.txt from the current output")

// TestCases runs the cases in testdata (see testdata/README.md): each
// renders its input in the mode its comment names and compares the HTML,
// the paragraphs and the errors with the expected sections.
func TestCases(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test cases: %v", err)
	}
	r := New()
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			mode := caseMode(string(a.Comment))
			if mode == "" {
				t.Fatalf("%s: the comment must say mode: treaty or mode: prose", file)
			}
			input, ok := section(a, "input")
			if !ok {
				t.Fatalf("%s: no input section", file)
			}
			o := caseOptions(t, string(a.Comment))
			got := runCase(r, mode, input, o)
			if mode == "treaty" {
				checkParagraphsOnly(t, r, input, o)
			}
			if *update {
				writeCase(t, file, a, mode, got)
				return
			}
			for _, name := range []string{"html", "paragraphs", "citations", "errors"} {
				want, _ := section(a, name)
				if got[name] != want {
					t.Errorf("%s: %s differs (-want +got):\n%s", file, name, lineDiff(want, got[name]))
				}
			}
		})
	}
}

// runCase renders input and formats the results as the sections hold them.
func runCase(r *Renderer, mode, input string, o Options) map[string]string {
	text := model.Text{Source: input, Pos: source.Pos{File: "test.md", Line: 1, Col: 1}}
	got := map[string]string{}
	var errs source.ErrorList
	var out *model.Rendered
	if mode == "treaty" {
		out, errs = r.TreatyWith(text, o)
		var b strings.Builder
		for _, p := range out.Paragraphs {
			fmt.Fprintf(&b, "%s %s %d:%d %q\n", p.ID, p.Anchor, p.Pos.Line, p.Pos.Col, p.Text)
		}
		got["paragraphs"] = b.String()
	} else {
		out, errs = r.ProseWith(text, o)
	}
	got["html"] = string(out.HTML)
	var cb strings.Builder
	for _, c := range out.Citations {
		cb.WriteString(formatCitation(c) + "\n")
	}
	got["citations"] = cb.String()
	errs.Sort()
	var b strings.Builder
	for _, e := range errs {
		b.WriteString(e.Error() + "\n")
	}
	got["errors"] = b.String()
	return got
}

// caseOptions reads the context a case renders in from its comment:
//
//	article: 6                 the article the text stands in
//	version: rev3              the version whose wording it is
//	term: 2 -b electronic data a defined term: article, paragraph, words
//
// Cases always render with testLinker, so every citation found is linked.
func caseOptions(t *testing.T, comment string) Options {
	o := Options{}
	l := &testLinker{}
	for _, line := range strings.Split(comment, "\n") {
		key, val, ok := strings.Cut(strings.TrimSpace(line), ":")
		if !ok {
			continue
		}
		val = strings.TrimSpace(val)
		switch key {
		case "article":
			o.Article = val
		case "version":
			o.Version = val
		case "term":
			f := strings.SplitN(val, " ", 3)
			if len(f) != 3 {
				t.Fatalf("want term: ARTICLE PARAGRAPH WORDS, got %q", line)
			}
			l.terms = append(l.terms, model.Term{Article: f[0], Paragraph: f[1], Term: f[2]})
		}
	}
	o.Links = l
	return o
}

// testLinker stands for package xref in the case files: it links every
// citation to a URL that spells out what it cites, leaves article 99
// unlinked (an article the edition does not have), and gives citations of
// article 2's paragraphs a note (a text the edition does not include).
type testLinker struct {
	terms []model.Term
}

func (l *testLinker) Terms() []model.Term { return l.terms }

func (l *testLinker) Resolve(c model.Citation) model.Target {
	if c.Chapter != "" {
		return model.Target{URL: "/#chapter-" + c.Chapter}
	}
	if c.Article == "99" {
		return model.Target{}
	}
	u := "/articles/" + c.Article + "/"
	if c.Version != "" {
		u += "?in=" + c.Version
	}
	if c.Paragraph == "" {
		return model.Target{URL: u}
	}
	if c.Article == "2" {
		return model.Target{URL: u, Note: "Paragraph " + c.Paragraph + " of article 2 is not included in this edition; the link goes to the article."}
	}
	return model.Target{URL: u + "#p" + c.Paragraph}
}

// formatCitation writes a citation as the citations section lists it:
// position, the words, then what it cites.
func formatCitation(c model.Citation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d:%d %q ->", c.Pos.Line, c.Pos.Col, c.Text)
	add := func(k, v string) {
		if v != "" {
			b.WriteString(" " + k + "=" + v)
		}
	}
	add("article", c.Article)
	add("paragraph", c.Paragraph)
	add("through", c.Through)
	add("chapter", c.Chapter)
	add("version", c.Version)
	add("term", c.Term)
	add("in", c.In)
	if c.This {
		b.WriteString(" this")
	}
	if c.Explicit {
		b.WriteString(" explicit")
	}
	return b.String()
}

// caseMode finds "mode: treaty" or "mode: prose" in an archive comment.
func caseMode(comment string) string {
	for _, line := range strings.Split(comment, "\n") {
		if m, ok := strings.CutPrefix(strings.TrimSpace(line), "mode:"); ok {
			if m = strings.TrimSpace(m); m == "treaty" || m == "prose" {
				return m
			}
		}
	}
	return ""
}

func section(a *txtar.Archive, name string) (string, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return string(f.Data), true
		}
	}
	return "", false
}

// writeCase rewrites file with the output in its expected sections: html
// always, paragraphs for treaty cases, errors when there are any.
func writeCase(t *testing.T, file string, a *txtar.Archive, mode string, got map[string]string) {
	t.Helper()
	input, _ := section(a, "input")
	out := &txtar.Archive{Comment: a.Comment, Files: []txtar.File{{Name: "input", Data: []byte(input)}}}
	out.Files = append(out.Files, txtar.File{Name: "html", Data: []byte(got["html"])})
	if mode == "treaty" && got["paragraphs"] != "" {
		out.Files = append(out.Files, txtar.File{Name: "paragraphs", Data: []byte(got["paragraphs"])})
	}
	if got["citations"] != "" {
		out.Files = append(out.Files, txtar.File{Name: "citations", Data: []byte(got["citations"])})
	}
	if got["errors"] != "" {
		out.Files = append(out.Files, txtar.File{Name: "errors", Data: []byte(got["errors"])})
	}
	if err := os.WriteFile(file, txtar.Format(out), 0o666); err != nil {
		t.Fatal(err)
	}
}

// lineDiff shows want and got line by line, marking lines that differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl == gl {
			fmt.Fprintf(&b, "  %s\n", wl)
			continue
		}
		if i < len(w) {
			fmt.Fprintf(&b, "- %s\n", wl)
		}
		if i < len(g) {
			fmt.Fprintf(&b, "+ %s\n", gl)
		}
	}
	return b.String()
}

// checkParagraphsOnly checks that Paragraphs finds the paragraphs
// TreatyWith does.
func checkParagraphsOnly(t *testing.T, r *Renderer, input string, o Options) {
	t.Helper()
	text := model.Text{Source: input, Pos: source.Pos{File: "test.md", Line: 1, Col: 1}}
	full, _ := r.TreatyWith(text, o)
	only := r.Paragraphs(text, o)
	if !reflect.DeepEqual(only.Paragraphs, full.Paragraphs) {
		t.Errorf("Paragraphs gives\n%+v\nTreatyWith gives\n%+v", only.Paragraphs, full.Paragraphs)
	}
	if only.HTML != "" || only.Citations != nil {
		t.Errorf("Paragraphs rendered more than paragraphs: %+v", only)
	}
}
