package source

import "testing"

func TestSuggest(t *testing.T) {
	ids := []string{"MEX", "NZL", "LIE", "title", "name", "proposal"}
	for _, tc := range []struct{ in, want string }{
		{"MEXX", "MEX"},
		{"mex", "MEX"},
		{"nmae", "name"},
		{"tittle", "title"},
		{"proposl", "proposal"},
		{"XYZ", ""},
		{"", ""},
	} {
		if got := Suggest(tc.in, ids); got != tc.want {
			t.Errorf("Suggest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLineIndex(t *testing.T) {
	src := []byte("ab\r\né x\nlast")
	x := NewLineIndex("f.md", src)
	for _, tc := range []struct {
		off  int
		want string
	}{
		{0, "f.md:1:1"},
		{4, "f.md:2:1"},
		{7, "f.md:2:3"}, // after the two-byte é and a space: column counts runes
		{9, "f.md:3:1"},
		{99, "f.md:3:5"},
	} {
		if got := x.Pos(tc.off).String(); got != tc.want {
			t.Errorf("Pos(%d) = %s, want %s", tc.off, got, tc.want)
		}
	}
	if got := x.Line(1); got != "ab" {
		t.Errorf("Line(1) = %q, want %q (no CR)", got, "ab")
	}
	if off := x.Offset(2, 3); off != 7 {
		t.Errorf("Offset(2, 3) = %d, want 7", off)
	}
}

func TestErrorListSortAndErr(t *testing.T) {
	var l ErrorList
	l.Add(Pos{File: "b.md", Line: 1, Col: 1}, "second")
	l.Warn(Pos{File: "a.md", Line: 9, Col: 1}, "a warning")
	l.Add(Pos{File: "a.md", Line: 10, Col: 2}, "first")
	l.Add(Pos{File: "a.md", Line: 10, Col: 2}, "first")
	l.Sort()
	want := "a.md:9:1: warning: a warning\na.md:10:2: first\nb.md:1:1: second"
	if got := l.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if l.Err() == nil {
		t.Error("Err() = nil with errors present")
	}
	var w ErrorList
	w.Warn(Pos{File: "a.md"}, "only a warning")
	if w.Err() != nil {
		t.Error("warnings alone must not fail a build")
	}
}
