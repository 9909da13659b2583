package build

import (
	"fmt"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"travaux/generator/internal/testsite"
	"travaux/templates"
)

// xrefHref finds the citations the markdown stage linked.
var xrefHref = regexp.MustCompile(`<a class="xref[^"]*" href="([^"]*)"`)

// missingPreviews returns a message for every citation that links to an
// article without the paragraphs.json xref.js fetches for its preview.
func missingPreviews(files map[string][]byte) (problems []string, n int) {
	var pages []string
	for p := range files {
		if strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
	}
	sort.Strings(pages)
	for _, p := range pages {
		for _, m := range xrefHref.FindAllSubmatch(files[p], -1) {
			n++
			u, err := url.Parse(html.UnescapeString(string(m[1])))
			if err != nil || !strings.HasPrefix(u.Path, "/articles/") {
				continue
			}
			if f := strings.TrimPrefix(u.Path, "/") + "paragraphs.json"; files[f] == nil {
				problems = append(problems, fmt.Sprintf("%s: citation %q: no %s for its preview", p, u.Path, f))
			}
		}
	}
	return problems, n
}

// TestCitationPreviews: the shipped edition has linked citations, and each
// article they link to has its preview file.
func TestCitationPreviews(t *testing.T) {
	res := Run(Config{Site: os.DirFS("../.."), Defaults: templates.FS})
	if res.Failed() {
		t.Fatalf("shipped content does not build:\n%v", res.Problems)
	}
	problems, n := missingPreviews(res.Files)
	for _, p := range problems {
		t.Error(p)
	}
	if n == 0 {
		t.Error("the shipped edition has no linked citation at all")
	}
	if p, _ := missingPreviews(map[string][]byte{"index.html": []byte(`<a class="xref" href="/articles/1/#p2">x</a>`)}); len(p) != 1 {
		t.Errorf("a citation without a preview file went unseen: %q", p)
	}
}

// TestSiteLinks follows every link of each fixture site that builds (the
// cross-reference site among them).
func TestSiteLinks(t *testing.T) {
	paths, _ := filepath.Glob("testdata/sites/*.txtar")
	built := 0
	for _, path := range paths {
		site := testsite.Read(t, path)
		res := Run(Config{Site: site.FS, Defaults: templates.FS})
		if res.Failed() {
			continue // a site that shows errors
		}
		built++
		problems, _ := brokenLinks(res.Files)
		more, _ := missingPreviews(res.Files)
		for _, p := range append(problems, more...) {
			t.Errorf("%s: %s", path, p)
		}
	}
	if built < 2 {
		t.Errorf("only %d fixture sites build; the link check needs some", built)
	}
}
