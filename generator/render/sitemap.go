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

// newSitemapURL is the entry for the page at url (root-absolute). lastmod
// is kept only when it is a full date, as the sitemap protocol requires.
func newSitemapURL(baseURL, url, lastmod string) sitemapURL {
	if len(lastmod) != len("2006-01-02") {
		lastmod = ""
	}
	return sitemapURL{Loc: baseURL + url, LastMod: lastmod}
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
