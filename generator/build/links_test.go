package build

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"os"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"

	"travaux/generator/internal/testsite"
	"travaux/templates"
)

// The link checker: every href and src of every page of a built site, the
// target of every meta refresh, every link of the search index and every
// sitemap entry must name a file the build wrote, and a #fragment must
// name an id on that page. Links to other hosts (http:, https:, mailto:)
// are not followed: the build must not need the network.

var (
	linkAttr    = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	refreshAttr = regexp.MustCompile(`<meta http-equiv="refresh" content="[0-9]+;\s*url=([^"]*)"`)
	idOrName    = regexp.MustCompile(`\s(?:id|name)="([^"]*)"`)
	scheme      = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)
)

// brokenLinks returns a message for every broken link of the site files
// (output path -> bytes), in page order, and the number of links checked.
func brokenLinks(files map[string][]byte) (problems []string, n int) {
	errorf := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	ids := map[string]map[string]bool{}
	idsOf := func(p string) map[string]bool {
		if m, ok := ids[p]; ok {
			return m
		}
		m := map[string]bool{}
		for _, x := range idOrName.FindAllSubmatch(files[p], -1) {
			m[html.UnescapeString(string(x[1]))] = true
		}
		ids[p] = m
		return m
	}
	// resolve turns a link found in the file from into the output path
	// it names, or reports why it cannot.
	resolve := func(from, link string) (target, frag string, ok bool) {
		link, frag, _ = strings.Cut(link, "#")
		link, _, _ = strings.Cut(link, "?")
		if link == "" {
			return from, frag, true
		}
		p := link
		if !strings.HasPrefix(p, "/") {
			p = path.Join("/"+path.Dir(from), p)
			if strings.HasSuffix(link, "/") {
				p += "/"
			}
		}
		p = strings.TrimPrefix(p, "/")
		switch {
		case p == "" || strings.HasSuffix(p, "/"):
			p += "index.html"
		case files[p] == nil && files[p+"/index.html"] != nil:
			p += "/index.html" // hosts redirect /dir to /dir/
		}
		_, ok = files[p]
		return p, frag, ok
	}
	var pages []string
	for p := range files {
		pages = append(pages, p)
	}
	sort.Strings(pages)
	check := func(from, link string) {
		n++
		link = html.UnescapeString(link)
		if scheme.MatchString(link) || strings.HasPrefix(link, "//") {
			return
		}
		target, frag, ok := resolve(from, link)
		switch {
		case !ok:
			errorf("%s: broken link %q: the site has no %s", from, link, target)
		case frag != "" && !strings.HasSuffix(target, ".html"):
			errorf("%s: link %q has a fragment, but %s is not a page", from, link, target)
		case frag != "" && !idsOf(target)[frag]:
			errorf("%s: broken link %q: %s has no id %q", from, link, target, frag)
		}
	}
	for _, p := range pages {
		switch {
		case strings.HasSuffix(p, ".html"):
			for _, m := range linkAttr.FindAllSubmatch(files[p], -1) {
				check(p, string(m[1]))
			}
			for _, m := range refreshAttr.FindAllSubmatch(files[p], -1) {
				check(p, string(m[1]))
			}
		case strings.HasPrefix(p, "assets/search-index.") && strings.HasSuffix(p, ".json"):
			var idx struct {
				Docs [][4]string `json:"docs"`
			}
			if err := json.Unmarshal(files[p], &idx); err != nil {
				errorf("%s: %v", p, err)
			}
			for _, d := range idx.Docs {
				check("search/index.html", d[1])
			}
		case p == "sitemap.xml":
			var sm struct {
				URLs []struct {
					Loc string `xml:"loc"`
				} `xml:"url"`
			}
			if err := xml.Unmarshal(files[p], &sm); err != nil {
				errorf("%s: %v", p, err)
			}
			for _, u := range sm.URLs {
				check(p, u.Loc)
			}
		}
	}
	return problems, n
}

// TestLinks checks the links of the shipped edition and of the fixture
// sites.
func TestLinks(t *testing.T) {
	res := Run(Config{Site: os.DirFS("../.."), Defaults: templates.FS})
	if res.Failed() {
		t.Fatalf("shipped content does not build:\n%v", res.Problems)
	}
	problems, n := brokenLinks(res.Files)
	for _, p := range problems {
		t.Error(p)
	}
	if n < 1000 {
		t.Errorf("checked only %d links in the shipped site", n)
	}
	site := testsite.Read(t, "testdata/sites/minimal.txtar")
	res = Run(Config{Site: site.FS, Defaults: templates.FS})
	if res.Failed() {
		t.Fatalf("minimal site does not build:\n%v", res.Problems)
	}
	problems, _ = brokenLinks(res.Files)
	for _, p := range problems {
		t.Errorf("minimal: %s", p)
	}
}

// TestLinkChecker: the checker finds a missing page, a missing anchor, a
// fragment on a file that is not a page and a dead meta refresh.
func TestLinkChecker(t *testing.T) {
	files := map[string][]byte{
		"index.html":         []byte(`<a href="/a/">a</a> <a href="/a/#x">x</a> <a href="#top" id="top">top</a> <a href="https://example.org/none">out</a>`),
		"a/index.html":       []byte(`<p id="x">x</p> <a href="/missing/">m</a> <a href="/#nowhere">n</a> <img src="/logo.svg" alt=""> <a href="/style.css#x">s</a>`),
		"b/index.html":       []byte(`<meta http-equiv="refresh" content="0; url=/gone/">`),
		"style.css":          []byte(`body{}`),
		"assets/site.x.json": []byte(`{}`),
	}
	got, _ := brokenLinks(files)
	want := []string{
		`a/index.html: broken link "/missing/": the site has no missing/index.html`,
		`a/index.html: broken link "/#nowhere": index.html has no id "nowhere"`,
		`a/index.html: broken link "/logo.svg": the site has no logo.svg`,
		`a/index.html: link "/style.css#x" has a fragment, but style.css is not a page`,
		`b/index.html: broken link "/gone/": the site has no gone/index.html`,
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("link checker found:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
