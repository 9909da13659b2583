package diff

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
)

// benchSizes are the text lengths, in words, the issue sets targets for:
// a short article, a long article, and a whole convention.
var benchSizes = []int{500, 5000, 50000}

// benchParagraphs returns the ~600-word article of testdata/bench-article.md
// as paragraphs, without their numbers.
func benchParagraphs(tb testing.TB) []string {
	data, err := os.ReadFile("testdata/bench-article.md")
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, p := range strings.Split(strings.TrimSpace(string(data)), "\n\n") {
		_, rest, ok := strings.Cut(p, ". ")
		if !ok {
			tb.Fatalf("bench-article.md: paragraph without a number: %.40q", p)
		}
		out = append(out, rest)
	}
	return out
}

// benchPair returns a treaty-like text of about n words in numbered
// paragraphs, and a draft of it with 5% of its words edited (every 20th
// word replaced, deleted or doubled in turn) and its second paragraph
// moved to the end (with the edits it carries).
//
// The text cycles through the paragraphs of bench-article.md, with one
// word in eight of each copy swapped for another word of the article (a
// fixed random sequence), so that no long stretch repeats verbatim: a
// convention repeats formulas, not whole paragraphs.
func benchPair(tb testing.TB, n int) (old, new string) {
	src := benchParagraphs(tb)
	var vocab []string
	for _, p := range src {
		vocab = append(vocab, strings.Fields(p)...)
	}
	rng := rand.New(rand.NewPCG(20, 24))
	var paras [][]string
	total := 0
	for k := 0; total < n; k++ {
		words := strings.Fields(src[k%len(src)])
		for i := range words {
			if rng.IntN(8) == 0 {
				words[i] = vocab[rng.IntN(len(vocab))]
			}
		}
		if total+len(words) > n {
			words = words[:n-total]
		}
		paras = append(paras, words)
		total += len(words)
	}

	number := func(ps [][]string) string {
		var b strings.Builder
		for i, p := range ps {
			if i > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(strconv.Itoa(i+1) + ". " + strings.Join(p, " "))
		}
		return b.String()
	}
	old = number(paras)

	edited := make([][]string, len(paras))
	k := 0
	for pi, p := range paras {
		var out []string
		for _, w := range p {
			k++
			if k%20 != 0 {
				out = append(out, w)
				continue
			}
			switch (k / 20) % 3 {
			case 0:
				out = append(out, "amended")
			case 1: // deleted
			case 2:
				out = append(out, w, w)
			}
		}
		edited[pi] = out
	}
	if len(edited) > 2 {
		moved := edited[1]
		edited = append(append(edited[:1:1], edited[2:]...), moved)
	}
	return old, number(edited)
}

// BenchmarkWords compares texts of 500, 5,000 and 50,000 words with 5% of
// their words edited and one paragraph moved. Targets (issue 4, median on
// the 2-core machine): at most 2 ms at 5,000 words and 70 ms at 50,000,
// with memory linear in the input:
//
//	go test ./generator/diff -run '^$' -bench 'Words$' -benchmem -count 6
func BenchmarkWords(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("words=%d", n), func(b *testing.B) {
			old, new := benchPair(b, n)
			b.ReportAllocs()
			b.SetBytes(int64(len(old) + len(new)))
			var r Result
			for b.Loop() {
				r = Words(old, new)
			}
			b.ReportMetric(float64(r.Stats.Changes), "changes")
			b.ReportMetric(float64(r.Stats.Moved), "moved-words")
		})
	}
}

// TestBenchPair checks that the benchmark measures what it says: the
// sizes, about 5% of words changed, and the moved paragraph found as a
// move.
func TestBenchPair(t *testing.T) {
	for _, n := range benchSizes {
		old, new := benchPair(t, n)
		if got := len(strings.Fields(old)); got < n || got > n+n/10+10 {
			t.Errorf("n=%d: old text has %d words", n, got)
		}
		r := Words(old, new)
		moves := 0
		for _, op := range r.Ops {
			if op.Kind == MoveTo {
				moves++
			}
		}
		if r.Replaced || moves != 1 || r.Stats.Moved < 50 {
			t.Errorf("n=%d: replaced=%v, %d moves of %d words; want the moved paragraph as one move", n, r.Replaced, moves, r.Stats.Moved)
		}
		if r.Stats.Share > 0.25 {
			t.Errorf("n=%d: share %.3f changed, want about 5%% plus the moved paragraph", n, r.Stats.Share)
		}
	}
}

func BenchmarkRows(b *testing.B) {
	for _, n := range benchSizes[:2] {
		b.Run(fmt.Sprintf("words=%d", n), func(b *testing.B) {
			old, new := benchPair(b, n)
			b.ReportAllocs()
			b.SetBytes(int64(len(old) + len(new)))
			for b.Loop() {
				Rows(old, new)
			}
		})
	}
}

// BenchmarkWordsRewrite measures the worst ordinary case: two unrelated
// texts of the same length, which makes every sentence a move candidate.
func BenchmarkWordsRewrite(b *testing.B) {
	old, _ := benchPair(b, 600)
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
