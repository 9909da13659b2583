package diff

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkResult checks what holds for every comparison: both texts come
// back from the ops, moved text comes back from its inner diff, ops are
// well formed, statistics are in range, and a second run gives the same
// result.
func checkResult(t *testing.T, old, new string, r Result) {
	t.Helper()
	wantOld, wantNew := Normalize(old), Normalize(new)
	if got := Old(r.Ops); got != wantOld {
		t.Fatalf("Old(ops) = %q, want %q\nops: %s", got, wantOld, formatOps(r.Ops))
	}
	if got := New(r.Ops); got != wantNew {
		t.Fatalf("New(ops) = %q, want %q\nops: %s", got, wantNew, formatOps(r.Ops))
	}
	checkOps(t, r.Ops, true, true)
	if s := r.Stats; s.Share < 0 || s.Share > 1 || s.Inserted < 0 || s.Deleted < 0 || s.Moved < 0 || s.Changes < 0 {
		t.Fatalf("stats out of range: %+v", s)
	}
	if wantOld == wantNew && (len(r.Ops) > 1 || r.Stats != (Stats{}) || r.Replaced) {
		t.Fatalf("same normalised texts, but %s %+v", formatOps(r.Ops), r.Stats)
	}
	if again := Words(old, new); !reflect.DeepEqual(again, r) {
		t.Fatalf("second run differs:\n%s\n%s", formatOps(r.Ops), formatOps(again.Ops))
	}
}

// checkOps checks ops for well-formedness; paired asks that every move
// have both ends in ops.
func checkOps(t *testing.T, ops []Op, top, paired bool) {
	t.Helper()
	from, to := map[int]Op{}, map[int]Op{}
	for k, op := range ops {
		if op.Text == "" {
			t.Fatalf("op %d (%v) has no text: %s", k, op.Kind, formatOps(ops))
		}
		if !utf8.ValidString(op.Text) || !utf8.ValidString(op.OldText) {
			t.Fatalf("op %d is not UTF-8: %q", k, op.Text)
		}
		if op.OldText != "" && op.Kind != Equal {
			t.Fatalf("OldText on a %v op", op.Kind)
		}
		if k > 0 && op.Kind == ops[k-1].Kind && op.Kind != MoveFrom && op.Kind != MoveTo {
			t.Fatalf("two %v ops in a row: %s", op.Kind, formatOps(ops))
		}
		switch op.Kind {
		case MoveFrom, MoveTo:
			if !top {
				t.Fatalf("a move inside a move")
			}
			if op.MoveID <= 0 {
				t.Fatalf("move without id")
			}
			m := from
			if op.Kind == MoveTo {
				m = to
			}
			if _, dup := m[op.MoveID]; dup {
				t.Fatalf("move id %d used twice for %v", op.MoveID, op.Kind)
			}
			m[op.MoveID] = op
		default:
			if op.MoveID != 0 || op.Inner != nil {
				t.Fatalf("%v op with move id or inner ops", op.Kind)
			}
		}
	}
	if paired {
		checkMoves(t, ops)
	}
}

// checkMoves checks that every move has both ends and that its inner ops
// give back both ends.
func checkMoves(t *testing.T, ops []Op) {
	t.Helper()
	from, to := map[int]Op{}, map[int]Op{}
	for _, op := range ops {
		switch op.Kind {
		case MoveFrom:
			from[op.MoveID] = op
		case MoveTo:
			to[op.MoveID] = op
		}
	}
	if len(from) != len(to) {
		t.Fatalf("unpaired moves: %s", formatOps(ops))
	}
	for id, f := range from {
		m, ok := to[id]
		if !ok {
			t.Fatalf("move %d has no MoveTo", id)
		}
		if f.Inner == nil {
			if m.Inner != nil {
				t.Fatalf("move %d: Inner on one end only", id)
			}
			continue
		}
		if Old(f.Inner) != f.Text || New(m.Inner) != m.Text {
			t.Fatalf("move %d: inner ops give %q → %q, want %q → %q", id, Old(f.Inner), New(m.Inner), f.Text, m.Text)
		}
		checkOps(t, f.Inner, false, true)
	}
}

// checkRows checks that the rows give back the paragraphs of both texts,
// in order, and that each row's ops give back its two sides.
func checkRows(t *testing.T, old, new string, rows []Row) {
	t.Helper()
	var olds, news []string
	ids := map[int]int{}
	var all []Op
	for _, r := range rows {
		all = append(all, r.Ops...)
		if r.Old == "" && r.New == "" {
			t.Fatalf("empty row")
		}
		if r.Old != "" {
			olds = append(olds, r.Old)
		}
		if r.New != "" {
			news = append(news, r.New)
		}
		if Old(r.Ops) != r.Old || New(r.Ops) != r.New {
			t.Fatalf("row %s|%s: ops give %q → %q, want %q → %q", r.OldNumber, r.NewNumber, Old(r.Ops), New(r.Ops), r.Old, r.New)
		}
		if r.MoveID != 0 {
			ids[r.MoveID]++
		}
		checkOps(t, r.Ops, true, false)
	}
	checkMoves(t, all)
	for id, n := range ids {
		if n != 2 {
			t.Fatalf("move id %d on %d rows", id, n)
		}
	}
	if got, want := strings.Join(olds, paragraphBreak), Normalize(old); got != want {
		t.Fatalf("rows give old %q, want %q", got, want)
	}
	if got, want := strings.Join(news, paragraphBreak), Normalize(new); got != want {
		t.Fatalf("rows give new %q, want %q", got, want)
	}
	if again := Rows(old, new); !reflect.DeepEqual(again, rows) {
		t.Fatalf("second Rows run differs")
	}
}

// Pieces the random texts are made of: words that repeat a lot, as in
// treaty prose, joined words, punctuation, odd whitespace, paragraph
// numbers, composed and decomposed accents, and some invalid UTF-8.
var (
	randWords = []string{
		"the", "of", "State", "Party", "Parties", "shall", "in", "accordance", "with", "its",
		"domestic", "law", "Convention", "measures", "to", "and", "or", "such", "offences",
		"Secretary-General", "Party's", "Party’s", "non‑governmental", "fortieth", "sixtieth",
		"suppression", "restriction", "données", "donne\u0301es", "Ἀθῆναι", "1", "2024", "a",
	}
	randPunct  = []string{",", ".", ";", ":", "(", ")", "“", "”", "'", "-", "—", "\u00AD", "\xff", "\uFEFF"}
	randSpaces = []string{" ", " ", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\u00A0", "\n \n", "\n2. ", "\n(a) ", "\u2029"}
)

func randomText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		switch x := rng.IntN(10); {
		case x < 7:
			b.WriteString(randWords[rng.IntN(len(randWords))])
		case x < 9:
			b.WriteString(randPunct[rng.IntN(len(randPunct))])
		}
		b.WriteString(randSpaces[rng.IntN(len(randSpaces))])
	}
	return b.String()
}

// mutate edits a text the way drafts change: words replaced, deleted or
// inserted, sentences moved, whitespace changed.
func mutate(rng *rand.Rand, s string) string {
	fields := strings.SplitAfter(s, " ")
	for range rng.IntN(6) {
		if len(fields) == 0 {
			break
		}
		k := rng.IntN(len(fields))
		switch rng.IntN(5) {
		case 0:
			fields[k] = randWords[rng.IntN(len(randWords))] + " "
		case 1:
			fields = append(fields[:k], fields[k+1:]...)
		case 2:
			fields = append(fields[:k], append([]string{randWords[rng.IntN(len(randWords))] + randSpaces[rng.IntN(len(randSpaces))]}, fields[k:]...)...)
		case 3: // move a stretch
			e := min(len(fields), k+1+rng.IntN(12))
			piece := append([]string(nil), fields[k:e]...)
			rest := append(append([]string(nil), fields[:k]...), fields[e:]...)
			at := rng.IntN(len(rest) + 1)
			fields = append(rest[:at], append(piece, rest[at:]...)...)
		case 4:
			fields[k] = strings.ReplaceAll(fields[k], " ", "\n")
		}
	}
	return strings.Join(fields, "")
}

// TestRandom compares random texts with edited copies of themselves, and
// with unrelated texts.
func TestRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 2000
	if testing.Short() {
		n = 200
	}
	for range n {
		old := randomText(rng, rng.IntN(120))
		new := mutate(rng, old)
		if rng.IntN(8) == 0 {
			new = randomText(rng, rng.IntN(60))
		}
		checkResult(t, old, new, Words(old, new))
		checkRows(t, old, new, Rows(old, new))
		checkCompare(t, old, new)
	}
}

// checkCompare checks that Compare gives what Words and Rows give apart:
// the work they share (tokens, runes) is not changed by either.
func checkCompare(t *testing.T, old, new string) {
	t.Helper()
	words, rows := Compare(old, new)
	if want := Words(old, new); !reflect.DeepEqual(words, want) {
		t.Fatalf("Compare(%q, %q): words %s, Words gives %s", old, new, formatOps(words.Ops), formatOps(want.Ops))
	}
	if want := Rows(old, new); !reflect.DeepEqual(rows, want) {
		t.Fatalf("Compare(%q, %q): rows %+v, Rows gives %+v", old, new, rows, want)
	}
}

func FuzzWords(f *testing.F) {
	f.Add("the fortieth instrument", "the sixtieth instrument")
	f.Add("1. A b c d e f g.\n\n2. H i j k l m n.", "1. H i j k l m n.\n\n2. A b c d e f g.")
	f.Add("Party’s  données", "Party's donne\u0301es")
	f.Add("(a) x;\n(b) y", "(a) x; (b) y\xff")
	rng := rand.New(rand.NewPCG(3, 4))
	for range 8 {
		old := randomText(rng, 40)
		f.Add(old, mutate(rng, old))
	}
	f.Fuzz(func(t *testing.T, old, new string) {
		checkResult(t, old, new, Words(old, new))
		checkRows(t, old, new, Rows(old, new))
		checkCompare(t, old, new)
	})
}

// TestEqualShortcut checks that compare's shortcut for texts written the
// same gives what the full comparison gives, for random texts, the
// benchmark article, and texts whose spacing or case differs (which must
// not take the shortcut).
func TestEqualShortcut(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	texts := []string{"x", "1. A b.\n\n2. C d.", strings.Join(benchParagraphs(t), "\n\n")}
	for range 200 {
		texts = append(texts, randomText(rng, 1+rng.IntN(120)))
	}
	for _, s := range texts {
		a, b := tokenize(s), tokenize(s)
		ra, rb, ok := toRunes(a, b)
		if got, want := compare(a, b), compareAligned(a, b, ra, rb, ok); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: shortcut %s %+v, full %s %+v", s, formatOps(got.Ops), got.Stats, formatOps(want.Ops), want.Stats)
		}
	}
	for _, p := range [][2]string{{"the Convention", "the convention"}, {"a  b", "a b"}, {"a b", "ab"}} {
		a, b := tokenize(p[0]), tokenize(p[1])
		ra, rb, ok := toRunes(a, b)
		if got, want := compare(a, b), compareAligned(a, b, ra, rb, ok); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q, %q: %s, want %s", p[0], p[1], formatOps(got.Ops), formatOps(want.Ops))
		}
	}
}
