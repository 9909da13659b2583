package xref

import (
	"slices"
	"strings"
	"testing"

	"travaux/generator/model"
	"travaux/generator/source"
)

// corpus is a small edition: article 1 "Use of terms" with three lettered
// definitions; article 6 complete (paragraphs 1 and 2, 2 with (a) and
// (b)); article 40 partial (paragraph 21 only); article 65 with no text
// and an earlier version (rev3, where it was article 64, with paragraphs 1
// and 2); and article 5, which was article 5 in rev3 too.
func corpus() (*model.Corpus, map[model.Text]*model.Rendered) {
	text := func(file string, src string) model.Text {
		return model.Text{Source: src, Pos: source.Pos{File: file, Line: 1, Col: 1}}
	}
	para := func(id, text string) model.Paragraph {
		num, letter, _ := strings.Cut(id, "-")
		n := 0
		for _, c := range num {
			n = n*10 + int(c-'0')
		}
		return model.Paragraph{ID: id, Anchor: "p" + id, Number: n, Letter: letter, Text: text}
	}
	a1 := &model.Article{Kind: model.ProvisionArticle, Number: 1, Title: "Use of terms", Body: text("a1", "(a) ..."),
		Defines: []*model.Definition{{Term: "Electronic  data", On: model.Ref{ID: "-b"}}}}
	a5 := &model.Article{Kind: model.ProvisionArticle, Number: 5, Title: "Five",
		Versions: []*model.ArticleVersion{{Version: model.Ref{ID: "rev3"}}}}
	a6 := &model.Article{Kind: model.ProvisionArticle, Number: 6, Title: "Six", Body: text("a6", "1. ...")}
	a40 := &model.Article{Kind: model.ProvisionArticle, Number: 40, Title: "Forty", Partial: true, Body: text("a40", "21. ...")}
	v65 := &model.ArticleVersion{Version: model.Ref{ID: "rev3"}, Number: 64, Text: text("a65v", "1. ...")}
	a65 := &model.Article{Kind: model.ProvisionArticle, Number: 65, Title: "Sixty-five", Versions: []*model.ArticleVersion{v65}}
	pre := &model.Article{Kind: model.ProvisionPreamble, Title: "Preamble"}
	c := &model.Corpus{
		Convention: model.Convention{Chapters: []*model.Chapter{{ID: "I"}, {ID: "IX"}}},
		Versions:   []*model.Version{{ID: "rev3", Label: "Third revised draft"}},
		Articles:   []*model.Article{pre, a1, a5, a6, a40, a65},
	}
	texts := map[model.Text]*model.Rendered{
		a1.Body: {Paragraphs: []model.Paragraph{
			para("-a", "“Computer system” shall mean a device;"),
			para("-b", "\"Electronic data\" or \"data\" shall mean facts;"),
			para("-c", "“Freezing” or “seizure”, which includes holding, shall mean a prohibition;"),
			para("-d", "Nothing in quotes here “x” shall mean nothing."),
		}},
		a6.Body:  {Paragraphs: []model.Paragraph{para("1", "One."), para("2", "Two:"), para("2-a", "a;"), para("2-b", "b.")}},
		a40.Body: {Paragraphs: []model.Paragraph{para("21", "Refused:"), para("21-a", "a;")}},
		v65.Text: {Paragraphs: []model.Paragraph{{ID: "1", Anchor: "v-rev3-p1", Number: 1}, {ID: "2", Anchor: "v-rev3-p2", Number: 2}}},
	}
	return c, texts
}

func TestResolve(t *testing.T) {
	c, texts := corpus()
	x := New(c, model.TextMapOf(texts))
	for _, tc := range []struct {
		name string
		c    model.Citation
		want model.Target
	}{
		{"article", model.Citation{Article: "6"}, model.Target{URL: "/articles/6/"}},
		{"paragraph", model.Citation{Article: "6", Paragraph: "2"}, model.Target{URL: "/articles/6/#p2"}},
		{"subparagraph", model.Citation{Article: "6", Paragraph: "2-b"}, model.Target{URL: "/articles/6/#p2-b"}},
		{"preamble", model.Citation{Article: "preamble"}, model.Target{URL: "/articles/preamble/"}},
		{"no such article", model.Citation{Article: "99"}, model.Target{}},
		{"chapter", model.Citation{Chapter: "IX"}, model.Target{URL: "/#chapter-IX"}},
		{"no such chapter", model.Citation{Chapter: "XII"}, model.Target{}},
		{"complete text lacks paragraph", model.Citation{Article: "6", Paragraph: "5"},
			model.Target{URL: "/articles/6/", Note: "Article 6 has no paragraph 5 in this edition’s text; the link goes to the article."}},
		{"complete text lacks subparagraph", model.Citation{Article: "6", Paragraph: "2-c"},
			model.Target{URL: "/articles/6/#p2", Note: "Article 6 has no paragraph 2 (c) in this edition’s text; the link goes to paragraph 2."}},
		{"partial text", model.Citation{Article: "40", Paragraph: "3"},
			model.Target{URL: "/articles/40/", Note: "Paragraph 3 of article 40 is not included in this edition; the link goes to the article."}},
		{"partial text, subparagraph of a held paragraph", model.Citation{Article: "40", Paragraph: "21-c"},
			model.Target{URL: "/articles/40/#p21", Note: "Paragraph 21 (c) of article 40 is not included in this edition; the link goes to paragraph 21."}},
		{"no text", model.Citation{Article: "65", Paragraph: "1"},
			model.Target{URL: "/articles/65/", Note: "Paragraph 1 of article 65 is not included in this edition; the link goes to the article."}},
		{"term", model.Citation{Article: "1", Paragraph: "-b", Term: "electronic data"}, model.Target{URL: "/articles/1/#p-b"}},
		{"term, definition not held", model.Citation{Article: "65", Paragraph: "1", Term: "x"},
			model.Target{URL: "/articles/65/", Note: "The definition (paragraph 1 of article 65) is not included in this edition; the link goes to the article."}},
		{"explicit links use the adopted numbering", model.Citation{Article: "65", Explicit: true, Version: "rev3"}, model.Target{URL: "/articles/65/"}},
		// "This article" inside an earlier version: its own paragraphs.
		{"version: this article", model.Citation{Article: "65", Paragraph: "2", This: true, Version: "rev3"}, model.Target{URL: "/articles/65/#v-rev3-p2"}},
		{"version: this article, paragraph not held", model.Citation{Article: "65", Paragraph: "3", This: true, Version: "rev3"},
			model.Target{URL: "/articles/65/#version-rev3", Note: "Paragraph 3 of this article in the third revised draft is not held in this edition; the link goes to that version."}},
		// Other articles in the version's numbering: 64 is now 65, 5 is still 5.
		{"version: renumbered article", model.Citation{Article: "64", Version: "rev3"}, model.Target{URL: "/articles/65/#version-rev3"}},
		{"version: renumbered article's paragraph", model.Citation{Article: "64", Paragraph: "1", Version: "rev3"}, model.Target{URL: "/articles/65/#v-rev3-p1"}},
		{"version: same number", model.Citation{Article: "5", Version: "rev3"}, model.Target{URL: "/articles/5/#version-rev3"}},
		{"version: number no article claims", model.Citation{Article: "6", Version: "rev3"}, model.Target{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := x.Resolve(tc.c); got != tc.want {
				t.Errorf("Resolve(%+v)\n got %+v\nwant %+v", tc.c, got, tc.want)
			}
		})
	}
}

func TestTerms(t *testing.T) {
	c, texts := corpus()
	got := New(c, model.TextMapOf(texts)).Terms()
	want := []model.Term{
		{Term: "Electronic data", Article: "1", Paragraph: "-b"}, // front matter, spaces tidied
		{Term: "Computer system", Article: "1", Paragraph: "-a"},
		{Term: "data", Article: "1", Paragraph: "-b"},
		{Term: "Freezing", Article: "1", Paragraph: "-c"},
		{Term: "seizure", Article: "1", Paragraph: "-c"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("terms:\n got %+v\nwant %+v", got, want)
	}
}

func TestQuotedTerms(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"“Electronic data” shall mean any representation;", []string{"Electronic data"}},
		{`"Service provider" means any entity:` + "\n(i) ...", []string{"Service provider"}},
		{"“Confiscation”, which includes forfeiture, shall mean deprivation;", []string{"Confiscation"}},
		{"“Freezing” or “seizure” shall mean prohibiting;", []string{"Freezing", "seizure"}},
		{"For the purposes of this Convention: “x” shall mean y", nil},
		{"“Quoted” but never defined.", nil},
		{"", nil},
	} {
		if got := quotedTerms(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("quotedTerms(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestCitedBy(t *testing.T) {
	c, texts := corpus()
	a6, a65 := c.Article("6"), c.Article("65")
	entry := &model.Entry{Summary: model.Text{Source: "s", Pos: source.Pos{File: "a65", Line: 9}}}
	a65.History = []*model.Entry{entry}
	a65.Notes = model.Text{Source: "n", Pos: source.Pos{File: "a65", Line: 20}}
	page := &model.Page{Title: "About", Body: model.Text{Source: "p", Pos: source.Pos{File: "about", Line: 3}}}
	c.Pages = []*model.Page{page}
	topic := &model.Topic{ID: "mla", Name: "Assistance", Intro: model.Text{Source: "t", Pos: source.Pos{File: "topics", Line: 2}}}
	c.Topics = []*model.Topic{topic}
	rendered := map[model.Text]*model.Rendered{
		// Article 6's text: paragraph 2 cites paragraph 1 of this article (kept).
		a6.Body: {Citations: []model.Citation{{Article: "6", Paragraph: "1", This: true, In: "2"}}},
		// Article 65's history cites article 6, paragraph 2 twice (once
		// listed), a range, a term (never a backlink) and itself (left out:
		// it is on its own page).
		entry.Summary: {Citations: []model.Citation{
			{Article: "6", Paragraph: "2"}, {Article: "6", Paragraph: "2"},
			{Article: "5", Through: "40"}, {Article: "40"},
			{Article: "1", Paragraph: "-b", Term: "electronic data"},
			{Article: "65", Paragraph: "1", This: true},
		}},
		a65.Notes: {Citations: []model.Citation{{Article: "40", Paragraph: "21-a"}, {Chapter: "I"}}},
		// The version text cites article 64 of rev3, which is 65: itself.
		a65.Versions[0].Text: {Citations: []model.Citation{{Article: "64", Version: "rev3"}, {Article: "5", Paragraph: "1", Version: "rev3"}}},
		page.Body:            {Citations: []model.Citation{{Article: "6", Explicit: true}, {Article: "99"}}},
		topic.Intro:          {Citations: []model.Citation{{Article: "40", Paragraph: "21"}}},
	}
	for k, v := range texts {
		if rendered[k] == nil {
			rendered[k] = v
		}
	}
	got := New(c, model.TextMapOf(texts)).CitedBy(model.TextMapOf(rendered))
	format := func(bls []Backlink) string {
		var s []string
		for _, bl := range bls {
			var from string
			switch f := bl.From; {
			case f.Page != nil:
				from = "page " + f.Page.Title
			case f.Topic != nil:
				from = "topic " + f.Topic.ID
			case f.Entry != nil:
				from = f.Article.Slug() + " history"
			case f.Version != nil:
				from = f.Article.Slug() + " version " + f.Version.Version.ID
			case f.Notes:
				from = f.Article.Slug() + " notes"
			default:
				from = f.Article.Slug() + " text ¶" + f.Paragraph
			}
			s = append(s, "¶"+bl.Paragraph+" <- "+from)
		}
		return strings.Join(s, "; ")
	}
	for slug, want := range map[string]string{
		"6":  "¶1 <- 6 text ¶2; ¶2 <- 65 history; ¶ <- 65 history; ¶ <- page About",
		"5":  "¶ <- 65 history; ¶ <- 65 version rev3",
		"40": "¶ <- 65 history; ¶21-a <- 65 notes; ¶21 <- topic mla",
		"65": "",
		"1":  "",
	} {
		if g := format(got[slug]); g != want {
			t.Errorf("cited by of %s:\n got %s\nwant %s", slug, g, want)
		}
	}
}

func TestCheck(t *testing.T) {
	c, texts := corpus()
	a6 := c.Article("6")
	a6.Notes = model.Text{Source: "n", Pos: source.Pos{File: "a6", Line: 30}}
	at := func(line int) source.Pos { return source.Pos{File: "a6", Line: line, Col: 1} }
	rendered := map[model.Text]*model.Rendered{
		a6.Notes: {Citations: []model.Citation{
			{Text: "article 99", Article: "99", Pos: at(1)},
			{Article: "99", Explicit: true, Pos: at(2)},
			{Text: "paragraph 5", Article: "6", Paragraph: "5", Pos: at(3)},
			{Article: "6", Paragraph: "5", Explicit: true, Pos: at(4)},
			{Article: "40", Paragraph: "5", Explicit: true, Pos: at(5)}, // partial: fine
			{Article: "65", Paragraph: "5", Explicit: true, Pos: at(6)}, // no text: fine
			{Text: "chapter X", Chapter: "X", Pos: at(7)},
			{Article: "99", Version: "rev3", Pos: at(8)},                     // another numbering: fine
			{Article: "99", Term: "x", Pos: at(9)},                           // terms are not checked here
			{Text: "article 6", Article: "6", Paragraph: "2-a", Pos: at(10)}, // fine
		}},
	}
	errs := New(c, model.TextMapOf(texts)).Check(model.TextMapOf(rendered))
	errs.Sort()
	want := strings.Join([]string{
		`a6:1:1: warning: "article 99" cites article 99, which this edition does not have (it has articles 1, 5, 6, 40, 65): it is not linked`,
		`a6:2:1: link "art:99" cites article 99, which this edition does not have (it has articles 1, 5, 6, 40, 65): it is not linked`,
		`a6:3:1: warning: "paragraph 5" cites paragraph 5 of article 6, which its text does not have (it has 1, 2, 2-a, 2-b)`,
		`a6:4:1: link "art:6#p5" cites paragraph 5 of article 6, which its text does not have (it has 1, 2, 2-a, 2-b)`,
		`a6:7:1: warning: "chapter X" cites chapter X, which this edition does not have (it has I, IX): it is not linked`,
	}, "\n")
	if got := errs.Error(); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}
