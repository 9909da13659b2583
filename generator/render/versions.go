package render

import (
	"strconv"

	"travaux/generator/catalog"
	"travaux/generator/model"
)

// versionsPage lists the negotiating texts.
func (s *site) versionsPage() *ListPage {
	p := &ListPage{
		Base:    s.base(versionsURL, "Negotiating texts", "The negotiating texts of the "+s.info.Name+" that this edition refers to."),
		Heading: "Negotiating texts",
		Intro:   "The drafts the negotiation worked from, oldest first, each with the provisions this edition holds in it and a concordance of its article numbers with the adopted ones.",
	}
	for _, r := range s.catalog().Versions {
		v := r.Version
		detail := v.Symbol
		if v.Date != "" {
			if detail != "" {
				detail += ", "
			}
			detail += formatDate(v.Date)
		}
		held := "no provisions held yet"
		if len(r.Articles) > 0 {
			held = count(len(r.Articles), "provision", "provisions") + " held"
		}
		if detail != "" {
			detail += "; " + held
		} else {
			detail = held
		}
		p.Items = append(p.Items, ListItem{Link: Link{URL: versionURL(v.ID), Text: v.Label}, Detail: detail})
	}
	return p
}

// versionPage is a negotiating text and its concordance.
func (s *site) versionPage(r *catalog.VersionRecord) *VersionPage {
	v := r.Version
	p := &VersionPage{
		Base:    s.base(versionURL(v.ID), v.Label, versionName(v)+": a negotiating text of the "+s.info.Name+", the provisions this edition holds in it and their numbers."),
		Heading: v.Label,
		Symbol:  v.Symbol,
		Date:    formatDate(v.Date),
		DateISO: v.Date,
		Note:    s.html(v.Note),
		Based:   s.items(r.Based),
	}
	if r.Session != nil {
		p.Session = &Link{URL: sessionURL(r.Session.ID), Text: r.Session.Name}
	}
	renumbered := 0
	for _, va := range r.Articles {
		row := ConcordanceRow{
			Old:        oldLabel(va),
			Adopted:    Link{URL: articleURL(va.Article), Text: articleHeading(va.Article)},
			Renumbered: va.Renumbered(),
		}
		if va.Article.Kind == model.ProvisionArticle {
			row.OldURL = oldNumberURL(v.ID, strconv.Itoa(va.Number))
		}
		if va.HasText() {
			row.Wording = &Link{URL: articleURL(va.Article) + "#version-" + v.ID, Text: row.Old + " in this text"}
		}
		if row.Renumbered {
			renumbered++
		}
		p.Concordance = append(p.Concordance, row)
	}
	switch {
	case len(r.Articles) == 0:
		p.Held = "This edition holds none of the provisions of this text yet."
	default:
		p.Held = "This edition records " + count(len(r.Articles), "provision", "provisions") + " of this text"
		switch {
		case renumbered == 0 && len(r.Articles) == 1:
			p.Held += "; it has the same number in the adopted Convention."
		case renumbered == 0:
			p.Held += "; each has the same number in the adopted Convention."
		default:
			p.Held += "; " + count(renumbered, "article has", "articles have") + " another number in the adopted Convention."
		}
	}
	return p
}

// oldLabel names a provision by its number in a text: "Article 64".
func oldLabel(va catalog.VersionArticle) string {
	if va.Article.Kind != model.ProvisionArticle {
		label, _ := articleLabel(va.Article)
		return label
	}
	return "Article " + strconv.Itoa(va.Number)
}

// redirectPage is a page at an old article number.
type redirectPage struct {
	url  string
	page *RedirectPage
}

// redirectPages are the addresses of a text's own article numbers, each
// forwarding to the adopted article it became: /versions/rev3/articles/64/
// to /articles/65/. Hosts that honour no meta refresh show the note and
// the link. A number that became several adopted articles gets a page
// that lists them and forwards nowhere.
func (s *site) redirectPages(r *catalog.VersionRecord) []redirectPage {
	v := r.Version
	var numbers []int
	targets := map[int][]*model.Article{}
	for _, va := range r.Articles {
		if va.Article.Kind != model.ProvisionArticle {
			continue
		}
		if _, ok := targets[va.Number]; !ok {
			numbers = append(numbers, va.Number)
		}
		targets[va.Number] = append(targets[va.Number], va.Article)
	}
	var out []redirectPage
	for _, n := range numbers {
		url := oldNumberURL(v.ID, strconv.Itoa(n))
		old := "Article " + strconv.Itoa(n) + " of the " + lower(v.Label)
		if v.Symbol != "" {
			old += " (" + v.Symbol + ")"
		}
		as := targets[n]
		first := as[0]
		p := &RedirectPage{
			Base:    s.base(url, "Article "+strconv.Itoa(n)+" of "+v.Label, old+" in the adopted Convention."),
			Heading: "Article " + strconv.Itoa(n) + " of the " + lower(v.Label),
			Target:  Link{URL: articleURL(first), Text: articleHeading(first)},
		}
		p.Canonical = ""
		if s.baseURL != "" {
			p.Canonical = s.baseURL + articleURL(first)
		}
		if len(as) == 1 {
			if first.Number == n {
				p.Note = old + " kept its number: it is article " + strconv.Itoa(first.Number) + " of the adopted Convention."
			} else {
				p.Note = old + " is article " + strconv.Itoa(first.Number) + " of the adopted Convention."
			}
			p.Refresh = "0; url=" + articleURL(first)
		} else {
			p.Note = old + " became several articles of the adopted Convention."
			for _, a := range as {
				p.Others = append(p.Others, Link{URL: articleURL(a), Text: articleHeading(a)})
			}
		}
		out = append(out, redirectPage{url: url, page: p})
	}
	return out
}
