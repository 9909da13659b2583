package model

import "sync"

// Lookups by id. Stages look records up once per reference, and a large
// edition has thousands of articles and references, so the corpus keeps
// an index, built on the first lookup. The corpus must not change after
// that: stages treat it as read-only.

type index struct {
	once        sync.Once
	articles    map[string]*Article
	delegations map[string]*Delegation
	sessions    map[string]*Session
	versions    map[string]*Version
	sources     map[string]*Source
	topics      map[string]*Topic
	chapters    map[string]*Chapter
	inChapter   map[string][]*Article
}

func (c *Corpus) idx() *index {
	c.lookup.once.Do(func() {
		x := &c.lookup
		x.articles = make(map[string]*Article, len(c.Articles))
		x.inChapter = map[string][]*Article{}
		for _, a := range c.Articles {
			if _, dup := x.articles[a.Slug()]; !dup {
				x.articles[a.Slug()] = a
			}
			x.inChapter[a.Chapter.ID] = append(x.inChapter[a.Chapter.ID], a)
		}
		x.delegations = byID(c.Delegations, func(d *Delegation) string { return d.ID })
		x.sessions = byID(c.Sessions, func(s *Session) string { return s.ID })
		x.versions = byID(c.Versions, func(v *Version) string { return v.ID })
		x.sources = byID(c.Sources, func(s *Source) string { return s.ID })
		x.topics = byID(c.Topics, func(t *Topic) string { return t.ID })
		x.chapters = byID(c.Convention.Chapters, func(ch *Chapter) string { return ch.ID })
	})
	return &c.lookup
}

// byID indexes records by id; the first of two with one id wins, as a
// linear scan would find it.
func byID[T any](records []T, id func(T) string) map[string]T {
	m := make(map[string]T, len(records))
	for _, r := range records {
		if _, dup := m[id(r)]; !dup {
			m[id(r)] = r
		}
	}
	return m
}

// Article returns the provision with the given slug ("65", "title",
// "preamble"), or nil.
func (c *Corpus) Article(slug string) *Article { return c.idx().articles[slug] }

// Delegation returns the delegation with id, or nil.
func (c *Corpus) Delegation(id string) *Delegation { return c.idx().delegations[id] }

// Session returns the session with id, or nil.
func (c *Corpus) Session(id string) *Session { return c.idx().sessions[id] }

// Version returns the negotiating text with id, or nil.
func (c *Corpus) Version(id string) *Version { return c.idx().versions[id] }

// Source returns the source with id, or nil.
func (c *Corpus) Source(id string) *Source { return c.idx().sources[id] }

// Topic returns the topic with id, or nil.
func (c *Corpus) Topic(id string) *Topic { return c.idx().topics[id] }

// Chapter returns the chapter with id, or nil.
func (c *Corpus) Chapter(id string) *Chapter { return c.idx().chapters[id] }

// ArticlesIn returns the articles of chapter id, in order.
func (c *Corpus) ArticlesIn(chapter string) []*Article { return c.idx().inChapter[chapter] }
