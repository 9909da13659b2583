package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"travaux/generator/internal/benchcorpus"
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
	benchRebuild(b, dir, "content/articles/065-entry-into-force.md")
}

// BenchmarkRebuildAfterSave1000: the same on a synthetic edition of 1,000
// articles.
func BenchmarkRebuildAfterSave1000(b *testing.B) {
	dir := b.TempDir()
	if err := benchcorpus.Write(dir, benchcorpus.Options{N: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "content/articles"))
	benchRebuild(b, dir, "content/articles/"+entries[len(entries)/2].Name())
}

// benchRebuild saves article file name of the site in dir over and over,
// each time with another history summary, and rebuilds as the preview
// does: the provisions' pages (the stages' metrics), then the rest of the
// site (rest-ms).
func benchRebuild(b *testing.B, dir, name string) {
	orig, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		b.Fatal(err)
	}
	bl := NewBuilder(Config{Site: os.DirFS(dir), Defaults: templates.FS, Preview: true, Staged: true})
	if _, err := bl.Build().Rest(nil); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	stages := map[string]time.Duration{}
	var names []string
	n := 0
	for i := 0; b.Loop(); i++ {
		data := strings.Replace(string(orig), "summary: ", fmt.Sprintf("summary: Edit %d. ", i), 1)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
		bl.Changed([]string{name})
		res := bl.Build()
		if res.Failed() {
			b.Fatal(res.Problems)
		}
		start := time.Now()
		if _, err := res.Rest(nil); err != nil {
			b.Fatal(err)
		}
		for _, st := range append(res.Stages, Stage{"rest", time.Since(start)}) {
			if _, ok := stages[st.Name]; !ok {
				names = append(names, st.Name)
			}
			stages[st.Name] += st.Duration
		}
		n++
	}
	// The stages' means, so a regression shows where it is.
	for _, s := range names {
		b.ReportMetric(float64(stages[s].Microseconds())/1000/float64(n), s+"-ms")
	}
}
