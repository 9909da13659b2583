package build

import (
	"os"
	"strings"
	"testing"

	"travaux/templates"
)

// TestSearchIndexSize: the search index of the shipped edition, which a
// reader downloads on their first search, stays under 30% of the size of
// the site's HTML.
func TestSearchIndexSize(t *testing.T) {
	res := Run(Config{Site: os.DirFS("../.."), Defaults: templates.FS})
	if res.Failed() {
		t.Fatalf("shipped content does not build:\n%v", res.Problems)
	}
	var index, pages int
	var name string
	for p, b := range res.Files {
		switch {
		case strings.HasSuffix(p, ".html"):
			pages += len(b)
		case strings.HasPrefix(p, "assets/search-index.") && strings.HasSuffix(p, ".json"):
			index += len(b)
			name = p
		}
	}
	if name == "" {
		t.Fatal("the build wrote no search index")
	}
	ratio := float64(index) / float64(pages)
	t.Logf("%s: %d bytes; HTML: %d bytes; ratio %.1f%%", name, index, pages, 100*ratio)
	if ratio >= 0.30 {
		t.Errorf("the search index is %.1f%% of the site's HTML (%d of %d bytes), want under 30%%", 100*ratio, index, pages)
	}
}
