package render

import (
	"fmt"
	"html/template"
	"reflect"
	"slices"

	"travaux/generator/internal/parallel"
	"travaux/generator/model"
	"travaux/generator/xref"
)

// Articles renders each provision's own files: its page, its preview file
// (paragraphs.json) and its comparison pages. They depend on nothing
// another provision's do, so they are made on every processor.
//
// With Input.Reuse, a provision whose inputs are those of the last call
// (articleKey, and the same sharedKey for the whole site) keeps last
// call's bytes without building a view model: after one save, the preview
// renders the saved article and the few that show something of it (its
// neighbours, the articles it cites), not the whole edition.
func (st *Staged) Articles() (map[string][]byte, error) {
	outs, _, err := st.articles()
	if err != nil {
		return nil, err
	}
	n := 0
	for _, o := range outs {
		n += len(o.files)
	}
	files := make(map[string][]byte, n)
	for _, o := range outs {
		for _, f := range o.files {
			if _, dup := files[f.path]; dup {
				return nil, fmt.Errorf("render: two pages would be written to %s", f.path)
			}
			files[f.path] = f.data
		}
	}
	return files, nil
}

// Changes is Articles for a rebuild with Input.Reuse: made holds the files
// of the provisions rendered anew (every file of each, changed or not),
// and gone the paths the last call made that this one does not. Applied
// to the last call's files, they give what Articles would return, without
// a map of every file of the edition: after one save, a few files. all
// says that there was no last call (or it is not known): made then holds
// every provision's file, as Articles would.
func (st *Staged) Changes() (made map[string][]byte, gone []string, all bool, err error) {
	outs, prev, err := st.articles()
	if err != nil {
		return nil, nil, false, err
	}
	made = map[string][]byte{}
	bySlug := make(map[string]*articleOut, len(outs))
	for i, o := range outs {
		bySlug[st.s.c.Articles[i].Slug()] = o
		if !o.fresh {
			continue
		}
		for _, f := range o.files {
			if _, dup := made[f.path]; dup {
				return nil, nil, false, fmt.Errorf("render: two pages would be written to %s", f.path)
			}
			made[f.path] = f.data
		}
	}
	if prev != nil {
		for slug, old := range prev.bySlug {
			if cur, ok := bySlug[slug]; ok && !cur.fresh {
				continue // the same files as last time
			}
			for _, f := range old.files {
				if _, ok := made[f.path]; !ok {
					gone = append(gone, f.path)
				}
			}
		}
	}
	slices.Sort(gone)
	return made, gone, prev == nil, nil
}

// articles renders (or, with Reuse, keeps) every provision's files. prev
// is the memo of the last call, nil if none.
func (st *Staged) articles() (outs []*articleOut, prev *articleMemo, err error) {
	s, t := st.s, st.t
	arts := s.c.Articles
	var last *articleMemo
	var shared sharedKey
	if s.in.Reuse {
		shared = s.sharedKey()
		t.mu.Lock()
		prev = t.articles
		t.mu.Unlock()
		if prev != nil && reflect.DeepEqual(prev.shared, shared) {
			last = prev
		}
		defer t.views.rotate()
	}
	outs = make([]*articleOut, len(arts))
	parallel.For(len(arts), func(i int) {
		var key articleKey
		if s.in.Reuse {
			key = s.articleKey(i)
		}
		old, ok := last.get(arts[i].Slug())
		// A citing text that changed elsewhere changes the backlinks
		// without always changing how they are shown.
		if ok && (old.key.equal(key) || sameButBacklinks(old.key, key) && slices.Equal(old.cited, s.citedLinks(arts[i]))) {
			kept := *old
			kept.key, kept.fresh = key, false
			outs[i] = &kept
			return
		}
		o := st.article(i, old)
		o.key, o.fresh = key, true
		if s.in.Reuse {
			o.cited = s.citedLinks(arts[i])
		}
		outs[i] = o
	})
	next := &articleMemo{shared: shared, bySlug: make(map[string]*articleOut, len(arts))}
	for i, o := range outs {
		if o.err != nil {
			return nil, nil, o.err
		}
		st.urls = append(st.urls, o.urls...)
		next.bySlug[arts[i].Slug()] = o
	}
	if s.in.Reuse {
		t.mu.Lock()
		t.articles = next
		t.mu.Unlock()
	}
	st.done = true
	return outs, prev, nil
}

// articleOut is what Articles made for one provision.
type articleOut struct {
	fresh    bool // rendered by this call, not kept from the last
	key      articleKey
	compare  compareKey  // with Reuse
	compared int         // files[compared:] are the comparison pages
	cited    []citedLink // the backlinks as the page shows them (with Reuse)
	files    []outFile
	urls     []sitemapURL
	err      error
	// While it is made: the site's base URL, for the sitemap entries,
	// and where its files go when the build streams them.
	baseURL string
	emit    func(path string, data []byte) error
}

type outFile struct {
	path string
	data []byte
}

// article renders the files of the i-th provision. Its comparison pages
// are taken from old, last call's output for it, when they would be the
// same (compareKey): a save that changes no wording leaves them as they
// are, and they are most of an article's files.
func (st *Staged) article(i int, old *articleOut) *articleOut {
	s := st.s
	a := s.c.Articles[i]
	// A build that streams its files (Input.Emit) hands each one over as
	// soon as it is made and keeps none.
	o := &articleOut{baseURL: s.baseURL}
	if !s.in.Reuse {
		o.emit = s.in.Emit
	}
	preview, err := s.preview(a)
	if err == nil {
		err = o.addFile(previewPath(a), preview)
	}
	if err != nil {
		o.err = fmt.Errorf("render %s: %w", previewPath(a), err)
		return o
	}
	u := articleURL(a)
	if !o.add(st.t, page{url: u, path: outputPath(u), tmpl: tmplArticle, data: s.articlePage(i), lastmod: a.Updated}) {
		return o
	}
	// files[compared:] and urls[1:] are the comparison pages.
	o.compared = len(o.files)
	if s.in.Reuse {
		o.compare = s.compareKey(a)
		if old != nil && old.compare.equal(o.compare) {
			o.files = append(o.files, old.files[old.compared:]...)
			o.urls = append(o.urls, old.urls[1:]...)
			return o
		}
	}
	var views template.HTML
	var pair string
	for _, cp := range s.comparePages(a) {
		// A pair's two pages (side by side, then inline) show the same
		// views, the larger part of each: make them once.
		if cp.SideURL != pair {
			pair = cp.SideURL
			if views, err = st.t.executePart(tmplCompare, "compare-views", cp); err != nil {
				o.err = fmt.Errorf("render %s: %w", outputPath(cp.Path), err)
				return o
			}
		}
		cp.Views = views
		if !o.add(st.t, page{url: cp.Path, path: outputPath(cp.Path), tmpl: tmplCompare, data: cp, lastmod: a.Updated}) {
			return o
		}
	}
	return o
}

// add executes p and adds it to o's files (or emits it) and sitemap
// entries; on failure it sets o.err and returns false.
func (o *articleOut) add(t *Templates, p page) bool {
	var err error
	if o.emit != nil {
		err = t.executeTo(p.tmpl, p.data, func(data []byte) error { return o.emit(p.path, data) })
	} else {
		var data []byte
		if data, err = t.execute(p.tmpl, p.data); err == nil {
			err = o.addFile(p.path, data)
		}
	}
	if err != nil {
		o.err = fmt.Errorf("render %s: %w", p.path, err)
		return false
	}
	o.urls = append(o.urls, newSitemapURL(o.baseURL, p.url, p.lastmod))
	return true
}

// addFile adds a file to o's files, or emits it.
func (o *articleOut) addFile(path string, data []byte) error {
	if o.emit != nil {
		return o.emit(path, data)
	}
	o.files = append(o.files, outFile{path, data})
	return nil
}

// compareKey is what an article's comparison pages are made from beyond
// the sharedKey: its heading, its date (for the sitemap) and its texts.
type compareKey struct {
	heading, updated string
	texts            []articleText
}

func (s *site) compareKey(a *model.Article) compareKey {
	return compareKey{articleHeading(a), a.Updated, s.articleTexts(a)}
}

func (k compareKey) equal(o compareKey) bool {
	return k.heading == o.heading && k.updated == o.updated && slices.Equal(k.texts, o.texts)
}

// articleMemo is the last Articles call's output, kept with its inputs.
type articleMemo struct {
	shared sharedKey
	bySlug map[string]*articleOut
}

// get returns the provision slug's output; a nil memo has none.
func (m *articleMemo) get(slug string) (*articleOut, bool) {
	if m == nil {
		return nil, false
	}
	o, ok := m.bySlug[slug]
	return o, ok && o.err == nil
}

// sharedKey is what every provision's pages are made from besides the
// provision itself: the registries, the free pages (in the navigation),
// the convention (title, chapters, base URL), the texts of those, the
// asset URLs, and which delegations have a page (a party links there only
// then). Records the loader reused are the same pointers as last time,
// so comparing keys with reflect.DeepEqual is quick when nothing changed
// and exact when something did.
type sharedKey struct {
	convention  model.Convention
	versions    []*model.Version
	sessions    []*model.Session
	delegations []*model.Delegation
	sources     []*model.Source
	topics      []*model.Topic
	pages       []*model.Page
	texts       []*model.Rendered
	assets      map[string]string
	recorded    []string
}

func (s *site) sharedKey() sharedKey {
	c := s.c
	k := sharedKey{
		convention:  c.Convention,
		versions:    c.Versions,
		sessions:    c.Sessions,
		delegations: c.Delegations,
		sources:     c.Sources,
		topics:      c.Topics,
		pages:       c.Pages,
		assets:      s.assets.urls,
	}
	k.texts = append(k.texts, s.rendered(c.Convention.Status))
	for _, m := range c.Convention.Milestones {
		k.texts = append(k.texts, s.rendered(m.Text))
	}
	for _, v := range c.Versions {
		k.texts = append(k.texts, s.rendered(v.Note))
	}
	for _, t := range c.Topics {
		k.texts = append(k.texts, s.rendered(t.Intro))
	}
	for _, p := range c.Pages {
		k.texts = append(k.texts, s.rendered(p.Body))
	}
	k.recorded = s.recorded().ids
	return k
}

// articleKey is what one provision's pages are made from, beyond the
// sharedKey: the provision, its neighbours (named by the pager), its
// rendered texts (whose links depend on other articles), and the places
// that cite it (which name and number the citing entries; see also
// citedLinks). An unchanged
// article file decodes to the same pointer and an unchanged text to the
// same rendering, so an article no save touched compares equal at once.
type articleKey struct {
	article    *model.Article
	prev, next Link // the pager's links
	texts      []*model.Rendered
	citedBy    []xref.Backlink
}

// equal compares keys by identity: an unchanged input is the same
// pointer, and a changed one is worth a closer look only for backlinks
// (sameButBacklinks and citedLinks).
func (k articleKey) equal(o articleKey) bool {
	return sameButBacklinks(k, o) && slices.Equal(k.citedBy, o.citedBy)
}

// sameButBacklinks reports whether a and b differ at most in citedBy.
func sameButBacklinks(a, b articleKey) bool {
	return a.article == b.article && a.prev == b.prev && a.next == b.next && slices.Equal(a.texts, b.texts)
}

// citedLink is one backlink as an article page shows it.
type citedLink struct {
	paragraph string
	from      Link
}

// citedLinks are a's backlinks as its page shows them.
func (s *site) citedLinks(a *model.Article) []citedLink {
	var out []citedLink
	for _, bl := range s.in.CitedBy[a.Slug()] {
		out = append(out, citedLink{bl.Paragraph, s.sourceLink(bl.From)})
	}
	return out
}

func (s *site) articleKey(i int) articleKey {
	arts := s.c.Articles
	a := arts[i]
	k := articleKey{article: a, citedBy: s.in.CitedBy[a.Slug()]}
	if i > 0 {
		k.prev = Link{URL: articleURL(arts[i-1]), Text: articleHeading(arts[i-1])}
	}
	if i+1 < len(arts) {
		k.next = Link{URL: articleURL(arts[i+1]), Text: articleHeading(arts[i+1])}
	}
	k.texts = append(k.texts, s.rendered(a.Body), s.rendered(a.Notes))
	for _, v := range a.Versions {
		k.texts = append(k.texts, s.rendered(v.Text))
	}
	for _, e := range a.History {
		k.texts = append(k.texts, s.rendered(e.Wording), s.rendered(e.Summary))
	}
	return k
}
