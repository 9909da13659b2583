package render

import (
	"testing"

	"travaux/generator/model"
	"travaux/templates"
)

// BenchmarkTemplates executes the default templates for the test
// edition's article 65 (view models made once, outside the loop): its
// page, a comparison page and the comparison's two views. This is the
// template part of render; BenchmarkCompareViews is the part before.
func BenchmarkTemplates(b *testing.B) {
	st, a, i := benchStage(b)
	s, t := st.s, st.t
	cp := s.comparePages(a)[0]
	views, err := t.executePart(tmplCompare, "compare-views", cp)
	if err != nil || views == "" {
		b.Fatalf("compare-views: %q, %v", views, err)
	}
	run := func(name, page string, data func() any) {
		b.Run(name, func(b *testing.B) {
			d := data()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := t.execute(page, d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	run("article", tmplArticle, func() any { return s.articlePage(i) })
	run("compare", tmplCompare, func() any { c := *cp; c.Views = views; return &c })
	b.Run("compare-views", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := t.executePart(tmplCompare, "compare-views", cp); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCompareViews makes the view models of article 65's comparison
// pages: the diffs and their markup.
func BenchmarkCompareViews(b *testing.B) {
	st, a, _ := benchStage(b)
	b.ReportAllocs()
	for b.Loop() {
		if len(st.s.comparePages(a)) == 0 {
			b.Fatal("no comparison pages")
		}
	}
}

// benchStage stages the test edition and finds its article 65.
func benchStage(b testing.TB) (*Staged, *model.Article, int) {
	c, r := fixture()
	tmpl, err := Parse(templates.FS)
	if err != nil {
		b.Fatal(err)
	}
	st, err := tmpl.Stage(Input{Corpus: c, Rendered: model.TextMapOf(r), CitedBy: fixtureCitedBy(c)})
	if err != nil {
		b.Fatal(err)
	}
	for i, a := range c.Articles {
		if a.Number == 65 {
			return st, a, i
		}
	}
	b.Fatal("the test edition has no article 65")
	return nil, nil, 0
}
