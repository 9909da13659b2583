package e2e

import (
	"bufio"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// headerRule is one [[headers]] block of netlify.toml: the headers a host
// adds to the responses for the paths that match its pattern.
type headerRule struct {
	pattern string      // "/*", "/assets/*" or an exact path
	values  [][2]string // in file order
}

// matches reports whether the URL path p matches the rule's pattern, with
// Netlify's meaning of a trailing "*".
func (r headerRule) matches(p string) bool {
	if prefix, ok := strings.CutSuffix(r.pattern, "*"); ok {
		return strings.HasPrefix(p, prefix)
	}
	return p == r.pattern
}

// readNetlifyHeaders reads the [[headers]] blocks of a netlify.toml with a
// line scan: enough for the flat `Key = "value"` lines the file uses, and it
// keeps the test server's headers from drifting from the deployed ones. It
// fails when no rule for every path sets a Content-Security-Policy, since
// the tests would then check nothing.
func readNetlifyHeaders(file string) ([]headerRule, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var (
		rules    []headerRule
		inRule   bool // inside a [[headers]] block
		inValues bool // inside its [headers.values] table
	)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case line == "[[headers]]":
			rules = append(rules, headerRule{})
			inRule, inValues = true, false
			continue
		case line == "[headers.values]":
			if !inRule {
				return nil, fmt.Errorf("%s:%d: [headers.values] outside [[headers]]", file, n)
			}
			inValues = true
			continue
		case strings.HasPrefix(line, "["):
			inRule, inValues = false, false
			continue
		case !inRule:
			continue
		}
		key, raw, ok := strings.Cut(line, "=")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want key = \"value\": %s", file, n, line)
		}
		key = strings.TrimSpace(key)
		val, err := strconv.Unquote(strings.TrimSpace(raw))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: value of %s is not a plain quoted string: %v", file, n, key, err)
		}
		r := &rules[len(rules)-1]
		switch {
		case inValues:
			r.values = append(r.values, [2]string{key, val})
		case key == "for":
			r.pattern = val
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for _, r := range rules {
		if r.pattern == "" {
			return nil, fmt.Errorf("%s: a [[headers]] block has no `for`", file)
		}
	}
	if headersFor(rules, "/").Get("Content-Security-Policy") == "" {
		return nil, fmt.Errorf("%s: no Content-Security-Policy for /", file)
	}
	return rules, nil
}

// headersFor returns the headers the rules give the URL path p.
func headersFor(rules []headerRule, p string) http.Header {
	h := http.Header{}
	for _, r := range rules {
		if r.matches(p) {
			for _, kv := range r.values {
				h.Set(kv[0], kv[1])
			}
		}
	}
	return h
}

// siteHandler serves the folder dir as the host the site is published on
// does: the headers of rules on every response, /dir/ from
// /dir/index.html, /dir redirected to /dir/, and 404.html with status 404
// for any other path.
func siteHandler(dir string, rules []headerRule) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, vs := range headersFor(rules, r.URL.Path) {
			w.Header()[k] = vs
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		p := path.Clean("/" + r.URL.Path)
		name := filepath.Join(dir, filepath.FromSlash(p))
		fi, err := os.Stat(name)
		if err == nil && fi.IsDir() {
			if !strings.HasSuffix(r.URL.Path, "/") {
				target := strings.TrimSuffix(p, "/") + "/"
				if r.URL.RawQuery != "" {
					target += "?" + r.URL.RawQuery
				}
				http.Redirect(w, r, target, http.StatusMovedPermanently)
				return
			}
			name = filepath.Join(name, "index.html")
			fi, err = os.Stat(name)
		}
		if err != nil || fi.IsDir() || strings.Contains(p, "/.") {
			notFound(w, r, dir)
			return
		}
		f, err := os.Open(name)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer f.Close()
		http.ServeContent(w, r, name, fi.ModTime(), f)
	})
}

// notFound answers with dir/404.html and status 404.
func notFound(w http.ResponseWriter, r *http.Request, dir string) {
	body, err := os.ReadFile(filepath.Join(dir, "404.html"))
	if err != nil {
		http.Error(w, "404 page not found (and no 404.html)", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// newSiteServer serves dir on 127.0.0.1 with the headers of rules.
func newSiteServer(dir string, rules []headerRule) *httptest.Server {
	return httptest.NewServer(siteHandler(dir, rules))
}
