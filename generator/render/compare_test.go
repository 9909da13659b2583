package render

import (
	"html/template"
	"regexp"
	"slices"
	"strings"
	"testing"

	"travaux/generator/diff"
	"travaux/generator/model"
)

func TestApplyEdits(t *testing.T) {
	for _, tc := range []struct {
		base  string
		edits [][2]string
		want  string
	}{
		{"the fortieth instrument", [][2]string{{"fortieth", "sixtieth"}}, "the sixtieth instrument"},
		// Edits are placed in the base text, not in each other's output.
		{"a b c", [][2]string{{"c", "x"}, {"a", "c"}}, "c b x"},
		{"a b c", [][2]string{{"b", ""}}, "a  c"},
		// One that does not match, or overlaps another, is left out.
		{"a b c", [][2]string{{"z", "y"}, {"a b", "A B"}, {"b c", "B C"}}, "A B c"},
	} {
		var edits []*model.Edit
		for _, e := range tc.edits {
			edits = append(edits, &model.Edit{Replace: e[0], With: e[1]})
		}
		if got := applyEdits(tc.base, edits); got != tc.want {
			t.Errorf("applyEdits(%q, %q) = %q, want %q", tc.base, tc.edits, got, tc.want)
		}
	}
}

// TestArticleTexts: the texts of the test edition's article 65 and their
// compare order: versions, the adopted text, proposals; Russia's edits
// apply to a version whose wording is not held, so they give no text.
func TestArticleTexts(t *testing.T) {
	c, r := fixture()
	s := newSite(Input{Corpus: c, Rendered: model.TextMapOf(r)}, &Assets{urls: map[string]string{}})
	texts := s.articleTexts(c.Article("65"))
	var got []string
	for _, x := range texts {
		got = append(got, x.id+": "+x.label)
	}
	want := []string{
		"l15: Draft convention approved by the Committee (A/AC.291/L.15)",
		"adopted: Adopted text",
		"proposal-3: Proposal by Mexico",
		"proposal-5: Proposal by the Chair of the Ad Hoc Committee",
	}
	if !slices.Equal(got, want) {
		t.Errorf("texts:\n got %q\nwant %q", got, want)
	}
	if src := texts[2].source; !strings.Contains(src, "sixtieth instrument") || strings.Contains(src, "fortieth") {
		t.Errorf("Mexico's edits are not applied: %q", src)
	}
	if !texts[1].partial || !texts[2].partial || texts[0].partial {
		t.Errorf("partial: adopted %v, Mexico %v, l15 %v; want true, true, false", texts[1].partial, texts[2].partial, texts[0].partial)
	}

	// The title provision without a body compares the convention's title
	// and subtitle.
	c.Articles[0].Body = model.Text{}
	c.Articles[0].Versions = []*model.ArticleVersion{{Version: ref("l15"), Text: text("t", 1, "Draft title")}}
	texts = s.articleTexts(c.Articles[0])
	if len(texts) != 2 || texts[1].id != adoptedID || !strings.HasPrefix(texts[1].source, c.Convention.Title+"\n\n") {
		t.Errorf("title texts: %+v", texts)
	}
}

// TestComparePages checks every compare page of the test edition: each
// view counts the changes it lists as package diff does, every change and
// move has its anchor once, and the summary states the count.
func TestComparePages(t *testing.T) {
	files := renderFixture(t)
	id := regexp.MustCompile(` id="((?:s-)?(?:c\d+|m\d+-(?:from|to)))"`)
	href := regexp.MustCompile(`href="#((?:s-)?(?:c\d+|m\d+-(?:from|to)))"`)
	n := 0
	for p, b := range files {
		if !strings.Contains(p, "/compare/") {
			continue
		}
		n++
		page := string(b)
		ids := map[string]int{}
		for _, m := range id.FindAllStringSubmatch(page, -1) {
			ids[m[1]]++
		}
		for _, m := range href.FindAllStringSubmatch(page, -1) {
			if ids[m[1]] != 1 {
				t.Errorf("%s links to #%s, which it has %d times", p, m[1], ids[m[1]])
			}
		}
		for _, view := range []string{"view-side", "view-inline"} {
			i := strings.Index(page, `id="`+view+`"`)
			if i < 0 {
				t.Errorf("%s has no %s", p, view)
			}
		}
	}
	if n != 12 {
		t.Errorf("%d compare pages, want 12 (6 pairs of 4 texts, 2 views)", n)
	}
	if !strings.Contains(string(files["articles/65/compare/adopted..proposal-3/index.html"]), `<p class="compare-summary">1 change: 1 word deleted, 1 inserted.</p>`) {
		t.Error("adopted..proposal-3 does not sum up its one change")
	}
}

// TestViewsCount compares texts with every kind of change and checks that
// each view lists as many changes as diff counts, with as many anchors.
func TestViewsCount(t *testing.T) {
	for _, tc := range [][2]string{
		{"1. A b c d e f g h.\n\n2. I j k l m n o p.", "1. I j k l m n o p.\n\n2. A b c d e f g x."},
		{"The fortieth instrument.", "The sixtieth instrument."},
		{"One. Two.\n\nThree.", "One.\n\nTwo. Three."},
		{"Draft United Nations convention", "United Nations Convention against Cybercrime"},
		{"a b c", "x y z"},
		{"", "New text."},
		{"Same.", "Same."},
	} {
		r := diff.Words(tc[0], tc[1])
		v := inlineView(r)
		if len(v.Changes) != r.Stats.Changes {
			t.Errorf("%q -> %q: inline lists %d changes, diff counts %d", tc[0], tc[1], len(v.Changes), r.Stats.Changes)
		}
		rows := diff.Rows(tc[0], tc[1])
		want := 0
		for _, row := range rows {
			want += row.Stats.Changes
		}
		sv := sideView(rows)
		if len(sv.Changes) != want {
			t.Errorf("%q -> %q: side by side lists %d changes, rows count %d", tc[0], tc[1], len(sv.Changes), want)
		}
		html := strings.Join(htmlStrings(v.Paragraphs), "\n")
		for i := range v.Changes {
			if want := `id="` + strings.TrimPrefix(v.Changes[i].URL, "#") + `"`; strings.Count(html, want) != 1 {
				t.Errorf("%q -> %q: inline view has %d %s", tc[0], tc[1], strings.Count(html, want), want)
			}
		}
	}
}

// TestRedlineMarkup: deletions, insertions and moves, with their hidden
// words for screen readers and links both ways.
func TestRedlineMarkup(t *testing.T) {
	old := "1. Nothing in this Convention shall be interpreted as permitting suppression.\n\n2. States Parties shall carry out their obligations in good faith."
	new := "1. States Parties shall carry out their obligations in good faith.\n\n2. Nothing in this Convention shall be interpreted as permitting restriction. <b>bold</b>"
	v := inlineView(diff.Words(old, new))
	html := strings.Join(htmlStrings(v.Paragraphs), "\n")
	for _, want := range []string{
		`<span class="visually-hidden">deleted: </span>`,
		`<span class="visually-hidden">inserted: </span>`,
		`class="move move-from"`,
		`class="move move-to"`,
		`<span class="visually-hidden">moved here: </span>`,
		`&lt;b&gt;bold&lt;/b&gt;`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("inline view lacks %s:\n%s", want, html)
		}
	}
	if strings.Contains(html, "<b>") {
		t.Errorf("markup from a text came through:\n%s", html)
	}
	links := regexp.MustCompile(`<a class="move-link" href="#([^"]+)">([^<]+)`).FindAllStringSubmatch(html, -1)
	if len(links) != 2 {
		t.Fatalf("%d move links, want one from each end:\n%s", len(links), html)
	}
	for _, l := range links {
		if !strings.Contains(html, ` id="`+l[1]+`"`) {
			t.Errorf("move link to #%s, which the view does not have", l[1])
		}
		if !strings.HasPrefix(l[2], "moved from paragraph") && !strings.HasPrefix(l[2], "moved to paragraph") {
			t.Errorf("move link text %q", l[2])
		}
	}
}

func TestCompareWording(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{summary(diff.Stats{Deleted: 2, Inserted: 1}, 3, false, []string{"paragraph 2 moved"}), "3 changes: 2 words deleted, 1 inserted; paragraph 2 moved."},
		{summary(diff.Stats{Inserted: 1}, 1, false, nil), "1 change: 1 word inserted."},
		{summary(diff.Stats{}, 1, false, []string{"paragraph 2 moved"}), "1 change: paragraph 2 moved."},
		{summary(diff.Stats{}, 0, false, nil), "No changes: the two texts have the same wording."},
		{paraID("21. Text", ""), "21"},
		{paraID("(b) Text", "21"), "21-b"},
		{paraID("(see above) text", "21"), ""},
		{paraID("2.5 million", ""), ""},
		{rowLabel("3(a)"), "paragraph 3 (a)"},
		{rowLabel("(a)"), "subparagraph (a)"},
		{rowLabel("12"), "paragraph 12"},
		{lowerFirst("Proposal by Mexico"), "proposal by Mexico"},
		{lowerFirst("UN draft"), "UN draft"},
		{quote("one two three four five six seven eight nine ten eleven twelve thirteen"), "“one two three four five six seven eight nine ten …”"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// TestCompareEscaping: markup in a compared text is shown as text.
func TestCompareEscaping(t *testing.T) {
	c, r := fixture()
	a := c.Article("65")
	a.Versions[0].Text = text(a.File, 8, "1. This Convention <script>alert(1)</script> shall & enter into force.")
	files := renderSite(t, Input{Corpus: c, Rendered: model.TextMapOf(r)})
	page := string(files["articles/65/compare/l15..adopted/index.html"])
	if page == "" {
		t.Fatal("no l15..adopted page")
	}
	if strings.Contains(page, "<script>alert") {
		t.Error("a <script> in a compared text came through unescaped")
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the <script> in the compared text is not shown as text")
	}
}

// TestChangeItemsEscapeAsTemplates: the change list made in Go reads as
// html/template made it with a range, for every character it escapes.
func TestChangeItemsEscapeAsTemplates(t *testing.T) {
	tmpl := template.Must(template.New("list").Parse(`{{range .}}
<li><a href="{{.URL}}">{{.Text}}</a></li>{{end}}`))
	v := CompareView{Changes: []Link{
		{URL: "#c1", Text: `Paragraph 1: “fortieth” replaced by “sixtieth”`},
		{URL: "#s-c2", Text: "Paragraph 2 (a): \"<b>\" & 'x' + y\x00 deleted"},
		{URL: "#s-c3", Text: "Article 3 bis: ‘Parties’ inserted"},
	}}
	var want strings.Builder
	if err := tmpl.Execute(&want, v.Changes); err != nil {
		t.Fatal(err)
	}
	if got := string(v.ChangeItems()); got != want.String() {
		t.Errorf("ChangeItems:\n%s\nhtml/template:\n%s", got, want.String())
	}
	if (CompareView{}).ChangeItems() != "" {
		t.Error("no changes must give no items")
	}
}

// TestHTMLEscaper: the redline's escaper writes what
// template.HTMLEscapeString returns.
func TestHTMLEscaper(t *testing.T) {
	for _, s := range []string{"", "plain words", "a \"b\" & 'c' <d> + e\x00f", "“typographic” ‘quotes’ — and ¶"} {
		var b strings.Builder
		htmlEscaper.WriteString(&b, s)
		if want := template.HTMLEscapeString(s); b.String() != want {
			t.Errorf("htmlEscaper(%q) = %q; want %q", s, b.String(), want)
		}
	}
}
