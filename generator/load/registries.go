package load

import (
	"errors"
	"io/fs"
	"strings"

	"go.yaml.in/yaml/v3"

	"travaux/generator/model"
	"travaux/generator/source"
)

// This file decodes convention.yaml and the registries (versions,
// sessions, delegations, sources, topics): the records that articles
// refer to by id. References between records are checked later, in
// validate.go, once every registry is known.

// The values an enumerated field may take. Order is the order shown to an
// author when nothing close was typed.
var (
	sessionKinds    = []string{"session", "consultation"}
	delegationKinds = []string{model.KindState, model.KindObserver, model.KindOrganisation, model.KindGroup, model.KindOffice}
	sourceKinds     = []string{model.SourceOfficialRecord, model.SourceDocument, model.SourceObserverReport}
)

// adoptedBase is the "base" that names the adopted text (the article body)
// rather than a version; no version may take it as its id.
const adoptedBase = "adopted"

// openYAML reads and parses content/<file>. ok is false when the file is
// absent or unusable; an absent file is reported only when required.
func (l *loader) openYAML(file string, required bool) (y *yamlFile, root *yaml.Node, ok bool) {
	name := contentDir + "/" + file
	if _, err := fs.Stat(l.fsys, name); errors.Is(err, fs.ErrNotExist) {
		if required {
			l.errs.Add(source.Pos{File: name}, `file is missing: every site needs %s, with at least "title" and "chapters"`, name)
		}
		return nil, nil, false
	}
	src, lines, ok := l.readText(name)
	if !ok {
		return nil, nil, false
	}
	y = &yamlFile{file: name, src: src, lines: lines, errs: &l.errs}
	root, ok = y.parse(src)
	return y, root, ok
}

// loadConvention decodes content/convention.yaml.
func (l *loader) loadConvention() {
	y, root, ok := l.openYAML("convention.yaml", true)
	if !ok {
		return
	}
	r := y.record(root, y.file, "title", "subtitle", "short_title", "symbol", "base_url", "status", "milestones", "chapters")
	r.need("title", "chapters")
	c := &l.corpus.Convention
	c.Title = r.str("title")
	c.Subtitle = r.str("subtitle")
	c.ShortTitle = r.str("short_title")
	c.Symbol = r.str("symbol")
	c.BaseURL = r.absoluteURL("base_url")
	c.Status = r.text("status")
	c.Pos = r.pos
	for _, n := range r.list("milestones", "milestones") {
		m := y.record(n, "each milestone", "date", "text", "sources")
		m.need("date", "text")
		c.Milestones = append(c.Milestones, &model.Milestone{
			Date:    m.date("date", false),
			Text:    m.text("text"),
			Sources: m.refs("sources", "source id"),
			Pos:     m.pos,
		})
	}
	seen := map[string]source.Pos{}
	for _, n := range r.list("chapters", "chapters") {
		ch := y.record(n, "each chapter", "id", "name")
		ch.need("id", "name")
		id, ok := l.id(ch, "chapter", seen)
		name := ch.str("name")
		if ok {
			c.Chapters = append(c.Chapters, &model.Chapter{ID: id, Name: name, Pos: ch.pos})
		}
	}
}

// loadRegistries decodes the optional registry files.
func (l *loader) loadRegistries() {
	c := l.corpus
	c.Versions = registry(l, "versions.yaml", "version", []string{"id", "label", "symbol", "date", "session", "note"},
		func(r *record, id string) *model.Version {
			r.need("label")
			if id == adoptedBase {
				r.y.errs.Add(r.valPos("id"), "version id %q is reserved: it names the adopted text in \"base\"", id)
			}
			return &model.Version{
				ID:      id,
				Label:   r.str("label"),
				Symbol:  r.str("symbol"),
				Date:    r.date("date", false),
				Session: r.ref("session", "a session id"),
				Note:    r.text("note"),
				Pos:     r.pos,
			}
		})
	c.Sessions = registry(l, "sessions.yaml", "session", []string{"id", "name", "kind", "place", "start", "end"},
		func(r *record, id string) *model.Session {
			r.need("name", "kind")
			s := &model.Session{
				ID:    id,
				Name:  r.str("name"),
				Kind:  r.enum("kind", sessionKinds),
				Place: r.str("place"),
				Start: r.date("start", true),
				End:   r.date("end", true),
				Pos:   r.pos,
			}
			if s.Start != "" && s.End != "" && s.Start > s.End {
				r.y.errs.Add(r.valPos("end"), "the session ends (%s) before it starts (%s)", s.End, s.Start)
			}
			return s
		})
	c.Delegations = registry(l, "delegations.yaml", "delegation", []string{"id", "name", "kind", "region", "members"},
		func(r *record, id string) *model.Delegation {
			r.need("name", "kind")
			d := &model.Delegation{
				ID:      id,
				Name:    r.str("name"),
				Kind:    r.enum("kind", delegationKinds),
				Region:  r.str("region"),
				Members: r.refs("members", "delegation id"),
				Pos:     r.pos,
			}
			if r.has("members") && d.Kind != "" && d.Kind != model.KindGroup {
				r.y.errs.Add(r.keyPos("members"), `"members" is for groups only, and %q is %s`, id, withArticle(d.Kind))
			}
			return d
		})
	c.Sources = registry(l, "sources.yaml", "source", []string{"id", "title", "kind", "publisher", "date", "url"},
		func(r *record, id string) *model.Source {
			r.need("title", "kind")
			return &model.Source{
				ID:        id,
				Title:     r.str("title"),
				Kind:      r.enum("kind", sourceKinds),
				Publisher: r.str("publisher"),
				Date:      r.date("date", false),
				URL:       r.absoluteURL("url"),
				Pos:       r.pos,
			}
		})
	c.Topics = registry(l, "topics.yaml", "topic", []string{"id", "name", "intro"},
		func(r *record, id string) *model.Topic {
			r.need("name")
			return &model.Topic{ID: id, Name: r.str("name"), Intro: r.text("intro"), Pos: r.pos}
		})
}

// registry decodes content/<file>, a list of records with unique ids. Every
// record is decoded, so that all its problems are reported, but only those
// with a usable id are returned: a record nothing can refer to would only
// cause confusing errors later.
func registry[T any](l *loader, file, what string, keys []string, decode func(r *record, id string) T) []T {
	name := contentDir + "/" + file
	if v, errs, ok := l.cache.registry(name); ok {
		l.errs.Append(errs)
		return v.([]T)
	}
	n := len(l.errs)
	out := decodeRegistry(l, file, what, keys, decode)
	l.cache.keepRegistry(name, out, l.errs[n:])
	return out
}

func decodeRegistry[T any](l *loader, file, what string, keys []string, decode func(r *record, id string) T) []T {
	y, root, ok := l.openYAML(file, false)
	if !ok || root == nil {
		return nil
	}
	if root.Kind != yaml.SequenceNode {
		l.errs.Add(y.pos(root), `%s must be a list of records, each starting with "- id:", not %s`, y.file, describe(root))
		return nil
	}
	seen := map[string]source.Pos{}
	var out []T
	for _, n := range root.Content {
		r := y.record(n, "each "+what, keys...)
		r.need("id")
		id, ok := l.id(r, what, seen)
		v := decode(r, id)
		if ok {
			out = append(out, v)
		}
	}
	return out
}

// id reads a record's "id" and checks its form and that no earlier record
// of the same registry has it. Ids that differ only in case count as the
// same, as they name output files and some file systems ignore case.
func (l *loader) id(r *record, what string, seen map[string]source.Pos) (string, bool) {
	ref := r.ref("id", "an id")
	switch {
	case ref.ID == "":
		return "", false
	case !idPattern.MatchString(ref.ID):
		l.errs.Add(ref.Pos, `id %q may hold only letters, digits, "-", "_" and "." (it becomes part of a URL)`, ref.ID)
		return "", false
	}
	key := strings.ToLower(ref.ID)
	if first, dup := seen[key]; dup {
		l.errs.Add(ref.Pos, "duplicate %s %q (first defined at %s)", what, ref.ID, first)
		return "", false
	}
	seen[key] = ref.Pos
	return ref.ID, true
}

// withArticle puts "a" or "an" before a kind: "a state", "an observer".
func withArticle(kind string) string {
	if kind != "" && strings.ContainsRune("aeiou", rune(kind[0])) {
		return "an " + kind
	}
	return "a " + kind
}
