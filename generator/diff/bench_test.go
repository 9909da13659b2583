package diff

import (
	"os"
	"strings"
	"testing"
)

// benchTexts returns a ~600-word article and a copy with about 5% of its
// words edited: every 20th word replaced, deleted or doubled in turn.
func benchTexts(b *testing.B) (string, string) {
	data, err := os.ReadFile("testdata/bench-article.md")
	if err != nil {
		b.Fatal(err)
	}
	old := string(data)
	lines := strings.Split(old, "\n")
	k := 0
	for li, line := range lines {
		words := strings.Split(line, " ")
		for wi := range words {
			k++
			if k%20 != 0 || wi == 0 {
				continue
			}
			switch (k / 20) % 3 {
			case 0:
				words[wi] = "amended"
			case 1:
				words[wi] = ""
			case 2:
				words[wi] += " " + words[wi]
			}
		}
		lines[li] = strings.Join(words, " ")
	}
	return old, strings.Join(lines, "\n")
}

func BenchmarkWords(b *testing.B) {
	old, new := benchTexts(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(old) + len(new)))
	var r Result
	for b.Loop() {
		r = Words(old, new)
	}
	b.ReportMetric(float64(r.Stats.Changes), "changes")
}

func BenchmarkRows(b *testing.B) {
	old, new := benchTexts(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(old) + len(new)))
	for b.Loop() {
		Rows(old, new)
	}
}

// BenchmarkWordsRewrite measures the worst ordinary case: two unrelated
// texts of the same length, which makes every sentence a move candidate.
func BenchmarkWordsRewrite(b *testing.B) {
	old, _ := benchTexts(b)
	paras := strings.Split(old, "\n\n")
	for i, j := 0, len(paras)-1; i < j; i, j = i+1, j-1 {
		paras[i], paras[j] = paras[j], paras[i]
	}
	words := strings.Fields(strings.Join(paras, "\n\n"))
	for i := range words {
		if i%3 == 0 {
			words[i] = "x" + words[i]
		}
	}
	new := strings.Join(words, " ")
	b.ReportAllocs()
	for b.Loop() {
		Words(old, new)
	}
}
