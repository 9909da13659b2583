package render

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"strings"
	"sync"

	"travaux/generator/catalog"
	"travaux/generator/model"
)

// The record's pages, in the order recordPages writes them:
//
//	delegations/index.html            every delegation in the record, by region and A to Z
//	delegations/<id>/index.html       one per delegation that appears in the record
//	sessions/index.html               every session and consultation, in date order
//	sessions/<id>/index.html          one per session and consultation
//	topics/index.html, topics/<id>/   one per topic
//	versions/index.html, versions/<id>/
//	                                  one per negotiating text, with its concordance
//	versions/<id>/articles/<n>/       forwards an old article number to the adopted article
//	search/index.html                 the search form; search.js and the index do the rest
//
// and the files beside them: the search index (an asset), the open data
// (data/convention.json and its JSON Schema) and the Atom feed (feed.xml).

// URLs of the record's pages. Registry ids are checked by the loader to be
// safe in a URL path ([A-Za-z0-9][A-Za-z0-9_.-]*).
func delegationURL(id string) string { return "/delegations/" + id + "/" }
func sessionURL(id string) string    { return "/sessions/" + id + "/" }
func topicURL(id string) string      { return "/topics/" + id + "/" }
func versionURL(id string) string    { return "/versions/" + id + "/" }

// oldNumberURL is where a text's own number for an article is published:
// /versions/rev3/articles/64/.
func oldNumberURL(version string, number string) string {
	return versionURL(version) + "articles/" + number + "/"
}

const (
	delegationsURL = "/delegations/"
	sessionsURL    = "/sessions/"
	topicsURL      = "/topics/"
	versionsURL    = "/versions/"
	searchURL      = "/search/"
	dataPath       = "data/convention.json"
	schemaPath     = "data/convention.schema.json"
	feedPath       = "feed.xml"
)

// recordNav is the record's part of the site navigation.
func (s *site) recordNav(url string) []Link {
	return []Link{
		{URL: delegationsURL, Text: "Delegations", Current: url == delegationsURL},
		{URL: searchURL, Text: "Search", Current: url == searchURL},
	}
}

// recordPages returns the record's pages, each with the function that
// makes its view model when it is executed, so that a large record's
// view models are never all held at once. It starts making the files
// beside them (the search index, the open data and its schema, the feed)
// into out, or through Input.EmitFrom, on a goroutine of its own: their
// JSON is encoded on one processor and is as much work as many pages.
// The search page waits for the index, whose URL it names. wait waits
// for those files and reports their error; out must not be used before.
func (s *site) recordPages(out map[string][]byte) (pages []page, wait func() error) {
	add := func(url, tmpl string, make func() any) {
		pages = append(pages, page{url: url, path: outputPath(url), tmpl: tmpl, make: make})
	}
	add(delegationsURL, tmplDelegations, func() any { return s.delegationsPage() })
	for _, r := range s.catalog().Delegations {
		add(delegationURL(r.Delegation.ID), tmplDelegation, func() any { return s.delegationPage(r) })
	}
	add(sessionsURL, tmplList, func() any { return s.sessionsPage() })
	for i := range s.catalog().Sessions {
		add(sessionURL(s.catalog().Sessions[i].Session.ID), tmplSession, func() any { return s.sessionPage(i) })
	}
	add(topicsURL, tmplList, func() any { return s.topicsPage() })
	for _, r := range s.catalog().Topics {
		add(topicURL(r.Topic.ID), tmplTopic, func() any { return s.topicPage(r) })
	}
	add(versionsURL, tmplList, func() any { return s.versionsPage() })
	for _, r := range s.catalog().Versions {
		add(versionURL(r.Version.ID), tmplVersion, func() any { return s.versionPage(r) })
		for _, rp := range s.redirectPages(r) {
			pages = append(pages, page{url: rp.url, path: outputPath(rp.url), tmpl: tmplRedirect, data: rp.page, redirect: true})
		}
	}

	var indexPath string
	indexed := make(chan struct{})
	ready := sync.OnceFunc(func() { close(indexed) })
	done := make(chan error, 1)
	go func() {
		defer ready() // also on failure, so that the search page never waits forever
		done <- recoverError(func() error { return s.recordFiles(out, &indexPath, ready) })
	}()
	add(searchURL, tmplSearch, func() any {
		<-indexed
		return s.searchPage("/" + indexPath)
	})
	return pages, func() error { return <-done }
}

// recordFiles makes the files beside the record's pages into out (see
// recordPages): first the search index, whose path it sets in indexPath
// before it calls ready.
func (s *site) recordFiles(out map[string][]byte, indexPath *string, ready func()) error {
	p, err := s.streamFile(out, func(sum [sha256.Size]byte) string {
		return "assets/" + fingerprintSum("search-index.json", sum)
	}, s.writeSearchIndex)
	if err != nil {
		return fmt.Errorf("render the search index: %w", err)
	}
	*indexPath = p
	ready()
	if _, err := s.streamFile(out, func([sha256.Size]byte) string { return dataPath }, s.writeOpenData); err != nil {
		return fmt.Errorf("render %s: %w", dataPath, err)
	}
	out[schemaPath] = conventionSchema
	feed, err := s.feed()
	if err != nil {
		return err
	}
	out[feedPath] = feed
	return nil
}

// recoverError runs f and turns a panic in it into an error, for work on
// a goroutine of its own, where a panic would end the program.
func recoverError(f func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("internal error during the build (please report it): %v", v)
		}
	}()
	return f()
}

// streamFile makes a file with write: through Input.EmitFrom when the
// build streams its files, or else into out. name gives its path from
// the SHA-256 of its bytes; streamFile returns the path.
func (s *site) streamFile(out map[string][]byte, name func(sum [sha256.Size]byte) string, write func(io.Writer) error) (string, error) {
	if s.in.EmitFrom != nil && !s.in.Reuse {
		return s.in.EmitFrom(name, write)
	}
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return "", err
	}
	p := name(sha256.Sum256(b.Bytes()))
	out[p] = b.Bytes()
	return p, nil
}

// homeRecord is the home page's way into the record.
func (s *site) homeRecord() *HomeRecord {
	h := &HomeRecord{Timeline: s.sessionTimeline()}
	for _, r := range s.catalog().Topics {
		h.Topics = append(h.Topics, ListItem{
			Link:   Link{URL: topicURL(r.Topic.ID), Text: r.Topic.Name},
			Detail: topicDetail(r),
		})
	}
	h.Links = []Link{
		{URL: delegationsURL, Text: "Delegations"},
		{URL: sessionsURL, Text: "Sessions"},
		{URL: topicsURL, Text: "Topics"},
		{URL: versionsURL, Text: "Negotiating texts"},
		{URL: searchURL, Text: "Search"},
		{URL: "/" + dataPath, Text: "Open data (JSON)"},
		{URL: "/" + feedPath, Text: "Changes (Atom feed)"},
	}
	return h
}

// recordArticles turns a listing of entries (in reading order, then by
// timeline) into one group per article. item makes each entry's line.
func recordArticles[T any](list []T, article func(T) *model.Article, item func(T) RecordItem) []RecordArticle {
	var out []RecordArticle
	var last *model.Article
	for _, x := range list {
		a := article(x)
		if a != last || len(out) == 0 {
			out = append(out, RecordArticle{
				Anchor:  "article-" + a.Slug(),
				Article: Link{URL: articleURL(a), Text: articleHeading(a)},
			})
			last = a
		}
		out[len(out)-1].Items = append(out[len(out)-1].Items, item(x))
	}
	return out
}

// recordItem is an entry's line on a record page: the entry as the article
// page shows it, with its links made to work from elsewhere.
func (s *site) recordItem(it catalog.Item) RecordItem {
	a := it.Article
	e := s.entry(it.N, it.Entry, s.rendered(a.Body))
	r := RecordItem{
		Entry:        Link{URL: articleURL(a) + "#" + e.Anchor, Text: e.Heading},
		Date:         e.Date,
		DateTime:     e.DateTime,
		Outcome:      e.Outcome,
		OutcomeClass: e.OutcomeClass,
		Summary:      e.Summary,
	}
	if e.On != nil {
		on := *e.On
		if on.URL != "" {
			on.URL = articleURL(a) + on.URL
		}
		on.Text = capitalize(on.Text)
		r.On = &on
	}
	if sess := s.c.Session(it.Entry.Session.ID); sess != nil {
		r.Session = &Link{URL: sessionURL(sess.ID), Text: sess.Name}
	}
	return r
}

// items turns a list of catalog items into record articles.
func (s *site) items(list []catalog.Item) []RecordArticle {
	return recordArticles(list, func(it catalog.Item) *model.Article { return it.Article }, s.recordItem)
}

// delegationLink links a delegation to its page when it has one (it
// appears in the record), else only names it.
func (s *site) delegationLink(id string) Link {
	l := Link{Text: s.delegationName(id)}
	if s.recorded().has[id] {
		l.URL = delegationURL(id)
	}
	return l
}

// outcomeBar draws the proposals counted in c.
func outcomeBar(c catalog.Counts) OutcomeBar {
	var b OutcomeBar
	o := c.Outcomes
	for _, x := range []struct {
		n     int
		shape string
	}{
		{o.Adopted, model.OutcomeAdopted},
		{o.PartlyAdopted, model.OutcomePartlyAdopted},
		{o.NotAdopted, model.OutcomeNotAdopted},
		{o.Withdrawn, model.OutcomeWithdrawn},
		{o.Open, "open"},
	} {
		for range x.n {
			b.Cells = append(b.Cells, barCell(len(b.Cells)*barStep+1, x.shape))
		}
	}
	if len(b.Cells) > 0 {
		b.Width = len(b.Cells)*barStep + 1
	}
	return b
}

func barCell(x int, shape string) BarCell {
	return BarCell{X: x, Mid: x + 5, End: x + 10, Shape: shape}
}

// barStep is the distance between the cells of an outcome bar, in the
// units of its viewBox (each cell is 10 wide).
const barStep = 13

// barLegend explains the shapes of the outcome bars.
func barLegend() []BarKey {
	var out []BarKey
	for _, k := range []struct{ shape, text string }{
		{model.OutcomeAdopted, "adopted"},
		{model.OutcomePartlyAdopted, "partly adopted"},
		{model.OutcomeNotAdopted, "not adopted"},
		{model.OutcomeWithdrawn, "withdrawn"},
		{"open", "no outcome recorded"},
	} {
		out = append(out, BarKey{Bar: OutcomeBar{Width: barStep + 1, Cells: []BarCell{barCell(1, k.shape)}}, Text: k.text})
	}
	return out
}

// foldName is a name's sort key: lower case, with the accents of Latin
// letters dropped, so that "Côte d'Ivoire" sorts with the Cs and "Türkiye"
// with the Ts.
func foldName(s string) string { return nameFolder.Replace(strings.ToLower(s)) }

var nameFolder = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ã", "a", "ä", "a", "å", "a",
	"ç", "c", "è", "e", "é", "e", "ê", "e", "ë", "e",
	"ì", "i", "í", "i", "î", "i", "ï", "i", "ñ", "n",
	"ò", "o", "ó", "o", "ô", "o", "õ", "o", "ö", "o",
	"ù", "u", "ú", "u", "û", "u", "ü", "u", "ý", "y", "ÿ", "y",
)
