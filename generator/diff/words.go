package diff

import (
	"strconv"
	"strings"
	"sync"
)

// Kind says what an Op does.
type Kind uint8

const (
	Equal    Kind = iota // in both texts
	Insert               // only in the new text
	Delete               // only in the old text
	MoveFrom             // in the old text here, and in the new text at the MoveTo with the same MoveID
	MoveTo               // in the new text here, moved from the MoveFrom with the same MoveID
)

var kindNames = [...]string{"Equal", "Insert", "Delete", "MoveFrom", "MoveTo"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// An Op is one piece of a comparison. Its texts are normalised (see
// Normalize) and include the spaces between and before their words, so
// that Old and New give back the normalised texts exactly. The space
// before a replacement is left in the Equal op before it ("the
// [-fortieth-]{+sixtieth+}"); a lone insertion or deletion carries its
// own ("law{+, when committed intentionally,+} the").
type Op struct {
	Kind Kind
	// Text is the new text's wording for Equal, Insert and MoveTo, and
	// the old text's for Delete and MoveFrom.
	Text string
	// OldText is set on Equal ops only, when the old text writes the same
	// words differently: other spacing ("a ,b" and "a, b") or another
	// apostrophe or hyphen ("Party’s" and "Party's"). Empty when the old
	// wording is Text.
	OldText string
	// MoveID pairs a MoveFrom with its MoveTo; ids count from 1 in the
	// order the ops first mention them. Zero for other kinds.
	MoveID int
	// Inner is the word diff from the moved old text to the moved new
	// text, set on both ends of a move when the text changed on the way;
	// nil when it moved unchanged. Inner never holds moves.
	Inner []Op
}

// Result is the comparison of two texts.
type Result struct {
	Ops   []Op
	Stats Stats
	// Replaced is set when the texts have too little in common for a word
	// diff to be readable (see the package documentation); Ops is then
	// the whole old text deleted and the whole new text inserted.
	Replaced bool
}

// Words compares two texts word by word. Its ops give back both texts:
// Old(ops) == Normalize(old) and New(ops) == Normalize(new).
func Words(old, new string) Result {
	pa, pb := tokenPool.Get().(*[]token), tokenPool.Get().(*[]token)
	a, b := tokenizeBoth(old, new, *pa, *pb)
	r := compare(a, b)
	recycle(pa, a)
	recycle(pb, b)
	return r
}

// tokenPool holds token slices between calls of Words, which gives back
// only strings: a long comparison then allocates little but its result,
// and the garbage collector runs less often.
var tokenPool = sync.Pool{New: func() any { return new([]token) }}

// recycle puts toks back in the pool, without the text it points into.
func recycle(p *[]token, toks []token) {
	clear(toks)
	*p = toks[:0]
	tokenPool.Put(p)
}

// parallelAbove is the combined length, in bytes, above which the two
// texts are tokenized at the same time: a long article or more, where the
// second goroutine costs far less than it saves.
const parallelAbove = 16 << 10

// tokenizeBoth tokenizes old and new, at the same time when they are
// long. Each text's tokens depend on that text alone, so the result is
// the same either way.
func tokenizeBoth(old, new string, bufA, bufB []token) (a, b []token) {
	if len(old)+len(new) < parallelAbove {
		return tokenizeInto(bufA, old), tokenizeInto(bufB, new)
	}
	done := make(chan struct{})
	go func() {
		a = tokenizeInto(bufA, old)
		close(done)
	}()
	b = tokenizeInto(bufB, new)
	<-done
	return a, b
}

// Old gives back the old text from ops: Equal (its OldText when set),
// Delete and MoveFrom texts, in order.
func Old(ops []Op) string { return joinOps(ops, oldPart) }

// New gives back the new text from ops: Equal, Insert and MoveTo texts,
// in order.
func New(ops []Op) string { return joinOps(ops, newPart) }

// oldPart and newPart are what op holds of the old and the new text.
func oldPart(op Op) string {
	switch {
	case op.Kind == Equal && op.OldText != "":
		return op.OldText
	case op.Kind == Equal || op.Kind == Delete || op.Kind == MoveFrom:
		return op.Text
	}
	return ""
}

func newPart(op Op) string {
	if op.Kind == Equal || op.Kind == Insert || op.Kind == MoveTo {
		return op.Text
	}
	return ""
}

// joinOps joins part of each op, in a builder sized once.
func joinOps(ops []Op, part func(Op) string) string {
	n := 0
	for _, op := range ops {
		n += len(part(op))
	}
	var b strings.Builder
	b.Grow(n)
	for _, op := range ops {
		b.WriteString(part(op))
	}
	return b.String()
}

// compare is Words on tokens: align, find moves, apply the degenerate
// guard, and give back ops with their statistics.
func compare(a, b []token) Result {
	if sameText(a, b) {
		return equalText(b)
	}
	ra, rb, ok := toRunes(a, b)
	return compareAligned(a, b, ra, rb, ok)
}

// compareRunes is compare with the tokens' runes already assigned, as
// toRunes assigns them (ok false when it could not), over these tokens
// or a longer text they are part of: any runes serve that give equal
// keys, and only them, equal runes.
func compareRunes(a, b []token, ra, rb []rune, ok bool) Result {
	if sameText(a, b) {
		return equalText(b)
	}
	return compareAligned(a, b, ra, rb, ok)
}

// sameText reports whether a and b are written the same. Such texts are
// one Equal, found without aligning them: most paragraphs a row pairs,
// and the wording of a proposal that edits one sentence, are.
func sameText(a, b []token) bool {
	return len(a) > 0 && len(a) == len(b) && sameSpelling(a, b)
}

func equalText(b []token) Result { return Result{Ops: []Op{{Kind: Equal, Text: join(b)}}} }

// compareAligned is compareRunes without the shortcut for equal texts.
func compareAligned(a, b []token, ra, rb []rune, ok bool) Result {
	var spans []span
	if ok {
		spans = findMoves(a, b, ra, rb, alignRunes(a, b, ra, rb))
	} else {
		spans = replaceAll(a, b)
	}
	if beyondRecognition(a, b, spans) {
		return replacement(a, b)
	}
	return Result{Ops: build(a, b, spans), Stats: statsOf(a, b, spans)}
}

// build gives spans their texts.
func build(a, b []token, spans []span) []Op {
	ops := make([]Op, 0, len(spans))
	for _, s := range spans {
		op := Op{Kind: s.kind}
		switch s.kind {
		case Equal:
			op.Text = join(b[s.b0:s.b1])
			if !sameSpelling(a[s.a0:s.a1], b[s.b0:s.b1]) {
				if old := join(a[s.a0:s.a1]); old != op.Text {
					op.OldText = old
				}
			}
		case Delete:
			op.Text = join(a[s.a0:s.a1])
		case Insert:
			op.Text = join(b[s.b0:s.b1])
		case MoveFrom:
			op.Text = join(a[s.a0:s.a1])
			op.MoveID, op.Inner = s.mv.id, s.mv.inner
		case MoveTo:
			op.Text = join(b[s.b0:s.b1])
			op.MoveID, op.Inner = s.mv.id, s.mv.inner
		}
		ops = append(ops, op)
	}
	tidySpaces(ops)
	return ops
}

// sameSpelling reports whether two runs of equal tokens are written the
// same, spaces included, so that the old text need not be joined to find
// out.
func sameSpelling(x, y []token) bool {
	for k := range x {
		if x[k].text != y[k].text || x[k].spaced != y[k].spaced {
			return false
		}
	}
	return true
}

// tidySpaces places spaces at the edges of changes where a reader expects
// them, keeping both texts given back exactly:
//
//   - the space that starts a replacement moves into the Equal before:
//     "the[- fortieth-]{+ sixtieth+}" becomes "the [-fortieth-]{+sixtieth+}"
//     (only when the first deleted and the first inserted text both start
//     with one; a lone insertion or deletion keeps its space);
//   - a change at the start of a text or paragraph takes the space after
//     it, which the other text does not have: "[-Draft-] United" (old)
//     becomes "[-Draft -]United", so that the Equal reads the same in
//     both texts.
func tidySpaces(ops []Op) {
	for i := 1; i < len(ops); i++ {
		if ops[i-1].Kind != Equal || ops[i].Kind == Equal {
			continue
		}
		del, ins := -1, -1
		for k := i; k < len(ops) && ops[k].Kind != Equal; k++ {
			switch ops[k].Kind {
			case Delete, MoveFrom:
				if del < 0 {
					del = k
				}
			case Insert, MoveTo:
				if ins < 0 {
					ins = k
				}
			}
		}
		if del < 0 || ins < 0 || ops[del].Kind != Delete || ops[ins].Kind != Insert ||
			!strings.HasPrefix(ops[del].Text, " ") || !strings.HasPrefix(ops[ins].Text, " ") ||
			len(ops[del].Text) == 1 || len(ops[ins].Text) == 1 {
			continue
		}
		ops[del].Text = ops[del].Text[1:]
		ops[ins].Text = ops[ins].Text[1:]
		if ops[i-1].OldText != "" {
			ops[i-1].OldText += " "
		}
		ops[i-1].Text += " "
	}

	for i := 1; i < len(ops); i++ {
		eq := &ops[i]
		if eq.Kind != Equal || eq.OldText == "" || ops[i-1].Kind == Equal {
			continue
		}
		// The last old-side and new-side ops of the change before.
		del, ins := -1, -1
		for k := i - 1; k >= 0 && ops[k].Kind != Equal; k-- {
			switch ops[k].Kind {
			case Delete, MoveFrom:
				if del < 0 {
					del = k
				}
			case Insert, MoveTo:
				if ins < 0 {
					ins = k
				}
			}
		}
		switch {
		case del >= 0 && ops[del].Kind == Delete && eq.OldText == " "+eq.Text:
			ops[del].Text += " "
			eq.OldText = ""
		case ins >= 0 && ops[ins].Kind == Insert && eq.Text == " "+eq.OldText:
			ops[ins].Text += " "
			eq.Text, eq.OldText = eq.OldText, ""
		}
	}
}

// replacement is the result for texts rewritten beyond recognition.
func replacement(a, b []token) Result {
	r := Result{Replaced: true}
	if len(a) > 0 {
		r.Ops = append(r.Ops, Op{Kind: Delete, Text: join(a)})
	}
	if len(b) > 0 {
		r.Ops = append(r.Ops, Op{Kind: Insert, Text: join(b)})
	}
	r.Stats = statsOf(a, b, replaceAll(a, b))
	return r
}
