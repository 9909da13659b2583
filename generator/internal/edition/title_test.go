package edition

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestTitleAndSubtitle compares the convention's title and subtitle in
// content/convention.yaml with the official title the structure notes
// quote (shared/reference/convention-structure.md, "Official title:"),
// character by character.
func TestTitleAndSubtitle(t *testing.T) {
	if _, err := os.Stat(sharedDir); os.IsNotExist(err) && os.Getenv("CI") != "true" {
		t.Skipf("%s is absent", sharedDir)
	}
	ref, err := os.ReadFile(sharedDir + "/reference/convention-structure.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^Official title: "([^"]+)"`).FindSubmatch(ref)
	if m == nil {
		t.Fatal(`the structure notes have no line starting Official title: "..."`)
	}
	official := string(m[1])
	conv, err := os.ReadFile("../../../content/convention.yaml")
	if err != nil {
		t.Fatal(err)
	}
	field := func(key string) string {
		re := regexp.MustCompile(`(?m)^` + key + `: (.+)$`)
		f := re.FindSubmatch(conv)
		if f == nil {
			t.Fatalf("convention.yaml has no %s", key)
		}
		return strings.TrimSpace(string(f[1]))
	}
	if got := field("title") + "; " + field("subtitle"); got != official {
		t.Errorf("title and subtitle\n got: %s\nwant: %s", got, official)
	}
}
