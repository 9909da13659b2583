package load

import (
	"testing"

	"travaux/generator/source"
)

// TestTextPos checks that a Markdown value's position is its first
// character, whatever the scalar style, with the front matter offset.
func TestTextPos(t *testing.T) {
	src := []byte("---\n" +
		"plain: Plain text\n" + // line 2
		"single: 'Single'\n" +
		"double: \"Double\"\n" +
		"literal: |\n" + // line 5
		"  Literal\n" +
		"folded: >-\n" + // line 7
		"\n" +
		"    \n" +
		"     Folded after blank lines\n" + // line 10
		"tagged: !!str |\n" + // line 11
		"   Tagged\n" +
		"empty: |\n" +
		"next: x\n" +
		"---\n")
	var errs source.ErrorList
	const file = "content/articles/001-a.md"
	y := &yamlFile{file: file, src: src, lines: source.NewLineIndex(file, src), line0: 1, errs: &errs}
	fm, err := SplitFrontMatter(src)
	if err != nil {
		t.Fatal(err)
	}
	root, ok := y.parse(fm.YAML)
	if !ok {
		t.Fatalf("parse: %v", errs)
	}
	r := y.record(root, "the front matter", "plain", "single", "double", "literal", "folded", "tagged", "empty", "next")
	for _, tt := range []struct {
		key       string
		line, col int
	}{
		{"plain", 2, 8}, {"single", 3, 10}, {"double", 4, 10}, {"literal", 6, 3},
		{"folded", 10, 6}, {"tagged", 12, 4}, {"next", 14, 7},
	} {
		if got, want := r.text(tt.key).Pos, (source.Pos{File: file, Line: tt.line, Col: tt.col}); got != want {
			t.Errorf("%s at %v, want %v", tt.key, got, want)
		}
	}
	if got := r.text("empty"); got.Source != "" {
		t.Errorf("empty = %+v", got)
	}
	if len(errs) > 0 {
		t.Errorf("problems: %v", errs)
	}
}

// TestSyntaxErrorLines checks the line correction for the parser's
// zero-based line numbers: every error names the line the author sees.
func TestSyntaxErrorLines(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want string
	}{
		{"[a, b\n", "f.yaml:1: did not find expected ',' or ']'"},
		{"a: 1\nb: [x\nc: 2\n", "f.yaml:2: did not find expected ',' or ']'"},
		{"- a\nb: 1\n", "f.yaml:2: did not find expected '-' indicator"},
		{"a: 1\n  b: 2\n", "f.yaml:2: mapping values are not allowed in this context"},
		{"a: 1\nb: 2\nc 2\nd: 3\n", "f.yaml:3: could not find expected ':'"},
		{"a: 1\nb: *x\n", "f.yaml:2: unknown anchor 'x' referenced"},
		{"a: \"x\n", "f.yaml:1: found unexpected end of stream"},
	} {
		var errs source.ErrorList
		src := []byte(tt.src)
		y := &yamlFile{file: "f.yaml", src: src, lines: source.NewLineIndex("f.yaml", src), errs: &errs}
		if _, ok := y.parse(src); ok || len(errs) != 1 || errs[0].Error() != tt.want {
			t.Errorf("parse(%q): ok=%v, problems %v, want %s", tt.src, ok, errs, tt.want)
		}
	}
}
