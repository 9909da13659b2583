package load

import (
	"fmt"
	"strings"

	"travaux/generator/model"
	"travaux/generator/source"
)

// This file is the second pass: with every registry decoded, it resolves
// each reference one record makes to another, and checks that the edits
// in the history apply to their base text. Each problem is reported at the
// reference itself, with the closest defined id as a suggestion.

// registries holds the ids each registry defines, for lookups and
// suggestions.
type registries struct {
	errs *source.ErrorList
	ids  map[string][]string        // "delegation" -> ids in file order
	set  map[string]map[string]bool // "delegation" -> id -> true
}

func (rs *registries) define(kind, id string) {
	if rs.set[kind] == nil {
		rs.set[kind] = map[string]bool{}
	}
	rs.ids[kind] = append(rs.ids[kind], id)
	rs.set[kind][id] = true
}

// check reports ref if it names no record of kind; an empty ref (the field
// was not given) is fine. It reports whether ref resolved.
func (rs *registries) check(kind string, ref model.Ref) bool {
	if ref.ID == "" || rs.set[kind][ref.ID] {
		return ref.ID != ""
	}
	rs.errs.Add(ref.Pos, "unknown %s %q%s", kind, ref.ID, rs.hint(kind, ref.ID))
	return false
}

// definedIn names the file that defines each kind of record.
var definedIn = map[string]string{
	"chapter":    "content/convention.yaml",
	"version":    "content/versions.yaml",
	"session":    "content/sessions.yaml",
	"delegation": "content/delegations.yaml",
	"source":     "content/sources.yaml",
	"topic":      "content/topics.yaml",
}

// hint suggests the closest defined id, or says that none are defined at
// all, which usually means the registry file is missing or broken.
func (rs *registries) hint(kind, id string) string {
	if len(rs.ids[kind]) == 0 {
		return fmt.Sprintf(" (%s defines no %ss)", definedIn[kind], kind)
	}
	return source.DidYouMean(id, rs.ids[kind])
}

func (rs *registries) checkAll(kind string, refs []model.Ref) {
	for _, r := range refs {
		rs.check(kind, r)
	}
}

// validate resolves every reference in the corpus.
func (l *loader) validate() {
	c := l.corpus
	rs := &registries{errs: &l.errs, ids: map[string][]string{}, set: map[string]map[string]bool{}}
	for _, ch := range c.Convention.Chapters {
		rs.define("chapter", ch.ID)
	}
	for _, v := range c.Versions {
		rs.define("version", v.ID)
	}
	for _, s := range c.Sessions {
		rs.define("session", s.ID)
	}
	kinds := map[string]string{}
	for _, d := range c.Delegations {
		rs.define("delegation", d.ID)
		kinds[d.ID] = d.Kind
	}
	for _, s := range c.Sources {
		rs.define("source", s.ID)
	}
	for _, t := range c.Topics {
		rs.define("topic", t.ID)
	}

	for _, m := range c.Convention.Milestones {
		rs.checkAll("source", m.Sources)
	}
	for _, v := range c.Versions {
		rs.check("session", v.Session)
	}
	for _, d := range c.Delegations {
		for _, m := range d.Members {
			if !rs.set["delegation"][m.ID] {
				l.errs.Add(m.Pos, "unknown member %q of group %q%s", m.ID, d.ID, rs.hint("delegation", m.ID))
			}
		}
	}
	// An article's references are checked again only if it changed or a
	// registry did: after one save, one article.
	key := rs.key(kinds)
	checked := make(map[*model.Article]source.ErrorList, len(l.articles))
	for _, a := range l.articles {
		if errs, ok := l.cache.validated(a, key); ok {
			l.errs.Append(errs)
			checked[a] = errs
			continue
		}
		n := len(l.errs)
		l.validateArticle(rs, kinds, a)
		checked[a] = append(source.ErrorList(nil), l.errs[n:]...)
	}
	l.cache.keepValidated(key, checked)
}

// key describes the registries as validateArticle reads them: the ids of
// each kind in order, and each delegation's kind.
func (rs *registries) key(kinds map[string]string) string {
	var b strings.Builder
	for _, kind := range []string{"chapter", "version", "session", "delegation", "source", "topic"} {
		b.WriteString(kind)
		for _, id := range rs.ids[kind] {
			b.WriteByte(' ')
			b.WriteString(id)
			if kind == "delegation" {
				b.WriteByte('/')
				b.WriteString(kinds[id])
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// validateArticle resolves the references of one article.
func (l *loader) validateArticle(rs *registries, kinds map[string]string, a *model.Article) {
	rs.check("chapter", a.Chapter)
	rs.checkAll("topic", a.Topics)
	rs.checkAll("source", a.TextSources)
	for _, v := range a.Versions {
		rs.check("version", v.Version)
		rs.checkAll("source", v.Sources)
	}
	for _, e := range a.History {
		rs.check("session", e.Session)
		rs.checkAll("delegation", e.By)
		rs.checkAll("delegation", e.Supported)
		rs.checkAll("delegation", e.Opposed)
		rs.checkAll("source", e.Sources)
		if rs.check("delegation", e.OnBehalf) && kinds[e.OnBehalf.ID] != model.KindGroup {
			l.errs.Add(e.OnBehalf.Pos, `"on_behalf" must name a group, but %q is %s`, e.OnBehalf.ID, withArticle(kinds[e.OnBehalf.ID]))
		}
		l.checkEdits(rs, a, e)
	}
}

// checkEdits checks that the entry's base text exists and that each edit's
// replace text occurs in it exactly once, so the proposed wording can be
// rebuilt without guessing which occurrence was meant.
func (l *loader) checkEdits(rs *registries, a *model.Article, e *model.Entry) {
	if len(e.Edits) == 0 {
		return
	}
	var base, name string
	if e.Base.ID == adoptedBase {
		base, name = a.Body.Source, "the adopted text"
		if strings.TrimSpace(base) == "" {
			l.errs.Add(e.Base.Pos, "edits apply to the adopted text, which this file does not include (its body is empty); give the proposal as \"wording\" instead")
			return
		}
	} else {
		if !rs.set["version"][e.Base.ID] {
			l.errs.Add(e.Base.Pos, "unknown version %q%s", e.Base.ID, source.DidYouMean(e.Base.ID, append([]string{adoptedBase}, rs.ids["version"]...)))
			return
		}
		for _, v := range a.Versions {
			if v.Version.ID == e.Base.ID {
				base = v.Text.Source
			}
		}
		name = fmt.Sprintf("the text of version %q", e.Base.ID)
		if strings.TrimSpace(base) == "" {
			l.errs.Add(e.Base.Pos, "edits apply to %s, which this article does not include (add it under \"versions\")", name)
			return
		}
	}
	for _, ed := range e.Edits {
		if ed.Replace == "" {
			continue // reported as empty when decoded
		}
		switch n := strings.Count(base, ed.Replace); n {
		case 1:
		case 0:
			l.errs.Add(ed.Pos, "replace text %q does not occur in %s", ed.Replace, name)
		default:
			l.errs.Add(ed.Pos, "replace text %q occurs %d times in %s (quote more words so it occurs once)", ed.Replace, n, name)
		}
	}
}
