package render

import (
	"html"
	"html/template"
	"io"
	"strconv"
	"strings"

	"travaux/generator/model"
)

// The search index is built here, at build time, and searched in the
// reader's browser by static/search.js. It is one compact JSON file,
// published as a fingerprinted asset and fetched from the same host only
// when the reader starts to search:
//
//	{"docs":[[kind, url, title, text], ...]}
//
// One document per thing a result can link to: each paragraph and
// subparagraph of the adopted texts (#p21-a), each history entry
// (#entry-3, titled with the paragraph it is on), each earlier wording
// (#version-rev3), editors' notes, and the pages of topics, delegations,
// sessions, negotiating texts and free pages. Texts are plain text: the
// script tokenizes, stems and ranks them itself, and highlights the
// matches in what it shows, so the index holds nothing but the words.

// searchDoc kinds, shown with each result.
const (
	docArticle    = "article"
	docParagraph  = "paragraph"
	docHistory    = "history"
	docVersion    = "earlier version"
	docNotes      = "notes"
	docTopic      = "topic"
	docDelegation = "delegation"
	docSession    = "session"
	docText       = "negotiating text"
	docPage       = "page"
)

type searchDoc [4]string // kind, url, title, text

// writeSearchIndex writes the index's JSON to w, a document at a time,
// so that a large edition's index is never held whole.
func (s *site) writeSearchIndex(w io.Writer) error {
	j := newJSONStream(w, s.stop)
	j.raw(`{"docs":[`)
	first := true
	s.searchDocs(func(d searchDoc) bool {
		if !first {
			j.raw(",")
		}
		first = false
		j.value(d)
		return j.ok()
	})
	j.raw("]}\n")
	return j.err
}

// searchDocs hands each document of the index to emit, in index order,
// until emit returns false: a stopped build (Staged.RestUnless) makes no
// more of them.
func (s *site) searchDocs(emit func(searchDoc) bool) {
	stopped := false
	add := func(kind, url, title, text string) {
		if !stopped {
			stopped = !emit(searchDoc{kind, url, title, strings.Join(strings.Fields(text), " ")})
		}
	}
	for _, a := range s.c.Articles {
		if stopped {
			return
		}
		u := articleURL(a)
		label, _ := articleLabel(a)
		heading := articleHeading(a)
		add(docArticle, u, heading, "")
		if body := s.rendered(a.Body); body != nil && len(body.Paragraphs) == 0 && strings.TrimSpace(a.Body.Source) != "" {
			// A text without numbered paragraphs (the title) is one
			// document, found at the adopted text.
			add(docParagraph, u+"#text", heading+": adopted text", plainFromHTML(body.HTML))
		} else if body != nil {
			for i, para := range body.Paragraphs {
				text := para.Text
				// A paragraph's text includes its subparagraphs', which
				// are documents of their own: keep its own words.
				if i+1 < len(body.Paragraphs) && body.Paragraphs[i+1].Number == para.Number && body.Paragraphs[i+1].Letter != "" && para.Letter == "" {
					text, _, _ = strings.Cut(text, "\n")
				}
				if t := strings.TrimSpace(text); t == "" || t == "[…]" {
					continue
				}
				add(docParagraph, u+"#"+para.Anchor, label+", "+paragraphLabel(para.ID), text)
			}
		}
		for i, e := range s.timeline(a) {
			add(docHistory, u+"#entry-"+strconv.Itoa(i+1), s.entryTitle(a, e), s.entryText(e))
		}
		for _, av := range a.Versions {
			if strings.TrimSpace(av.Text.Source) == "" {
				continue
			}
			name := av.Version.ID
			if v := s.c.Version(av.Version.ID); v != nil {
				name = versionName(v)
			}
			add(docVersion, u+"#version-"+av.Version.ID, label+" in the "+lower(name), plainFromHTML(s.html(av.Text)))
		}
		if strings.TrimSpace(a.Notes.Source) != "" {
			add(docNotes, u+"#notes", heading+": editors’ notes", plainFromHTML(s.html(a.Notes)))
		}
	}
	for _, r := range s.catalog().Topics {
		add(docTopic, topicURL(r.Topic.ID), r.Topic.Name, plainFromHTML(s.html(r.Topic.Intro)))
	}
	for _, r := range s.catalog().Delegations {
		d := r.Delegation
		add(docDelegation, delegationURL(d.ID), d.Name, r.Counts.Summary())
	}
	for _, r := range s.catalog().Sessions {
		sess := r.Session
		add(docSession, sessionURL(sess.ID), sess.Name, strings.Join([]string{sess.Place, formatRange(sess.Start, sess.End)}, ", "))
	}
	for _, r := range s.catalog().Versions {
		v := r.Version
		add(docText, versionURL(v.ID), versionName(v), plainFromHTML(s.html(v.Note)))
	}
	for _, p := range s.c.Pages {
		add(docPage, pageURL(p), p.Title, plainFromHTML(s.html(p.Body)))
	}
}

// entryTitle names a history entry in a result: "Article 40, paragraph 21:
// Proposal by Costa Rica".
func (s *site) entryTitle(a *model.Article, e *model.Entry) string {
	label, _ := articleLabel(a)
	if e.On.ID != "" {
		label += ", " + paragraphLabel(e.On.ID)
	}
	v := s.entry(0, e, nil)
	return label + ": " + v.Heading
}

// entryText is what a history entry is found by: our summary, who took
// which side, the session and the outcome.
func (s *site) entryText(e *model.Entry) string {
	var parts []string
	if strings.TrimSpace(e.Summary.Source) != "" {
		parts = append(parts, plainFromHTML(s.html(e.Summary)))
	}
	names := func(refs []model.Ref) string {
		var out []string
		for _, r := range refs {
			out = append(out, s.party(r).inSentence())
		}
		return joinAnd(out)
	}
	if len(e.Supported) > 0 {
		parts = append(parts, "Supported by "+names(e.Supported)+".")
	}
	if len(e.Opposed) > 0 {
		parts = append(parts, "Opposed by "+names(e.Opposed)+".")
	}
	if sess := s.c.Session(e.Session.ID); sess != nil {
		parts = append(parts, sess.Name+".")
	}
	if o, ok := outcomes[e.Outcome]; ok {
		parts = append(parts, o+".")
	}
	return strings.Join(parts, " ")
}

// plainFromHTML is the text of a piece of the markdown stage's HTML: tags
// dropped, entities decoded, blocks kept apart by a space. Inline tags
// (a link, emphasis) add no space, so that "to <a>1000</a>, request"
// reads "to 1000, request".
func plainFromHTML(h template.HTML) string {
	var b strings.Builder
	src := string(h)
	for {
		i := strings.IndexByte(src, '<')
		if i < 0 {
			b.WriteString(src)
			break
		}
		b.WriteString(src[:i])
		j := strings.IndexByte(src[i:], '>')
		if j < 0 {
			break
		}
		if !inlineTags[tagName(src[i+1:i+j])] {
			b.WriteByte(' ')
		}
		src = src[i+j+1:]
	}
	return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
}

// inlineTags are the elements the markdown stage puts inside a line of
// text.
var inlineTags = map[string]bool{"a": true, "abbr": true, "b": true, "code": true, "del": true, "dfn": true, "em": true, "i": true, "ins": true, "mark": true, "s": true, "small": true, "span": true, "strong": true, "sub": true, "sup": true}

// tagName is the lower-case name of the tag whose text, between < and >,
// is t: "/a" and `a href="…"` give "a".
func tagName(t string) string {
	t = strings.TrimPrefix(t, "/")
	end := strings.IndexFunc(t, func(r rune) bool { return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') })
	if end >= 0 {
		t = t[:end]
	}
	return strings.ToLower(t)
}

// searchPage is the search form.
func (s *site) searchPage(indexURL string) *SearchPage {
	p := &SearchPage{
		Base:     s.base(searchURL, "Search", "Search the text and the negotiation record of the "+s.info.Name+"."),
		Heading:  "Search",
		IndexURL: indexURL,
		Contents: Link{URL: "/", Text: "the contents"},
	}
	p.ScriptURL, _ = s.assets.URL("search.js")
	return p
}
