package render

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strings"
)

// The sitemap lists every HTML page but the 404 page, sorted by URL so the
// file is the same from build to build. Search engines want absolute
// <loc> URLs, built from Convention.BaseURL; a site without a base URL
// still gets a sitemap, with root-relative paths ("/articles/65/"), which
// is enough for link checkers and a reminder to set base_url before
// publishing.

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemapURL is the entry for a page's view model.
func (s *site) sitemapURL(page any) sitemapURL {
	var b Base
	var lastmod string
	switch p := page.(type) {
	case *IndexPage:
		b = p.Base
	case *ArticlePage:
		b = p.Base
		if len(p.UpdatedISO) == len("2006-01-02") {
			lastmod = p.UpdatedISO
		}
	case *TextPage:
		b = p.Base
	}
	return sitemapURL{Loc: s.baseURL + b.Path, LastMod: lastmod}
}

func sitemap(urls []sitemapURL) ([]byte, error) {
	urls = slices.Clone(urls)
	slices.SortFunc(urls, func(a, b sitemapURL) int { return strings.Compare(a.Loc, b.Loc) })
	doc := struct {
		XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []sitemapURL `xml:"url"`
	}{URLs: urls}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
