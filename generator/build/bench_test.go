package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"travaux/templates"
)

// BenchmarkShipped builds the shipped edition in memory: every stage but
// writing to disk.
func BenchmarkShipped(b *testing.B) {
	root := os.DirFS("../..")
	b.ReportAllocs()
	for b.Loop() {
		if res := Run(Config{Site: root, Defaults: templates.FS}); res.Failed() {
			b.Fatal(res.Problems)
		}
	}
}

// BenchmarkCorpus1000 builds the synthetic corpus in $TRAVAUX_BENCH_SITE
// (make it with benchcorpus -n 1000), when set.
func BenchmarkCorpus(b *testing.B) {
	dir := os.Getenv("TRAVAUX_BENCH_SITE")
	if dir == "" {
		b.Skip("TRAVAUX_BENCH_SITE not set")
	}
	root := os.DirFS(dir)
	b.ReportAllocs()
	for b.Loop() {
		if res := Run(Config{Site: root, Defaults: templates.FS}); res.Failed() {
			b.Fatal(res.Problems)
		}
	}
}

// BenchmarkRebuildAfterSave is the preview's rebuild after an author saves
// one article of the shipped edition (writing to disk excluded).
func BenchmarkRebuildAfterSave(b *testing.B) {
	dir := b.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		b.Fatal(err)
	}
	name := "content/articles/065-entry-into-force.md"
	orig, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		b.Fatal(err)
	}
	bl := NewBuilder(Config{Site: os.DirFS(dir), Defaults: templates.FS, Preview: true})
	bl.Build()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		data := strings.Replace(string(orig), "summary: ", fmt.Sprintf("summary: Edit %d. ", i), 1)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
		bl.Changed([]string{name})
		if res := bl.Build(); res.Failed() {
			b.Fatal(res.Problems)
		}
	}
}
