package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"travaux/generator/internal/testsite"
	"travaux/templates"
)

var idAttr = regexp.MustCompile(` id="([^"]*)"`)

var update = flag.Bool("update", false, "rewrite the expectations in testdata/sites/*.txtar")

// TestSites builds each site in testdata/sites and compares its problems
// and selected pages with the expectations in the archive.
func TestSites(t *testing.T) {
	paths, _ := filepath.Glob("testdata/sites/*.txtar")
	if len(paths) == 0 {
		t.Fatal("no sites in testdata/sites")
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			site := testsite.Read(t, path)
			res := Run(Config{Site: site.FS, Defaults: templates.FS})
			got := res.Problems.Error()
			if got != "" {
				got += "\n"
			}
			compare(t, site, "want.errors", got)
			var pages []string
			for name := range site.Want {
				if name != "want.errors" {
					pages = append(pages, name)
				}
			}
			sort.Strings(pages)
			for _, name := range pages {
				data, ok := res.Files[name]
				if !ok {
					t.Errorf("build wrote no %s", name)
					continue
				}
				compare(t, site, name, string(data))
			}
		})
	}
}

func compare(t *testing.T, site *testsite.Site, name, got string) {
	t.Helper()
	if *update {
		site.Update(t, name, got)
		return
	}
	if d := testsite.Diff(site.Want[name], got); d != "" {
		t.Errorf("%s: %s mismatch %s", site.Path, name, d)
	}
}

// TestScriptInert: nothing an author writes in content becomes script.
func TestScriptInert(t *testing.T) {
	site := testsite.Read(t, "testdata/sites/minimal.txtar")
	res := Run(Config{Site: site.FS, Defaults: templates.FS})
	if res.Failed() {
		t.Fatalf("build failed:\n%v", res.Problems)
	}
	page := string(res.Files["articles/65/index.html"])
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the script tag in the summary is not shown as escaped text")
	}
	for name, data := range res.Files {
		s := strings.ToLower(string(data))
		if strings.Contains(s, "<script>alert") {
			t.Errorf("%s carries the injected script", name)
		}
		if strings.HasSuffix(name, ".json") {
			// The open data and the search index hold the author's
			// words as JSON strings (Markdown in the open data), so the
			// refused link's text is there as text; no URL field may
			// hold it, and no "<" may appear unescaped.
			if strings.Contains(s, "<") {
				t.Errorf("%s has an unescaped <", name)
			}
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				t.Errorf("%s: %v", name, err)
			}
			for _, u := range jsonURLs(v) {
				if strings.HasPrefix(strings.ToLower(strings.TrimSpace(u)), "javascript:") {
					t.Errorf("%s has a javascript: URL: %q", name, u)
				}
			}
			continue
		}
		if strings.Contains(s, "javascript:") {
			t.Errorf("%s carries a javascript: URL", name)
		}
	}
}

// jsonURLs returns the values of every "url" field of a decoded JSON
// value, and every string of the search index's documents (whose second
// field is a URL).
func jsonURLs(v any) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && strings.HasSuffix(k, "url") {
				out = append(out, s)
			}
			out = append(out, jsonURLs(x)...)
		}
	case []any:
		if len(v) == 4 {
			if s, ok := v[1].(string); ok {
				out = append(out, s)
			}
		}
		for _, x := range v {
			out = append(out, jsonURLs(x)...)
		}
	}
	return out
}

// TestShippedContent builds the edition in content/ twice: no problems,
// a page per article, and byte-identical output.
func TestShippedContent(t *testing.T) {
	root := os.DirFS("../..")
	first := Run(Config{Site: root, Defaults: templates.FS})
	if first.Failed() {
		t.Fatalf("shipped content does not build:\n%v", first.Problems)
	}
	for _, a := range first.Corpus.Articles {
		if _, ok := first.Files["articles/"+a.Slug()+"/index.html"]; !ok {
			t.Errorf("no page for %s", a.File)
		}
	}
	if _, ok := first.Files["index.html"]; !ok {
		t.Error("no index.html")
	}
	for name, data := range first.Files {
		if strings.HasSuffix(name, ".html") {
			seen := map[string]bool{}
			for _, m := range idAttr.FindAllSubmatch(data, -1) {
				if id := string(m[1]); seen[id] {
					t.Errorf("%s: duplicate id %q", name, id)
				} else {
					seen[id] = true
				}
			}
		}
	}
	second := Run(Config{Site: root, Defaults: templates.FS})
	if len(first.Files) != len(second.Files) {
		t.Fatalf("two builds wrote %d and %d files", len(first.Files), len(second.Files))
	}
	for name, data := range first.Files {
		if string(second.Files[name]) != string(data) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// TestEmitGivesEveryFile builds the shipped edition with Config.Emit and
// EmitFrom and without: every file goes to one of them, once and with the
// same bytes, and Result.Files holds none.
func TestEmitGivesEveryFile(t *testing.T) {
	root := os.DirFS("../..")
	want := Run(Config{Site: root, Defaults: templates.FS})
	if want.Failed() {
		t.Fatal(want.Problems)
	}
	var mu sync.Mutex
	got := map[string][]byte{}
	var twice []string
	streamed := 0
	res := Run(Config{Site: root, Defaults: templates.FS, Emit: func(path string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		if _, dup := got[path]; dup {
			twice = append(twice, path)
		}
		got[path] = bytes.Clone(data)
		return nil
	}, EmitFrom: func(name func([sha256.Size]byte) string, write func(io.Writer) error) (string, error) {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			return "", err
		}
		path := name(sha256.Sum256(b.Bytes()))
		mu.Lock()
		defer mu.Unlock()
		if _, dup := got[path]; dup {
			twice = append(twice, path)
		}
		got[path] = b.Bytes()
		streamed++
		return path, nil
	}})
	if res.Failed() || len(res.Files) != 0 {
		t.Fatalf("with Emit: %d files returned, problems %v", len(res.Files), res.Problems)
	}
	if len(twice) > 0 {
		t.Errorf("emitted twice: %v", twice)
	}
	if streamed != 2 {
		t.Errorf("%d files streamed, want 2 (the search index and the open data)", streamed)
	}
	if len(got) != len(want.Files) {
		t.Errorf("emitted %d files, want %d", len(got), len(want.Files))
	}
	for name, data := range want.Files {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s: emitted bytes differ from the build's", name)
		}
	}
}
