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
