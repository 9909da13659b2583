// Package testsite holds test helpers: whole sites from txtar archives,
// and golden comparisons regenerated with -update.
package testsite

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// Site is a txtar archive split into the site it describes and the
// expectations written beside it.
type Site struct {
	Path    string         // the archive's path
	Archive *txtar.Archive // as read
	FS      fstest.MapFS   // files under content/ and templates/
	Want    map[string]string
}

// Read reads a txtar archive. Files whose names start with "content/" or
// "templates/" form the site; files named "want/..." or "want.*" are
// expectations, keyed by the name without the "want/" prefix.
func Read(t testing.TB, path string) *Site {
	t.Helper()
	a, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := &Site{Path: path, Archive: a, FS: fstest.MapFS{}, Want: map[string]string{}}
	for _, f := range a.Files {
		switch {
		case strings.HasPrefix(f.Name, "want/"):
			s.Want[strings.TrimPrefix(f.Name, "want/")] = string(f.Data)
		case strings.HasPrefix(f.Name, "want."):
			s.Want[f.Name] = string(f.Data)
		default:
			s.FS[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
		}
	}
	return s
}

// Update rewrites the expectation name in the archive with got.
func (s *Site) Update(t testing.TB, name, got string) {
	t.Helper()
	full := name
	if !strings.HasPrefix(name, "want.") {
		full = "want/" + name
	}
	found := false
	for i := range s.Archive.Files {
		if s.Archive.Files[i].Name == full {
			s.Archive.Files[i].Data = []byte(got)
			found = true
		}
	}
	if !found {
		s.Archive.Files = append(s.Archive.Files, txtar.File{Name: full, Data: []byte(got)})
	}
	if err := os.WriteFile(s.Path, txtar.Format(s.Archive), 0o644); err != nil {
		t.Fatal(err)
	}
	s.Want[name] = got
}

// Diff returns a line diff of want and got, as "-want +got" lines around
// the first difference, or "" when they are equal.
func Diff(want, got string) string {
	if want == got {
		return ""
	}
	wl := strings.Split(want, "\n")
	gl := strings.Split(got, "\n")
	i := 0
	for i < len(wl) && i < len(gl) && wl[i] == gl[i] {
		i++
	}
	var b bytes.Buffer
	b.WriteString("(-want +got), from line " + strconv.Itoa(i+1) + ":\n")
	for j := i; j < len(wl) && j < i+8; j++ {
		b.WriteString("- " + wl[j] + "\n")
	}
	for j := i; j < len(gl) && j < i+8; j++ {
		b.WriteString("+ " + gl[j] + "\n")
	}
	return b.String()
}

// WriteSite writes the site files (content/ and templates/) of the txtar
// archive at path into a fresh temporary folder and returns the folder.
func WriteSite(t testing.TB, path string) string {
	t.Helper()
	s := Read(t, path)
	dir := t.TempDir()
	for name, f := range s.FS {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
