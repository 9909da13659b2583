package e2e

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"travaux/generator/build"
	"travaux/generator/model"
	"travaux/generator/write"
	"travaux/templates"
)

// shipped is the shipped edition (content/ with the default templates),
// built once per run and served over HTTP.
type shipped struct {
	URL    string // http://127.0.0.1:port
	Corpus *model.Corpus
	Files  map[string][]byte // output path -> bytes
}

var (
	siteOnce sync.Once
	site     *shipped
	siteErr  error
)

// shippedSite builds the repository's site on first use, writes it to a
// temporary folder and serves it with the headers of netlify.toml.
func shippedSite(t *testing.T) *shipped {
	t.Helper()
	root := repoRoot(t)
	rules := hostHeaders(t)
	siteOnce.Do(func() { site, siteErr = buildShipped(root, rules) })
	if siteErr != nil {
		t.Fatal(siteErr)
	}
	return site
}

func buildShipped(root string, rules []headerRule) (*shipped, error) {
	res := build.Run(build.Config{Site: os.DirFS(root), Defaults: templates.FS})
	if res.Failed() {
		return nil, fmt.Errorf("the shipped site does not build:\n%v", res.Problems.Errors())
	}
	if len(res.Files) == 0 {
		return nil, fmt.Errorf("the shipped site built no files")
	}
	tmp, err := os.MkdirTemp("", "travaux-e2e-site-")
	if err != nil {
		return nil, err
	}
	atExit = append(atExit, func() { os.RemoveAll(tmp) })
	dir := filepath.Join(tmp, "public")
	if err := write.Dir(dir, res.Files); err != nil {
		return nil, err
	}
	srv := newSiteServer(dir, rules)
	atExit = append(atExit, srv.Close)
	return &shipped{URL: srv.URL, Corpus: res.Corpus, Files: res.Files}, nil
}

// open opens a tab on the shipped site.
func (s *shipped) open(t *testing.T) *tab {
	t.Helper()
	return newTab(t, s.URL)
}

// pages returns the URL path of every HTML page but 404.html, sorted.
func (s *shipped) pages() []string {
	var out []string
	for name := range s.Files {
		if name == "404.html" || !strings.HasSuffix(name, ".html") {
			continue
		}
		p := "/" + name
		if dir, ok := strings.CutSuffix(p, "index.html"); ok {
			p = dir
		}
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// articleURL is the page of a provision.
func articleURL(a *model.Article) string { return "/articles/" + url.PathEscape(a.Slug()) + "/" }

// hasText reports whether the edition holds some of the article's adopted
// text.
func hasText(a *model.Article) bool { return strings.TrimSpace(a.Body.Source) != "" }

// articleWithHistory returns the article the tests use as the typical one:
// article 65 or 6 when they have both text and history, else the first
// that has.
func (s *shipped) articleWithHistory(t *testing.T) *model.Article {
	t.Helper()
	for _, slug := range []string{"65", "6"} {
		if a := s.Corpus.Article(slug); a != nil && hasText(a) && len(a.History) > 0 {
			return a
		}
	}
	for _, a := range s.Corpus.Articles {
		if a.Kind == model.ProvisionArticle && hasText(a) && len(a.History) > 0 {
			return a
		}
	}
	t.Fatal("the edition has no article with both text and history")
	return nil
}

// articleWithoutText returns an article whose text the edition does not
// hold yet, or nil.
func (s *shipped) articleWithoutText() *model.Article {
	for _, a := range s.Corpus.Articles {
		if a.Kind == model.ProvisionArticle && !hasText(a) {
			return a
		}
	}
	return nil
}

// freePage returns the URL path of /about/, or of another free page, or "".
func (s *shipped) freePage() string {
	for _, p := range s.Corpus.Pages {
		if p.Slug == "about" {
			return "/about/"
		}
	}
	if len(s.Corpus.Pages) > 0 {
		return "/" + s.Corpus.Pages[0].Slug + "/"
	}
	return ""
}

// pageKind is a page the tests visit as a representative of its kind.
type pageKind struct {
	name  string // for messages
	path  string
	is404 bool
}

// kinds returns one page of each kind the templates make.
func (s *shipped) kinds(t *testing.T) []pageKind {
	t.Helper()
	a := s.articleWithHistory(t)
	out := []pageKind{
		{name: "home page", path: "/"},
		{name: fmt.Sprintf("article %s (text and history)", a.Slug()), path: articleURL(a)},
	}
	if long := s.Corpus.Article("40"); long != nil && hasText(long) && long != a {
		out = append(out, pageKind{name: "article 40 (long text)", path: articleURL(long)})
	}
	if a := s.articleWithoutText(); a != nil {
		out = append(out, pageKind{name: fmt.Sprintf("article %s (no text)", a.Slug()), path: articleURL(a)})
	} else {
		t.Log("every article has text: no page of an article without text to check")
	}
	if p := s.comparePage(t); p != "" {
		out = append(out,
			pageKind{name: "compare page, side by side", path: p},
			pageKind{name: "compare page, inline", path: p + "inline/"})
	}
	if p := s.freePage(); p != "" {
		out = append(out, pageKind{name: "free page " + p, path: p})
	} else {
		t.Log("the edition has no free page to check")
	}
	out = append(out, s.recordKinds(t)...)
	out = append(out, pageKind{name: "404 page", path: "/no-such-page/", is404: true})
	return out
}

// openKind opens the page k in tb, checking its status.
func (tb *tab) openKind(k pageKind) {
	tb.t.Helper()
	if k.is404 {
		tb.open404(k.path)
	} else {
		tb.openOK(k.path)
	}
}
