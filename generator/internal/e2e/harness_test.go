package e2e

// Tests of the harness itself, on the hand-written pages of
// testdata/harness: the server behaves like the host, and the recorder
// really sees the problems the site tests rely on it to see.

import (
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	netlifyOnce  sync.Once
	netlifyRules []headerRule
	netlifyErr   error
)

// hostHeaders returns the [[headers]] rules of the repository's netlify.toml.
func hostHeaders(t testing.TB) []headerRule {
	t.Helper()
	file := filepath.Join(repoRoot(t), "netlify.toml")
	netlifyOnce.Do(func() { netlifyRules, netlifyErr = readNetlifyHeaders(file) })
	if netlifyErr != nil {
		t.Fatal(netlifyErr)
	}
	return netlifyRules
}

// harnessServer serves testdata/harness like the site, for this test only.
func harnessServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := newSiteServer(filepath.Join("testdata", "harness"), hostHeaders(t))
	t.Cleanup(srv.Close)
	return srv
}

func TestNetlifyHeaders(t *testing.T) {
	rules := hostHeaders(t)
	csp := headersFor(rules, "/articles/65/").Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
		}
	}
	if got := headersFor(rules, "/").Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("X-Content-Type-Options = %q, want nosniff", got)
	}
	if got := headersFor(rules, "/assets/site.0123abcd.css").Get("Cache-Control"); !strings.Contains(got, "immutable") {
		t.Errorf("Cache-Control for /assets/ = %q, want immutable", got)
	}
	if got := headersFor(rules, "/articles/65/").Get("Cache-Control"); got != "" {
		t.Errorf("Cache-Control for a page = %q, want none", got)
	}
}

func TestServer(t *testing.T) {
	srv := harnessServer(t)
	csp := headersFor(hostHeaders(t), "/").Get("Content-Security-Policy")
	client := srv.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	for _, tc := range []struct {
		path, location, contains string
		status                   int
	}{
		{path: "/", status: 200, contains: "<h1>Harness</h1>"},
		{path: "/next/", status: 200, contains: "<h1>Next</h1>"},
		{path: "/next", status: 301, location: "/next/"},
		{path: "/style.css", status: 200, contains: "font:"},
		{path: "/nowhere/", status: 404, contains: "Page not found"},
		{path: "/next/index.htm", status: 404, contains: "Page not found"},
		{path: "/../go.mod", status: 404, contains: "Page not found"},
	} {
		resp, err := client.Get(srv.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status {
			t.Errorf("GET %s: status %d, want %d", tc.path, resp.StatusCode, tc.status)
		}
		if got := resp.Header.Get("Content-Security-Policy"); got != csp {
			t.Errorf("GET %s: Content-Security-Policy %q, want %q", tc.path, got, csp)
		}
		if tc.location != "" && resp.Header.Get("Location") != tc.location {
			t.Errorf("GET %s: Location %q, want %q", tc.path, resp.Header.Get("Location"), tc.location)
		}
		if !strings.Contains(string(body), tc.contains) {
			t.Errorf("GET %s: body lacks %q", tc.path, tc.contains)
		}
	}
}

func TestBrowserHarnessCleanPage(t *testing.T) {
	srv := harnessServer(t)
	tb := newTab(t, srv.URL)
	tb.openOK("/")
	if got := eval[string](tb, `document.documentElement.dataset.js || ''`); got != "ran" {
		t.Errorf("the page's script did not run: data-js = %q", got)
	}
	tb.open404("/nowhere/")
	tb.settle()
	if p := tb.rec.take(); len(p) != 0 {
		t.Errorf("problems on clean pages: %q", p)
	}
}

func TestBrowserHarnessSeesCSPViolations(t *testing.T) {
	srv := harnessServer(t)
	tb := newTab(t, srv.URL)
	tb.openOK("/inline/")
	tb.settle()
	var csp []string
	for _, p := range tb.rec.take() {
		if strings.Contains(p, "Content-Security-Policy violation") {
			csp = append(csp, p)
		}
	}
	var fromEvent, inline bool
	for _, p := range csp {
		fromEvent = fromEvent || strings.HasPrefix(p, "Content-Security-Policy violation: {")
		inline = inline || strings.Contains(p, "inline")
	}
	if !fromEvent || !inline {
		t.Errorf("want violations of the inline style and script from the securitypolicyviolation listener, got %q", csp)
	}
	if got := eval[string](tb, `document.title`); got == "ran" {
		t.Errorf("the inline script ran despite the policy")
	}
}

func TestBrowserHarnessSeesCSPViolationsWithoutScript(t *testing.T) {
	srv := harnessServer(t)
	tb := newTab(t, srv.URL)
	tb.noScript(true)
	tb.openOK("/inline/")
	tb.settle()
	var csp []string
	for _, p := range tb.rec.take() {
		if strings.Contains(p, "Content-Security-Policy violation") {
			csp = append(csp, p)
		}
	}
	if len(csp) == 0 {
		t.Errorf("with scripts off, the inline style's violation went unseen")
	}
}

func TestBrowserHarnessNoScript(t *testing.T) {
	srv := harnessServer(t)
	tb := newTab(t, srv.URL)
	tb.noScript(true)
	tb.openOK("/")
	if got := eval[string](tb, `document.documentElement.dataset.js || ''`); got != "" {
		t.Errorf("the page's script ran with scripts disabled: data-js = %q", got)
	}
}

func TestBrowserHarnessSeesOtherHosts(t *testing.T) {
	srv := harnessServer(t)
	other := harnessServer(t) // another port, so another host
	tb := newTab(t, srv.URL)
	tb.openOK("/")
	if st := tb.openURL(other.URL + "/next/"); st != 200 {
		t.Fatalf("open the other server: status %d", st)
	}
	tb.settle()
	p := tb.rec.take()
	if len(p) == 0 || !strings.HasPrefix(p[0], "request to another host: GET "+other.URL+"/next/ (Document") {
		t.Errorf("want the request for the other host's document, got %q", p)
	}
}

func TestBrowserHarnessAxe(t *testing.T) {
	srv := harnessServer(t)
	tb := newTab(t, srv.URL)
	tb.openOK("/axe/")
	ids := func(vs []axeViolation) map[string]string {
		m := map[string]string{}
		for _, v := range vs {
			var targets []string
			for _, n := range v.Nodes {
				targets = append(targets, strings.Join(n.Target, " "))
			}
			m[v.ID] = strings.Join(targets, ",")
		}
		return m
	}
	light := ids(tb.axeRun(map[string]any{"type": "tag", "values": axeTags}))
	if light["image-alt"] == "" || light["color-contrast"] != ".faint" {
		t.Errorf("light: want image-alt and color-contrast on .faint only, got %v", light)
	}
	tb.colorScheme("dark")
	dark := ids(tb.axeRun(map[string]any{"type": "rule", "values": axeColorRules}))
	if dark["color-contrast"] != ".faint,.darkfaint" || dark["image-alt"] != "" {
		t.Errorf("dark: want color-contrast on .faint and .darkfaint only, got %v", dark)
	}
}
