// Package render turns the corpus and its rendered Markdown into the files
// of the site: every HTML page, the sitemap and the static assets, as a map
// from output path to bytes. It writes nothing to disk; package write does.
//
// # Input and output
//
// render takes the model.Corpus, the markdown stage's model.Rendered for
// each Markdown text, and the code-highlighting stylesheet. It never parses
// Markdown and never imports goldmark: article bodies arrive as HTML with
// their paragraph anchors (#p1, #p21-b) already in place.
//
// Output paths are relative to the output root:
//
//	index.html                 the instrument and its contents
//	articles/<slug>/index.html one per provision: 65, title, preamble
//	articles/<slug>/paragraphs.json  its paragraphs' text, for citation previews
//	articles/<slug>/compare/<a>..<b>/index.html and …/inline/index.html
//	                           two texts of a provision compared (compare.go)
//	<page>/index.html          one per content/pages/*.md
//	404.html                   served by hosts for any missing path
//	sitemap.xml                every HTML page but 404.html and the forwarding pages
//	assets/<name>.<hash>.<ext> static/ files and code.css, fingerprinted
//	favicon.svg                static/favicon.*, unfingerprinted
//
// and the record's pages and files, listed in record.go: delegations,
// sessions, topics and negotiating texts (from package catalog), search
// (with its index), data/convention.json with its schema, and feed.xml.
//
// All links are root-absolute (/articles/65/, /assets/…) because 404.html
// is served at any depth; the site must therefore be published at the root
// of its host.
//
// # Templates
//
// Templates see only the typed view models of pages.go (and compare.go),
// never the model. Pages carry no inline style or script, so the site runs
// under Content-Security-Policy: default-src 'self'. The scripts are
// external files: static/xref.js on every page (citation previews, "copy
// citation" buttons), the search page's static/search.js, and the compare
// pages' static/compare.js. Every page but search is complete without them.
//
// # Determinism
//
// Rendering the same input twice gives the same bytes: lists come from
// the corpus's slices in their order or from stable sorts, never from map
// iteration, and nothing reads the clock.
package render

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"

	"travaux/generator/catalog"
	"travaux/generator/internal/parallel"
	"travaux/generator/model"
	"travaux/generator/xref"
)

// Input is everything a site is rendered from.
type Input struct {
	Corpus *model.Corpus
	// Rendered holds every Markdown text of the corpus after the markdown
	// stage. A text with no entry is shown as escaped plain text.
	Rendered *model.TextMap
	// CodeCSS is the code-highlighting stylesheet, published as an asset
	// and linked from every page when non-empty.
	CodeCSS []byte
	// PlainAssetNames publishes assets under their own names, without a
	// fingerprint: the preview server uses it so that an edited
	// stylesheet changes one file, which open pages swap in without a
	// reload. Published sites keep fingerprints, for caching.
	PlainAssetNames bool
	// Reuse keeps this call's pages in the Templates, so that the next
	// call re-executes only pages whose view model changed (the preview
	// server's rebuilds). A one-off build leaves it off: keeping the pages
	// would only hold memory.
	Reuse bool
	// Emit, when set, is handed every file as soon as it is made, from
	// several goroutines; Articles, Rest and Site then return none, so a
	// large site need not hold them all (a build writing as it renders).
	// It must not keep data, whose buffer is reused once it returns. Not
	// with Reuse, which keeps the files.
	Emit func(path string, data []byte) error
	// EmitFrom, when set, is handed the files too large to hold whole
	// (the open data, the search index) to stream instead, as
	// write.Stream.AddFrom takes them: name gives the path from the
	// SHA-256 of the bytes, write writes them. Not with Reuse.
	EmitFrom func(name func(sum [sha256.Size]byte) string, write func(io.Writer) error) (string, error)
	// CitedBy lists, for each article slug, the places that cite it
	// (package xref); nil when nothing does.
	CitedBy xref.CitedBy
}

// Site renders every page and asset of the site. Keys are output paths
// relative to the output root ("index.html", "articles/65/index.html",
// "assets/site.3f2a9c1b.css"); values are the files' bytes. With
// Input.Emit, the files go there instead and the map is empty.
func (t *Templates) Site(in Input) (map[string][]byte, error) {
	st, err := t.Stage(in)
	if err != nil {
		return nil, err
	}
	out, err := st.Articles()
	if err != nil {
		return nil, err
	}
	rest, err := st.Rest()
	if err != nil {
		return nil, err
	}
	for p, data := range rest {
		if _, dup := out[p]; dup {
			return nil, fmt.Errorf("render: two pages would be written to %s", p)
		}
		out[p] = data
	}
	return out, nil
}

// Staged is one rendering of the site in two parts: the provisions' own
// pages (Articles), then everything else (Rest). Site runs both; the
// preview server publishes the first part before it renders the second,
// because the page an author is editing is an article's and the record's
// listings, the search index and the open data cost far more to make.
type Staged struct {
	t      *Templates
	s      *site
	assets map[string][]byte // the published assets, part of Rest
	urls   []sitemapURL      // the articles' pages, for the sitemap; set by Articles
	done   bool              // Articles has run
}

// Stage prepares a rendering of in.
func (t *Templates) Stage(in Input) (*Staged, error) {
	if in.Corpus == nil {
		return nil, fmt.Errorf("render: no corpus")
	}
	assets := map[string][]byte{}
	s := newSite(in, publishAssets(t.static, in.CodeCSS, assets, in.PlainAssetNames))
	if in.Reuse {
		s.views = t.views
		s.recorded = sync.OnceValue(func() recordedSet { return newRecordedSet(t.recordedIDs(in.Corpus)) })
	}
	return &Staged{t: t, s: s, assets: assets}, nil
}

// Rest renders every file that Articles does not: the home page, the free
// pages, the record, the assets, the sitemap and the 404 page. It needs
// Articles to have run, for the sitemap.
func (st *Staged) Rest() (map[string][]byte, error) { return st.RestUnless(nil) }

// ErrStopped is what RestUnless returns when it was told to stop.
var ErrStopped = errors.New("render: stopped")

// RestUnless is Rest that gives up, returning ErrStopped, once stop
// returns true (it is asked before each page and each value of the JSON
// files): the preview stops rendering a site that a newer save has made
// out of date. With Input.Reuse, a stopped call leaves the pages kept for
// the next call as they were. stop is called from several goroutines; a
// nil stop never stops.
func (st *Staged) RestUnless(stop func() bool) (map[string][]byte, error) {
	if !st.done {
		return nil, fmt.Errorf("render: Rest called before Articles")
	}
	s, t, in := st.s, st.t, st.s.in
	s.stop = stop
	stopped := func() bool { return stop != nil && stop() }
	out := st.assets
	pages := []page{{url: "/", path: "index.html", tmpl: tmplIndex, data: s.indexPage()}}
	for _, p := range in.Corpus.Pages {
		u := pageURL(p)
		pages = append(pages, page{url: u, path: outputPath(u), tmpl: tmplPage, data: s.textPage(p)})
	}
	// The files beside the record go into a map of their own while the
	// pages are executed.
	beside := map[string][]byte{}
	record, wait := s.recordPages(beside)
	pages = append(pages, record...)
	pages = append(pages, page{path: "404.html", tmpl: tmplNotFound, data: s.notFoundPage()})

	// Executing templates is most of render's work and pages are
	// independent: run them on every processor, keep the results in page
	// order.
	emit := in.Emit != nil && !in.Reuse
	results := make([][]byte, len(pages))
	errs := make([]error, len(pages))
	parallel.For(len(pages), func(i int) {
		if stopped() {
			errs[i] = ErrStopped
			return
		}
		if pages[i].make != nil {
			pages[i].data = pages[i].make()
		}
		if in.Reuse {
			results[i], errs[i] = t.executeMemo(pages[i].path, pages[i].tmpl, pages[i].data)
			return
		}
		if emit {
			errs[i] = t.executeTo(pages[i].tmpl, pages[i].data, func(b []byte) error { return in.Emit(pages[i].path, b) })
		} else {
			results[i], errs[i] = t.execute(pages[i].tmpl, pages[i].data)
		}
		pages[i].data = nil // done with: the view models of a large record are large
	})
	waitErr := wait()
	if stopped() {
		return nil, ErrStopped
	}
	if in.Reuse {
		t.remember(pages, results)
	}
	if waitErr != nil {
		return nil, waitErr
	}
	for p, data := range beside {
		out[p] = data
	}
	// The sitemap lists the home page, then the articles, then the rest.
	urls := []sitemapURL{newSitemapURL(s.baseURL, "/", "")}
	urls = append(urls, st.urls...)
	for i, p := range pages {
		if _, dup := out[p.path]; dup {
			return nil, fmt.Errorf("render: two pages would be written to %s", p.path)
		}
		if errs[i] != nil {
			return nil, fmt.Errorf("render %s: %w", p.path, errs[i])
		}
		if !emit {
			out[p.path] = results[i]
		}
		if i > 0 && p.url != "" && !p.redirect {
			urls = append(urls, newSitemapURL(s.baseURL, p.url, p.lastmod))
		}
	}
	sm, err := sitemap(urls)
	if err != nil {
		return nil, fmt.Errorf("render sitemap.xml: %w", err)
	}
	out["sitemap.xml"] = sm
	if emit {
		for p, data := range out {
			if err := in.Emit(p, data); err != nil {
				return nil, fmt.Errorf("render %s: %w", p, err)
			}
			delete(out, p)
		}
	}
	return out, nil
}

// page is one HTML page to execute.
type page struct {
	url      string // root-absolute; "" for the 404 page, which has no URL of its own
	path     string // output path
	tmpl     string
	data     any
	make     func() any // makes data when the page is executed, if set
	lastmod  string     // for the sitemap: YYYY-MM-DD or ""
	redirect bool       // a page that only forwards to another: not in the sitemap
}

// site holds what every page of one build shares.
type site struct {
	in  Input
	c   *model.Corpus
	cat func() *catalog.Catalog // the record's listings, made on first use (Rest)
	// recorded lists the delegations that have a page (catalog.Recorded),
	// which is all the provisions' pages need of the catalog.
	recorded func() recordedSet
	assets   *Assets
	info     SiteInfo
	baseURL  string    // without its trailing slash; "" when not configured
	views    *viewMemo // comparisons kept between the preview's builds; nil otherwise
	// stop, when set, says that Rest should give up (RestUnless).
	stop func() bool
	// timelines are the articles' history entries in timeline order
	// (catalog.Timeline), which several pages number alike; each worked
	// out once per build, when first needed.
	timelines sync.Map // *model.Article -> []*model.Entry
}

type recordedSet struct {
	ids []string
	has map[string]bool
}

func newRecordedSet(ids []string) recordedSet {
	r := recordedSet{ids: ids, has: make(map[string]bool, len(ids))}
	for _, id := range ids {
		r.has[id] = true
	}
	return r
}

// catalog is the record's listings.
func (s *site) catalog() *catalog.Catalog { return s.cat() }

// timeline is a's history in the order the article page numbers it.
func (s *site) timeline(a *model.Article) []*model.Entry {
	if t, ok := s.timelines.Load(a); ok {
		return t.([]*model.Entry)
	}
	t := catalog.Timeline(s.c, a)
	s.timelines.Store(a, t)
	return t
}

func newSite(in Input, assets *Assets) *site {
	conv := in.Corpus.Convention
	name := conv.ShortTitle
	if name == "" {
		name = conv.Title
	}
	if name == "" {
		name = "travaux"
	}
	return &site{
		in:       in,
		c:        in.Corpus,
		cat:      sync.OnceValue(func() *catalog.Catalog { return catalog.New(in.Corpus) }),
		recorded: sync.OnceValue(func() recordedSet { return newRecordedSet(catalog.Recorded(in.Corpus)) }),
		assets:   assets,
		info:     SiteInfo{Name: name, Title: conv.Title, Symbol: conv.Symbol},
		baseURL:  strings.TrimRight(conv.BaseURL, "/"),
	}
}

// base fills the layout's part of a page at url ("/articles/65/"), titled
// title ("" for the home page, which is titled by the site name).
func (s *site) base(url, title, description string) Base {
	full := s.info.Name
	if title != "" {
		full = title + " · " + s.info.Name
	}
	b := Base{
		Site:        s.info,
		Title:       full,
		Description: description,
		Path:        url,
		Assets:      s.assets,
	}
	if s.baseURL != "" && url != "" {
		b.Canonical = s.baseURL + url
	}
	for _, name := range []string{siteCSSName, codeCSSName} {
		if s.assets.has(name) {
			u, _ := s.assets.URL(name)
			b.Stylesheets = append(b.Stylesheets, u)
		}
	}
	b.Nav = append(b.Nav, Link{URL: "/", Text: "Contents", Current: url == "/"})
	b.Nav = append(b.Nav, s.recordNav(url)...)
	for _, p := range s.c.Pages {
		u := pageURL(p)
		b.Nav = append(b.Nav, Link{URL: u, Text: p.Title, Current: url == u})
	}
	return b
}

// html returns the rendered HTML of a Markdown text.
func (s *site) html(t model.Text) template.HTML { return htmlOf(s.in.Rendered, t) }

// rendered returns the markdown stage's output for t, or nil.
func (s *site) rendered(t model.Text) *model.Rendered {
	return s.in.Rendered.Get(t)
}

// articleURL is the page of a provision: /articles/65/, /articles/preamble/.
func articleURL(a *model.Article) string { return "/articles/" + a.Slug() + "/" }

// pageURL is the page of a free page: /about/.
func pageURL(p *model.Page) string { return "/" + p.Slug + "/" }

// outputPath is the file a root-absolute directory URL is written to.
func outputPath(url string) string { return strings.TrimPrefix(url, "/") + "index.html" }

// notFoundPage is the 404 page.
func (s *site) notFoundPage() *NotFoundPage {
	b := s.base("", "Page not found", "This page does not exist.")
	return &NotFoundPage{Base: b}
}

// textPage is a free page.
func (s *site) textPage(p *model.Page) *TextPage {
	return &TextPage{
		Base:    s.base(pageURL(p), p.Title, p.Title+" — "+s.info.Name),
		Heading: p.Title,
		Body:    s.html(p.Body),
	}
}
