package load

import (
	"bytes"
	"path/filepath"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// FuzzLoad puts arbitrary bytes in one article file of the valid site.
// Load must not panic, must return a corpus, and must place every problem
// in a file and, for the fuzzed file, on one of its lines.
func FuzzLoad(f *testing.F) {
	const name = "content/articles/065-entry-into-force.md"
	ar, err := txtar.ParseFile(filepath.Join("testdata", "valid.txtar"))
	if err != nil {
		f.Fatal(err)
	}
	base := fstest.MapFS{}
	for _, file := range ar.Files {
		if file.Name != wantSection {
			base[file.Name] = &fstest.MapFile{Data: file.Data}
		}
	}
	f.Add(base[name].Data)
	f.Add(append([]byte("\uFEFF"), bytes.ReplaceAll(base[name].Data, []byte("\n"), []byte("\r\n"))...))
	// Seed with every article of every case, bad ones included.
	cases, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	for _, c := range cases {
		ar, err := txtar.ParseFile(c)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range ar.Files {
			if filepath.Ext(file.Name) == ".md" {
				f.Add(file.Data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		site := fstest.MapFS{}
		for p, file := range base {
			site[p] = file
		}
		site[name] = &fstest.MapFile{Data: data}
		corpus, errs := Load(site)
		if corpus == nil {
			t.Fatal("nil corpus")
		}
		lines := bytes.Count(normalise(data), []byte("\n")) + 1
		for _, e := range errs {
			if !e.Pos.IsValid() || e.Pos.Line < 0 || e.Pos.Col < 0 {
				t.Fatalf("problem without a proper position: %v", e)
			}
			if e.Pos.File == name && e.Pos.Line > lines {
				t.Fatalf("problem at line %d of a %d-line file: %v", e.Pos.Line, lines, e)
			}
		}
	})
}
