package load

import (
	"path"
	"regexp"
	"sort"
	"strings"

	"travaux/generator/model"
	"travaux/generator/source"
)

// pageSlug is what a page's file name (without .md) may be: it becomes
// the page's URL, /<slug>/.
var pageSlug = regexp.MustCompile(`^[a-z0-9-]+$`)

// loadPages decodes content/pages/*.md, the free pages, sorted by slug.
func (l *loader) loadPages() {
	for _, name := range l.markdownFiles(contentDir + "/pages") {
		slug := strings.TrimSuffix(path.Base(name), ".md")
		slugOK := pageSlug.MatchString(slug)
		if !slugOK {
			l.errs.Add(source.Pos{File: name}, "page file name %q may hold only lower-case letters, digits and hyphens, as it becomes the page's URL", path.Base(name))
		}
		y, root, body, ok := l.frontMatter(name)
		if !ok {
			continue
		}
		r := y.record(root, "the front matter", "title")
		r.need("title")
		p := &model.Page{File: name, Slug: slug, Title: r.str("title"), Body: body, Pos: r.pos}
		if slugOK {
			l.corpus.Pages = append(l.corpus.Pages, p)
		}
	}
	sort.Slice(l.corpus.Pages, func(i, j int) bool { return l.corpus.Pages[i].Slug < l.corpus.Pages[j].Slug })
}
