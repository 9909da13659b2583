package render

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"travaux/generator/internal/testsite"
	"travaux/generator/model"
	"travaux/templates"
)

var (
	update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")
	dump   = flag.String("dump", "", "write the test edition's whole site into this folder, to look at in a browser")
)

// renderFixture renders the test edition with the default templates.
func renderFixture(t *testing.T) map[string][]byte {
	t.Helper()
	c, r := fixture()
	return renderSite(t, Input{Corpus: c, Rendered: model.TextMapOf(r), CodeCSS: []byte(".chroma { color: #222; }\n"), CitedBy: fixtureCitedBy(c)})
}

func renderSite(t *testing.T, in Input) map[string][]byte {
	t.Helper()
	tmpl, err := Parse(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	files, err := tmpl.Site(in)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// goldenName maps an output path to its golden file:
// "articles/65/index.html" -> "articles-65.html.golden",
// "data/convention.json" -> "data-convention.json.golden".
func goldenName(p string) string {
	dir, ok := strings.CutSuffix(p, "/index.html")
	if ok {
		return strings.ReplaceAll(dir, "/", "-") + ".html.golden"
	}
	return strings.ReplaceAll(p, "/", "-") + ".golden"
}

// TestGolden compares selected pages of the test edition with
// testdata/*.golden; run with -update to rewrite them after a deliberate
// change, and review the diff.
func TestGolden(t *testing.T) {
	files := renderFixture(t)
	if *dump != "" {
		for p, b := range files {
			full := filepath.Join(*dump, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, p := range []string{
		"index.html",
		"articles/title/index.html",
		"articles/40/index.html",
		"articles/61/index.html",
		"articles/65/index.html",
		"articles/40/paragraphs.json",
		"articles/65/compare/adopted..proposal-3/index.html",
		"articles/65/compare/l15..adopted/inline/index.html",
		"about/index.html",
		"404.html",
		"sitemap.xml",
		// The record: a delegation index, a state with its own entries
		// and a group's, the group, a session, a version with a
		// concordance and an old number forwarding, a topic, search,
		// the feed and the open data.
		"delegations/index.html",
		"delegations/SYR/index.html",
		"delegations/RUS/index.html",
		"delegations/group-syr-2024/index.html",
		"sessions/reconvened-concluding/index.html",
		"sessions/index.html",
		"versions/rev3/index.html",
		"versions/rev3/articles/64/index.html",
		"topics/mla/index.html",
		"search/index.html",
		"feed.xml",
		"data/convention.json",
	} {
		got, ok := files[p]
		if !ok {
			t.Errorf("no %s in the site", p)
			continue
		}
		golden := filepath.Join("testdata", goldenName(p))
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if d := testsite.Diff(string(want), string(got)); d != "" {
			t.Errorf("%s: %s", p, d)
		}
	}
}

// TestOutputPaths checks the site's file list: every page, the sitemap,
// the fingerprinted stylesheets and the favicon, and nothing else.
func TestOutputPaths(t *testing.T) {
	files := renderFixture(t)
	var got []string
	for p := range files {
		got = append(got, regexp.MustCompile(`\.[0-9a-f]{8}\.`).ReplaceAllString(p, ".HASH."))
	}
	slices.Sort(got)
	want := []string{
		"404.html",
		"about/index.html",
		"articles/40/index.html",
		"articles/40/paragraphs.json",
		"articles/61/index.html",
		"articles/61/paragraphs.json",
		"articles/65/compare/adopted..proposal-3/index.html",
		"articles/65/compare/adopted..proposal-3/inline/index.html",
		"articles/65/compare/adopted..proposal-5/index.html",
		"articles/65/compare/adopted..proposal-5/inline/index.html",
		"articles/65/compare/l15..adopted/index.html",
		"articles/65/compare/l15..adopted/inline/index.html",
		"articles/65/compare/l15..proposal-3/index.html",
		"articles/65/compare/l15..proposal-3/inline/index.html",
		"articles/65/compare/l15..proposal-5/index.html",
		"articles/65/compare/l15..proposal-5/inline/index.html",
		"articles/65/compare/proposal-3..proposal-5/index.html",
		"articles/65/compare/proposal-3..proposal-5/inline/index.html",
		"articles/65/index.html",
		"articles/65/paragraphs.json",
		"articles/title/index.html",
		"articles/title/paragraphs.json",
		"assets/code.HASH.css",
		"assets/compare.HASH.js",
		"assets/search-index.HASH.json",
		"assets/search.HASH.js",
		"assets/site.HASH.css",
		"assets/xref.HASH.js",
		"data/convention.json",
		"data/convention.schema.json",
		"delegations/AZE/index.html",
		"delegations/CAN/index.html",
		"delegations/CRI/index.html",
		"delegations/FRA/index.html",
		"delegations/IRN/index.html", // named, and a member of the group
		"delegations/LIE/index.html",
		"delegations/MEX/index.html",
		"delegations/NGA/index.html",
		"delegations/NZL/index.html",
		"delegations/PAK/index.html",
		"delegations/RUS/index.html",
		"delegations/SYR/index.html",
		"delegations/USA/index.html",
		"delegations/chair/index.html",
		"delegations/group-syr-2024/index.html",
		"delegations/index.html",
		"favicon.svg",
		"feed.xml",
		"index.html",
		"search/index.html",
		"sessions/concluding/index.html",
		"sessions/index.html",
		"sessions/reconvened-concluding/index.html",
		"sitemap.xml",
		"topics/index.html",
		"topics/mla/index.html",
		"topics/ratification/index.html",
		"versions/index.html",
		"versions/l15/articles/65/index.html", // article 65 kept its number in L.15
		"versions/l15/index.html",
		"versions/rev3/articles/64/index.html", // and was article 64 in Rev.3
		"versions/rev3/index.html",
	}
	if !slices.Equal(got, want) {
		t.Errorf("output paths:\n got %q\nwant %q", got, want)
	}
	css, err := fs.ReadFile(templates.FS, "static/site.css")
	if err != nil {
		t.Fatal(err)
	}
	name := "assets/" + fingerprint("site.css", css)
	if !bytes.Equal(files[name], css) {
		t.Errorf("%s is not static/site.css", name)
	}
	if !bytes.Contains(files["index.html"], []byte(`href="/`+name+`"`)) {
		t.Errorf("index.html does not link /%s", name)
	}
}

func TestDeterministic(t *testing.T) {
	first := renderFixture(t)
	for range 3 {
		again := renderFixture(t)
		if len(again) != len(first) {
			t.Fatalf("%d files, then %d", len(first), len(again))
		}
		for p, b := range first {
			if !bytes.Equal(again[p], b) {
				t.Errorf("%s differs between two renders", p)
			}
		}
	}
}

// externalScript is a script element a page may carry: an empty one that
// loads a fingerprinted file of the site: xref.js on every page (citation
// previews, copy citation), search.js on the search page.
var externalScript = regexp.MustCompile(`<script src="/assets/([a-z0-9_-]+)\.[0-9a-f]{8}\.js"( defer)?></script>`)

// TestNoInline: the site runs under Content-Security-Policy: default-src
// 'self', so no page may carry a style attribute, a <style> or an inline
// <script>; the scripts are external files: xref.js, once on every page,
// the search page's own file, and compare.js on compare pages.
func TestNoInline(t *testing.T) {
	files := renderFixture(t)
	for p, b := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		s := strings.ToLower(string(b))
		xrefJS := 0
		for _, m := range externalScript.FindAllStringSubmatch(s, -1) {
			switch {
			case m[1] == "xref":
				xrefJS++
			case m[1] == "search" && p == "search/index.html":
			case m[1] == "compare" && strings.Contains(p, "/compare/"):
			default:
				t.Errorf("%s loads a script: %s", p, m[0])
			}
		}
		if xrefJS != 1 {
			t.Errorf("%s loads xref.js %d times, want once", p, xrefJS)
		}
		s = externalScript.ReplaceAllString(s, "")
		for _, bad := range []string{"style=", "<style", "<script", "javascript:"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s contains %q", p, bad)
			}
		}
		// Links to sources may point anywhere; nothing may be loaded
		// from elsewhere.
		for _, m := range regexp.MustCompile(`src="(?:https?:)?//|<link rel="(?:stylesheet|icon|preload)" href="(?:https?:)?//`).FindAllString(s, -1) {
			t.Errorf("%s loads from another host: %s", p, m)
		}
	}
}

// TestPageStructure: one h1 and one <main> per page, the landmarks, and
// heading levels that never skip (h2 after h1, h3 after h2, ...).
func TestPageStructure(t *testing.T) {
	heading := regexp.MustCompile(`<h([1-6])[ >]`)
	for p, b := range renderFixture(t) {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		s := string(b)
		if n := strings.Count(s, "<h1"); n != 1 {
			t.Errorf("%s has %d h1", p, n)
		}
		for _, want := range []string{`<html lang="en">`, `<meta charset="utf-8">`, `name="viewport"`, `<main id="main"`, `<header`, `<nav`, `<footer`, `href="#main"`} {
			if strings.Count(s, want) < 1 {
				t.Errorf("%s lacks %s", p, want)
			}
		}
		if n := strings.Count(s, "<main"); n != 1 {
			t.Errorf("%s has %d <main>", p, n)
		}
		level := 0
		for _, m := range heading.FindAllStringSubmatch(s, -1) {
			l := int(m[1][0] - '0')
			if l > level+1 {
				t.Errorf("%s: h%d after h%d", p, l, level)
			}
			level = l
		}
		ids := map[string]bool{}
		for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(s, -1) {
			if ids[m[1]] {
				t.Errorf("%s: duplicate id %q", p, m[1])
			}
			ids[m[1]] = true
		}
		for _, m := range regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(s, -1) {
			if !ids[m[1]] {
				t.Errorf("%s: link to #%s, which the page does not have", p, m[1])
			}
		}
	}
}

// TestEscaping: markup in a title, or in a text the markdown stage did not
// render, is shown as text.
func TestEscaping(t *testing.T) {
	c, r := fixture()
	c.Articles[3].Title = "Entry <script>alert(1)</script> into force"
	files := renderSite(t, Input{Corpus: c, Rendered: model.TextMapOf(r)})
	for _, p := range []string{"articles/61/index.html", "articles/65/index.html", "index.html"} {
		s := externalScript.ReplaceAllString(string(files[p]), "")
		if strings.Contains(s, "<script") {
			t.Errorf("%s: a <script> came through unescaped", p)
		}
		if !strings.Contains(s, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: the <script> in the content is not shown as escaped text", p)
		}
	}
}

func TestSitemap(t *testing.T) {
	files := renderFixture(t)
	var doc struct {
		XMLName xml.Name
		URLs    []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &doc); err != nil {
		t.Fatalf("sitemap.xml is not valid XML: %v", err)
	}
	if doc.XMLName.Space != "http://www.sitemaps.org/schemas/sitemap/0.9" || doc.XMLName.Local != "urlset" {
		t.Errorf("root element %v", doc.XMLName)
	}
	var got []string
	for _, u := range doc.URLs {
		got = append(got, u.Loc)
	}
	var want []string
	for p := range files {
		// Every page but the 404 page and the pages that only forward
		// an old article number to the adopted article.
		if strings.HasSuffix(p, ".html") && p != "404.html" && !bytes.Contains(files[p], []byte(`<meta name="robots" content="noindex">`)) {
			want = append(want, "https://cybercrime.example.org/"+strings.TrimSuffix(p, "index.html"))
		}
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("sitemap locs:\n got %q\nwant %q", got, want)
	}

	// Without a base URL, root-relative paths.
	c, r := fixture()
	c.Convention.BaseURL = ""
	files = renderSite(t, Input{Corpus: c, Rendered: model.TextMapOf(r)})
	if !bytes.Contains(files["sitemap.xml"], []byte("<loc>/articles/65/</loc>")) {
		t.Errorf("sitemap without base URL:\n%s", files["sitemap.xml"])
	}
}

func TestPartialNote(t *testing.T) {
	for _, tc := range []struct {
		nums    []int
		partial bool
		want    string
	}{
		{nil, false, ""},
		{[]int{1, 2, 3}, false, ""},
		{[]int{21}, false, "This edition includes paragraph 21 only; paragraphs 1–20 are not included yet."},
		{[]int{21}, true, "This edition includes paragraph 21 only; paragraphs 1–20 are not included yet. Any paragraphs after paragraph 21 are not included either."},
		{[]int{1}, true, "Only paragraph 1 is included; the remaining paragraphs are not included yet."},
		{[]int{1, 2, 3}, true, "Only paragraphs 1–3 are included; the remaining paragraphs are not included yet."},
		{[]int{1, 3}, false, "This edition includes paragraphs 1 and 3 only; paragraph 2 is not included yet."},
		{[]int{2, 3, 7}, false, "This edition includes paragraphs 2, 3 and 7 only; paragraphs 1 and 4–6 are not included yet."},
		{nil, true, "Only part of the text is included; the rest is not included yet."},
	} {
		if got := partialNote(tc.nums, tc.partial); got != tc.want {
			t.Errorf("partialNote(%v, %v)\n got %q\nwant %q", tc.nums, tc.partial, got, tc.want)
		}
	}

	files := renderFixture(t)
	for p, want := range map[string]string{
		"articles/40/index.html": "This edition includes paragraph 21 only; paragraphs 1–20 are not included yet.",
		"articles/65/index.html": "Only paragraph 1 is included; the remaining paragraphs are not included yet.",
		"articles/61/index.html": "not included in this edition yet",
	} {
		if !strings.Contains(string(files[p]), want) {
			t.Errorf("%s does not say %q", p, want)
		}
	}
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{formatDate("2024-08-07"), "7 August 2024"},
		{formatDate("2024-08"), "August 2024"},
		{formatDate("2024"), "2024"},
		{formatDate("soon"), "soon"},
		{formatRange("2023-01-09", "2023-01-20"), "9–20 January 2023"},
		{formatRange("2024-07-29", "2024-08-09"), "29 July – 9 August 2024"},
		{formatRange("2023-12-29", "2024-01-02"), "29 December 2023 – 2 January 2024"},
		{formatRange("2022-02-24", ""), "24 February 2022"},
		{paragraphLabel("2"), "paragraph 2"},
		{paragraphLabel("21-b"), "paragraph 21 (b)"},
		{paragraphLabel("-a"), "subparagraph (a)"},
		{fingerprint("img/seal.png", []byte("x")), "img/seal.2d711642.png"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// TestParseError: a template with a syntax error is refused at Parse, and
// the error names the file and line.
func TestParseError(t *testing.T) {
	fsys := overlayMap(map[string]string{
		"article.html": "{{define \"main\"}}\n<h1>{{.Heading}</h1>\n{{end}}\n",
	})
	_, err := Parse(fsys)
	if err == nil {
		t.Fatal("Parse accepted a template with a syntax error")
	}
	if !strings.Contains(err.Error(), "article.html:2") {
		t.Errorf("error does not name article.html:2: %v", err)
	}

	fsys = overlayMap(map[string]string{"page.html": "no main here\n"})
	if _, err := Parse(fsys); err == nil || !strings.Contains(err.Error(), "page.html") {
		t.Errorf("a page template without \"main\": got %v", err)
	}
}

// TestOverride: a site's template replaces the default of the same name,
// and templates can reach any static file through .Assets.
func TestOverride(t *testing.T) {
	fsys := overlayMap(map[string]string{
		"page.html":       "{{define \"main\"}}<h1>{{.Heading}}</h1><img src=\"{{.Assets.URL \"seal.png\"}}\" alt=\"\">{{end}}\n",
		"static/seal.png": "PNG",
	})
	tmpl, err := Parse(fsys)
	if err != nil {
		t.Fatal(err)
	}
	c, r := fixture()
	files, err := tmpl.Site(Input{Corpus: c, Rendered: model.TextMapOf(r)})
	if err != nil {
		t.Fatal(err)
	}
	want := `<img src="/assets/` + fingerprint("seal.png", []byte("PNG")) + `" alt="">`
	if !strings.Contains(string(files["about/index.html"]), want) {
		t.Errorf("about page lacks %s:\n%s", want, files["about/index.html"])
	}
}

// overlayMap is the default templates with files replaced or added.
func overlayMap(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	err := fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(templates.FS, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		panic(err)
	}
	for p, s := range files {
		m[p] = &fstest.MapFile{Data: []byte(s)}
	}
	return m
}

// TestSiteErrors: a page that would overwrite another, and a template that
// asks for a static file that does not exist, stop the build with a
// message naming the page.
func TestSiteErrors(t *testing.T) {
	tmpl, err := Parse(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	c, r := fixture()
	c.Pages = append(c.Pages, &model.Page{Slug: "articles/65", Title: "Clash"})
	if _, err := tmpl.Site(Input{Corpus: c, Rendered: model.TextMapOf(r)}); err == nil || !strings.Contains(err.Error(), "articles/65/index.html") {
		t.Errorf("two pages at articles/65/: got %v", err)
	}

	tmpl, err = Parse(overlayMap(map[string]string{
		"page.html": "{{define \"main\"}}<h1>{{.Heading}}</h1><img src=\"{{.Assets.URL \"seal.png\"}}\" alt=\"\">{{end}}\n",
	}))
	if err != nil {
		t.Fatal(err)
	}
	c, r = fixture()
	_, err = tmpl.Site(Input{Corpus: c, Rendered: model.TextMapOf(r)})
	if err == nil || !strings.Contains(err.Error(), "about/index.html") || !strings.Contains(err.Error(), `no static file "seal.png"`) {
		t.Errorf("a missing static file: got %v", err)
	}
}
