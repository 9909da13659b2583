package watch

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// These tests use the real fsnotify on a temporary folder. Each step
// waits (with a bound) for the paths it expects, gathering them over as
// many batches as the system needs.

const waitLimit = 5 * time.Second

func newTestWatcher(t *testing.T, roots ...string) *Watcher {
	t.Helper()
	w, err := New(roots, Options{Quiet: 20 * time.Millisecond, MaxWait: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// expect gathers batches until every path of want has been seen, and
// returns everything seen meanwhile.
func expect(t *testing.T, w *Watcher, want ...string) []string {
	t.Helper()
	var seen []string
	timeout := time.After(waitLimit)
	for {
		missing := false
		for _, p := range want {
			if !slices.Contains(seen, p) {
				missing = true
			}
		}
		if !missing {
			return seen
		}
		select {
		case b, ok := <-w.Changes():
			if !ok {
				t.Fatalf("Changes closed; saw %q, want %q", seen, want)
			}
			if !slices.IsSorted(b) || len(slices.Compact(slices.Clone(b))) != len(b) {
				t.Errorf("batch %q is not sorted and free of repeats", b)
			}
			seen = append(seen, b...)
		case <-timeout:
			t.Fatalf("after %v saw %q, want %q", waitLimit, seen, want)
		}
	}
}

// settle drains batches until the tree has been quiet for a while, so the
// next step starts clean.
func settle(w *Watcher) []string {
	var seen []string
	for {
		select {
		case b := <-w.Changes():
			seen = append(seen, b...)
		case <-time.After(150 * time.Millisecond):
			return seen
		}
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWatcherRealFiles(t *testing.T) {
	root := t.TempDir()
	w := newTestWatcher(t, root)
	article := filepath.Join(root, "065.md")

	t.Run("create", func(t *testing.T) {
		write(t, article, "one")
		expect(t, w, article)
		settle(w)
	})
	t.Run("edit", func(t *testing.T) {
		write(t, article, "two")
		expect(t, w, article)
		settle(w)
	})
	t.Run("rename over (atomic save)", func(t *testing.T) {
		tmp := article + ".tmp"
		write(t, tmp, "three")
		if err := os.Rename(tmp, article); err != nil {
			t.Fatal(err)
		}
		seen := append(expect(t, w, article), settle(w)...)
		if slices.Contains(seen, tmp) {
			t.Errorf("the temporary file was reported: %q", seen)
		}
	})
	t.Run("chmod alone", func(t *testing.T) {
		if err := os.Chmod(article, 0o600); err != nil {
			t.Fatal(err)
		}
		if seen := settle(w); len(seen) != 0 {
			t.Errorf("chmod reported %q", seen)
		}
	})
	t.Run("delete", func(t *testing.T) {
		if err := os.Remove(article); err != nil {
			t.Fatal(err)
		}
		expect(t, w, article)
		settle(w)
	})
	sub := filepath.Join(root, "articles")
	t.Run("new folder, then a file in it", func(t *testing.T) {
		if err := os.Mkdir(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		expect(t, w, sub)
		settle(w)
		f := filepath.Join(sub, "001.md")
		write(t, f, "x")
		expect(t, w, f)
		settle(w)
	})
	deep := filepath.Join(root, "pages", "deep")
	t.Run("nested folders created at once", func(t *testing.T) {
		// The file may be written before the watch on deep exists; the
		// walk of the new folder reports it.
		if err := os.MkdirAll(deep, 0o755); err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(deep, "about.md")
		write(t, f, "x")
		expect(t, w, f)
		settle(w)
		write(t, f, "y")
		expect(t, w, f)
		settle(w)
	})
	t.Run("folder renamed", func(t *testing.T) {
		moved := filepath.Join(root, "moved")
		if err := os.Rename(filepath.Join(root, "pages"), moved); err != nil {
			t.Fatal(err)
		}
		expect(t, w, filepath.Join(root, "pages"), moved)
		settle(w)
		f := filepath.Join(moved, "deep", "about.md")
		write(t, f, "z")
		expect(t, w, f)
		settle(w)
		for _, d := range w.watched() {
			if strings.HasPrefix(d, filepath.Join(root, "pages")) {
				t.Errorf("still watching %s after it was renamed", d)
			}
		}
	})
	t.Run("folder removed", func(t *testing.T) {
		if err := os.RemoveAll(sub); err != nil {
			t.Fatal(err)
		}
		expect(t, w, sub)
		settle(w)
		if slices.Contains(w.watched(), sub) {
			t.Errorf("still watching %s after it was removed", sub)
		}
	})
}

func TestWatcherIgnoresVCSFolders(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	w := newTestWatcher(t, root)
	write(t, filepath.Join(root, ".git", "index"), "x")
	if seen := settle(w); len(seen) != 0 {
		t.Errorf("changes inside .git reported: %q", seen)
	}
}

func TestNewMissingRoot(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope")
	w, err := New([]string{missing}, Options{})
	if err == nil {
		w.Close()
		t.Fatal("New on a missing folder succeeded")
	}
	if !strings.Contains(err.Error(), missing) {
		t.Errorf("error %q does not name the folder", err)
	}
}

func TestCloseLeavesNoGoroutines(t *testing.T) {
	before := runtime.NumGoroutine()
	root := t.TempDir()
	w, err := New([]string{root}, Options{Quiet: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(root, "a.md"), "x")
	expect(t, w, filepath.Join(root, "a.md"))
	write(t, filepath.Join(root, "b.md"), "x") // a batch possibly pending at Close
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	for range w.Changes() { // must be closed, not block
	}
	deadline := time.Now().Add(waitLimit)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines before New, %d after Close:\n%s",
				before, runtime.NumGoroutine(), buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}
