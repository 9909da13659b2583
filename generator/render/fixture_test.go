package render

import (
	"html/template"

	"travaux/generator/model"
	"travaux/generator/source"
	"travaux/generator/xref"
)

// The test edition: a small corpus in the shape the loader builds, and the
// markdown stage's output for its texts written by hand, so render is
// tested on its own. It has the title provision; article 40 with only
// paragraph 21 (partial, starting at 21); article 61 with no text and an
// unverified title; and article 65 with paragraph 1 of a text flagged
// partial, a proposal as edits with supporters, a group statement, and an
// earlier version. One summary is deliberately left out of Rendered, to
// test the plain-text fallback.

func pos(file string, line int) source.Pos { return source.Pos{File: file, Line: line, Col: 1} }

func ref(id string) model.Ref { return model.Ref{ID: id} }

func refs(ids ...string) []model.Ref {
	var out []model.Ref
	for _, id := range ids {
		out = append(out, ref(id))
	}
	return out
}

func text(file string, line int, src string) model.Text {
	return model.Text{Source: src, Pos: pos(file, line)}
}

// fixture returns a fresh corpus and its rendered texts; tests may change
// them.
func fixture() (*model.Corpus, map[model.Text]*model.Rendered) {
	rendered := map[model.Text]*model.Rendered{}
	prose := func(t model.Text, html string) model.Text {
		rendered[t] = &model.Rendered{HTML: template.HTML(html)}
		return t
	}
	treaty := func(t model.Text, html string, paras ...model.Paragraph) model.Text {
		rendered[t] = &model.Rendered{HTML: template.HTML(html), Paragraphs: paras}
		return t
	}
	// texts are the paragraphs' plain text, as the markdown stage gives
	// it for previews.
	texts := map[string]string{
		"1":    "This Convention shall enter into force on the ninetieth day after the date of deposit of the fortieth instrument of ratification, acceptance, approval or accession.",
		"21":   "Mutual legal assistance may be refused:\n(a) If the request is not made in conformity with the provisions of this article;\n(b) If the requested State Party considers that execution of the request is likely to prejudice its sovereignty, security, ordre public or other essential interests;",
		"21-a": "If the request is not made in conformity with the provisions of this article;",
		"21-b": "If the requested State Party considers that execution of the request is likely to prejudice its sovereignty, security, ordre public or other essential interests;",
	}
	para := func(id string, number int, letter string) model.Paragraph {
		anchor := "p" + id
		return model.Paragraph{ID: id, Anchor: anchor, Number: number, Letter: letter, Text: texts[id]}
	}

	const a40 = "content/articles/040-mutual-legal-assistance.md"
	const a61 = "content/articles/061-relation-with-protocols.md"
	const a65 = "content/articles/065-entry-into-force.md"
	const atitle = "content/articles/title.md"

	c := &model.Corpus{
		Convention: model.Convention{
			Title:      "United Nations Convention against Cybercrime",
			Subtitle:   "Strengthening International Cooperation for Combating Certain Crimes Committed by Means of Information and Communications Technology Systems and for the Sharing of Evidence in Electronic Form of Serious Crimes",
			ShortTitle: "UN Convention against Cybercrime",
			Symbol:     "A/RES/79/243",
			BaseURL:    "https://cybercrime.example.org/",
			Status: prose(text("content/convention.yaml", 5, "Adopted by the General Assembly; open for signature."),
				"<p>Adopted by the General Assembly; open for signature.</p>\n"),
			Milestones: []*model.Milestone{
				{Date: "2024-08-08", Text: prose(text("content/convention.yaml", 9, "Approved by the Ad Hoc Committee."), "<p>Approved by the Ad Hoc Committee.</p>\n"), Sources: refs("ahc-l15")},
				{Date: "2024-12-24", Text: prose(text("content/convention.yaml", 12, "Adopted by the General Assembly, resolution 79/243."), "<p>Adopted by the General Assembly, resolution 79/243.</p>\n")},
				{Date: "2025-10", Text: text("content/convention.yaml", 15, "Opened for signature in Hanoi.")},
			},
			Chapters: []*model.Chapter{
				{ID: "I", Name: "General provisions"},
				{ID: "V", Name: "International cooperation"},
				{ID: "IX", Name: "Final provisions"},
			},
		},
		Versions: []*model.Version{
			{ID: "rev3", Label: "Updated draft text of the convention", Symbol: "A/AC.291/22/Rev.3", Date: "2024-07", Session: ref("reconvened-concluding")},
			{ID: "l15", Label: "Draft convention approved by the Committee", Symbol: "A/AC.291/L.15", Date: "2024-08-08"},
		},
		Sessions: []*model.Session{
			{ID: "concluding", Name: "Concluding session", Kind: "session", Place: "New York", Start: "2024-01-29", End: "2024-02-09"},
			{ID: "reconvened-concluding", Name: "Reconvened concluding session", Kind: "session", Place: "New York", Start: "2024-07-29", End: "2024-08-09"},
		},
		Delegations: []*model.Delegation{
			{ID: "AZE", Name: "Azerbaijan", Kind: model.KindState},
			{ID: "CAN", Name: "Canada", Kind: model.KindState},
			{ID: "CRI", Name: "Costa Rica", Kind: model.KindState},
			{ID: "FRA", Name: "France", Kind: model.KindState},
			{ID: "IRN", Name: "Iran (Islamic Republic of)", Kind: model.KindState},
			{ID: "LIE", Name: "Liechtenstein", Kind: model.KindState},
			{ID: "MEX", Name: "Mexico", Kind: model.KindState},
			{ID: "NGA", Name: "Nigeria", Kind: model.KindState},
			{ID: "NZL", Name: "New Zealand", Kind: model.KindState},
			{ID: "PAK", Name: "Pakistan", Kind: model.KindState},
			{ID: "RUS", Name: "Russian Federation", Kind: model.KindState},
			{ID: "SYR", Name: "Syrian Arab Republic", Kind: model.KindState},
			{ID: "USA", Name: "United States of America", Kind: model.KindState},
			{ID: "chair", Name: "Chair of the Ad Hoc Committee", Kind: model.KindOffice},
			{ID: "group-syr-2024", Name: "Group of countries (joint statement delivered by the Syrian Arab Republic)", Kind: model.KindGroup, Members: refs("SYR", "IRN", "RUS")},
		},
		Sources: []*model.Source{
			{ID: "diplo-2024-08", Title: "UN approves its first comprehensive convention on cybercrime", Kind: model.SourceObserverReport, Publisher: "Diplo", Date: "2024-08", URL: "https://example.org/reports/un-cybercrime-convention-approved-final-round-of-negotiations-2024"},
			{ID: "ahc-l15", Title: "Draft United Nations convention against cybercrime", Kind: model.SourceDocument, Publisher: "Ad Hoc Committee", Date: "2024-08-07"},
			{ID: "ahc-record", Title: "Report of the Ad Hoc Committee on its reconvened concluding session", Kind: model.SourceOfficialRecord, Publisher: "United Nations"},
		},
		Topics: []*model.Topic{
			{ID: "ratification", Name: "Ratification and entry into force"},
			{ID: "mla", Name: "Mutual legal assistance"},
		},
		Pages: []*model.Page{
			{Slug: "about", Title: "About this edition", Body: prose(text("content/pages/about.md", 4, "What this edition is."),
				"<p>This edition annotates the Convention article by article.</p>\n<h2 id=\"sources\">Sources</h2>\n<p>Each fact cites its source.</p>\n")},
		},
	}

	c.Articles = []*model.Article{
		{
			File:  atitle,
			Kind:  model.ProvisionTitle,
			Title: "Title",
			Body: treaty(text(atitle, 6, "United Nations Convention against Cybercrime; ..."),
				"<div class=\"treaty-text\">\n<p>United Nations Convention against Cybercrime; Strengthening International Cooperation for Combating Certain Crimes Committed by Means of Information and Communications Technology Systems and for the Sharing of Evidence in Electronic Form of Serious Crimes</p>\n</div>\n"),
			TextSources: refs("diplo-2024-08"),
			History: []*model.Entry{
				{Session: ref("reconvened-concluding"), Kind: model.EntryDecision, Outcome: model.OutcomeAdopted,
					Summary: prose(text(atitle, 4, "The long title was agreed."), "<p>The Committee kept the long title with its subtitle.</p>\n"),
					Sources: refs("diplo-2024-08")},
			},
		},
		{
			File:            a40,
			Kind:            model.ProvisionArticle,
			Number:          40,
			Title:           "General principles and procedures relating to mutual legal assistance",
			TitleUnverified: true,
			Chapter:         ref("V"),
			Topics:          refs("mla"),
			Partial:         true,
			TextSources:     refs("diplo-2024-08"),
			Body: treaty(text(a40, 30, "21. Mutual legal assistance may be refused: ..."),
				`<div class="treaty-text">
<div class="para" id="p21">
<p><a class="pnum" href="#p21" aria-label="Permalink to paragraph 21">21.</a> Mutual legal assistance may be refused:</p>
<div class="subpara" id="p21-a">
<p><a class="pnum" href="#p21-a" aria-label="Permalink to paragraph 21 (a)">(a)</a> If the request is not made in conformity with the provisions of this article;</p>
</div>
<div class="subpara" id="p21-b">
<p><a class="pnum" href="#p21-b" aria-label="Permalink to paragraph 21 (b)">(b)</a> If the requested State Party considers that execution of the request is likely to prejudice its sovereignty, security, ordre public or other essential interests;</p>
</div>
</div>
</div>
`,
				para("21", 21, ""), para("21-a", 21, "a"), para("21-b", 21, "b")),
			History: []*model.Entry{
				{Session: ref("reconvened-concluding"), On: ref("21"), Kind: model.EntryProposal, By: refs("CRI"),
					Supported: refs("LIE", "FRA", "CAN", "USA"), Opposed: refs("RUS", "NGA", "PAK"),
					Outcome: model.OutcomeNotAdopted,
					Summary: prose(text(a40, 12, "Sought a political-offence ground."), "<p>Sought an express ground for refusing requests about political offences.</p>\n"),
					Sources: refs("diplo-2024-08")},
				{Session: ref("reconvened-concluding"), Date: "2024-08-08", On: ref("21-b"), Kind: model.EntryDecision,
					Outcome: model.OutcomeAdopted,
					Summary: prose(text(a40, 20, "Kept the essential-interests ground."), "<p>The ground of essential interests was kept as drafted.</p>\n"),
					Sources: refs("ahc-l15")},
			},
		},
		{
			File:            a61,
			Kind:            model.ProvisionArticle,
			Number:          61,
			Title:           "Relation with protocols",
			TitleUnverified: true,
			Chapter:         ref("IX"),
			History: []*model.Entry{
				{Session: ref("reconvened-concluding"), On: ref("1"), Kind: model.EntryStatement, By: refs("MEX", "FRA"),
					Summary: text(a61, 9, "Thought it too early to discuss protocols <script>alert(1)</script>."),
					Sources: refs("diplo-2024-08")},
			},
		},
		{
			File:        a65,
			Kind:        model.ProvisionArticle,
			Number:      65,
			Title:       "Entry into force",
			Chapter:     ref("IX"),
			Topics:      refs("ratification"),
			Partial:     true,
			TextSources: refs("diplo-2024-08", "ahc-l15"),
			Updated:     "2026-11-27",
			Body: treaty(text(a65, 40, "1. This Convention shall enter into force on the ninetieth day after the date of deposit of the fortieth instrument of ratification, acceptance, approval or accession. For the purpose of this paragraph, any instrument deposited by a regional economic integration organization shall not be counted as additional to those deposited by member States of that organization."),
				`<div class="treaty-text">
<div class="para" id="p1">
<p><a class="pnum" href="#p1" aria-label="Permalink to paragraph 1">1.</a> This Convention shall enter into force on the ninetieth day after the date of deposit of the fortieth instrument of ratification, acceptance, approval or accession. For the purpose of this paragraph, any instrument deposited by a regional economic integration organization shall not be counted as additional to those deposited by member States of that organization.</p>
</div>
</div>
`,
				para("1", 1, "")),
			Versions: []*model.ArticleVersion{
				{Version: ref("l15"), Text: treaty(text(a65, 8, "1. This Convention shall enter into force on the ninetieth day after the date of deposit of the fortieth instrument of ratification, acceptance, approval or accession."),
					"<div class=\"treaty-text\">\n<div class=\"para\" id=\"l15-p1\">\n<p><a class=\"pnum\" href=\"#l15-p1\" aria-label=\"Permalink to paragraph 1 of this text\">1.</a> This Convention shall enter into force on the ninetieth day after the date of deposit of the fortieth instrument of ratification, acceptance, approval or accession.</p>\n</div>\n</div>\n",
					para("1", 1, "")), Sources: refs("ahc-l15")},
				{Version: ref("rev3"), Number: 64},
			},
			History: []*model.Entry{
				{Session: ref("reconvened-concluding"), On: ref("1"), Kind: model.EntryStatement, By: refs("SYR"), OnBehalf: ref("group-syr-2024"),
					Summary: prose(text(a65, 30, "Joint statement."), "<p>Asked that the threshold be kept low.</p>\n"),
					Sources: refs("ahc-record")},
				{Session: ref("reconvened-concluding"), On: ref("1"), Kind: model.EntryProposal, By: refs("MEX"),
					Supported:     refs("NZL", "LIE"),
					Base:          ref("adopted"),
					Edits:         []*model.Edit{{Replace: "fortieth", With: "sixtieth"}},
					Reconstructed: true,
					Outcome:       model.OutcomeNotAdopted,
					Summary:       prose(text(a65, 20, "Argued for a higher threshold."), "<p>Argued that a higher threshold would show broad support for the Convention.</p>\n"),
					Sources:       refs("diplo-2024-08")},
				{Session: ref("reconvened-concluding"), On: ref("1"), Kind: model.EntryProposal, By: refs("RUS"),
					Supported:     refs("IRN", "AZE"),
					Base:          ref("rev3"),
					Edits:         []*model.Edit{{Replace: "fortieth", With: "thirtieth"}},
					Reconstructed: true,
					Outcome:       model.OutcomeNotAdopted,
					Summary:       prose(text(a65, 26, "Argued for a lower threshold."), "<p>Argued that a lower threshold would bring the Convention into force sooner.</p>\n"),
					Sources:       refs("diplo-2024-08")},
				{Session: ref("reconvened-concluding"), Date: "2024-08-08", On: ref("1"), Kind: model.EntryProposal, By: refs("chair"),
					Wording: treaty(text(a65, 50, "This Convention shall enter into force on the ninetieth day after the date of deposit of the fortieth instrument of ratification, acceptance, approval or accession."),
						"<div class=\"treaty-text\">\n<p>This Convention shall enter into force on the ninetieth day after the date of deposit of the fortieth instrument of ratification, acceptance, approval or accession.</p>\n</div>\n"),
					Outcome: model.OutcomeAdopted,
					Summary: prose(text(a65, 48, "The Chair's compromise."), "<p>The Chair proposed forty, between the two figures argued for.</p>\n"),
					Sources: refs("diplo-2024-08")},
				{Session: ref("concluding"), Kind: model.EntryStatement, By: refs("PAK"),
					Summary: prose(text(a65, 34, "Earlier statement."), "<p>Spoke on the final provisions as a whole.</p>\n"),
					Sources: refs("ahc-record")},
			},
			Notes: prose(text(a65, 36, "The threshold of forty was a compromise."), "<p>The threshold of forty lies between the two proposals.</p>\n"),
		},
	}
	return c, rendered
}

// fixtureCitedBy is what package xref would find citing the articles of
// the test edition: article 40 is cited as a whole by the about page and
// article 65's notes, its paragraph 21 (b) by a history entry of article
// 65, its paragraph 3, which the edition does not hold, by article 61's
// text, and its paragraph 21 by a topic's introduction; article 65 is
// cited by the home page.
func fixtureCitedBy(c *model.Corpus) xref.CitedBy {
	a61, a65 := c.Article("61"), c.Article("65")
	return xref.CitedBy{
		"40": {
			{Paragraph: "21-b", From: xref.Source{Article: a65, Entry: a65.History[1]}},
			{From: xref.Source{Page: c.Pages[0]}},
			{Paragraph: "3", From: xref.Source{Article: a61}},
			{From: xref.Source{Article: a65, Notes: true}},
			{Paragraph: "21", From: xref.Source{Topic: c.Topics[1]}},
		},
		"65": {
			{Paragraph: "1", From: xref.Source{Home: true}},
		},
	}
}
