package xref

import (
	"slices"
	"sync"

	"travaux/generator/model"
	"travaux/generator/source"
)

// An index's outline is everything resolving a citation reads from the
// corpus: the chapters, the negotiating texts' labels, the defined terms,
// and for each provision in reading order its slug, kind, number, whether
// it is partial, and the paragraphs (id, anchor, number) of its adopted
// text and of each earlier version's text, with that version's number for
// it. Two indexes with the same outline resolve every citation alike, so
// what was worked out for a text under one holds under the other: the
// preview rebuilds after a save that changed no outline (a summary, a
// date, a history entry) without resolving the whole edition again.
func sameOutline(x, y *Index) bool {
	if !slices.EqualFunc(x.c.Convention.Chapters, y.c.Convention.Chapters, func(a, b *model.Chapter) bool { return a.ID == b.ID }) ||
		!slices.EqualFunc(x.c.Versions, y.c.Versions, func(a, b *model.Version) bool { return a.ID == b.ID && a.Label == b.Label }) ||
		!slices.Equal(x.terms, y.terms) || len(x.c.Articles) != len(y.c.Articles) {
		return false
	}
	for i, a := range x.c.Articles {
		if !sameProvision(x, y, a, y.c.Articles[i]) {
			return false
		}
	}
	return true
}

// sameProvision compares a of x with b of y as the outline sees them. An
// unchanged article file is the same pointer with the same renderings,
// which is quick to tell.
func sameProvision(x, y *Index, a, b *model.Article) bool {
	ra, rb := x.body(a), y.body(b)
	if a.Slug() != b.Slug() || a.Kind != b.Kind || a.Number != b.Number || a.Partial != b.Partial ||
		len(a.Versions) != len(b.Versions) || !sameParagraphs(ra, rb) {
		return false
	}
	for i, av := range a.Versions {
		bv := b.Versions[i]
		if av.Version.ID != bv.Version.ID || av.Number != bv.Number || !sameParagraphs(x.texts.Get(av.Text), y.texts.Get(bv.Text)) {
			return false
		}
	}
	return true
}

func sameParagraphs(a, b *model.Rendered) bool {
	if a == b {
		return true
	}
	if a == nil || b == nil {
		return false
	}
	return slices.EqualFunc(a.Paragraphs, b.Paragraphs, func(p, q model.Paragraph) bool {
		return p.ID == q.ID && p.Anchor == q.Anchor && p.Number == q.Number
	})
}

// memo keeps, for each article, what Check and CitedBy worked out from
// its texts' citations, which depends on nothing else while the outline
// stays the same: an unchanged article file is the same pointer with the
// same texts. Indexes with one outline share the map, each in turn (a
// build's index is done with when the next is made).
type memo struct {
	mu    sync.Mutex
	facts map[*model.Article]*articleFacts
	gen   int // this index's place among those sharing facts
	used  int // articles this index has looked up
}

func newMemo() *memo { return &memo{facts: map[*model.Article]*articleFacts{}} }

// articleFacts is what one article's texts give.
type articleFacts struct {
	gen     int // the last index that looked it up
	checked bool
	errs    source.ErrorList // Check's findings
	listed  bool
	places  []citingPlace // CitedBy's
}

// Continue lets x reuse what prev worked out for articles that did not
// change, if both have the same outline, and reports whether they do:
// then every citation resolves under x as it did under prev. prev may be
// nil; it must not be used after.
func (x *Index) Continue(prev *Index) bool {
	if prev == nil || !sameOutline(x, prev) {
		return false
	}
	pm := prev.memo
	pm.mu.Lock()
	defer pm.mu.Unlock()
	facts := pm.facts
	// Articles no longer in the edition (or saved since) are dropped once
	// they outnumber those in it.
	if len(facts) > 2*pm.used+64 {
		facts = make(map[*model.Article]*articleFacts, pm.used)
		for a, f := range pm.facts {
			if f.gen == pm.gen {
				facts[a] = f
			}
		}
	}
	x.memo = &memo{facts: facts, gen: pm.gen + 1}
	return true
}

// with calls fill with the facts of a, under the memo's lock; fill adds
// what is missing.
func (m *memo) with(a *model.Article, fill func(*articleFacts)) {
	m.mu.Lock()
	defer m.mu.Unlock()
	f := m.facts[a]
	if f == nil {
		f = &articleFacts{gen: -1}
		m.facts[a] = f
	}
	if f.gen != m.gen {
		f.gen = m.gen
		m.used++
	}
	fill(f)
}
