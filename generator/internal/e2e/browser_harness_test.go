package e2e

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// testTimeout bounds every browser test: each test's tab lives in a context
// with this deadline, so a page that never loads fails the test instead of
// hanging the run.
const testTimeout = 60 * time.Second

// missing skips a test that needs a tool the machine lacks, or fails it
// when CI=true, where every test must run.
func missing(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s; CI=true, so the browser tests must run (install with `bash .ci/deps`)", msg)
	}
	t.Skipf("%s; install with `bash .ci/deps` (with CI=true this is a failure)", msg)
}

// findChromium returns the path of a Chromium (or Chrome) binary, or "".
func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if fi, err := os.Stat("/usr/bin/chromium"); err == nil && !fi.IsDir() {
		return "/usr/bin/chromium"
	}
	return ""
}

// One browser serves the whole run; each test opens its own tab.
var (
	browserOnce sync.Once
	browserCtx  context.Context
	browserErr  error
	browserStop = func() {}
)

// browser returns the context of the run's browser, starting it on first
// use. It skips (or, under CI, fails) the test when there is no Chromium.
func browser(t *testing.T) context.Context {
	t.Helper()
	exe := findChromium()
	if exe == "" {
		missing(t, "no chromium in PATH or at /usr/bin/chromium")
	}
	browserOnce.Do(func() { browserCtx, browserErr = startBrowser(exe) })
	if browserErr != nil {
		t.Fatalf("start %s: %v", exe, browserErr)
	}
	return browserCtx
}

// lockedBuffer collects the browser's output for an error message.
type lockedBuffer struct {
	mu  sync.Mutex
	buf []byte
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.buf) < 64<<10 {
		b.buf = append(b.buf, p...)
	}
	return len(p), nil
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf)
}

// startBrowser starts a headless Chromium with a fresh profile, and sets
// browserStop to close it and remove the profile.
func startBrowser(exe string) (context.Context, error) {
	dir, err := os.MkdirTemp("", "travaux-e2e-chromium-")
	if err != nil {
		return nil, err
	}
	out := &lockedBuffer{}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(dir),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-proxy-server", true),
		chromedp.WindowSize(1280, 800),
		chromedp.CombinedOutput(out),
	)
	allocCtx, allocCancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	browserStop = func() {
		cctx, ccancel := context.WithTimeout(ctx, 10*time.Second)
		chromedp.Cancel(cctx)
		ccancel()
		cancel()
		allocCancel()
		os.RemoveAll(dir)
	}
	// The first Do starts the browser and binds it to ctx, which must have
	// no deadline; the start itself is bounded here.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }()
	select {
	case err = <-started:
	case <-time.After(30 * time.Second):
		err = errors.New("no answer within 30s")
	}
	if err != nil {
		browserStop()
		browserStop = func() {}
		if o := strings.TrimSpace(out.String()); o != "" {
			err = fmt.Errorf("%w; browser output:\n%s", err, o)
		}
		return nil, err
	}
	return ctx, nil
}

// cspBinding is the function the page calls, through the DevTools protocol,
// for each securitypolicyviolation event.
const cspBinding = "__travauxE2ECSPViolation"

// cspListenerJS runs in every document before the page's own scripts and
// reports each Content-Security-Policy violation to the test.
const cspListenerJS = `(() => {
  document.addEventListener('securitypolicyviolation', (e) => {
    try {
      window.` + cspBinding + `(JSON.stringify({
        page: e.documentURI, directive: e.effectiveDirective, blocked: e.blockedURI,
        source: e.sourceFile, line: e.lineNumber, sample: e.sample,
      }));
    } catch (_) {}
  }, true);
})();`

// recorder watches the events of one tab for what must never happen on any
// page: a Content-Security-Policy violation, a request to a host other than
// the test server, a resource that fails to load, an uncaught exception.
type recorder struct {
	host string // host:port of the test server

	mu        sync.Mutex
	urls      map[network.RequestID]string
	expect404 map[string]bool // document URLs (without fragment) that may answer 404
	problems  []string
	notes     []string // other browser log entries, shown with -v
}

func newRecorder(host string) *recorder {
	return &recorder{host: host, urls: map[network.RequestID]string{}, expect404: map[string]bool{}}
}

// allowed reports whether the page may request rawURL: the test server, or a
// URL that involves no host at all.
func (r *recorder) allowed(rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "data", "blob", "about":
		return true
	case "http", "https", "ws", "wss":
		return u.Host == r.host
	}
	return false
}

// listen is called by chromedp on the tab's reading goroutine, so it only
// records.
func (r *recorder) listen(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if ev.Request == nil {
			return
		}
		r.urls[ev.RequestID] = ev.Request.URL
		if !r.allowed(ev.Request.URL) {
			r.problems = append(r.problems, fmt.Sprintf("request to another host: %s %s (%s, from %s)",
				ev.Request.Method, ev.Request.URL, ev.Type, ev.DocumentURL))
		}
	case *network.EventResponseReceived:
		if ev.Response == nil || ev.Response.Status < 400 {
			return
		}
		if ev.Type == network.ResourceTypeDocument && ev.Response.Status == 404 && r.expect404[ev.Response.URL] {
			return
		}
		r.problems = append(r.problems, fmt.Sprintf("%s %s answered %d %s",
			ev.Type, ev.Response.URL, ev.Response.Status, ev.Response.StatusText))
	case *network.EventLoadingFailed:
		if ev.Canceled {
			return
		}
		msg := fmt.Sprintf("%s %s failed to load: %s", ev.Type, r.urls[ev.RequestID], ev.ErrorText)
		if ev.BlockedReason != "" {
			msg += " (blocked: " + string(ev.BlockedReason) + ")"
		}
		r.problems = append(r.problems, msg)
	case *runtime.EventBindingCalled:
		if ev.Name == cspBinding {
			r.problems = append(r.problems, "Content-Security-Policy violation: "+ev.Payload)
		}
	case *runtime.EventExceptionThrown:
		if d := ev.ExceptionDetails; d != nil {
			text := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				text += " " + d.Exception.Description
			}
			r.problems = append(r.problems, fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, text))
		}
	case *log.EventEntryAdded:
		if e := ev.Entry; e != nil {
			line := fmt.Sprintf("browser log %s/%s: %s (%s)", e.Source, e.Level, e.Text, e.URL)
			if strings.Contains(e.Text, "Content Security Policy") {
				r.problems = append(r.problems, "Content-Security-Policy violation in the "+line)
			} else {
				r.notes = append(r.notes, line)
			}
		}
	}
}

// take returns the problems recorded so far and forgets them.
func (r *recorder) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	p := r.problems
	r.problems = nil
	return p
}

// tab is one browser tab on a served site, for one test.
type tab struct {
	t    *testing.T
	ctx  context.Context
	base string // http://127.0.0.1:port, no trailing slash
	rec  *recorder
}

// newTab opens a tab on the site at base. The tab records problems from its
// first event, and the test fails on any of them when it ends.
func newTab(t *testing.T, base string) *tab {
	t.Helper()
	bctx := browser(t)
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	rec := newRecorder(u.Host)
	tctx, cancelTab := chromedp.NewContext(bctx, chromedp.WithListener(rec.listen))
	ctx, cancel := context.WithTimeout(tctx, testTimeout)
	tb := &tab{t: t, ctx: ctx, base: strings.TrimSuffix(base, "/"), rec: rec}
	t.Cleanup(func() {
		tb.settle()
		cancel()
		cancelTab()
		for _, p := range rec.take() {
			t.Errorf("%s", p)
		}
		if t.Failed() {
			rec.mu.Lock()
			for _, n := range rec.notes {
				t.Log(n)
			}
			rec.mu.Unlock()
		}
	})
	err = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, runtime.AddBinding, runtime.AddBindingParams{Name: cspBinding}); err != nil {
			return fmt.Errorf("add binding: %w", err)
		}
		if _, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: cspListenerJS}); err != nil {
			return fmt.Errorf("add CSP listener: %w", err)
		}
		return nil
	}))
	if err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	return tb
}

// settle gives the page a moment to report what it queued (a
// securitypolicyviolation event is dispatched after the fact), then makes a
// round trip that needs no script, so that every event sent before it has
// reached the recorder.
func (tb *tab) settle() {
	if tb.ctx.Err() != nil {
		return
	}
	chromedp.Do(tb.ctx, chromedp.Sleep(100*time.Millisecond))
	chromedp.Run(tb.ctx, chromedp.NavigationEntries())
}

// do runs actions in the tab, failing the test on error.
func (tb *tab) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
}

// open loads the site's path p (which may have a #fragment) and returns the
// response status of the document.
func (tb *tab) open(p string) int64 {
	tb.t.Helper()
	return tb.openURL(tb.base + p)
}

// openURL loads the absolute URL u and returns the status of the document.
func (tb *tab) openURL(u string) int64 {
	tb.t.Helper()
	resp, err := chromedp.Run(tb.ctx, chromedp.NavigateResponse(u))
	if err != nil {
		tb.t.Fatalf("open %s: %v", u, err)
	}
	if resp == nil {
		tb.t.Fatalf("open %s: no response", u)
	}
	return resp.Status
}

// openOK loads p and fails the test unless it answers 200.
func (tb *tab) openOK(p string) {
	tb.t.Helper()
	if st := tb.open(p); st != 200 {
		tb.t.Fatalf("open %s: status %d, want 200", p, st)
	}
}

// open404 loads p, which must answer 404 (with the site's 404 page).
func (tb *tab) open404(p string) {
	tb.t.Helper()
	u := tb.base + p
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	tb.rec.mu.Lock()
	tb.rec.expect404[u] = true
	tb.rec.mu.Unlock()
	if st := tb.open(p); st != 404 {
		tb.t.Fatalf("open %s: status %d, want 404", p, st)
	}
}

// eval evaluates a JavaScript expression in the page and decodes its value.
func eval[T any](tb *tab, expr string, opts ...chromedp.EvaluateOption) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		tb.t.Fatalf("evaluate %.80q: %v", expr, err)
	}
	return v
}

// path returns the path of the page the tab shows.
func (tb *tab) path() string {
	tb.t.Helper()
	loc, err := chromedp.Run(tb.ctx, chromedp.Location())
	if err != nil {
		tb.t.Fatalf("location: %v", err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		tb.t.Fatalf("location %q: %v", loc, err)
	}
	return u.Path
}

// viewport sets the size of the page's viewport: a desktop window, or a
// phone (mobile emulation, so the page's meta viewport applies).
func (tb *tab) viewport(w, h int64, phone bool) {
	tb.t.Helper()
	var opts []chromedp.EmulateViewportOption
	if phone {
		opts = append(opts, chromedp.EmulatePortrait, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	tb.do(fmt.Sprintf("set the viewport to %dx%d", w, h), chromedp.EmulateViewport(w, h, opts...))
}

// colorScheme emulates prefers-color-scheme: "light" or "dark".
func (tb *tab) colorScheme(scheme string) {
	tb.t.Helper()
	tb.do("emulate prefers-color-scheme: "+scheme, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	}))
	if !eval[bool](tb, `matchMedia('(prefers-color-scheme: `+scheme+`)').matches`) {
		tb.t.Fatalf("prefers-color-scheme: %s is not in effect", scheme)
	}
}

// noScript turns the page's JavaScript off (or back on); it applies to the
// documents loaded afterwards.
func (tb *tab) noScript(off bool) {
	tb.t.Helper()
	tb.do("disable scripts", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: off})
		return err
	}))
}

// repoRoot is the module root, three folders up from this package.
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("no go.mod at the repository root %s: %v", root, err)
	}
	return root
}
