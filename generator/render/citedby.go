package render

import (
	"encoding/json"
	"strings"

	"travaux/generator/model"
	"travaux/generator/xref"
)

// CitedByGroup lists the places that cite one paragraph of an article, or
// the article as a whole.
type CitedByGroup struct {
	Anchor    string // "cited-by-p2", or "cited-by-article" for the whole article
	Paragraph Link   // "Paragraph 2" to "#p2"; "The article as a whole" with no URL
	From      []Link // "Article 14, history: Vote by Iran" to "/articles/14/#entry-9"
}

// citedBy groups the backlinks of a: the article as a whole first, then
// its paragraphs in the order of its text, then paragraphs the text does
// not hold, by number.
func (s *site) citedBy(a *model.Article, body *model.Rendered) []CitedByGroup {
	links := s.in.CitedBy[a.Slug()]
	if len(links) == 0 {
		return nil
	}
	groups := map[string]*CitedByGroup{}
	var ids []string
	for _, bl := range links {
		g, ok := groups[bl.Paragraph]
		if !ok {
			g = &CitedByGroup{Anchor: "cited-by-article", Paragraph: Link{Text: "The article as a whole"}}
			if a.Kind != model.ProvisionArticle {
				g.Paragraph.Text = "The " + a.Kind + " as a whole"
			}
			if bl.Paragraph != "" {
				g.Anchor = "cited-by-p" + bl.Paragraph
				g.Paragraph = paragraphLink(body, bl.Paragraph)
				g.Paragraph.Text = capitalize(g.Paragraph.Text)
				if g.Paragraph.URL == "" {
					g.Paragraph.Text += " (not in this edition’s text)"
				}
			}
			groups[bl.Paragraph] = g
			ids = append(ids, bl.Paragraph)
		}
		g.From = append(g.From, s.sourceLink(bl.From))
	}
	order := paragraphOrder(body)
	order[""] = -1 // the article as a whole comes first
	sortParagraphIDs(ids, order)
	var out []CitedByGroup
	for _, id := range ids {
		out = append(out, *groups[id])
	}
	return out
}

// sourceLink names and links a place that cites: a paragraph of an
// article's text, one of its history entries, an earlier version, its
// notes, a page, the home page, a topic's introduction or the note on a
// negotiating text.
func (s *site) sourceLink(src xref.Source) Link {
	switch {
	case src.Page != nil:
		return Link{URL: pageURL(src.Page), Text: src.Page.Title}
	case src.Home:
		return Link{URL: "/", Text: "The edition’s status and milestones (home page)"}
	case src.Topic != nil:
		return Link{URL: topicURL(src.Topic.ID), Text: "Topic: " + src.Topic.Name}
	case src.VersionNote != nil:
		return Link{URL: versionURL(src.VersionNote.ID), Text: "Negotiating text: " + src.VersionNote.Label}
	case src.Article == nil:
		return Link{Text: "An unnamed text"}
	}
	a := src.Article
	name, _ := articleLabel(a)
	u := articleURL(a)
	switch {
	case src.Entry != nil:
		for i, e := range s.timeline(a) {
			if e == src.Entry {
				v := s.entry(i+1, e, nil)
				return Link{URL: u + "#" + v.Anchor, Text: name + ", history: " + v.Heading}
			}
		}
		return Link{URL: u + "#history", Text: name + ", history"}
	case src.Version != nil:
		label := src.Version.Version.ID
		if v := s.c.Version(label); v != nil {
			label = v.Label
		}
		return Link{URL: u + "#version-" + src.Version.Version.ID, Text: name + ", earlier version: " + label}
	case src.Notes:
		return Link{URL: u + "#notes", Text: name + ", editors’ notes"}
	case src.Paragraph != "":
		l := paragraphLink(s.rendered(a.Body), src.Paragraph)
		if l.URL == "" {
			return Link{URL: u + "#text", Text: name + ", " + l.Text}
		}
		return Link{URL: u + l.URL, Text: name + ", " + l.Text}
	}
	return Link{URL: u + "#text", Text: name + ", adopted text"}
}

// previewFile is articles/<slug>/paragraphs.json: what the previews of
// citations show, fetched by xref.js from the same host.
type previewFile struct {
	Article    string             `json:"article"` // the slug
	Heading    string             `json:"heading"` // "Article 40 — General principles …"
	URL        string             `json:"url"`
	Note       string             `json:"note,omitempty"` // which paragraphs the edition holds, when not all
	Paragraphs []previewParagraph `json:"paragraphs"`
}

type previewParagraph struct {
	ID     string `json:"id"`     // "21-b"
	Anchor string `json:"anchor"` // "p21-b"
	Label  string `json:"label"`  // "Paragraph 21 (b)"
	Text   string `json:"text"`   // plain text
}

// preview returns the preview file of a.
func (s *site) preview(a *model.Article) ([]byte, error) {
	f := previewFile{Article: a.Slug(), Heading: articleHeading(a), URL: articleURL(a), Paragraphs: []previewParagraph{}}
	body := s.rendered(a.Body)
	if strings.TrimSpace(a.Body.Source) == "" || body == nil {
		f.Note = "The text of this provision is not included in this edition yet."
	} else {
		f.Note = partialNote(body.Numbers(), a.Partial)
		for _, p := range body.Paragraphs {
			f.Paragraphs = append(f.Paragraphs, previewParagraph{ID: p.ID, Anchor: p.Anchor, Label: capitalize(paragraphLabel(p.ID)), Text: p.Text})
		}
	}
	b, err := json.Marshal(f)
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// previewPath is where the preview file of a is published.
func previewPath(a *model.Article) string {
	return strings.TrimPrefix(articleURL(a), "/") + "paragraphs.json"
}

// citePrefix is what a copied citation of a paragraph of a starts with:
// "UN Convention against Cybercrime, art. 40"; xref.js adds "(21)(b)" and
// the paragraph's URL.
func (s *site) citePrefix(a *model.Article) string {
	if a.Kind == model.ProvisionArticle {
		return s.info.Name + ", art. " + a.Slug()
	}
	return s.info.Name + ", " + a.Kind
}
