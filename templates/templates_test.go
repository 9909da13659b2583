package templates

import (
	"io/fs"
	"testing"
)

// TestFiles: the files a site needs are embedded. (embed skips files whose
// names start with "." or "_" unless named, so a rename can drop one
// silently.)
func TestFiles(t *testing.T) {
	for _, name := range []string{
		"layout.html", "parts.html",
		"index.html", "article.html", "page.html", "404.html",
		"static/site.css", "static/favicon.svg",
	} {
		if _, err := fs.Stat(FS, name); err != nil {
			t.Errorf("%s is not embedded: %v", name, err)
		}
	}
}
