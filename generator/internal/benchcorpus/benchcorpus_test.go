package benchcorpus

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"travaux/generator/build"
	"travaux/generator/load"
	"travaux/templates"
)

// TestCorpusBuilds: a generated corpus loads with no problem at all and
// builds.
func TestCorpusBuilds(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, Options{N: 50, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	site := os.DirFS(dir)

	corpus, problems := load.Load(site)
	for _, p := range problems {
		t.Errorf("load: %v", p)
	}
	if got := len(corpus.Articles); got != 50 {
		t.Errorf("loaded %d articles, want 50", got)
	}
	if got := len(corpus.Delegations); got != 200 {
		t.Errorf("%d delegations, want 200", got)
	}
	if len(corpus.Sessions) != 10 || len(corpus.Versions) != 5 {
		t.Errorf("%d sessions and %d versions, want 10 and 5", len(corpus.Sessions), len(corpus.Versions))
	}
	if got := len(corpus.Convention.Chapters); got != 5 {
		t.Errorf("%d chapters, want 5", got)
	}
	for _, a := range corpus.Articles {
		if len(a.Versions) != 2 || len(a.History) != 5 {
			t.Errorf("%s: %d versions and %d history entries, want 2 and 5", a.File, len(a.Versions), len(a.History))
		}
		edits := 0
		for _, e := range a.History {
			edits += len(e.Edits)
		}
		if edits != 1 {
			t.Errorf("%s: %d edits, want 1", a.File, edits)
		}
	}

	res := build.Run(build.Config{Site: site, Defaults: templates.FS})
	if res.Failed() {
		for _, p := range res.Problems {
			t.Log(p)
		}
		t.Fatalf("build failed with %d problems", len(res.Problems))
	}
	warnings := 0
	for _, p := range res.Problems {
		if warnings < 10 {
			t.Logf("warning: %v", p)
		}
		warnings++
	}
	t.Logf("%d files, %d pages, %d warnings", len(res.Files), res.Pages(), warnings)
}

// TestDeterministic: the same seed gives the same bytes, file for file; a
// different seed gives different texts.
func TestDeterministic(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for _, w := range []struct {
		dir  string
		seed int64
	}{{a, 7}, {b, 7}, {c, 8}} {
		if err := Write(w.dir, Options{N: 50, Seed: w.seed}); err != nil {
			t.Fatal(err)
		}
	}
	fa, fb, fc := readAll(t, a), readAll(t, b), readAll(t, c)
	if len(fa) != len(fb) {
		t.Fatalf("%d files, then %d", len(fa), len(fb))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	if bytes.Equal(fa["content/topics.yaml"], fc["content/topics.yaml"]) {
		t.Errorf("seeds 7 and 8 gave the same topics.yaml")
	}
}

// TestSize: an article file is about 15 KB, as the benchmark corpus shape
// says.
func TestSize(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, Options{N: 50, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	total, n := 0, 0
	for name, data := range readAll(t, dir) {
		if strings.HasPrefix(name, "content/articles/") {
			total += len(data)
			n++
		}
	}
	if n != 50 {
		t.Fatalf("%d article files, want 50", n)
	}
	if avg := total / n; avg < 12000 || avg > 18000 {
		t.Errorf("average article file is %d bytes, want 12-18 KB", avg)
	} else {
		t.Logf("average article file: %d bytes", avg)
	}
}

// TestRewrite: Write replaces a corpus it wrote, and leaves any other
// content/ folder alone.
func TestRewrite(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, Options{N: 30, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, Options{N: 12, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Join(dir, "content", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 12 {
		t.Errorf("%d article files after rewriting with N=12", len(entries))
	}

	other := t.TempDir()
	if err := os.MkdirAll(filepath.Join(other, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(other, Options{N: 1, Seed: 1}); err == nil {
		t.Errorf("Write replaced a content/ folder it did not write")
	}
	if err := Write(t.TempDir(), Options{N: 0}); err == nil {
		t.Errorf("Write accepted N=0")
	}
}

// TestSmall: the smallest corpora still load and build cleanly (citations need other
// articles to point at).
func TestSmall(t *testing.T) {
	for _, n := range []int{1, 2, 3} {
		dir := t.TempDir()
		if err := Write(dir, Options{N: n, Seed: 5}); err != nil {
			t.Fatal(err)
		}
		_, problems := load.Load(os.DirFS(dir))
		for _, p := range problems {
			t.Errorf("N=%d: %v", n, p)
		}
		if res := build.Run(build.Config{Site: os.DirFS(dir), Defaults: templates.FS}); res.Failed() {
			t.Errorf("N=%d: build failed: %v", n, res.Problems)
		}
	}
}

func readAll(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
