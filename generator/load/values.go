package load

import (
	"net/url"
	"regexp"
	"strconv"
	"time"

	"travaux/generator/model"
)

// This file checks the formats of single values: dates, ids, paragraph
// ids, URLs. They are checked here, once, so that later stages can trust
// them (a date sorts as text, an id is safe in a URL).

// date returns key's value if it is a calendar date written YYYY-MM-DD,
// YYYY-MM or YYYY (only YYYY-MM-DD when full is set).
func (r *record) date(key string, full bool) string {
	s, n := r.scalar(key, "a date")
	if n == nil {
		return ""
	}
	if !validDate(s, full) {
		if full {
			r.y.errs.Add(r.y.pos(n), "%q must be a date written YYYY-MM-DD, not %q", key, s)
		} else {
			r.y.errs.Add(r.y.pos(n), "%q must be a date written YYYY-MM-DD, YYYY-MM or YYYY, not %q", key, s)
		}
		return ""
	}
	return s
}

// validDate reports whether s is a real date in one of the three forms.
func validDate(s string, full bool) bool {
	layouts := []string{"2006-01-02", "2006-01", "2006"}
	if full {
		layouts = layouts[:1]
	}
	for _, l := range layouts {
		// time.Parse wants exact widths here and rejects impossible
		// dates such as 2024-02-30.
		if len(s) == len(l) {
			if _, err := time.Parse(l, s); err == nil {
				return true
			}
		}
	}
	return false
}

// idPattern is what a registry id may look like: ids become parts of URLs
// and of file names, so they stay within letters, digits and - _ .
var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`)

// paragraphPattern matches a paragraph id: "2", a subparagraph "21-b", or
// a lettered item of an unnumbered text "-a".
var paragraphPattern = regexp.MustCompile(`^(?:[1-9][0-9]*(?:-[a-z]+)?|-[a-z]+)$`)

// paragraph returns key's value as a paragraph reference. Only its form is
// checked here: whether the paragraph exists needs the Markdown parse of
// the body, which a later stage does.
func (r *record) paragraph(key string) model.Ref {
	ref := r.ref(key, "a paragraph id")
	if ref.ID != "" && !checkParagraph(r, ref, strconv.Quote(key)) {
		return model.Ref{}
	}
	return ref
}

// checkParagraph reports a paragraph reference of the wrong form; what
// names the value in the message.
func checkParagraph(r *record, ref model.Ref, what string) bool {
	if paragraphPattern.MatchString(ref.ID) {
		return true
	}
	r.y.errs.Add(ref.Pos, `%s must name a paragraph like "2", a subparagraph like "21-b", or a lettered item of an unnumbered text like "-a", not %q`, what, ref.ID)
	return false
}

// absoluteURL returns key's value if it is an absolute http or https URL.
func (r *record) absoluteURL(key string) string {
	s, n := r.scalar(key, "a URL")
	if n == nil {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		r.y.errs.Add(r.y.pos(n), "%q must be an absolute URL starting with https:// or http://, not %q", key, s)
		return ""
	}
	return s
}
