package serve

import (
	"net/url"
	"path"
	"strings"
)

// requestPath checks a request URL and returns the slash-separated path
// below the site root ("" for the root itself) and whether the URL ended
// in a slash. ok is false for anything that is not a plain, clean path:
// such requests get a 404 rather than a redirect to a cleaned form, so no
// spelling of a path reaches a file another spelling does not.
func requestPath(u *url.URL) (rel string, slash, ok bool) {
	// An encoded slash or backslash would turn into a separator only after
	// our checks ("/..%2f" decodes to "/../").
	esc := strings.ToLower(u.EscapedPath())
	if strings.Contains(esc, "%2f") || strings.Contains(esc, "%5c") {
		return "", false, false
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false, false
	}
	if p == "/" {
		return "", true, true
	}
	slash = strings.HasSuffix(p, "/")
	rel = strings.TrimSuffix(p[1:], "/")
	for _, seg := range strings.Split(rel, "/") {
		// Empty segments ("//x") are refused too: "//evil.example" as a
		// redirect target would leave the site.
		if seg == "" || seg == "." || seg == ".." {
			return "", false, false
		}
	}
	if path.Clean("/"+rel) != "/"+rel {
		return "", false, false // unreachable after the checks above; kept as the rule they implement
	}
	return rel, slash, true
}
