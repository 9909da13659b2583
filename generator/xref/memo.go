package xref

import (
	"bytes"
	"strconv"
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
func (x *Index) outline() []byte {
	var b bytes.Buffer
	str := func(s string) {
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
	}
	num := func(n int) {
		b.WriteString(strconv.Itoa(n))
		b.WriteByte(';')
	}
	paras := func(r *model.Rendered) {
		if r == nil {
			b.WriteString("-;")
			return
		}
		num(len(r.Paragraphs))
		for _, p := range r.Paragraphs {
			str(p.ID)
			str(p.Anchor)
			num(p.Number)
		}
	}
	for _, ch := range x.c.Convention.Chapters {
		str(ch.ID)
	}
	b.WriteByte('|')
	for _, v := range x.c.Versions {
		str(v.ID)
		str(v.Label)
	}
	b.WriteByte('|')
	for _, t := range x.terms {
		str(t.Term)
		str(t.Article)
		str(t.Paragraph)
	}
	for _, a := range x.c.Articles {
		b.WriteByte('|')
		str(a.Slug())
		str(a.Kind)
		num(a.Number)
		if a.Partial {
			b.WriteByte('p')
		}
		paras(x.body(a))
		for _, av := range a.Versions {
			str(av.Version.ID)
			num(av.Number)
			paras(x.texts.Get(av.Text))
		}
	}
	return b.Bytes()
}

// memo keeps, for each rendered text, what Check and CitedBy worked out
// from its citations, which depends on nothing else while the outline
// stays the same. Keyed by the rendering: the markdown stage gives an
// unchanged text the same one.
type memo struct {
	outline []byte
	mu      sync.Mutex
	last    map[*model.Rendered]textFacts // the previous index's
	cur     map[*model.Rendered]textFacts // this index's, as they are used
}

// textFacts is what one text's citations give.
type textFacts struct {
	checked bool
	errs    source.ErrorList // Check's findings
	listed  bool
	cites   []citedRef // CitedBy's
}

// citedRef is a provision (and paragraph) a text cites, with the
// paragraph of the text the citation stands in.
type citedRef struct {
	slug, para, in string
}

// Continue lets x reuse what prev worked out for texts rendered the same
// way, if both have the same outline, and reports whether they do: then
// every citation resolves under x as it did under prev. prev may be nil.
func (x *Index) Continue(prev *Index) bool {
	x.memo.outline = x.outline()
	if prev == nil || !bytes.Equal(prev.memo.outline, x.memo.outline) {
		return false
	}
	prev.memo.mu.Lock()
	x.memo.last = prev.memo.cur
	prev.memo.mu.Unlock()
	return true
}

// facts returns what is known of r, from this index or the one it
// continues.
func (m *memo) facts(r *model.Rendered) textFacts {
	m.mu.Lock()
	defer m.mu.Unlock()
	if f, ok := m.cur[r]; ok {
		return f
	}
	return m.last[r]
}

func (m *memo) keep(r *model.Rendered, f textFacts) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.cur == nil {
		m.cur = map[*model.Rendered]textFacts{}
	}
	m.cur[r] = f
}
