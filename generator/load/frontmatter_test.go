package load

import (
	"bytes"
	"testing"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name, src  string
		yaml, body string
		found      bool
		err        bool
	}{
		{"plain", "---\na: 1\n---\nbody\n", "a: 1\n", "body\n", true, false},
		{"empty", "---\n---\n", "", "", true, false},
		{"no body newline", "---\na: 1\n---", "a: 1\n", "", true, false},
		{"bom and crlf", "\uFEFF---\r\na: 1\r\n---\r\nbody\r\n", "a: 1\r\n", "body\r\n", true, false},
		{"trailing blanks", "--- \t\na: 1\n---  \nbody", "a: 1\n", "body", true, false},
		{"none", "body\n---\n", "", "body\n---\n", false, false},
		{"not a delimiter", "----\na\n---\n", "", "----\na\n---\n", false, false},
		{"later dashes in body", "---\na: 1\n---\nx\n---\ny\n", "a: 1\n", "x\n---\ny\n", true, false},
		{"unclosed", "---\na: 1\nbody\n", "", "---\na: 1\nbody\n", false, true},
		{"empty file", "", "", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			fm, err := SplitFrontMatter(src)
			if (err != nil) != tt.err || fm.Found != tt.found || string(fm.YAML) != tt.yaml || string(fm.Body) != tt.body {
				t.Errorf("SplitFrontMatter(%q) = {YAML: %q, Body: %q, Found: %v}, %v", tt.src, fm.YAML, fm.Body, fm.Found, err)
			}
			checkOffsets(t, src, fm)
		})
	}
}

// checkOffsets checks that the parts are the slices of src the offsets
// say, which is what keeps positions in them file positions.
func checkOffsets(t *testing.T, src []byte, fm FrontMatter) {
	t.Helper()
	if fm.YAMLStart < 0 || fm.YAMLStart+len(fm.YAML) > len(src) || !bytes.Equal(src[fm.YAMLStart:fm.YAMLStart+len(fm.YAML)], fm.YAML) {
		t.Fatalf("YAML %q is not src[%d:]", fm.YAML, fm.YAMLStart)
	}
	if fm.BodyStart < 0 || fm.BodyStart > len(src) || !bytes.Equal(src[fm.BodyStart:], fm.Body) {
		t.Fatalf("Body %q is not src[%d:]", fm.Body, fm.BodyStart)
	}
	if fm.Found && (fm.YAMLStart+len(fm.YAML) > fm.BodyStart || !bytes.HasSuffix(bytes.TrimRight(src[:fm.BodyStart], " \t\r\n"), []byte("---"))) {
		t.Fatalf("front matter at %d..%d overlaps the body at %d", fm.YAMLStart, fm.YAMLStart+len(fm.YAML), fm.BodyStart)
	}
}

func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{
		"---\na: 1\n---\nbody\n", "---\n---\n", "\uFEFF---\r\na\r\n---\r\n", "---\na", "--- \n---", "\uFEFF", "---",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fm, err := SplitFrontMatter(src)
		if err != nil && fm.Found {
			t.Fatalf("error %v with Found set", err)
		}
		checkOffsets(t, src, fm)
	})
}
