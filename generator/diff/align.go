package diff

import (
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// A span is an op before it has text: token ranges a[a0:a1] of the old
// text and b[b0:b1] of the new. Equal spans use both ranges, Delete the
// old one, Insert the new one; both ends of a move keep both ranges (their
// own and their partner's) and share one *move.
type span struct {
	kind           Kind
	a0, a1, b0, b1 int
	mv             *move
}

// align diffs two token slices with go-diff: each distinct key becomes one
// rune, DiffMainRunes finds a shortest edit script (no deadline, so the
// result never depends on the machine), DiffCleanupSemantic folds small
// equal islands into the edits around them, and slide moves each edit to
// the sentence or paragraph boundary nearest to hand.
func align(a, b []token) []span {
	switch {
	case len(a) == 0 && len(b) == 0:
		return nil
	case len(a) == 0:
		return []span{{kind: Insert, b1: len(b)}}
	case len(b) == 0:
		return []span{{kind: Delete, a1: len(a)}}
	}
	ra, rb, ok := toRunes(a, b)
	if !ok {
		return []span{{kind: Delete, a1: len(a)}, {kind: Insert, b1: len(b)}}
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	raw := dmp.DiffMainRunes(ra, rb, false)
	// DiffCleanupSemanticLossless, which DiffCleanupSemantic calls, mixes
	// byte and rune offsets, and our runes are all multi-byte. Check that
	// the result still spells both rune strings, token for token, and fall
	// back to the uncleaned diff (which works on runes only) if not.
	if spans, ok := toSpans(cleanup(dmp, raw, a), ra, rb); ok {
		return slide(a, b, spans)
	}
	if spans, ok := toSpans(raw, ra, rb); ok {
		return slide(a, b, spans)
	}
	return []span{{kind: Delete, a1: len(a)}, {kind: Insert, b1: len(b)}}
}

// anchorMinWords: an equal stretch of at least this many words, or one
// holding a paragraph break, is never folded into the edits around it.
// go-diff folds any equality no longer than the edits on both sides,
// which at word level can swallow a whole unchanged clause between a new
// paragraph and an amendment; six words of unchanged treaty text are worth
// showing as unchanged.
const anchorMinWords = 6

// cleanup runs DiffCleanupSemantic on the stretches of raw between anchors
// (see anchorMinWords), leaving the anchors as they are. raw is not
// modified.
func cleanup(dmp *diffmatchpatch.DiffMatchPatch, raw []diffmatchpatch.Diff, a []token) []diffmatchpatch.Diff {
	out := make([]diffmatchpatch.Diff, 0, len(raw))
	var chunk []diffmatchpatch.Diff
	flush := func() {
		if len(chunk) > 0 {
			out = append(out, dmp.DiffCleanupSemantic(chunk)...)
			chunk = nil
		}
	}
	i := 0 // position in a
	for _, d := range raw {
		n := utf8.RuneCountInString(d.Text)
		if d.Type == diffmatchpatch.DiffEqual && isAnchor(a[min(i, len(a)):min(i+n, len(a))]) {
			flush()
			out = append(out, d)
		} else {
			chunk = append(chunk, d)
		}
		if d.Type != diffmatchpatch.DiffInsert {
			i += n
		}
	}
	flush()
	return out
}

func isAnchor(toks []token) bool {
	words := 0
	for _, t := range toks {
		switch t.kind {
		case pbreak:
			return true
		case word:
			words++
		}
	}
	return words >= anchorMinWords
}

// slide moves each lone insertion or deletion between two equal stretches
// sideways, where that gives the same texts, to the position whose edges
// fall best: at a paragraph break, then after the end of a sentence.
// ("made. It shall{+ be made. It shall+} be" becomes "made.{+ It shall be
// made.+} It shall be".) go-diff's own pass for this scores characters,
// which our token runes do not have.
func slide(a, b []token, spans []span) []span {
	for k := 1; k+1 < len(spans); k++ {
		p, e, n := &spans[k-1], &spans[k], &spans[k+1]
		if p.kind != Equal || n.kind != Equal {
			continue
		}
		var toks []token
		var lo, hi int
		switch e.kind {
		case Insert:
			toks, lo, hi = b, e.b0, e.b1
		case Delete:
			toks, lo, hi = a, e.a0, e.a1
		default:
			continue
		}
		// The edit may sit at lo+d for -left <= d <= right; keep at
		// least one token in each equal stretch.
		left, right := 0, 0
		for left+1 < p.b1-p.b0 && toks[lo-1-left].key == toks[hi-1-left].key {
			left++
		}
		for right+1 < n.b1-n.b0 && toks[lo+right].key == toks[hi+right].key {
			right++
		}
		best, bestScore := 0, boundary(toks, lo)+boundary(toks, hi)
		for d := -left; d <= right; d++ {
			if s := boundary(toks, lo+d) + boundary(toks, hi+d); s > bestScore {
				best, bestScore = d, s
			}
		}
		if best == 0 {
			continue
		}
		p.a1 += best
		p.b1 += best
		n.a0 += best
		n.b0 += best
		if e.kind == Insert {
			e.b0 += best
			e.b1 += best
		} else {
			e.a0 += best
			e.a1 += best
		}
	}
	return spans
}

// boundary scores the boundary before toks[i]: 3 at a paragraph break or
// the edge of the text, 2 after the end of a sentence or clause, 1 just
// before the punctuation that ends one (an edit that takes a whole clause
// but leaves its full stop), else 0.
func boundary(toks []token, i int) int {
	switch {
	case i <= 0 || i >= len(toks) || toks[i-1].kind == pbreak || toks[i].kind == pbreak:
		return 3
	case toks[i-1].kind == punct && endsSentence(toks, i-1):
		return 2
	case toks[i].kind == punct && endsSentence(toks, i):
		return 1
	}
	return 0
}

// toRunes maps each distinct key, in order of first appearance, to one
// rune (see tokenRune). It fails only past a million distinct tokens.
func toRunes(a, b []token) (ra, rb []rune, ok bool) {
	ids := make(map[string]rune, (len(a)+len(b))/2)
	conv := func(toks []token) []rune {
		rs := make([]rune, len(toks))
		for i, t := range toks {
			r, seen := ids[t.key]
			if !seen {
				r = tokenRune(len(ids))
				if r < 0 {
					return nil
				}
				ids[t.key] = r
			}
			rs[i] = r
		}
		return rs
	}
	ra = conv(a)
	rb = conv(b)
	return ra, rb, ra != nil && rb != nil
}

// runeRanges are the code points that stand for tokens, in order of use:
// first the private use areas (no meaning to go-diff or anyone), then the
// rest of the supplementary planes, then the BMP above Latin-1 and below
// the surrogates. Surrogates (U+D800–U+DFFF) are not valid runes and would
// not survive go-diff's string conversions; ASCII and Latin-1, where
// go-diff's cleanup looks for whitespace and line breaks, are avoided.
var runeRanges = [...][2]rune{
	{0xE000, 0xF8FF},
	{0xF0000, 0x10FFFF},
	{0x10000, 0xEFFFF},
	{0x0100, 0xD7FF},
}

// tokenRune returns the rune for the i'th distinct token, or -1 when the
// ranges are exhausted.
func tokenRune(i int) rune {
	for _, rg := range runeRanges {
		n := int(rg[1]-rg[0]) + 1
		if i < n {
			return rg[0] + rune(i)
		}
		i -= n
	}
	return -1
}

// toSpans turns go-diff's output back into token ranges, checking that
// every diff's text is exactly the runes it claims from ra and rb.
func toSpans(diffs []diffmatchpatch.Diff, ra, rb []rune) ([]span, bool) {
	spans := make([]span, 0, len(diffs))
	i, j := 0, 0
	for _, d := range diffs {
		n := 0
		for _, r := range d.Text {
			if r == utf8.RuneError {
				return nil, false
			}
			switch d.Type {
			case diffmatchpatch.DiffEqual:
				if i+n >= len(ra) || j+n >= len(rb) || ra[i+n] != r || rb[j+n] != r {
					return nil, false
				}
			case diffmatchpatch.DiffDelete:
				if i+n >= len(ra) || ra[i+n] != r {
					return nil, false
				}
			case diffmatchpatch.DiffInsert:
				if j+n >= len(rb) || rb[j+n] != r {
					return nil, false
				}
			}
			n++
		}
		if n == 0 {
			continue
		}
		var s span
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			s = span{kind: Equal, a0: i, a1: i + n, b0: j, b1: j + n}
			i, j = i+n, j+n
		case diffmatchpatch.DiffDelete:
			s = span{kind: Delete, a0: i, a1: i + n}
			i += n
		case diffmatchpatch.DiffInsert:
			s = span{kind: Insert, b0: j, b1: j + n}
			j += n
		default:
			return nil, false
		}
		if k := len(spans) - 1; k >= 0 && spans[k].kind == s.kind {
			spans[k].a1, spans[k].b1 = s.a1, s.b1 // go-diff merges these; be sure
			continue
		}
		spans = append(spans, s)
	}
	return spans, i == len(ra) && j == len(rb)
}
