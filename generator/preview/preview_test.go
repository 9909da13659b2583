package preview

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"travaux/generator/build"
	"travaux/generator/internal/testsite"
	"travaux/generator/watch"
	"travaux/generator/write"
	"travaux/templates"
)

const article = "content/articles/065-entry-into-force.md"

// fixture writes the minimal build fixture site into a fresh folder.
func fixture(t *testing.T) string {
	t.Helper()
	return testsite.WriteSite(t, "../build/testdata/sites/minimal.txtar")
}

// events reads server-sent events from the preview's stream.
type events struct {
	resp *http.Response
	ch   chan [2]string // event name, data
}

func subscribe(t testing.TB, url string) *events {
	t.Helper()
	resp, err := http.Get(url + "/_travaux/events")
	if err != nil {
		t.Fatal(err)
	}
	e := &events{resp: resp, ch: make(chan [2]string, 1000)}
	go func() {
		defer close(e.ch)
		sc := bufio.NewScanner(resp.Body)
		var name string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				e.ch <- [2]string{name, strings.TrimPrefix(line, "data: ")}
			}
		}
	}()
	t.Cleanup(func() { resp.Body.Close() })
	return e
}

// next waits for the next event named name whose data contains want.
func (e *events) next(t testing.TB, name, want string) string {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case ev, ok := <-e.ch:
			if !ok {
				t.Fatalf("stream ended while waiting for %s", name)
			}
			if ev[0] == name && strings.Contains(ev[1], want) {
				return ev[1]
			}
		case <-timeout:
			t.Fatalf("no %s event containing %q within 10s", name, want)
		}
	}
}

// save writes a file the way editors do: a temporary file renamed over
// the target when atomic, a plain rewrite otherwise.
func save(t testing.TB, path string, data []byte, atomic bool) {
	t.Helper()
	if !atomic {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func start(t *testing.T, dir string) (*Site, *httptest.Server, context.CancelFunc) {
	t.Helper()
	site, err := New(dir, templates.FS, Options{Watch: watch.Options{Quiet: 5 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go site.Watch(ctx)
	srv := httptest.NewServer(site.Handler())
	return site, srv, cancel
}

// watched starts a preview of a fresh fixture site and subscribes to its
// events, past the first; stop ends it all.
func watched(t *testing.T) (dir string, site *Site, srv *httptest.Server, ev *events, stop func()) {
	t.Helper()
	dir = fixture(t)
	site, srv, cancel := start(t, dir)
	ev = subscribe(t, srv.URL)
	ev.next(t, "hello", "")
	return dir, site, srv, ev, func() { cancel(); site.Close(); srv.Close() }
}

func TestEditReloadsAndErrorsShow(t *testing.T) {
	dir, site, srv, ev, stop := watched(t)
	defer stop()

	path := filepath.Join(dir, article)
	orig, _ := os.ReadFile(path)
	save(t, path, bytes.Replace(orig, []byte("A joint statement."), []byte("A joint statement, edited."), 1), true)
	ev.next(t, "reload", "articles/65/index.html")
	if !strings.Contains(get(t, srv.URL+"/articles/65/"), "A joint statement, edited.") {
		t.Error("the served page does not show the edit")
	}

	save(t, path, bytes.Replace(orig, []byte("by: [MEX]"), []byte("by: [MEXX]"), 1), false)
	data := ev.next(t, "errors", "MEXX")
	if !strings.Contains(data, `"line":11`) || !strings.Contains(data, `by: [MEXX]`) {
		t.Errorf("errors event lacks the position or the source line: %s", data)
	}
	if site.OK() {
		t.Error("OK() after a failed build")
	}
	save(t, path, orig, true)
	ev.next(t, "reload", "")
	if !site.OK() {
		t.Error("not OK after the fix")
	}
}

// get returns the body the server gives for url.
func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(body)
}

// TestArticlesFirst: a save publishes the saved article's pages with one
// reload event, then the rest of the site that changed (here the open
// data, which holds every summary) with a second.
func TestArticlesFirst(t *testing.T) {
	dir, _, srv, ev, stop := watched(t)
	defer stop()

	path := filepath.Join(dir, article)
	orig, _ := os.ReadFile(path)
	save(t, path, bytes.Replace(orig, []byte("A joint statement."), []byte("A joint statement, restated."), 1), true)
	first := ev.next(t, "reload", "")
	if !strings.Contains(first, `"articles/65/index.html"`) || strings.Contains(first, "convention.json") {
		t.Errorf("first event = %s; want the article's page and not the rest", first)
	}
	ev.next(t, "reload", `"data/convention.json"`)
	if !strings.Contains(get(t, srv.URL+"/data/convention.json"), "A joint statement, restated.") {
		t.Error("the served open data does not hold the edit")
	}
}

// TestStylesheetOnly: a site whose stylesheet is edited gets a css event
// naming only the stylesheet, so open pages restyle without a reload.
func TestStylesheetOnly(t *testing.T) {
	dir := fixture(t)
	css, err := fs.ReadFile(templates.FS, "static/site.css")
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "templates/static"), 0o755)
	path := filepath.Join(dir, "templates/static/site.css")
	if err := os.WriteFile(path, css, 0o644); err != nil {
		t.Fatal(err)
	}
	site, srv, cancel := start(t, dir)
	defer func() { cancel(); site.Close(); srv.Close() }()
	ev := subscribe(t, srv.URL)
	ev.next(t, "hello", "")
	save(t, path, append(css, []byte("\nbody { letter-spacing: 0.01em; }\n")...), true)
	if data := ev.next(t, "css", "assets/site.css"); strings.Contains(data, ".html") {
		t.Errorf("a stylesheet edit changed pages too: %s", data)
	}
}

// TestStress saves 200 times in quick succession, with a broken state in
// the middle; once the saves stop, the served site must be byte for byte
// a clean build of the final files, and nothing may be left running.
func TestStress(t *testing.T) {
	before := runtime.NumGoroutine()
	dir := fixture(t)
	site, srv, cancel := start(t, dir)

	path := filepath.Join(dir, article)
	orig, _ := os.ReadFile(path)
	for i := range 200 {
		data := bytes.Replace(orig, []byte("A joint statement."), fmt.Appendf(nil, "A joint statement, version %d.", i), 1)
		if i >= 90 && i < 110 {
			data = bytes.Replace(data, []byte("kind: statement"), []byte("kind: statment"), 1)
		}
		save(t, path, data, i%2 == 0)
		if i%25 == 0 {
			time.Sleep(3 * time.Millisecond) // let some builds start mid-burst
		}
	}

	want := cleanBuild(t, dir)
	deadline := time.Now().Add(20 * time.Second)
	for {
		got := readTree(t, site.Out())
		if d := treeDiff(want, got); d == "" {
			break
		} else if time.Now().After(deadline) {
			t.Fatalf("served site never matched a clean build: %s", d)
		}
		time.Sleep(50 * time.Millisecond)
	}

	cancel()
	site.Close() // ends event streams, so the server can close
	srv.Close()
	if _, err := os.Stat(site.Out()); !os.IsNotExist(err) {
		t.Errorf("temporary folder left behind: %v", err)
	}
	deadline = time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("goroutines: %d before, %d after\n%s", before, runtime.NumGoroutine(), buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// cleanBuild is what a clean build of the site in dir writes, as
// readTree reads it.
func cleanBuild(t *testing.T, dir string) map[string]string {
	t.Helper()
	res := build.Run(build.Config{Site: os.DirFS(dir), Defaults: templates.FS, Preview: true})
	if res.Failed() {
		t.Fatalf("the site's files do not build: %v", res.Problems)
	}
	clean := filepath.Join(t.TempDir(), "clean")
	if err := write.Dir(clean, res.Files); err != nil {
		t.Fatal(err)
	}
	return readTree(t, clean)
}

func readTree(t *testing.T, root string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil // swapped away mid-walk; the next poll sees the new tree
		}
		rel, _ := filepath.Rel(root, p)
		m[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	return m
}

func treeDiff(want, got map[string]string) string {
	if len(want) != len(got) {
		return fmt.Sprintf("%d files, want %d", len(got), len(want))
	}
	for k, v := range want {
		if got[k] != v {
			return k + " differs"
		}
	}
	return ""
}

// TestStoppedRest: a rebuild whose second step is told to stop publishes
// the saved article's page and nothing of the rest of the site, and the
// next rebuild publishes the rest as a clean build makes it.
func TestStoppedRest(t *testing.T) {
	dir := fixture(t)
	site, err := New(dir, templates.FS, Options{Watch: watch.Options{Quiet: 5 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	defer site.Close()
	data := filepath.Join(site.Out(), "data/convention.json")
	before, err := os.ReadFile(data)
	if err != nil {
		t.Fatal(err)
	}

	path := filepath.Join(dir, article)
	orig, _ := os.ReadFile(path)
	save(t, path, bytes.Replace(orig, []byte("A joint statement."), []byte("A joint statement, stopped."), 1), true)
	site.changed([]string{path})
	rest := site.rebuildArticles()
	if rest == nil {
		t.Fatal("the rebuild failed or had no second step")
	}
	var asked atomic.Int32
	rest(func() bool { asked.Add(1); return true })
	if asked.Load() == 0 {
		t.Error("the rest of the site was made without asking whether to stop")
	}
	page, _ := os.ReadFile(filepath.Join(site.Out(), "articles/65/index.html"))
	if !bytes.Contains(page, []byte("A joint statement, stopped.")) {
		t.Error("the article's page was not published")
	}
	if after, _ := os.ReadFile(data); !bytes.Equal(after, before) {
		t.Error("a stopped rest still changed the open data")
	}

	site.Rebuild()
	if d := treeDiff(cleanBuild(t, dir), readTree(t, site.Out())); d != "" {
		t.Errorf("after the next rebuild the site differs from a clean build: %s", d)
	}
}
