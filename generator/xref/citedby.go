package xref

import (
	"iter"
	"slices"
	"strconv"

	"travaux/generator/model"
)

// Source is a text that cites a provision, as a page shows it. Exactly one
// of Article, Page, Topic, VersionNote and Home says where; for an
// article, at most one of Entry, Version and Notes says which part of its
// page (none: its adopted text, with Paragraph the paragraph the citation
// stands in, or "").
type Source struct {
	Article     *model.Article
	Paragraph   string                // of the adopted text: the paragraph id the citation is in
	Entry       *model.Entry          // a history entry: its summary or proposed wording
	Version     *model.ArticleVersion // an earlier version's wording
	Notes       bool                  // the editors' notes
	Page        *model.Page           // a free page
	Topic       *model.Topic          // a topic's introduction
	VersionNote *model.Version        // the note on a negotiating text
	Home        bool                  // the edition's status or milestones, on the home page
}

// Backlink is one place that cites an article.
type Backlink struct {
	Paragraph string // the cited paragraph id; "" for the article as a whole
	From      Source
}

// CitedBy holds, for each article slug, the places that cite it, in
// reading order: articles in order (each: adopted text, history,
// versions, notes), then pages, the home page, topics and the notes on
// negotiating texts. Each place is listed
// once per cited paragraph however often it cites it.
type CitedBy map[string][]Backlink

// text is one text of the corpus and where it stands.
type text struct {
	t    model.Text
	from Source
}

// articleTexts yields the texts of a: its adopted text, its history, its
// earlier versions and its notes.
func articleTexts(a *model.Article) iter.Seq[text] {
	return func(yield func(text) bool) {
		emit := func(t model.Text, from Source) bool { return yield(text{t, from}) }
		if !emit(a.Body, Source{Article: a}) {
			return
		}
		for _, e := range a.History {
			if !emit(e.Summary, Source{Article: a, Entry: e}) || !emit(e.Wording, Source{Article: a, Entry: e}) {
				return
			}
		}
		for _, v := range a.Versions {
			if !emit(v.Text, Source{Article: a, Version: v}) {
				return
			}
		}
		emit(a.Notes, Source{Article: a, Notes: true})
	}
}

// otherTexts yields the texts that are not an article's: the free pages,
// the home page's status and milestones, the topics' introductions and
// the notes on negotiating texts.
func otherTexts(c *model.Corpus) iter.Seq[text] {
	return func(yield func(text) bool) {
		emit := func(t model.Text, from Source) bool { return yield(text{t, from}) }
		for _, p := range c.Pages {
			if !emit(p.Body, Source{Page: p}) {
				return
			}
		}
		if !emit(c.Convention.Status, Source{Home: true}) {
			return
		}
		for _, m := range c.Convention.Milestones {
			if !emit(m.Text, Source{Home: true}) {
				return
			}
		}
		for _, t := range c.Topics {
			if !emit(t.Intro, Source{Topic: t}) {
				return
			}
		}
		for _, v := range c.Versions {
			if !emit(v.Note, Source{VersionNote: v}) {
				return
			}
		}
	}
}

// CitedBy collects the backlinks of every article from the rendered texts.
// A text citing its own article is left out, except the adopted text (a
// paragraph citing another paragraph of the same article): history, notes
// and versions are on the article's own page already.
func (x *Index) CitedBy(rendered *model.TextMap) CitedBy {
	out := CitedBy{}
	add := func(bls []citingPlace) {
		for _, b := range bls {
			out[b.slug] = append(out[b.slug], b.Backlink)
		}
	}
	for _, a := range x.c.Articles {
		x.memo.with(a, func(f *articleFacts) {
			if !f.listed {
				f.listed, f.places = true, x.places(articleTexts(a), rendered)
			}
			add(f.places)
		})
	}
	add(x.places(otherTexts(x.c), rendered))
	return out
}

// citingPlace is a backlink of the article slug.
type citingPlace struct {
	slug string
	Backlink
}

// places lists the backlinks the texts ts give, in order. A text citing
// its own article is left out, except the adopted text (a paragraph
// citing another paragraph of the same article): history, notes and
// versions are on the article's own page already.
func (x *Index) places(ts iter.Seq[text], rendered *model.TextMap) []citingPlace {
	var out []citingPlace
	// A place is one text, or a run of texts shown together (an entry's
	// summary and wording, the home page's status and milestones), so
	// what the current run cited is enough to list each place once.
	runStart := 0
	var run Source
	for t := range ts {
		r := rendered.Get(t.t)
		if r == nil {
			continue
		}
		if t.from != run {
			runStart, run = len(out), t.from
		}
		for _, c := range r.Citations {
			if c.Term != "" || c.Chapter != "" {
				continue
			}
			from := t.from
			if from.Article != nil && from.Entry == nil && from.Version == nil && !from.Notes {
				from.Paragraph = c.In
			}
			for _, slug := range x.cited(c) {
				para := c.Paragraph
				if c.Version != "" || c.Through != "" || slug != c.Article {
					para = ""
				}
				if from.Article != nil && from.Article.Slug() == slug && (from.Entry != nil || from.Version != nil || from.Notes) {
					continue
				}
				p := citingPlace{slug, Backlink{Paragraph: para, From: from}}
				if !slices.Contains(out[runStart:], p) {
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// cited returns the slugs of the adopted articles a citation cites: one,
// a range's every article, or none when it resolves to nothing.
func (x *Index) cited(c model.Citation) []string {
	if c.Version != "" && !c.Explicit {
		var a *model.Article
		if c.This {
			a = x.c.Article(c.Article)
		} else if n, err := strconv.Atoi(c.Article); err == nil {
			a = x.inVersion(c.Version, n)
		}
		if a == nil {
			return nil
		}
		return []string{a.Slug()}
	}
	from, err1 := strconv.Atoi(c.Article)
	to, err2 := strconv.Atoi(c.Through)
	if c.Through == "" || err1 != nil || err2 != nil || to < from || to-from > 100 {
		if x.c.Article(c.Article) == nil {
			return nil
		}
		return []string{c.Article}
	}
	var out []string
	for n := from; n <= to; n++ {
		if slug := strconv.Itoa(n); x.c.Article(slug) != nil {
			out = append(out, slug)
		}
	}
	return out
}
