package write

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
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
	if got := beside(t, out); got != "public" {
		t.Errorf("beside the output: %s", got)
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
	if got := beside(t, out); got != "public" {
		t.Errorf("temporary folder left behind: %s", got)
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

// beside lists what the output's parent holds, but for the manifest.
func beside(t *testing.T, out string) string {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Dir(out))
	var names []string
	for _, e := range entries {
		if e.Name() != ".public.manifest" {
			names = append(names, e.Name())
		}
	}
	return strings.Join(names, " ")
}

func inode(t *testing.T, p string) uint64 {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Sys().(*syscall.Stat_t).Ino
}

func TestSyncWritesOnlyChanges(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	files := map[string][]byte{"index.html": []byte("home"), "a/index.html": []byte("a"), "b/index.html": []byte("b")}
	rep, err := Sync(out, files)
	if err != nil || rep.Written != 3 || rep.Linked != 0 {
		t.Fatalf("first build: %+v, %v; want 3 written", rep, err)
	}
	dirIno, fileIno := inode(t, out), inode(t, filepath.Join(out, "a/index.html"))

	rep, err = Sync(out, files)
	if err != nil || rep.Written != 0 || rep.Linked != 0 {
		t.Fatalf("unchanged rebuild: %+v, %v; want nothing written", rep, err)
	}
	if inode(t, out) != dirIno {
		t.Error("an unchanged rebuild replaced the output folder")
	}

	files["b/index.html"] = []byte("b, edited")
	rep, err = Sync(out, files)
	if err != nil || rep.Written != 1 || rep.Linked != 2 {
		t.Fatalf("one change: %+v, %v; want 1 written, 2 linked", rep, err)
	}
	if inode(t, filepath.Join(out, "a/index.html")) != fileIno {
		t.Error("an unchanged file was written again")
	}
	if got := readTree(t, out)["b/index.html"]; got != "b, edited" {
		t.Errorf("b = %q", got)
	}
}

func TestSyncDistrustsHandEdits(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	files := map[string][]byte{"index.html": []byte("home"), "a.html": []byte("a")}
	if _, err := Sync(out, files); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(out, "a.html"), []byte("edited by hand"), 0o644)
	rep, err := Sync(out, files)
	if err != nil || rep.Written != 2 {
		t.Fatalf("after a hand edit: %+v, %v; want everything written", rep, err)
	}
	if got := readTree(t, out)["a.html"]; got != "a" {
		t.Errorf("a.html = %q, want the built bytes", got)
	}
}

func TestUpdateWritesChangedFilesOnly(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	old := map[string][]byte{"index.html": []byte("home"), "a/index.html": []byte("a"), "gone.html": []byte("x")}
	if err := Dir(out, old); err != nil {
		t.Fatal(err)
	}
	kept := inode(t, filepath.Join(out, "index.html"))
	files := map[string][]byte{"index.html": []byte("home"), "a/index.html": []byte("a, edited"), "new/index.html": []byte("new")}
	rep, err := Update(out, old, files)
	if err != nil || rep.Written != 2 {
		t.Fatalf("Update: %+v, %v; want 2 written", rep, err)
	}
	if got := strings.Join(rep.Changed, " "); got != "a/index.html gone.html new/index.html" {
		t.Errorf("Changed = %q, want the written and removed paths", got)
	}
	got := readTree(t, out)
	if len(got) != 3 || got["a/index.html"] != "a, edited" || got["new/index.html"] != "new" {
		t.Errorf("tree after Update: %v", got)
	}
	if inode(t, filepath.Join(out, "index.html")) != kept {
		t.Error("an unchanged file was written")
	}
}

// TestStream: files added from several goroutines land together on
// Commit; an aborted stream leaves the output and its surroundings as they
// were; a name added twice is refused.
func TestStream(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Sync(out, map[string][]byte{"index.html": []byte("home"), "old/index.html": []byte("old")}); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)

	st, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	st.Add("index.html", []byte("new home"))
	st.Abort()
	if got := readTree(t, out); !maps.Equal(got, before) || beside(t, out) != "public" {
		t.Fatalf("after Abort: %v beside %q; want %v alone", got, beside(t, out), before)
	}

	st, err = Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := st.Add(fmt.Sprintf("articles/%d/index.html", i), []byte(strconv.Itoa(i))); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if err := st.Add("index.html", []byte("home")); err != nil {
		t.Fatal(err)
	}
	if err := st.Add("index.html", []byte("home")); err == nil {
		t.Error("a second index.html was accepted")
	}
	rep, err := st.Commit()
	if err != nil || rep.Written != 20 || rep.Linked != 1 {
		t.Fatalf("Commit: %+v, %v; want 20 written, 1 linked", rep, err)
	}
	got := readTree(t, out)
	if len(got) != 21 || got["index.html"] != "home" || got["articles/7/index.html"] != "7" || got["old/index.html"] != "" {
		t.Errorf("output after Commit = %v", got)
	}
}

// TestAddFrom streams files into a Stream: one named by its content's
// hash, one whose writer fails (nothing of it is kept), and then the same
// files again, which a second build links rather than writes.
func TestAddFrom(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	hashed := func(sum [sha256.Size]byte) string { return fmt.Sprintf("assets/index.%x.json", sum[:4]) }
	fixed := func([sha256.Size]byte) string { return "data/all.json" }
	body := strings.Repeat(`{"doc":1},`, 100_000) // larger than the writer's buffer
	build := func() (Report, map[string]string) {
		t.Helper()
		st, err := Begin(out)
		if err != nil {
			t.Fatal(err)
		}
		name, err := st.AddFrom(hashed, func(w io.Writer) error {
			_, err := io.WriteString(w, body)
			return err
		})
		sum := sha256.Sum256([]byte(body))
		if want := hashed(sum); err != nil || name != want {
			t.Fatalf("AddFrom = %q, %v; want %q", name, err, want)
		}
		if _, err := st.AddFrom(fixed, func(w io.Writer) error {
			io.WriteString(w, "half a file")
			return errors.New("disk full")
		}); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Fatalf("a failing writer gave %v", err)
		}
		if _, err := st.AddFrom(fixed, func(w io.Writer) error { _, err := io.WriteString(w, "[]"); return err }); err != nil {
			t.Fatal(err)
		}
		if _, err := st.AddFrom(fixed, func(w io.Writer) error { return nil }); err == nil {
			t.Error("a second data/all.json was accepted")
		}
		rep, err := st.Commit()
		if err != nil {
			t.Fatal(err)
		}
		return rep, readTree(t, out)
	}
	rep, got := build()
	name := hashed(sha256.Sum256([]byte(body)))
	if rep.Written != 2 || len(got) != 2 || got[name] != body || got["data/all.json"] != "[]" {
		t.Fatalf("first build: %+v, files %d, data/all.json %q", rep, len(got), got["data/all.json"])
	}
	if rep, got = build(); rep.Written != 0 || len(got) != 2 || got[name] != body {
		t.Fatalf("second build: %+v, files %d; want nothing written", rep, len(got))
	}
	if b := beside(t, out); b != "public" {
		t.Errorf("left beside the output: %q", b)
	}
}
