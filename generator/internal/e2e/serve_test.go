package e2e

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"travaux/generator/internal/testsite"
	"travaux/generator/preview"
	"travaux/generator/watch"
	"travaux/templates"
)

// previewSite starts the preview loop (what `travaux serve` runs) on a copy
// of the minimal build fixture and returns the site folder and its URL.
func previewSite(t *testing.T) (dir, base string) {
	t.Helper()
	dir = testsite.WriteSite(t, filepath.Join(repoRoot(t), "generator/build/testdata/sites/minimal.txtar"))
	site, err := preview.New(dir, templates.FS, preview.Options{Watch: watch.Options{Quiet: 5 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go site.Watch(ctx)
	srv := httptest.NewServer(site.Handler())
	t.Cleanup(func() {
		cancel()
		site.Close() // ends the event streams first, so the server can close
		srv.Close()
	})
	return dir, srv.URL
}

// waitFor polls a JavaScript condition in the page until it holds. An
// evaluation that fails (the page is being replaced) counts as not yet.
func (tb *tab) waitFor(what, cond string) {
	tb.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			tb.t.Fatalf("%s: still not true after 15s (last error: %v): %s", what, err, cond)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestBrowserLiveReload: an author edits a file, and the open page shows
// the new text without a manual reload; a broken save shows the problem
// over the page; the fix removes it.
func TestBrowserLiveReload(t *testing.T) {
	dir, base := previewSite(t)
	tb := newTab(t, base)
	tb.openOK("/articles/65/")
	tb.waitFor("the reload script connects", `document.querySelector('script[src="/_travaux/reload.js"]') !== null`)

	path := filepath.Join(dir, "content/articles/065-entry-into-force.md")
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Mark this document: a reload replaces it, so the mark disappears.
	eval[bool](tb, `(window.__before = true)`)
	edited := bytes.Replace(orig, []byte("A joint statement."), []byte("A joint statement, revised on save."), 1)
	time.Sleep(300 * time.Millisecond) // the event stream is open
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	tb.waitFor("the edit appears", `document.body !== null && document.body.innerText.includes("A joint statement, revised on save.")`)
	if eval[bool](tb, `window.__before === true`) {
		t.Error("the text changed without the page reloading, which this test does not expect")
	}

	broken := bytes.Replace(edited, []byte("by: [MEX]"), []byte("by: [MEXX]"), 1)
	if err := os.WriteFile(path, broken, 0o644); err != nil {
		t.Fatal(err)
	}
	tb.waitFor("the overlay shows the problem", `(() => {
		const d = document.querySelector("dialog.travaux-overlay");
		return d !== null && d.innerText.includes('unknown delegation "MEXX"') && d.innerText.includes("065-entry-into-force.md:11:10");
	})()`)
	tb.checkAxe("the error overlay", map[string]any{"type": "tag", "values": axeTags})
	// The page under the overlay is still the last good build.
	if !eval[bool](tb, `document.body !== null && document.body.innerText.includes("A joint statement, revised on save.")`) {
		t.Error("the last good page is gone")
	}

	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	tb.waitFor("the overlay goes after the fix", `document.querySelector("dialog.travaux-overlay") === null && document.readyState === "complete"`)
}
