package render

import (
	"strconv"
	"strings"

	"travaux/generator/model"
)

// indexPage is the home page: the instrument, its status and milestones,
// and the contents: the title and preamble, then each chapter's articles.
func (s *site) indexPage() *IndexPage {
	conv := s.c.Convention
	desc := conv.Title
	if conv.Subtitle != "" {
		desc += ": " + conv.Subtitle
	}
	desc += ". The adopted text, article by article, with the record of its negotiation."
	p := &IndexPage{
		Base:     s.base("/", "", desc),
		Heading:  conv.Title,
		Subtitle: conv.Subtitle,
		Symbol:   conv.Symbol,
		Status:   s.html(conv.Status),
		Record:   s.homeRecord(),
	}
	if p.Heading == "" {
		p.Heading = s.info.Name
	}
	for _, m := range conv.Milestones {
		p.Milestones = append(p.Milestones, Milestone{
			Date:     formatDate(m.Date),
			DateTime: m.Date,
			Text:     s.html(m.Text),
			Sources:  s.sources(m.Sources),
		})
	}
	placed := map[*model.Article]bool{}
	for _, a := range s.c.Articles {
		if a.Kind != model.ProvisionArticle {
			p.Front = append(p.Front, s.articleItem(a))
			placed[a] = true
		}
	}
	for _, ch := range conv.Chapters {
		item := ChapterItem{
			Anchor: chapterAnchor(ch.ID),
			Label:  "Chapter " + ch.ID,
			Name:   ch.Name,
		}
		for _, a := range s.c.ArticlesIn(ch.ID) {
			if !placed[a] {
				item.Articles = append(item.Articles, s.articleItem(a))
				placed[a] = true
			}
		}
		p.Chapters = append(p.Chapters, item)
	}
	// An article in no known chapter is still listed: the contents must
	// reach every page.
	var rest []ArticleItem
	for _, a := range s.c.Articles {
		if !placed[a] {
			rest = append(rest, s.articleItem(a))
		}
	}
	if len(rest) > 0 {
		p.Chapters = append(p.Chapters, ChapterItem{Anchor: "chapter-other", Label: "Other provisions", Articles: rest})
	}
	return p
}

// chapterAnchor is the id of a chapter's heading on the home page.
func chapterAnchor(id string) string { return "chapter-" + id }

// articleItem is a provision's line in the contents.
func (s *site) articleItem(a *model.Article) ArticleItem {
	label, title := articleLabel(a)
	return ArticleItem{
		URL:             articleURL(a),
		Label:           label,
		Title:           title,
		TitleUnverified: a.TitleUnverified,
		Text:            s.textState(a),
		History:         len(a.History),
		HistoryLabel:    historyLabel(len(a.History)),
	}
}

func historyLabel(n int) string {
	if n == 0 {
		return "no history entries"
	}
	return count(n, "history entry", "history entries")
}

// articleLabel splits a provision's name into its label ("Article 65") and
// title ("Entry into force"). The title and the preamble have no number:
// their label is their title, or their kind when untitled.
func articleLabel(a *model.Article) (label, title string) {
	if a.Kind == model.ProvisionArticle {
		return "Article " + strconv.Itoa(a.Number), a.Title
	}
	if a.Title != "" {
		return a.Title, ""
	}
	return capitalize(a.Kind), ""
}

// articleHeading is "Article 65 — Entry into force".
func articleHeading(a *model.Article) string {
	label, title := articleLabel(a)
	if title == "" {
		return label
	}
	return label + " — " + title
}

// textState says how much of the adopted text the edition holds.
func (s *site) textState(a *model.Article) string {
	if strings.TrimSpace(a.Body.Source) == "" {
		return TextNone
	}
	var nums []int
	if r := s.rendered(a.Body); r != nil {
		nums = r.Numbers()
	}
	if partialNote(nums, a.Partial) != "" {
		return TextPartial
	}
	return TextFull
}
