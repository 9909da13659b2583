package load

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"travaux/generator/model"
	"travaux/generator/source"
)

// This file decodes content/articles/*.md: one provision per file, its
// negotiation record in the front matter and its adopted text as the body.

var articleKeys = []string{
	"article", "provision", "title", "title_unverified", "chapter", "topics",
	"partial", "text_sources", "defines", "updated", "notes", "versions", "history",
}

var entryKeys = []string{
	"session", "date", "on", "kind", "by", "on_behalf", "supported", "opposed",
	"wording", "base", "edits", "reconstructed", "outcome", "summary", "sources",
}

var (
	provisionKinds = []string{model.ProvisionTitle, model.ProvisionPreamble}
	entryKinds     = []string{
		model.EntryProposal, model.EntryStatement, model.EntryObjection, model.EntryVote,
		model.EntryDecision, model.EntryDissociation, model.EntryInterpretiveStatement, model.EntryReservation,
	}
	outcomes = []string{model.OutcomeAdopted, model.OutcomeNotAdopted, model.OutcomeWithdrawn, model.OutcomePartlyAdopted}
)

// needsBy are the entry kinds that are somebody's act, so the entry must
// say whose. Votes and decisions are the body's.
var needsBy = map[string]bool{
	model.EntryProposal:              true,
	model.EntryStatement:             true,
	model.EntryObjection:             true,
	model.EntryDissociation:          true,
	model.EntryInterpretiveStatement: true,
	model.EntryReservation:           true,
}

// articleName is an article's file name: its zero-padded number and a slug.
var articleName = regexp.MustCompile(`^([0-9]+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$`)

// loadArticles decodes every article file, then keeps one article per
// number (or provision) in reading order: title, preamble, then by number.
func (l *loader) loadArticles() {
	type found struct {
		a      *model.Article
		at     source.Pos // where the article number or provision was written
		nameOK bool
	}
	var all []found
	for _, d := range l.decodeArticles(l.markdownFiles(contentDir+"/articles"), l.cache) {
		l.errs.Append(d.errs)
		if a, at := d.a, d.at; a != nil {
			l.articles = append(l.articles, a)
			if a.Kind != "" {
				all = append(all, found{a, at, d.nameOK})
			}
		}
	}
	// Of two files claiming one provision, the one with the right name
	// is kept, so the other is reported as the duplicate.
	sort.SliceStable(all, func(i, j int) bool { return all[i].nameOK && !all[j].nameOK })
	first := map[string]source.Pos{}
	for _, f := range all {
		slug := f.a.Slug()
		if p, dup := first[slug]; dup {
			l.errs.Add(f.at, "duplicate %s (first defined at %s)", provisionName(f.a), p)
			continue
		}
		first[slug] = f.at
		l.corpus.Articles = append(l.corpus.Articles, f.a)
	}
	sort.SliceStable(l.corpus.Articles, func(i, j int) bool {
		a, b := l.corpus.Articles[i], l.corpus.Articles[j]
		if ra, rb := readingRank(a), readingRank(b); ra != rb {
			return ra < rb
		}
		return a.Number < b.Number
	})
}

// readingRank puts the title first and the preamble second.
func readingRank(a *model.Article) int {
	switch a.Kind {
	case model.ProvisionTitle:
		return 0
	case model.ProvisionPreamble:
		return 1
	}
	return 2
}

// provisionName names an article in messages: "article 65", `provision "title"`.
func provisionName(a *model.Article) string {
	if a.Kind == model.ProvisionArticle {
		return fmt.Sprintf("article %d", a.Number)
	}
	return fmt.Sprintf("provision %q", a.Kind)
}

// loadArticle decodes one article file. It returns nil when the file has
// no usable front matter; an article whose number or provision is missing
// or wrong comes back with an empty Kind, so its other fields are still
// checked. at is where the number or provision was written.
func (l *loader) loadArticle(name string) (a *model.Article, at source.Pos) {
	y, root, body, ok := l.frontMatter(name)
	if !ok {
		return nil, at
	}
	r := y.record(root, "the front matter", articleKeys...)
	a = &model.Article{File: name, Body: body, Pos: r.pos}
	switch {
	case r.has("article") && r.has("provision"):
		l.errs.Add(r.keyPos("provision"), `give either "article" (a number) or "provision" (title or preamble), not both`)
	case r.has("provision"):
		r.need("provision")
		if a.Kind = r.enum("provision", provisionKinds); a.Kind != "" {
			at = r.valPos("provision")
		}
	case r.has("article"):
		r.need("article")
		if a.Number, at = r.number("article"); a.Number != 0 {
			a.Kind = model.ProvisionArticle
		}
	default:
		if r.ok {
			l.errs.Add(r.pos, `missing required field "article" (or "provision: title" or "provision: preamble")`)
		}
	}
	r.need("title")
	a.Title = r.str("title")
	a.TitleUnverified = r.flag("title_unverified")
	switch {
	case a.Kind == model.ProvisionArticle:
		r.need("chapter")
		a.Chapter = r.ref("chapter", "a chapter id")
	case a.Kind != "" && r.has("chapter"):
		l.errs.Add(r.keyPos("chapter"), `"chapter" is for articles only, not for the %s`, a.Kind)
	default:
		a.Chapter = r.ref("chapter", "a chapter id") // still checked when the kind is unknown
	}
	a.Topics = r.refs("topics", "topic id")
	a.Partial = r.flag("partial")
	a.TextSources = r.refs("text_sources", "source id")
	a.Updated = r.date("updated", true)
	a.Notes = r.text("notes")
	for _, p := range r.pairs("defines") {
		if p.val.Kind != yaml.ScalarNode || isNull(p.val) {
			l.errs.Add(y.pos(p.val), "the definition of %q must name a paragraph id like \"2-c\", not %s", p.key, describe(p.val))
			continue
		}
		on := model.Ref{ID: p.val.Value, Pos: y.pos(p.val)}
		if checkParagraph(r, on, fmt.Sprintf("the definition of %q", p.key)) {
			a.Defines = append(a.Defines, &model.Definition{Term: p.key, On: on})
		}
	}
	for _, p := range r.pairs("versions") {
		v := y.record(p.val, fmt.Sprintf("version %q", p.key), "number", "text", "sources")
		number, _ := v.number("number")
		a.Versions = append(a.Versions, &model.ArticleVersion{
			Version: model.Ref{ID: p.key, Pos: y.pos(p.keyAt)},
			Number:  number,
			Text:    v.text("text"),
			Sources: v.refs("sources", "source id"),
			Pos:     y.pos(p.keyAt),
		})
	}
	for _, n := range r.list("history", "history entries") {
		a.History = append(a.History, decodeEntry(y, n))
	}
	return a, at
}

// decodeEntry decodes one history entry. References are resolved later;
// here only the entry's own shape is checked.
func decodeEntry(y *yamlFile, n *yaml.Node) *model.Entry {
	r := y.record(n, "each history entry", entryKeys...)
	r.need("kind")
	r.needWhy("sources", "every claim cites a source")
	e := &model.Entry{
		Session:       r.ref("session", "a session id"),
		Date:          r.date("date", false),
		On:            r.paragraph("on"),
		Kind:          r.enum("kind", entryKinds),
		By:            r.refs("by", "delegation id"),
		OnBehalf:      r.ref("on_behalf", "a group id"),
		Supported:     r.refs("supported", "delegation id"),
		Opposed:       r.refs("opposed", "delegation id"),
		Wording:       r.text("wording"),
		Base:          r.ref("base", `"adopted" or a version id`),
		Reconstructed: r.flag("reconstructed"),
		Outcome:       r.enum("outcome", outcomes),
		Summary:       r.text("summary"),
		Sources:       r.refs("sources", "source id"),
		Pos:           r.pos,
	}
	if needsBy[e.Kind] {
		r.needWhy("by", fmt.Sprintf("every %s names who made it", e.Kind))
	}
	if r.has("edits") {
		r.need("edits")
	}
	for _, n := range r.list("edits", "edits") {
		er := y.record(n, "each edit", "replace", "with")
		er.need("replace")
		if er.ok && !er.has("with") {
			y.errs.Add(er.pos, `missing required field "with" (write with: "" to delete the text)`)
		}
		replace, rn := er.scalar("replace", "a string")
		pos := er.pos
		if rn != nil {
			pos = y.pos(rn)
		}
		e.Edits = append(e.Edits, &model.Edit{Replace: replace, With: er.str("with"), Pos: pos})
	}
	switch {
	case r.has("edits") && r.has("wording"):
		y.errs.Add(r.keyPos("edits"), `give either "wording" (the whole proposed text) or "edits" (changes to a base text), not both`)
	case r.has("base") && !r.has("edits"):
		y.errs.Add(r.keyPos("base"), `"base" is the text that "edits" apply to, but this entry has no edits`)
	}
	if len(e.Edits) > 0 && e.Base.ID == "" {
		e.Base = model.Ref{ID: adoptedBase, Pos: r.keyPos("edits")}
	}
	return e
}

// checkFileName reports a file whose name does not say which provision it
// holds, and suggests the right name: NNN-slug.md for article NNN (zero
// padded to three digits, so that files sort in reading order),
// title.md, preamble.md. It reports whether the name was right.
func (l *loader) checkFileName(a *model.Article, at source.Pos) bool {
	base := path.Base(a.File)
	var want string
	switch a.Kind {
	case model.ProvisionTitle, model.ProvisionPreamble:
		want = a.Kind + ".md"
		if base == want {
			return true
		}
	default:
		prefix := fmt.Sprintf("%03d-", a.Number)
		m := articleName.FindStringSubmatch(base)
		if m != nil && strings.HasPrefix(base, prefix) {
			return true
		}
		slug := slugify(a.Title)
		if m != nil {
			slug = m[2]
		}
		want = prefix + slug + ".md"
	}
	l.errs.Add(at, "file name %q does not match %s (rename the file %q)", base, provisionName(a), want)
	return false
}

// slugify makes a file-name slug from a title: "Entry into force" ->
// "entry-into-force".
func slugify(title string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(title) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "slug"
	}
	return b.String()
}
