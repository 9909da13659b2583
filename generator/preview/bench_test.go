package preview

import (
	"bytes"
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"travaux/generator/internal/benchcorpus"
	"travaux/generator/watch"
	"travaux/templates"
)

// benchSaveToReload measures what an author waits for: from saving an
// article file to the reload event for its page reaching the browser's
// event stream. Each save changes one history summary of article file
// name. An author saves, then reads: each save waits for the last
// rebuild to finish (the rest of the site, published after the article's
// page) before it starts, outside the measured time. With after set, an
// author who saves again soon: each save comes that long after the last
// reload event, while the rest of the site is being made.
func benchSaveToReload(b *testing.B, dir, name string, after ...time.Duration) {
	site, err := New(dir, templates.FS, Options{Watch: watch.Options{Quiet: previewQuiet}})
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go site.Watch(ctx)
	srv := httptest.NewServer(site.Handler())
	defer func() { cancel(); site.Close(); srv.Close() }()
	ev := subscribe(b, srv.URL)
	ev.next(b, "hello", "")

	path := filepath.Join(dir, name)
	orig, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	marker := []byte("summary: ")
	if !bytes.Contains(orig, marker) {
		b.Fatalf("%s has no summary to edit", name)
	}
	number, _, _ := strings.Cut(filepath.Base(name), "-")
	page := fmt.Sprintf("%q", "articles/"+strings.TrimLeft(number, "0")+"/index.html")
	var times []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		data := bytes.Replace(orig, marker, fmt.Appendf(nil, "summary: Edit %d. ", i), 1)
		start := time.Now()
		save(b, path, data, true)
		ev.next(b, "reload", page)
		times = append(times, time.Since(start))
		if len(after) > 0 {
			time.Sleep(after[0])
		} else {
			site.OK() // waits for the rebuild to end
		}
	}
	b.StopTimer()
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "ms-p95")
}

// BenchmarkSaveToReloadShipped: the shipped edition.
func BenchmarkSaveToReloadShipped(b *testing.B) {
	dir := b.TempDir()
	copyTree(b, "../../content", filepath.Join(dir, "content"))
	benchSaveToReload(b, dir, "content/articles/065-entry-into-force.md")
}

// BenchmarkSaveToReload1000: a synthetic edition of 1,000 articles.
func BenchmarkSaveToReload1000(b *testing.B) {
	dir := b.TempDir()
	if err := benchcorpus.Write(dir, benchcorpus.Options{N: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "content/articles"))
	name := "content/articles/" + entries[len(entries)/2].Name()
	benchSaveToReload(b, dir, name)
}

// BenchmarkSaveDuringRest1000: on the same edition, each save comes
// 100 ms after the last reload event, while the rest of the site (about
// 0.75 s) is being made; the save stops it.
func BenchmarkSaveDuringRest1000(b *testing.B) {
	dir := b.TempDir()
	if err := benchcorpus.Write(dir, benchcorpus.Options{N: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "content/articles"))
	benchSaveToReload(b, dir, "content/articles/"+entries[len(entries)/2].Name(), 100*time.Millisecond)
}

func copyTree(tb testing.TB, from, to string) {
	tb.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		tb.Fatal(err)
	}
}
