package render

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strings"

	"travaux/generator/model"
)

// The Atom feed, feed.xml, announces changes to the annotations: one entry
// per provision whose front matter gives an `updated:` date, newest first,
// then in reading order. An entry's id names the provision and the date,
// so each new date is a new entry for feed readers. It reads no clock: the
// feed's own updated date is its newest entry's, so the same content gives
// the same bytes. Ids and
// links are absolute when the convention has a base_url; without one,
// links are root-relative and ids are tag-free URNs built from the path,
// which stay stable until a base URL is set.

type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle"`
	ID       string      `xml:"id"`
	Links    []atomLink  `xml:"link"`
	Updated  string      `xml:"updated"`
	Author   atomAuthor  `xml:"author"`
	Entries  []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Link    atomLink `xml:"link"`
	Updated string   `xml:"updated"`
	Summary string   `xml:"summary"`
}

// atomTime is a YYYY-MM-DD date as an Atom timestamp.
func atomTime(date string) string { return date + "T00:00:00Z" }

// feedID is an absolute id for the site path p.
func (s *site) feedID(p string) string {
	if s.baseURL != "" {
		return s.baseURL + p
	}
	return "urn:travaux:" + strings.Trim(p, "/")
}

// feed is feed.xml.
func (s *site) feed() ([]byte, error) {
	var updated []*model.Article
	for _, a := range s.c.Articles {
		if len(a.Updated) == len("2006-01-02") {
			updated = append(updated, a)
		}
	}
	slices.SortStableFunc(updated, func(x, y *model.Article) int { return strings.Compare(y.Updated, x.Updated) })

	f := atomFeed{
		Title:    s.info.Name + ": changes to the annotations",
		Subtitle: "Provisions of the " + s.info.Name + " whose annotation (text, history or notes) changed, newest first.",
		ID:       s.feedID("/" + feedPath),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: s.baseURL + "/" + feedPath},
			{Rel: "alternate", Type: "text/html", Href: s.baseURL + "/"},
		},
		Author: atomAuthor{Name: "The editors of the " + s.info.Name},
	}
	// With nothing dated, the feed's date is the newest milestone's, or
	// the start of the epoch: never the clock.
	f.Updated = "1970-01-01T00:00:00Z"
	for _, m := range s.c.Convention.Milestones {
		if len(m.Date) == len("2006-01-02") && atomTime(m.Date) > f.Updated {
			f.Updated = atomTime(m.Date)
		}
	}
	if len(updated) > 0 {
		f.Updated = atomTime(updated[0].Updated)
	}
	for _, a := range updated {
		u := articleURL(a)
		f.Entries = append(f.Entries, atomEntry{
			Title:   articleHeading(a),
			ID:      s.feedID(u) + "#updated-" + a.Updated,
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: s.baseURL + u},
			Updated: atomTime(a.Updated),
			Summary: s.feedSummary(a),
		})
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// feedSummary says what the annotation of a now holds.
func (s *site) feedSummary(a *model.Article) string {
	sum := "The annotation of " + lower(articleHeading(a)) + " was updated on " + formatDate(a.Updated) + ". It holds "
	switch s.textState(a) {
	case TextNone:
		sum += "no adopted text yet"
	case TextPartial:
		sum += "part of the adopted text"
	default:
		sum += "the adopted text"
	}
	sum += " and " + historyLabel(len(a.History)) + "."
	return sum
}
