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

// linkAttr finds the URLs a page links to or loads: href and src.
var linkAttr = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)

// xrefLink finds the citations the markdown stage linked.
var xrefLink = regexp.MustCompile(`<a class="xref[^"]*" href="([^"]*)"`)

// brokenLinks walks every href and src of every HTML file of a site and
// returns one line per link that leads nowhere within it: a path with no
// file, or a #fragment that is not the id of an element of the page it
// points to. Links to other hosts and mailto: are not followed. It also
// checks that every article a citation links to has the paragraphs.json
// that xref.js fetches for its preview.
func brokenLinks(files map[string][]byte) []string {
	ids := map[string]map[string]bool{}
	var pages []string
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages = append(pages, name)
		set := map[string]bool{}
		for _, m := range idAttr.FindAllSubmatch(data, -1) {
			set[html.UnescapeString(string(m[1]))] = true
		}
		ids[name] = set
	}
	sort.Strings(pages)
	const host = "site.invalid"
	var out []string
	for _, name := range pages {
		page := "/" + strings.TrimSuffix(name, "index.html")
		if name == "404.html" {
			page = "/no-such-page/" // served at any path; its links must be root-absolute
		}
		base := &url.URL{Scheme: "https", Host: host, Path: page}
		data := files[name]
		for _, m := range linkAttr.FindAllSubmatch(data, -1) {
			raw := html.UnescapeString(string(m[1]))
			u, err := url.Parse(raw)
			if err != nil {
				out = append(out, fmt.Sprintf("%s: %q: %v", name, raw, err))
				continue
			}
			ref := base.ResolveReference(u)
			if ref.Scheme != "https" || ref.Host != host {
				continue // another host, mailto:, ...
			}
			target := strings.TrimPrefix(ref.Path, "/")
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if u.Scheme == "" && u.Host == "" && u.Path == "" {
				target = name // "#main": this page, wherever it is served
			}
			if _, ok := files[target]; !ok {
				out = append(out, fmt.Sprintf("%s: link to %q: the site has no %s", name, raw, target))
				continue
			}
			if ref.Fragment == "" {
				continue
			}
			if !ids[target][ref.Fragment] {
				out = append(out, fmt.Sprintf("%s: link to %q: %s has no element with id %q", name, raw, target, ref.Fragment))
			}
		}
		for _, m := range xrefLink.FindAllSubmatch(data, -1) {
			u, err := url.Parse(html.UnescapeString(string(m[1])))
			if err != nil || !strings.HasPrefix(u.Path, "/articles/") {
				continue
			}
			if p := strings.TrimPrefix(u.Path, "/") + "paragraphs.json"; files[p] == nil {
				out = append(out, fmt.Sprintf("%s: citation %q: no %s for its preview", name, u.Path, p))
			}
		}
	}
	return out
}

// TestShippedLinks builds the shipped edition and follows every link of
// every page: none may be broken, fragments included.
func TestShippedLinks(t *testing.T) {
	res := Run(Config{Site: os.DirFS("../.."), Defaults: templates.FS})
	if res.Failed() {
		t.Fatalf("shipped content does not build:\n%v", res.Problems)
	}
	for _, b := range brokenLinks(res.Files) {
		t.Error(b)
	}
	var n int
	for name, data := range res.Files {
		if strings.HasSuffix(name, ".html") {
			n += len(xrefLink.FindAll(data, -1))
		}
	}
	if n == 0 {
		t.Error("the shipped edition has no linked citation at all")
	}
}

// TestLinkCheckerSeesBrokenLinks: the checker itself finds a missing page,
// a missing anchor and a missing preview file.
func TestLinkCheckerSeesBrokenLinks(t *testing.T) {
	files := map[string][]byte{
		"index.html": []byte(`<a href="/articles/1/#p2">x</a> <a href="/articles/9/">y</a> <a href="#top">z</a>` +
			` <a class="xref" href="/articles/1/">w</a> <a href="https://elsewhere.example/">e</a> <p id="here"></p> <a href="#here">h</a>`),
		"articles/1/index.html": []byte(`<div id="p1"></div> <a href="../../">up</a> <img src="/assets/a.png">`),
	}
	got := strings.Join(brokenLinks(files), "\n")
	for _, want := range []string{
		`index.html: link to "/articles/1/#p2": articles/1/index.html has no element with id "p2"`,
		`index.html: link to "/articles/9/": the site has no articles/9/index.html`,
		`index.html: link to "#top": index.html has no element with id "top"`,
		`index.html: citation "/articles/1/": no articles/1/paragraphs.json for its preview`,
		`articles/1/index.html: link to "/assets/a.png": the site has no assets/a.png`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the checker missed:\n\t%s\ngot:\n%s", want, got)
		}
	}
	if strings.Contains(got, "elsewhere") || strings.Contains(got, `"#here"`) || strings.Contains(got, `"../../"`) {
		t.Errorf("the checker reported a good link:\n%s", got)
	}
}

// TestSiteLinks follows every link of each fixture site that builds.
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
		for _, b := range brokenLinks(res.Files) {
			t.Errorf("%s: %s", path, b)
		}
	}
	if built < 2 {
		t.Errorf("only %d fixture sites build; the link check needs some", built)
	}
}
