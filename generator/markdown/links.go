package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"travaux/generator/source"
)

// allowedSchemes are the URL schemes a link or image may use. Anything
// else (javascript:, vbscript:, data:, file:, or a scheme invented
// tomorrow) is refused: an allow-list does not go stale the way goldmark's
// deny-list (html.IsDangerousURL) can. URLs without a scheme (relative
// links, #fragments) are always fine.
var allowedSchemes = map[string]bool{"http": true, "https": true, "mailto": true}

// disarmLinks replaces every link, autolink and image whose URL has a
// scheme we do not allow by its text, and warns where it was. The text
// stays, so nothing the author wrote vanishes; only the link goes.
func disarmLinks(doc ast.Node, src []byte, at locator) source.ErrorList {
	var errs source.ErrorList
	var bad []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var url []byte
		switch n := n.(type) {
		case *ast.Link:
			url = n.Destination
		case *ast.Image:
			url = n.Destination
		case *ast.AutoLink:
			url = n.URL(src)
		default:
			return ast.WalkContinue, nil
		}
		if scheme, refused := refusedScheme(string(url)); refused {
			errs.Warn(at.pos(n.Pos()), "link to %q refused: scheme %s: is not allowed (use http, https or mailto, or a link within the site); its text is shown without the link", shorten(string(url), 40), scheme)
			bad = append(bad, n)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range bad {
		unwrap(n, src)
	}
	return errs
}

// refusedScheme reports the scheme of url if it has one we do not allow.
// It reads the URL as goldmark and then a browser would: entities and
// backslash escapes resolved, leading and trailing spaces and control
// characters dropped, tabs and newlines inside ignored, so
// "java&#9;script:" is still javascript:.
func refusedScheme(url string) (string, bool) {
	url = string(util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames([]byte(url)))))
	url = strings.TrimFunc(url, func(r rune) bool { return r <= ' ' })
	url = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(url)
	end := strings.IndexAny(url, ":/?#")
	if end <= 0 || url[end] != ':' {
		return "", false // no scheme: a relative URL
	}
	scheme := strings.ToLower(url[:end])
	for i, r := range scheme {
		letter := r >= 'a' && r <= 'z'
		if !letter && (i == 0 || !(r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')) {
			return "", false // not a scheme, so a relative path
		}
	}
	return scheme, !allowedSchemes[scheme]
}

// unwrap puts n's text where n was: a link's or image's children (its
// text, or alt text), or an autolink's label.
func unwrap(n ast.Node, src []byte) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	if al, ok := n.(*ast.AutoLink); ok {
		s := ast.NewString(al.Label(src))
		s.SetRaw(true) // written escaped, without resolving entities
		parent.ReplaceChild(parent, n, s)
		return
	}
	for c := n.FirstChild(); c != nil; c = n.FirstChild() {
		parent.InsertBefore(parent, n, c)
	}
	parent.RemoveChild(parent, n)
}

// shorten cuts s to at most n runes and marks the cut, for quoting in
// messages.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
