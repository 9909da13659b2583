package build

import (
	"os"
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
