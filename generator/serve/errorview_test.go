package serve

import (
	"slices"
	"testing"

	"travaux/generator/source"
)

func TestViews(t *testing.T) {
	var errs source.ErrorList
	errs.Add(source.Pos{File: "content/articles/065.md", Line: 14, Col: 11}, "unknown delegation %q", "MEXX")
	errs.Warn(source.Pos{File: "content/topics.yaml"}, "topic %q is never used", "x")
	lines := func(p source.Pos) string { return "    by: [MEXX]" }
	got := Views(errs, lines)
	want := []ErrorView{
		{Path: "content/articles/065.md", Line: 14, Col: 11, Message: `unknown delegation "MEXX"`, Source: "    by: [MEXX]"},
		{Path: "content/topics.yaml", Message: `topic "x" is never used`, Warning: true},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Views = %+v\nwant %+v", got, want)
	}
	if s := got[0].String(); s != `content/articles/065.md:14:11: unknown delegation "MEXX"` {
		t.Errorf("String = %q", s)
	}
	if s := got[1].String(); s != `content/topics.yaml: warning: topic "x" is never used` {
		t.Errorf("String = %q", s)
	}
}
