package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Every test here talks to a real listener on 127.0.0.1 with bounded
// timeouts.
const timeout = 5 * time.Second

var siteFiles = map[string]string{
	"index.html":       "<!doctype html><html><head><title>Home</title></head><body>home</body></html>",
	"about/index.html": "<!doctype html><html><head><title>About</title></head><body>about</body></html>",
	"404.html":         "<!doctype html><html><head><title>Lost</title></head><body>site 404 page</body></html>",
	"empty/.keep":      "",
	"site.css":         "body { color: black }\n",
	"app.js":           "console.log(1)\n",
	"sitemap.xml":      "<?xml version=\"1.0\"?><urlset/>",
	"search.json":      "{}",
	"logo.svg":         "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
	"site.webmanifest": "{}",
}

// newSite writes siteFiles into a fresh folder and returns the site
// folder and a folder outside it holding a secret.
func newSite(t *testing.T) (site, outside string) {
	t.Helper()
	base := t.TempDir()
	site = filepath.Join(base, "public")
	outside = filepath.Join(base, "private")
	for name, text := range siteFiles {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{
		"leak.txt":   filepath.Join(outside, "secret.txt"),
		"leakdir":    outside,
		"relleak":    "../private/secret.txt",
		"inside.css": "site.css",
	} {
		if err := os.Symlink(target, filepath.Join(site, link)); err != nil {
			t.Fatal(err)
		}
	}
	return site, outside
}

func startServer(t *testing.T, root string, opts Options) (*Server, *httptest.Server) {
	t.Helper()
	s := New(root, opts)
	ts := httptest.NewServer(s) // listens on 127.0.0.1
	t.Cleanup(func() {
		s.Close()
		ts.Close()
	})
	return s, ts
}

// raw sends target exactly as written on the request line, so no client
// library cleans or re-encodes it.
func raw(t *testing.T, ts *httptest.Server, method, target string) (*http.Response, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", ts.Listener.Addr().String(), timeout)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(timeout))
	if _, err := io.WriteString(conn, method+" "+target+" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading body: %v", method, target, err)
	}
	return resp, string(body)
}

func TestConfinement(t *testing.T) {
	site, _ := newSite(t)
	_, ts := startServer(t, site, Options{})
	for _, target := range []string{
		"/../private/secret.txt",
		"/%2e%2e/private/secret.txt",
		"/%2E%2E/private/secret.txt",
		"/..%2fprivate%2fsecret.txt",
		"/about%2findex.html",
		"/about%2Findex.html",
		"/about%5cindex.html",
		"/about\\index.html",
		"/about/../index.html",
		"/./index.html",
		"//index.html",
		"/leak.txt",
		"/leakdir/secret.txt",
		"/leakdir/",
		"/relleak",
		"/index.html%00",
	} {
		resp, body := raw(t, ts, "GET", target)
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", target, resp.StatusCode)
		}
		if strings.Contains(body, "SECRET") {
			t.Errorf("GET %s: served the secret", target)
		}
	}
	// A symlink that stays inside the site is fine.
	resp, body := raw(t, ts, "GET", "/inside.css")
	if resp.StatusCode != http.StatusOK || body != siteFiles["site.css"] {
		t.Errorf("GET /inside.css: %d %q, want 200 with site.css", resp.StatusCode, body)
	}
}

func TestFiles(t *testing.T) {
	site, _ := newSite(t)
	_, ts := startServer(t, site, Options{})
	tests := []struct {
		target   string
		status   int
		ctype    string
		location string
		contains string
	}{
		{"/", 200, "text/html; charset=utf-8", "", "home"},
		{"/index.html", 200, "text/html; charset=utf-8", "", "home"},
		{"/about/", 200, "text/html; charset=utf-8", "", "about"},
		{"/about", 302, "", "/about/", ""},
		{"/about?lang=fr", 302, "", "/about/?lang=fr", ""},
		{"/about/index.html/", 404, "text/html; charset=utf-8", "", "site 404 page"},
		{"/empty/", 404, "text/html; charset=utf-8", "", "site 404 page"}, // no listing
		{"/missing/page/", 404, "text/html; charset=utf-8", "", "site 404 page"},
		{"/_travaux/nothing", 404, "text/html; charset=utf-8", "", "site 404 page"},
		{"/site.css", 200, "text/css; charset=utf-8", "", "color: black"},
		{"/app.js", 200, "text/javascript; charset=utf-8", "", "console.log"},
		{"/sitemap.xml", 200, "application/xml; charset=utf-8", "", "urlset"},
		{"/search.json", 200, "application/json", "", "{}"},
		{"/logo.svg", 200, "image/svg+xml", "", "<svg"},
		{"/site.webmanifest", 200, "application/manifest+json", "", "{}"},
		{"/_travaux/reload.js", 200, "text/javascript; charset=utf-8", "", "EventSource"},
		{"/_travaux/overlay.css", 200, "text/css; charset=utf-8", "", ".travaux-overlay"},
	}
	for _, tt := range tests {
		resp, body := raw(t, ts, "GET", tt.target)
		if resp.StatusCode != tt.status {
			t.Errorf("GET %s: status %d, want %d", tt.target, resp.StatusCode, tt.status)
			continue
		}
		if tt.ctype != "" && resp.Header.Get("Content-Type") != tt.ctype {
			t.Errorf("GET %s: Content-Type %q, want %q", tt.target, resp.Header.Get("Content-Type"), tt.ctype)
		}
		if got := resp.Header.Get("Location"); got != tt.location {
			t.Errorf("GET %s: Location %q, want %q", tt.target, got, tt.location)
		}
		if !strings.Contains(body, tt.contains) {
			t.Errorf("GET %s: body %q lacks %q", tt.target, body, tt.contains)
		}
		for h, want := range map[string]string{"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"} {
			if got := resp.Header.Get(h); got != want {
				t.Errorf("GET %s: %s %q, want %q", tt.target, h, got, want)
			}
		}
	}
}

func TestInjection(t *testing.T) {
	site, _ := newSite(t)
	_, ts := startServer(t, site, Options{})

	resp, body := raw(t, ts, "GET", "/about/")
	want := strings.Replace(siteFiles["about/index.html"], "</head>", scriptTag+"</head>", 1)
	if body != want {
		t.Errorf("GET /about/ body = %q, want %q", body, want)
	}
	if resp.ContentLength != int64(len(want)) {
		t.Errorf("GET /about/ Content-Length %d, want %d", resp.ContentLength, len(want))
	}
	resp, body = raw(t, ts, "GET", "/missing")
	if strings.Count(body, scriptTag) != 1 || resp.ContentLength != int64(len(body)) {
		t.Errorf("404 page: Content-Length %d, body %q: want one script tag and the right length", resp.ContentLength, body)
	}
	for _, name := range []string{"site.css", "app.js", "sitemap.xml", "logo.svg"} {
		resp, body := raw(t, ts, "GET", "/"+name)
		if body != siteFiles[name] || resp.ContentLength != int64(len(body)) {
			t.Errorf("GET /%s = %q (length %d), want it untouched", name, body, resp.ContentLength)
		}
	}
	resp, body = raw(t, ts, "HEAD", "/about/")
	if resp.StatusCode != 200 || body != "" || resp.ContentLength != int64(len(want)) {
		t.Errorf("HEAD /about/: %d, Content-Length %d, body %q; want 200, %d, empty", resp.StatusCode, resp.ContentLength, body, len(want))
	}
}

func TestMethods(t *testing.T) {
	site, _ := newSite(t)
	_, ts := startServer(t, site, Options{})
	for _, m := range []string{"POST", "PUT", "DELETE", "OPTIONS", "PATCH"} {
		for _, target := range []string{"/", "/site.css", "/_travaux/events"} {
			resp, _ := raw(t, ts, m, target)
			if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: %d, Allow %q; want 405, \"GET, HEAD\"", m, target, resp.StatusCode, resp.Header.Get("Allow"))
			}
		}
	}
}

func TestHeadEvents(t *testing.T) {
	site, _ := newSite(t)
	_, ts := startServer(t, site, Options{})
	resp, body := raw(t, ts, "HEAD", "/_travaux/events") // must not hang
	if resp.StatusCode != 200 || body != "" || resp.Header.Get("Content-Type") != "text/event-stream; charset=utf-8" {
		t.Errorf("HEAD /_travaux/events: %d %q %q", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
}

func TestNoSiteYet(t *testing.T) {
	_, ts := startServer(t, filepath.Join(t.TempDir(), "public"), Options{})
	resp, body := raw(t, ts, "GET", "/")
	if resp.StatusCode != 404 || !strings.Contains(body, scriptTag) {
		t.Errorf("GET / with no site: %d %q; want 404 carrying the reload script", resp.StatusCode, body)
	}
}

// TestSwappedRoot replaces the site folder by rename, as the builder does,
// and expects the next request to see the new build.
func TestSwappedRoot(t *testing.T) {
	site, _ := newSite(t)
	_, ts := startServer(t, site, Options{})
	if _, body := raw(t, ts, "GET", "/site.css"); body != siteFiles["site.css"] {
		t.Fatalf("before the swap: %q", body)
	}
	next := site + ".new"
	if err := os.MkdirAll(next, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(next, "site.css"), []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(site, site+".old"); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(next, site); err != nil {
		t.Fatal(err)
	}
	if _, body := raw(t, ts, "GET", "/site.css"); body != "new" {
		t.Errorf("after the swap: %q, want the new build", body)
	}
}
