package write

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readTree(t *testing.T, root string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		got[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestDirReplacesAndRemovesStale(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Dir(out, map[string][]byte{"index.html": []byte("one"), "old/index.html": []byte("stale")}); err != nil {
		t.Fatal(err)
	}
	if err := Dir(out, map[string][]byte{"index.html": []byte("two"), "articles/65/index.html": []byte("a65")}); err != nil {
		t.Fatal(err)
	}
	got := readTree(t, out)
	want := map[string]string{"index.html": "two", "articles/65/index.html": "a65"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("leftovers beside the output: %v", entries)
	}
}

func TestDirFailureKeepsPrevious(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Dir(out, map[string][]byte{"index.html": []byte("good")}); err != nil {
		t.Fatal(err)
	}
	// An invalid path fails the write after other files were written.
	err := Dir(out, map[string][]byte{"a.html": []byte("new"), "zz/../../escape.html": []byte("x")})
	if err == nil || !strings.Contains(err.Error(), "invalid output path") {
		t.Fatalf("err = %v, want invalid output path", err)
	}
	got := readTree(t, out)
	if len(got) != 1 || got["index.html"] != "good" {
		t.Errorf("previous output changed: %v", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("temporary folder left behind: %v", entries)
	}
}

func TestDirRemovesInterruptedLeftovers(t *testing.T) {
	parent := t.TempDir()
	os.MkdirAll(filepath.Join(parent, ".public.tmp-123", "x"), 0o755)
	if err := Dir(filepath.Join(parent, "public"), map[string][]byte{"index.html": nil}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(parent, ".public.tmp-123")); !os.IsNotExist(err) {
		t.Errorf("leftover not removed: %v", err)
	}
}

func TestDirRefusesFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	os.WriteFile(out, []byte("author's file"), 0o644)
	if err := Dir(out, map[string][]byte{"index.html": nil}); err == nil {
		t.Fatal("want error when out is a file")
	}
	if b, _ := os.ReadFile(out); string(b) != "author's file" {
		t.Error("file was changed")
	}
}
