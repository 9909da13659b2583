package serve

import (
	"net/url"
	"testing"
)

func TestRequestPath(t *testing.T) {
	tests := []struct {
		target string // as sent on the request line
		rel    string
		slash  bool
		ok     bool
	}{
		{"/", "", true, true},
		{"/index.html", "index.html", false, true},
		{"/articles/65/", "articles/65", true, true},
		{"/articles/65", "articles/65", false, true},
		{"/a%20b/", "a b", true, true},
		{"/../etc/passwd", "", false, false},
		{"/%2e%2e/etc/passwd", "", false, false},
		{"/%2E%2E/", "", false, false},
		{"/..%2fetc%2fpasswd", "", false, false},
		{"/articles%2F65/", "", false, false},
		{"/articles%5c65", "", false, false},
		{"/articles\\65", "", false, false},
		{"/a/../b", "", false, false},
		{"/./a", "", false, false},
		{"/a/.", "", false, false},
		{"//evil.example/", "", false, false},
		{"/a//b", "", false, false},
		{"//", "", false, false},
		{"/a%00b", "", false, false},
		{"/..", "", false, false},
		{"/...", "...", false, true}, // a legal (if odd) name
	}
	for _, tt := range tests {
		u, err := url.ParseRequestURI(tt.target)
		if err != nil {
			t.Fatalf("%s: %v", tt.target, err)
		}
		rel, slash, ok := requestPath(u)
		if rel != tt.rel || slash != tt.slash || ok != tt.ok {
			t.Errorf("requestPath(%q) = %q, %v, %v; want %q, %v, %v", tt.target, rel, slash, ok, tt.rel, tt.slash, tt.ok)
		}
	}
}

func TestInject(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<html><head><title>x</title></head><body></body></html>",
			"<html><head><title>x</title>" + scriptTag + "</head><body></body></html>"},
		{"<HTML><HEAD></HEAD></HTML>", "<HTML><HEAD>" + scriptTag + "</HEAD></HTML>"},
		{"<p>İstanbul</p></Head>", "<p>İstanbul</p>" + scriptTag + "</Head>"}, // offsets survive non-ASCII
		{"<body><p>no head</p></body>", "<body><p>no head</p>" + scriptTag + "</body>"},
		{"just text", "just text" + scriptTag},
	}
	for _, tt := range tests {
		if got := string(inject([]byte(tt.in))); got != tt.want {
			t.Errorf("inject(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestContentType(t *testing.T) {
	tests := map[string]string{
		"index.html":         "text/html; charset=utf-8",
		"site.css":           "text/css; charset=utf-8",
		"app.js":             "text/javascript; charset=utf-8",
		"search.json":        "application/json",
		"sitemap.xml":        "application/xml; charset=utf-8",
		"logo.svg":           "image/svg+xml",
		"site.webmanifest":   "application/manifest+json",
		"PHOTO.JPG":          "image/jpeg",
		"font.woff2":         "font/woff2",
		"no-extension":       "application/octet-stream",
		"weird.unknown-ext1": "application/octet-stream",
	}
	for name, want := range tests {
		if got := contentType(name); got != want {
			t.Errorf("contentType(%q) = %q, want %q", name, got, want)
		}
	}
}
