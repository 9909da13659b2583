package render

import (
	_ "embed"
	"io"
	"slices"
	"strconv"
	"strings"

	"travaux/generator/model"
)

// The open data: the whole corpus as one JSON file, data/convention.json,
// described by the JSON Schema (draft 2020-12) published beside it,
// data/convention.schema.json. Texts are given as their authors wrote them
// (Markdown); the adopted and earlier texts also as paragraphs of plain
// text, keyed like the site's anchors. Lists keep the site's orders: an
// article's history is its timeline, so entry N is #entry-N on its page.
// Fields with nothing to say are left out, except the booleans.
//
// The schema is written by hand, closed (no property it does not name),
// and the render tests validate the data against it, so the two cannot
// drift apart.

//go:embed convention.schema.json
var conventionSchema []byte

// dataFormat names the format and its version, for readers of the file.
const dataFormat = "travaux-convention/1"

type dataDoc struct {
	Format      string           `json:"format"`
	Schema      string           `json:"schema"`
	Convention  dataConvention   `json:"convention"`
	Versions    []dataVersion    `json:"versions"`
	Sessions    []dataSession    `json:"sessions"`
	Delegations []dataDelegation `json:"delegations"`
	Sources     []dataSource     `json:"sources"`
	Topics      []dataTopic      `json:"topics"`
	Articles    []dataArticle    `json:"articles"`
	Pages       []dataPage       `json:"pages"`
}

type dataConvention struct {
	Title      string          `json:"title"`
	Subtitle   string          `json:"subtitle,omitempty"`
	ShortTitle string          `json:"short_title,omitempty"`
	Symbol     string          `json:"symbol,omitempty"`
	BaseURL    string          `json:"base_url,omitempty"`
	Status     string          `json:"status,omitempty"`
	Milestones []dataMilestone `json:"milestones"`
	Chapters   []dataChapter   `json:"chapters"`
}

type dataMilestone struct {
	Date    string   `json:"date"`
	Text    string   `json:"text"`
	Sources []string `json:"sources,omitempty"`
}

type dataChapter struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

type dataVersion struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	Symbol  string `json:"symbol,omitempty"`
	Date    string `json:"date,omitempty"`
	Session string `json:"session,omitempty"`
	Note    string `json:"note,omitempty"`
	URL     string `json:"url"`
}

type dataSession struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Kind  string `json:"kind"`
	Place string `json:"place,omitempty"`
	Start string `json:"start,omitempty"`
	End   string `json:"end,omitempty"`
	URL   string `json:"url"`
}

type dataDelegation struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Region  string   `json:"region,omitempty"`
	Members []string `json:"members,omitempty"`
	URL     string   `json:"url,omitempty"` // only for delegations that appear in the record
}

type dataSource struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Kind      string `json:"kind"`
	Publisher string `json:"publisher,omitempty"`
	Date      string `json:"date,omitempty"`
	URL       string `json:"url,omitempty"`
}

type dataTopic struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Intro string `json:"intro,omitempty"`
	URL   string `json:"url"`
}

type dataArticle struct {
	Slug            string            `json:"slug"`
	Kind            string            `json:"kind"`
	Number          int               `json:"number,omitempty"`
	Title           string            `json:"title,omitempty"`
	TitleUnverified bool              `json:"title_unverified"`
	Chapter         string            `json:"chapter,omitempty"`
	Topics          []string          `json:"topics,omitempty"`
	Partial         bool              `json:"partial"`
	TextSources     []string          `json:"text_sources,omitempty"`
	Updated         string            `json:"updated,omitempty"`
	URL             string            `json:"url"`
	Text            string            `json:"text,omitempty"`
	Paragraphs      []dataParagraph   `json:"paragraphs,omitempty"`
	Defines         []dataDefinition  `json:"defines,omitempty"`
	Versions        []dataArticleText `json:"versions,omitempty"`
	History         []dataEntry       `json:"history,omitempty"`
	Notes           string            `json:"notes,omitempty"`
}

type dataParagraph struct {
	ID     string `json:"id"`
	Anchor string `json:"anchor"`
	Text   string `json:"text"`
}

type dataDefinition struct {
	Term string `json:"term"`
	On   string `json:"on"`
}

type dataArticleText struct {
	Version    string          `json:"version"`
	Number     int             `json:"number,omitempty"`
	Text       string          `json:"text,omitempty"`
	Paragraphs []dataParagraph `json:"paragraphs,omitempty"`
	Sources    []string        `json:"sources,omitempty"`
}

type dataEntry struct {
	Anchor        string     `json:"anchor"`
	Session       string     `json:"session,omitempty"`
	Date          string     `json:"date,omitempty"`
	On            string     `json:"on,omitempty"`
	Kind          string     `json:"kind"`
	By            []string   `json:"by,omitempty"`
	OnBehalf      string     `json:"on_behalf,omitempty"`
	Supported     []string   `json:"supported,omitempty"`
	Opposed       []string   `json:"opposed,omitempty"`
	Wording       string     `json:"wording,omitempty"`
	Base          string     `json:"base,omitempty"`
	Edits         []dataEdit `json:"edits,omitempty"`
	Reconstructed bool       `json:"reconstructed"`
	Outcome       string     `json:"outcome,omitempty"`
	Summary       string     `json:"summary,omitempty"`
	Sources       []string   `json:"sources,omitempty"`
}

type dataEdit struct {
	Replace string `json:"replace"`
	With    string `json:"with"`
}

type dataPage struct {
	Slug  string `json:"slug"`
	Title string `json:"title"`
	Body  string `json:"body,omitempty"`
	URL   string `json:"url"`
}

func ids(refs []model.Ref) []string {
	var out []string
	for _, r := range refs {
		out = append(out, r.ID)
	}
	return out
}

// src is a text as its author wrote it, with line endings made plain.
func src(t model.Text) string {
	return strings.TrimSpace(strings.ReplaceAll(t.Source, "\r\n", "\n"))
}

func (s *site) paragraphs(t model.Text) []dataParagraph {
	r := s.rendered(t)
	if r == nil {
		return nil
	}
	var out []dataParagraph
	for _, p := range r.Paragraphs {
		out = append(out, dataParagraph{ID: p.ID, Anchor: p.Anchor, Text: p.Text})
	}
	return out
}

// writeOpenData writes data/convention.json to w, an article at a time,
// so that a large edition's export is never held whole. The result is
// what encoding/json makes of a dataDoc holding every article
// (TestOpenDataStream), compact: the export grows with the edition, and
// indenting it costs more than encoding it.
func (s *site) writeOpenData(w io.Writer) error {
	d := s.dataHead()
	j := newJSONStream(w, s.stop)
	// The fields in dataDoc's order, the articles streamed in their place.
	head := []struct {
		key   string
		value any
	}{{"format", d.Format}, {"schema", d.Schema}, {"convention", d.Convention}, {"versions", d.Versions},
		{"sessions", d.Sessions}, {"delegations", d.Delegations}, {"sources", d.Sources}, {"topics", d.Topics}}
	for i, f := range head {
		if i == 0 {
			j.raw(`{"` + f.key + `":`)
		} else {
			j.raw(`,"` + f.key + `":`)
		}
		j.value(f.value)
	}
	j.raw(`,"articles":[`)
	for i, a := range s.c.Articles {
		if !j.ok() {
			break // stopped: make no more articles
		}
		if i > 0 {
			j.raw(",")
		}
		j.value(s.dataArticle(a))
	}
	j.raw(`],"pages":`)
	j.value(d.Pages)
	j.raw("}\n")
	return j.err
}

// dataHead is the export without its articles (see dataArticle).
func (s *site) dataHead() dataDoc {
	c := s.c
	conv := c.Convention
	d := dataDoc{
		Format: dataFormat,
		Schema: "/" + schemaPath,
		Convention: dataConvention{
			Title:      conv.Title,
			Subtitle:   conv.Subtitle,
			ShortTitle: conv.ShortTitle,
			Symbol:     conv.Symbol,
			BaseURL:    conv.BaseURL,
			Status:     src(conv.Status),
			Milestones: []dataMilestone{},
			Chapters:   []dataChapter{},
		},
		Versions:    []dataVersion{},
		Sessions:    []dataSession{},
		Delegations: []dataDelegation{},
		Sources:     []dataSource{},
		Topics:      []dataTopic{},
		Articles:    []dataArticle{},
		Pages:       []dataPage{},
	}
	if s.baseURL != "" {
		d.Schema = s.baseURL + d.Schema
	}
	for _, m := range conv.Milestones {
		d.Convention.Milestones = append(d.Convention.Milestones, dataMilestone{Date: m.Date, Text: src(m.Text), Sources: ids(m.Sources)})
	}
	for _, ch := range conv.Chapters {
		d.Convention.Chapters = append(d.Convention.Chapters, dataChapter{ID: ch.ID, Name: ch.Name})
	}
	for _, v := range c.Versions {
		d.Versions = append(d.Versions, dataVersion{ID: v.ID, Label: v.Label, Symbol: v.Symbol, Date: v.Date, Session: v.Session.ID, Note: src(v.Note), URL: versionURL(v.ID)})
	}
	for _, r := range s.catalog().Sessions {
		sess := r.Session
		d.Sessions = append(d.Sessions, dataSession{ID: sess.ID, Name: sess.Name, Kind: sess.Kind, Place: sess.Place, Start: sess.Start, End: sess.End, URL: sessionURL(sess.ID)})
	}
	for _, dl := range c.Delegations {
		x := dataDelegation{ID: dl.ID, Name: dl.Name, Kind: dl.Kind, Region: dl.Region, Members: ids(dl.Members)}
		if s.catalog().Delegation(dl.ID) != nil {
			x.URL = delegationURL(dl.ID)
		}
		d.Delegations = append(d.Delegations, x)
	}
	for _, so := range c.Sources {
		d.Sources = append(d.Sources, dataSource{ID: so.ID, Title: so.Title, Kind: so.Kind, Publisher: so.Publisher, Date: so.Date, URL: so.URL})
	}
	for _, t := range c.Topics {
		d.Topics = append(d.Topics, dataTopic{ID: t.ID, Name: t.Name, Intro: src(t.Intro), URL: topicURL(t.ID)})
	}
	for _, p := range c.Pages {
		d.Pages = append(d.Pages, dataPage{Slug: p.Slug, Title: p.Title, Body: src(p.Body), URL: pageURL(p)})
	}
	return d
}

// dataArticle is one article of the export.
func (s *site) dataArticle(a *model.Article) dataArticle {
	x := dataArticle{
		Slug:            a.Slug(),
		Kind:            a.Kind,
		Number:          a.Number,
		Title:           a.Title,
		TitleUnverified: a.TitleUnverified,
		Chapter:         a.Chapter.ID,
		Topics:          ids(a.Topics),
		Partial:         a.Partial,
		TextSources:     ids(a.TextSources),
		Updated:         a.Updated,
		URL:             articleURL(a),
		Text:            src(a.Body),
		Paragraphs:      s.paragraphs(a.Body),
		Notes:           src(a.Notes),
	}
	for _, df := range a.Defines {
		x.Defines = append(x.Defines, dataDefinition{Term: df.Term, On: df.On.ID})
	}
	for _, av := range s.sortedVersions(a) {
		x.Versions = append(x.Versions, dataArticleText{Version: av.Version.ID, Number: av.Number, Text: src(av.Text), Paragraphs: s.paragraphs(av.Text), Sources: ids(av.Sources)})
	}
	for i, e := range s.timeline(a) {
		y := dataEntry{
			Anchor:        "entry-" + strconv.Itoa(i+1),
			Session:       e.Session.ID,
			Date:          e.Date,
			On:            e.On.ID,
			Kind:          e.Kind,
			By:            ids(e.By),
			OnBehalf:      e.OnBehalf.ID,
			Supported:     ids(e.Supported),
			Opposed:       ids(e.Opposed),
			Wording:       src(e.Wording),
			Reconstructed: e.Reconstructed,
			Outcome:       e.Outcome,
			Summary:       src(e.Summary),
			Sources:       ids(e.Sources),
		}
		if len(e.Edits) > 0 {
			y.Base = e.Base.ID
			if y.Base == "" {
				y.Base = "adopted"
			}
		}
		for _, ed := range e.Edits {
			y.Edits = append(y.Edits, dataEdit{Replace: ed.Replace, With: ed.With})
		}
		x.History = append(x.History, y)
	}
	return x
}

// sortedVersions is an article's earlier wordings in the order of the
// versions registry (oldest first), as the article page shows them.
func (s *site) sortedVersions(a *model.Article) []*model.ArticleVersion {
	order := map[string]int{}
	for i, v := range s.c.Versions {
		order[v.ID] = i
	}
	index := func(id string) int {
		if i, ok := order[id]; ok {
			return i
		}
		return len(s.c.Versions)
	}
	vs := slices.Clone(a.Versions)
	slices.SortStableFunc(vs, func(x, y *model.ArticleVersion) int { return index(x.Version.ID) - index(y.Version.ID) })
	return vs
}
