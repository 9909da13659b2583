package load

import (
	"os"
	"testing"

	"travaux/generator/internal/benchcorpus"
)

// BenchmarkLoad reads and decodes a synthetic edition of 100 articles
// (front matter with two earlier versions and five history entries each,
// the registries of 200 delegations): the load stage of a cold build.
// article-µs is the time per article file.
func BenchmarkLoad(b *testing.B) {
	const n = 100
	dir := b.TempDir()
	if err := benchcorpus.Write(dir, benchcorpus.Options{N: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	b.ReportAllocs()
	for b.Loop() {
		c, errs := Load(fsys)
		if errs.Err() != nil || len(c.Articles) < n {
			b.Fatalf("%d articles, %v", len(c.Articles), errs.Err())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/n, "article-µs")
}
