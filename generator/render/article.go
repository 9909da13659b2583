package render

import (
	"slices"
	"strconv"
	"strings"

	"travaux/generator/model"
)

// articlePage is the page of the i-th provision in reading order.
func (s *site) articlePage(i int) *ArticlePage {
	a := s.c.Articles[i]
	heading := articleHeading(a)
	desc := heading + " of the " + s.info.Name + ": "
	if strings.TrimSpace(a.Body.Source) == "" {
		desc += "negotiation history and earlier versions."
	} else {
		desc += "the adopted text, its negotiation history and earlier versions."
	}
	p := &ArticlePage{
		Base:            s.base(articleURL(a), heading, desc),
		Heading:         heading,
		TitleUnverified: a.TitleUnverified,
		Updated:         formatDate(a.Updated),
		UpdatedISO:      a.Updated,
		Notes:           s.html(a.Notes),
	}
	if i > 0 {
		prev := s.c.Articles[i-1]
		p.Prev = &Link{URL: articleURL(prev), Text: articleHeading(prev)}
	}
	if i+1 < len(s.c.Articles) {
		next := s.c.Articles[i+1]
		p.Next = &Link{URL: articleURL(next), Text: articleHeading(next)}
	}
	if a.Chapter.ID != "" {
		text := "Chapter " + a.Chapter.ID
		if ch := s.c.Chapter(a.Chapter.ID); ch != nil && ch.Name != "" {
			text += ". " + ch.Name
		}
		p.Chapter = &Link{URL: "/#" + chapterAnchor(a.Chapter.ID), Text: text}
	}
	for _, t := range a.Topics {
		l := Link{Text: t.ID}
		if topic := s.c.Topic(t.ID); topic != nil {
			l = Link{URL: topicURL(t.ID), Text: topic.Name}
		}
		p.Topics = append(p.Topics, l)
	}
	body := s.rendered(a.Body)
	for _, d := range a.Defines {
		p.Defines = append(p.Defines, Definition{Term: d.Term, Paragraph: paragraphLink(body, d.On.ID)})
	}

	p.Text = ArticleText{Sources: s.sources(a.TextSources)}
	if strings.TrimSpace(a.Body.Source) == "" {
		p.Text.Empty = true
	} else {
		p.Text.HTML = s.html(a.Body)
		var nums []int
		if body != nil {
			nums = body.Numbers()
		}
		p.Text.Partial = partialNote(nums, a.Partial)
	}

	p.History = s.history(a, body)
	p.ByParagraph = byParagraph(body, p.History)
	p.Versions = s.versions(a)
	p.CitedBy = s.citedBy(a, body)
	places := map[string]bool{}
	for _, g := range p.CitedBy {
		for _, l := range g.From {
			places[l.URL] = true
		}
	}
	p.CitedByCount = len(places)
	p.Cite = s.citePrefix(a)
	p.BaseURL = s.baseURL
	texts := s.articleTexts(a)
	p.Texts = s.articleTextItems(a, texts)
	for i := range p.History {
		p.History[i].Redlines = entryRedlines(a, texts, i+1)
	}
	return p
}

// paragraphLink links to paragraph id of the adopted text, or only names
// it when the text does not hold it (a partial or missing text), so the
// page never has a dead fragment link.
func paragraphLink(body *model.Rendered, id string) Link {
	l := Link{Text: paragraphLabel(id)}
	if body != nil {
		if para := body.Paragraph(id); para != nil {
			l.URL = "#" + para.Anchor
		}
	}
	return l
}

// byParagraph groups the entries keyed to a paragraph, in the order of the
// paragraphs in the text, then of paragraphs the text does not hold by
// number. Entries keep their timeline order within a group.
func byParagraph(body *model.Rendered, entries []Entry) []ParagraphHistory {
	var ids []string
	groups := map[string]*ParagraphHistory{}
	for _, e := range entries {
		if e.On == nil {
			continue
		}
		id := e.onID
		g, ok := groups[id]
		if !ok {
			l := paragraphLink(body, id)
			l.Text = capitalize(l.Text)
			g = &ParagraphHistory{Anchor: "history-p" + id, Paragraph: l}
			groups[id] = g
			ids = append(ids, id)
		}
		g.Entries = append(g.Entries, Link{URL: "#" + e.Anchor, Text: e.short})
	}
	sortParagraphIDs(ids, paragraphOrder(body))
	var out []ParagraphHistory
	for _, id := range ids {
		out = append(out, *groups[id])
	}
	return out
}

// versions is the article's wording in earlier texts, oldest text first
// (the order of the versions registry).
func (s *site) versions(a *model.Article) []VersionText {
	vs := slices.Clone(a.Versions)
	index := func(id string) int {
		for i, v := range s.c.Versions {
			if v.ID == id {
				return i
			}
		}
		return len(s.c.Versions)
	}
	slices.SortStableFunc(vs, func(x, y *model.ArticleVersion) int {
		return index(x.Version.ID) - index(y.Version.ID)
	})
	var out []VersionText
	for _, av := range vs {
		vt := VersionText{
			Anchor:  "version-" + av.Version.ID,
			Label:   av.Version.ID,
			Sources: s.sources(av.Sources),
		}
		if v := s.c.Version(av.Version.ID); v != nil {
			vt.URL = versionURL(v.ID)
			vt.Label = v.Label
			vt.Symbol = v.Symbol
			vt.Date = formatDate(v.Date)
			vt.Note = s.html(v.Note)
		}
		if av.Number != 0 && av.Number != a.Number {
			vt.Number = "article " + strconv.Itoa(av.Number) + " in this text"
		}
		if strings.TrimSpace(av.Text.Source) != "" {
			vt.Text = s.html(av.Text)
		}
		out = append(out, vt)
	}
	return out
}

// paragraphOrder maps each paragraph id of a treaty text to its place in
// the text.
func paragraphOrder(body *model.Rendered) map[string]int {
	order := map[string]int{}
	if body != nil {
		for i, p := range body.Paragraphs {
			order[p.ID] = i
		}
	}
	return order
}

// sortParagraphIDs sorts ids as the text has them (order); ids the text
// does not have follow, by paragraph number and letter.
func sortParagraphIDs(ids []string, order map[string]int) {
	slices.SortStableFunc(ids, func(x, y string) int {
		ox, okx := order[x]
		oy, oky := order[y]
		switch {
		case okx && oky:
			return ox - oy
		case okx:
			return -1
		case oky:
			return 1
		}
		nx, lx := paragraphKey(x)
		ny, ly := paragraphKey(y)
		if nx != ny {
			return nx - ny
		}
		return strings.Compare(lx, ly)
	})
}
