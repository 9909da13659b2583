package markdown

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"travaux/generator/internal/benchcorpus"
	"travaux/generator/model"
	"travaux/generator/source"
)

// benchArticle returns the adopted text of a synthetic article (about 600
// words in numbered paragraphs with lettered subparagraphs and
// citations), as the loader hands it to this stage.
func benchArticle(b *testing.B) model.Text {
	dir := b.TempDir()
	if err := benchcorpus.Write(dir, benchcorpus.Options{N: 10, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "content/articles/005-*.md"))
	if len(files) != 1 {
		b.Fatalf("no article 5 in the synthetic corpus: %v", files)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		b.Fatal(err)
	}
	// The body is what follows the front matter's closing line.
	_, body, ok := strings.Cut(strings.TrimPrefix(string(data), "---\n"), "\n---\n")
	if !ok {
		b.Fatalf("%s: no front matter", files[0])
	}
	return model.Text{Source: body, Pos: source.Pos{File: files[0], Line: 1, Col: 1}}
}

// BenchmarkTreaty renders one synthetic article's adopted text as the
// markdown stage does: paragraphs, citations and HTML.
func BenchmarkTreaty(b *testing.B) {
	t := benchArticle(b)
	r := New()
	b.SetBytes(int64(len(t.Source)))
	b.ReportAllocs()
	for b.Loop() {
		if out, errs := r.TreatyWith(t, Options{Article: "5"}); len(out.Paragraphs) == 0 || errs.Err() != nil {
			b.Fatalf("%d paragraphs, %v", len(out.Paragraphs), errs)
		}
	}
}

// BenchmarkParagraphs is the first pass over the same text: its
// paragraphs only, for the cross-reference index.
func BenchmarkParagraphs(b *testing.B) {
	t := benchArticle(b)
	r := New()
	b.SetBytes(int64(len(t.Source)))
	b.ReportAllocs()
	for b.Loop() {
		if out := r.Paragraphs(t, Options{Article: "5"}); len(out.Paragraphs) == 0 {
			b.Fatal("no paragraphs")
		}
	}
}
