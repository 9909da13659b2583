// Package catalog derives the reader's other ways into the negotiation
// record from the model: every entry of every article's history listed by
// delegation, by session, by topic and by negotiating text, with counts.
//
// # Input and output
//
// New takes a model.Corpus, as the loader built it, and returns a Catalog
// of plain values that point back into the corpus (articles, entries,
// registry records); it copies nothing and changes nothing. Catalog holds
// no HTML and no wording beyond the one-line summaries of Counts, so the
// render stage decides how each listing looks.
//
// # Orders
//
// Every list has a fixed order, so that output built from it is the same
// from build to build:
//
//   - an article's history is its timeline (Timeline): by session, in the
//     order of the sessions registry, then by date, keeping the author's
//     order for ties; an entry's position in it, Item.N, is the number of
//     its anchor on the article page (#entry-N);
//   - listings of entries go in the articles' reading order, then by
//     timeline;
//   - delegations, topics and versions keep their registry order; sessions
//     go by start date, keeping the registry order for ties.
//
// # Groups
//
// A group of delegations (model.KindGroup) is a delegation too: its
// entries are listed on its own record. Each known member of the group
// also lists them, marked as reached through the group (Involvement.Via),
// and counts them apart from its own (Counts.ViaGroup).
package catalog

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"travaux/generator/model"
)

// Catalog is the record listed every way a reader may look for it.
type Catalog struct {
	// Delegations are the delegations that appear in the record: named in
	// an entry (by, on behalf, supported, opposed) or a known member of a
	// group that is; in registry order.
	Delegations []*DelegationRecord
	// Sessions are every session and consultation, in date order, whether
	// or not the record has entries for it.
	Sessions []*SessionRecord
	// Topics are every topic, in registry order.
	Topics []*TopicRecord
	// Versions are every negotiating text, in registry order.
	Versions []*VersionRecord

	delegations map[string]*DelegationRecord
	sessions    map[string]*SessionRecord
	topics      map[string]*TopicRecord
	versions    map[string]*VersionRecord
}

// Item is one history entry in its context.
type Item struct {
	Article *model.Article
	Entry   *model.Entry
	// N is the entry's position in its article's timeline, from 1: the
	// article page anchors it as #entry-N.
	N int
}

// Role is the part a delegation took in an entry.
type Role string

// Roles, in the order a delegation's roles in one entry are listed.
const (
	RoleBy        Role = "by"        // it made the entry, alone or jointly
	RoleOnBehalf  Role = "on-behalf" // the entry was made on its behalf
	RoleSupported Role = "supported" // it supported the entry
	RoleOpposed   Role = "opposed"   // it opposed the entry
)

// Involvement is an entry as one delegation's record lists it.
type Involvement struct {
	Item
	// Roles are the delegation's own roles in the entry, in the order of
	// the Role constants; empty when it is listed only through a group.
	Roles []Role
	// Via are the groups, named in the entry, through which the
	// delegation is listed as a known member; in registry order.
	Via []*model.Delegation
}

// Direct reports whether the delegation is named in the entry itself, not
// only through a group.
func (in Involvement) Direct() bool { return len(in.Roles) > 0 }

// Has reports whether the delegation took role r in the entry.
func (in Involvement) Has(r Role) bool { return slices.Contains(in.Roles, r) }

// DelegationRecord is every entry one delegation is named in.
type DelegationRecord struct {
	Delegation *model.Delegation
	// Groups are the groups of the registry it is a known member of.
	Groups []*model.Delegation
	// Entries are in reading order of the articles, then by timeline.
	Entries []Involvement
	Counts  Counts
}

// SessionRecord is what the record holds for one session.
type SessionRecord struct {
	Session *model.Session
	// Entries recorded at the session, in reading order, then by timeline.
	Entries []Item
	// Versions are the negotiating texts prepared for the session, in
	// registry order.
	Versions []*model.Version
	// Delegations are those who made an entry at the session (by or on
	// whose behalf), in registry order.
	Delegations []*model.Delegation
	Counts      Counts
}

// TopicRecord is a topic's articles and their history.
type TopicRecord struct {
	Topic    *model.Topic
	Articles []*model.Article // in reading order
	Entries  []Item           // the history of those articles
	Counts   Counts
}

// VersionRecord is a negotiating text: the articles the edition holds in
// it, with their numbers there, and the proposals written against it.
type VersionRecord struct {
	Version *model.Version
	Session *model.Session // the session it was prepared for; nil if none is known
	// Articles are the provisions the edition records in this text, in
	// the order of their numbers there (the title and the preamble
	// first).
	Articles []VersionArticle
	// Based are the entries whose edits apply to this text.
	Based []Item
}

// VersionArticle is one provision in a negotiating text.
type VersionArticle struct {
	Article *model.Article
	Held    *model.ArticleVersion
	// Number is the article's number in the text: the adopted number
	// unless the text numbered it differently; 0 for the title and the
	// preamble.
	Number int
}

// Renumbered reports whether the text numbered the article differently
// from the adopted Convention.
func (va VersionArticle) Renumbered() bool {
	return va.Article.Kind == model.ProvisionArticle && va.Number != va.Article.Number
}

// HasText reports whether the edition holds the article's wording in the
// text.
func (va VersionArticle) HasText() bool { return strings.TrimSpace(va.Held.Text.Source) != "" }

// Delegation returns the record of the delegation with id, or nil when it
// does not appear in the record.
func (c *Catalog) Delegation(id string) *DelegationRecord { return c.delegations[id] }

// Session returns the record of the session with id, or nil.
func (c *Catalog) Session(id string) *SessionRecord { return c.sessions[id] }

// Topic returns the record of the topic with id, or nil.
func (c *Catalog) Topic(id string) *TopicRecord { return c.topics[id] }

// Version returns the record of the version with id, or nil.
func (c *Catalog) Version(id string) *VersionRecord { return c.versions[id] }

// Timeline returns the article's history in timeline order: by session in
// the order of the sessions registry (which is chronological), then by
// date within a session, keeping the author's order for ties. Entries of
// no known session come last. Dates compare as strings, which for
// YYYY-MM-DD and its shortenings is chronological; an undated entry sorts
// before the dated ones of its session.
func Timeline(c *model.Corpus, a *model.Article) []*model.Entry {
	order := map[string]int{}
	for i, s := range c.Sessions {
		order[s.ID] = i
	}
	index := func(e *model.Entry) int {
		if i, ok := order[e.Session.ID]; ok {
			return i
		}
		return len(c.Sessions)
	}
	entries := slices.Clone(a.History)
	slices.SortStableFunc(entries, func(x, y *model.Entry) int {
		if d := index(x) - index(y); d != 0 {
			return d
		}
		return strings.Compare(x.Date, y.Date)
	})
	return entries
}

// New lists the corpus's record every way.
func New(c *model.Corpus) *Catalog {
	cat := &Catalog{
		delegations: map[string]*DelegationRecord{},
		sessions:    map[string]*SessionRecord{},
		topics:      map[string]*TopicRecord{},
		versions:    map[string]*VersionRecord{},
	}

	// Every entry of every article, in reading order and by timeline:
	// the order of every listing of entries.
	var items []Item
	for _, a := range c.Articles {
		for i, e := range Timeline(c, a) {
			items = append(items, Item{Article: a, Entry: e, N: i + 1})
		}
	}

	cat.listDelegations(c, items)

	sessions := slices.Clone(c.Sessions)
	slices.SortStableFunc(sessions, func(x, y *model.Session) int { return strings.Compare(x.Start, y.Start) })
	for _, s := range sessions {
		r := &SessionRecord{Session: s}
		for _, v := range c.Versions {
			if v.Session.ID == s.ID {
				r.Versions = append(r.Versions, v)
			}
		}
		cat.Sessions = append(cat.Sessions, r)
		cat.sessions[s.ID] = r
	}
	for _, it := range items {
		if r := cat.sessions[it.Entry.Session.ID]; r != nil {
			r.Entries = append(r.Entries, it)
			r.Counts.add(it.Entry, []Role{RoleBy})
		}
	}
	for _, r := range cat.Sessions {
		acted := map[string]bool{}
		for _, it := range r.Entries {
			for _, ref := range it.Entry.By {
				acted[ref.ID] = true
			}
			acted[it.Entry.OnBehalf.ID] = true
		}
		for _, d := range c.Delegations {
			if acted[d.ID] {
				r.Delegations = append(r.Delegations, d)
			}
		}
	}

	for _, t := range c.Topics {
		r := &TopicRecord{Topic: t}
		for _, a := range c.Articles {
			if slices.ContainsFunc(a.Topics, func(ref model.Ref) bool { return ref.ID == t.ID }) {
				r.Articles = append(r.Articles, a)
			}
		}
		for _, it := range items {
			if slices.Contains(r.Articles, it.Article) {
				r.Entries = append(r.Entries, it)
				r.Counts.add(it.Entry, []Role{RoleBy})
			}
		}
		cat.Topics = append(cat.Topics, r)
		cat.topics[t.ID] = r
	}

	for _, v := range c.Versions {
		r := &VersionRecord{Version: v, Session: c.Session(v.Session.ID)}
		for _, a := range c.Articles {
			for _, av := range a.Versions {
				if av.Version.ID != v.ID {
					continue
				}
				n := a.Number
				if av.Number != 0 {
					n = av.Number
				}
				r.Articles = append(r.Articles, VersionArticle{Article: a, Held: av, Number: n})
			}
		}
		slices.SortStableFunc(r.Articles, func(x, y VersionArticle) int { return cmp.Compare(x.Number, y.Number) })
		for _, it := range items {
			if it.Entry.Base.ID == v.ID {
				r.Based = append(r.Based, it)
			}
		}
		cat.Versions = append(cat.Versions, r)
		cat.versions[v.ID] = r
	}
	return cat
}

// listDelegations fills cat.Delegations from the entries.
func (cat *Catalog) listDelegations(c *model.Corpus, items []Item) {
	// membersOf: group id -> its members' ids; groupsOf: the reverse.
	order := make(map[string]int, len(c.Delegations)) // id -> place in the registry
	for i, d := range c.Delegations {
		if _, dup := order[d.ID]; !dup {
			order[d.ID] = i
		}
	}
	membersOf := map[string][]string{}
	groupsOf := map[string][]*model.Delegation{}
	for _, d := range c.Delegations {
		if d.Kind != model.KindGroup {
			continue
		}
		for _, m := range d.Members {
			membersOf[d.ID] = append(membersOf[d.ID], m.ID)
			if !slices.Contains(groupsOf[m.ID], d) {
				groupsOf[m.ID] = append(groupsOf[m.ID], d)
			}
		}
	}

	// For each entry, each delegation's roles and the groups it comes
	// through, gathered in maps and then read back in registry order.
	type involved struct {
		roles []Role
		via   map[string]bool
	}
	lists := map[string][]Involvement{}
	for _, it := range items {
		e := it.Entry
		in := map[string]*involved{}
		get := func(id string) *involved {
			if in[id] == nil {
				in[id] = &involved{via: map[string]bool{}}
			}
			return in[id]
		}
		named := func(refs []model.Ref, r Role) {
			for _, ref := range refs {
				if ref.ID == "" {
					continue
				}
				x := get(ref.ID)
				if !slices.Contains(x.roles, r) {
					x.roles = append(x.roles, r)
				}
				for _, m := range membersOf[ref.ID] {
					get(m).via[ref.ID] = true
				}
			}
		}
		named(e.By, RoleBy)
		named([]model.Ref{e.OnBehalf}, RoleOnBehalf)
		named(e.Supported, RoleSupported)
		named(e.Opposed, RoleOpposed)
		// In registry order, as every listing of delegations is.
		ids := slices.Collect(maps.Keys(in))
		slices.SortFunc(ids, func(x, y string) int { return order[x] - order[y] })
		for _, id := range ids {
			x := in[id]
			if _, known := order[id]; !known {
				continue
			}
			inv := Involvement{Item: it, Roles: x.roles}
			via := slices.Collect(maps.Keys(x.via))
			slices.SortFunc(via, func(p, q string) int { return order[p] - order[q] })
			for _, g := range via {
				if i, known := order[g]; known && g != id {
					inv.Via = append(inv.Via, c.Delegations[i])
				}
			}
			if len(inv.Roles) == 0 && len(inv.Via) == 0 {
				continue
			}
			lists[id] = append(lists[id], inv)
		}
	}
	for _, d := range c.Delegations {
		list, ok := lists[d.ID]
		if !ok {
			continue
		}
		r := &DelegationRecord{Delegation: d, Groups: groupsOf[d.ID], Entries: list}
		for _, in := range list {
			if in.Direct() {
				r.Counts.add(in.Entry, in.Roles)
			} else {
				r.Counts.Entries++
				r.Counts.ViaGroup++
			}
		}
		cat.Delegations = append(cat.Delegations, r)
		cat.delegations[d.ID] = r
	}
}

// Recorded returns the ids of the delegations New lists, in registry
// order, without making the listings: those the history names and the
// members of the groups it names. A delegation links to its page only if
// it has one, so every page that names delegations depends on this set.
func Recorded(c *model.Corpus) []string { return RecordedFrom(c, Named) }

// RecordedFrom is Recorded, with the ids each article names given by
// named (Named, or a memo of it).
func RecordedFrom(c *model.Corpus, named func(*model.Article) []string) []string {
	direct := map[string]bool{}
	for _, a := range c.Articles {
		for _, id := range named(a) {
			direct[id] = true
		}
	}
	in := maps.Clone(direct)
	for _, d := range c.Delegations {
		if d.Kind == model.KindGroup && direct[d.ID] {
			for _, m := range d.Members {
				if m.ID != d.ID {
					in[m.ID] = true
				}
			}
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, d := range c.Delegations {
		if in[d.ID] && !seen[d.ID] {
			seen[d.ID] = true
			out = append(out, d.ID)
		}
	}
	return out
}

// Named returns the delegation ids a's history names, each once.
func Named(a *model.Article) []string {
	var out []string
	for _, e := range a.History {
		for _, list := range [][]model.Ref{e.By, {e.OnBehalf}, e.Supported, e.Opposed} {
			for _, r := range list {
				if r.ID != "" && !slices.Contains(out, r.ID) {
					out = append(out, r.ID)
				}
			}
		}
	}
	return out
}
