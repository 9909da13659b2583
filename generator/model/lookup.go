package model

// Lookups by id. The corpus is small (hundreds of records), and lookups
// happen once per reference per build, so linear scans keep the model a
// plain value with no index to keep in step.

// Article returns the provision with the given slug ("65", "title",
// "preamble"), or nil.
func (c *Corpus) Article(slug string) *Article {
	for _, a := range c.Articles {
		if a.Slug() == slug {
			return a
		}
	}
	return nil
}

// Delegation returns the delegation with id, or nil.
func (c *Corpus) Delegation(id string) *Delegation {
	for _, d := range c.Delegations {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// Session returns the session with id, or nil.
func (c *Corpus) Session(id string) *Session {
	for _, s := range c.Sessions {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// Version returns the negotiating text with id, or nil.
func (c *Corpus) Version(id string) *Version {
	for _, v := range c.Versions {
		if v.ID == id {
			return v
		}
	}
	return nil
}

// Source returns the source with id, or nil.
func (c *Corpus) Source(id string) *Source {
	for _, s := range c.Sources {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// Topic returns the topic with id, or nil.
func (c *Corpus) Topic(id string) *Topic {
	for _, t := range c.Topics {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// Chapter returns the chapter with id, or nil.
func (c *Corpus) Chapter(id string) *Chapter {
	for _, ch := range c.Convention.Chapters {
		if ch.ID == id {
			return ch
		}
	}
	return nil
}

// ArticlesIn returns the articles of chapter id, in order.
func (c *Corpus) ArticlesIn(chapter string) []*Article {
	var out []*Article
	for _, a := range c.Articles {
		if a.Chapter.ID == chapter {
			out = append(out, a)
		}
	}
	return out
}
