package diff

import (
	"slices"
	"sync"
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
// rune, anchored pins down the stretches that can only be equal and
// DiffMainRunes finds a shortest edit script between them (no deadline,
// so the result never depends on the machine), DiffCleanupSemantic folds
// small equal islands into the edits around them, and slide moves each
// edit to the sentence or paragraph boundary nearest to hand.
func align(a, b []token) []span {
	ra, rb, ok := toRunes(a, b)
	if !ok {
		return replaceAll(a, b)
	}
	return alignRunes(a, b, ra, rb)
}

// alignRunes is align with the tokens' runes already assigned (see
// toRunes): ra[i] stands for a[i] and rb[j] for b[j].
func alignRunes(a, b []token, ra, rb []rune) []span {
	if len(a) == 0 || len(b) == 0 {
		return replaceAll(a, b)
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	raw := anchored(dmp, a, b, ra, rb)
	return splitCase(a, b, slide(a, b, cleanup(dmp, raw, a, ra, rb)))
}

// splitCase turns the words of equal spans that differ in case
// ("convention", "Convention") into replacements. Tokens align ignoring
// case, so that a text whose every other word gained a capital still
// lines up word for word with its draft; but a capital is a change to a
// legal text, and is shown as one. Changes that end up next to each
// other become one replacement.
func splitCase(a, b []token, spans []span) []span {
	differ := func(x, y token) bool {
		return (x.folded || y.folded) && x.text != y.text && x.exact() != y.exact()
	}
	split := false
	for _, s := range spans {
		if s.kind != Equal {
			continue
		}
		for k := 0; k < s.a1-s.a0; k++ {
			if differ(a[s.a0+k], b[s.b0+k]) {
				split = true
				break
			}
		}
	}
	if !split {
		return spans
	}
	var out []span
	add := func(s span) {
		// Merge with the change before: one Delete then one Insert.
		if s.kind != Equal && len(out) > 0 && out[len(out)-1].kind != Equal {
			k := len(out) - 1
			for k > 0 && out[k-1].kind != Equal {
				k--
			}
			del := span{kind: Delete, a0: -1}
			ins := span{kind: Insert, b0: -1}
			for _, c := range append(out[k:], s) {
				switch c.kind {
				case Delete:
					if del.a0 < 0 {
						del.a0 = c.a0
					}
					del.a1 = c.a1
				case Insert:
					if ins.b0 < 0 {
						ins.b0 = c.b0
					}
					ins.b1 = c.b1
				}
			}
			out = out[:k]
			if del.a0 >= 0 {
				out = append(out, del)
			}
			if ins.b0 >= 0 {
				out = append(out, ins)
			}
			return
		}
		out = append(out, s)
	}
	for _, s := range spans {
		if s.kind != Equal {
			add(s)
			continue
		}
		start := 0
		n := s.a1 - s.a0
		for k := 0; k <= n; {
			if k < n && !differ(a[s.a0+k], b[s.b0+k]) {
				k++
				continue
			}
			if k > start {
				add(span{kind: Equal, a0: s.a0 + start, a1: s.a0 + k, b0: s.b0 + start, b1: s.b0 + k})
			}
			if k == n {
				break
			}
			e := k
			for e < n && differ(a[s.a0+e], b[s.b0+e]) {
				e++
			}
			add(span{kind: Delete, a0: s.a0 + k, a1: s.a0 + e})
			add(span{kind: Insert, b0: s.b0 + k, b1: s.b0 + e})
			start, k = e, e
		}
	}
	return out
}

// replaceAll is the alignment that recognises nothing: all of a deleted,
// all of b inserted.
func replaceAll(a, b []token) []span {
	var spans []span
	if len(a) > 0 {
		spans = append(spans, span{kind: Delete, a1: len(a)})
	}
	if len(b) > 0 {
		spans = append(spans, span{kind: Insert, b1: len(b)})
	}
	return spans
}

// anchorMinWords: an equal stretch of at least this many words, or one
// holding a paragraph break, is never folded into the edits around it.
// go-diff folds any equality no longer than the edits on both sides,
// which at word level can swallow a whole unchanged clause between a new
// paragraph and an amendment; six words of unchanged treaty text are worth
// showing as unchanged.
const anchorMinWords = 6

// cleanup runs DiffCleanupSemantic on the stretches of raw between anchors
// (see anchorMinWords), leaving the anchors as they are, and returns the
// spans. Only those stretches are turned into go-diff's strings.
//
// DiffCleanupSemanticLossless, which DiffCleanupSemantic calls, mixes
// byte and rune offsets, and our runes are all multi-byte. So each
// cleaned stretch is checked to spell both rune strings, token for token,
// and left uncleaned if not.
func cleanup(dmp *diffmatchpatch.DiffMatchPatch, raw []seg, a []token, ra, rb []rune) []span {
	out := make([]span, 0, len(raw))
	add := func(s span) {
		if k := len(out) - 1; k >= 0 && out[k].kind == s.kind {
			out[k].a1, out[k].b1 = s.a1, s.b1
			return
		}
		out = append(out, s)
	}
	var chunk []seg
	ci, cj := 0, 0 // where the chunk starts in a and b
	flush := func() {
		if len(chunk) == 0 {
			return
		}
		if len(chunk) > 1 {
			diffs := make([]diffmatchpatch.Diff, len(chunk))
			i, j := ci, cj
			for k, c := range chunk {
				d := diffmatchpatch.Diff{Type: diffmatchpatch.DiffEqual}
				switch c.kind {
				case Equal:
					d.Text = string(ra[i : i+c.n])
					i, j = i+c.n, j+c.n
				case Delete:
					d.Type, d.Text = diffmatchpatch.DiffDelete, string(ra[i:i+c.n])
					i += c.n
				case Insert:
					d.Type, d.Text = diffmatchpatch.DiffInsert, string(rb[j:j+c.n])
					j += c.n
				}
				diffs[k] = d
			}
			if spans, ok := toSpans(dmp.DiffCleanupSemantic(diffs), ra[ci:i], rb[cj:j]); ok {
				for _, sp := range spans {
					sp.a0, sp.a1, sp.b0, sp.b1 = sp.a0+ci, sp.a1+ci, sp.b0+cj, sp.b1+cj
					if sp.kind == Delete {
						sp.b0, sp.b1 = 0, 0
					} else if sp.kind == Insert {
						sp.a0, sp.a1 = 0, 0
					}
					add(sp)
				}
				chunk = chunk[:0]
				return
			}
		}
		i, j := ci, cj
		for _, c := range chunk {
			add(c.span(&i, &j))
		}
		chunk = chunk[:0]
	}
	i, j := 0, 0
	for _, c := range raw {
		if c.kind == Equal && isAnchor(a[i:i+c.n]) {
			flush()
			add(c.span(&i, &j))
		} else {
			if len(chunk) == 0 {
				ci, cj = i, j
			}
			chunk = append(chunk, c)
			switch c.kind {
			case Equal:
				i, j = i+c.n, j+c.n
			case Delete:
				i += c.n
			case Insert:
				j += c.n
			}
		}
	}
	flush()
	return out
}

// A seg is a stretch of an alignment before cleanup: an Equal, Delete or
// Insert of n tokens, whose place in the texts follows from the segs
// before it.
type seg struct {
	kind Kind
	n    int
}

// span returns the span of c at a[*i:], b[*j:], and moves *i and *j past
// it.
func (c seg) span(i, j *int) span {
	var s span
	switch c.kind {
	case Equal:
		s = span{kind: Equal, a0: *i, a1: *i + c.n, b0: *j, b1: *j + c.n}
		*i, *j = *i+c.n, *j+c.n
	case Delete:
		s = span{kind: Delete, a0: *i, a1: *i + c.n}
		*i += c.n
	case Insert:
		s = span{kind: Insert, b0: *j, b1: *j + c.n}
		*j += c.n
	}
	return s
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
		for left+1 < p.b1-p.b0 && toks[lo-1-left].key() == toks[hi-1-left].key() {
			left++
		}
		for right+1 < n.b1-n.b0 && toks[lo+right].key() == toks[hi+right].key() {
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
	// Vocabularies grow much slower than texts: a 5,000-word text has
	// some 1,000 distinct tokens. byText spares computing the key of a
	// word with a capital each time it occurs.
	ids := make(map[string]rune, (len(a)+len(b))/8+16)
	byText := map[string]rune{}
	// recent is a small cache in front of ids, indexed by a hash that
	// costs nothing (length, first and last byte): most tokens are the
	// few dozen words and marks that make up half of any text.
	type entry struct {
		text string
		r    rune
	}
	var recent [1024]entry
	conv := func(toks []token) []rune {
		rs := make([]rune, len(toks))
		for i, t := range toks {
			if !t.folded {
				n := len(t.text)
				h := (n*131 + int(t.text[0])*31 + int(t.text[n-1])) & (len(recent) - 1)
				if e := &recent[h]; e.text == t.text {
					rs[i] = e.r
					continue
				}
				r, seen := ids[t.text]
				if !seen {
					if r = tokenRune(len(ids)); r < 0 {
						return nil
					}
					ids[t.text] = r
				}
				recent[h] = entry{t.text, r}
				rs[i] = r
				continue
			}
			r, seen := byText[t.text]
			if !seen {
				k := t.key()
				if r, seen = ids[k]; !seen {
					if r = tokenRune(len(ids)); r < 0 {
						return nil
					}
					ids[k] = r
				}
				byText[t.text] = r
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

// anchorGram is the length, in tokens, of the runs anchored pins down.
// Four tokens ("of the requested State") are rarely unique; four tokens
// with a rarer word among them usually are.
const anchorGram = 4

// anchored diffs ra and rb as DiffMainRunes does, but first pins down
// anchors: runs of anchorGram tokens that occur exactly once in each
// text, taken in the longest chain that is in order in both (as patience
// diff does). Only the stretches between anchors go to DiffMainRunes.
//
// Myers' algorithm costs time in proportion to the texts' length times
// the number of edits, so a 50,000-word text with edits all through it
// costs a few seconds; between anchors, a few hundred tokens apart at
// most, the same edits cost milliseconds. A unique run that is in order in
// both texts is what any reader would call unchanged, so the diff reads
// the same; it can only differ from a shortest edit script where a shorter
// script would pair that run with something else, which is rarer and no
// better for a reader. A run that moved is out of order and is not
// pinned: it stays a deletion and an insertion, for findMoves.
func anchored(dmp *diffmatchpatch.DiffMatchPatch, a, b []token, ra, rb []rune) []seg {
	var out []seg
	add := func(kind Kind, n int) {
		if n == 0 {
			return
		}
		if k := len(out) - 1; k >= 0 && out[k].kind == kind {
			out[k].n += n
			return
		}
		out = append(out, seg{kind, n})
	}
	// myers adds DiffMainRunes's answer; its texts are the runes of x
	// and y, so only their lengths are kept.
	myers := func(x, y []rune) {
		for _, d := range dmp.DiffMainRunes(x, y, false) {
			n := utf8.RuneCountInString(d.Text)
			switch d.Type {
			case diffmatchpatch.DiffEqual:
				add(Equal, n)
			case diffmatchpatch.DiffDelete:
				add(Delete, n)
			case diffmatchpatch.DiffInsert:
				add(Insert, n)
			}
		}
	}
	chain := anchorChain(a, b, ra, rb)
	if len(chain) == 0 {
		myers(ra, rb)
		return out
	}
	// between diffs the stretch between two anchors. DiffMainRunes starts
	// by taking off what the two have in common at each end; when what is
	// left is one-sided, or one token against one, its answer is known,
	// and most stretches are like that: the few tokens around one edit.
	between := func(x, y []rune) {
		p := 0
		for p < len(x) && p < len(y) && x[p] == y[p] {
			p++
		}
		q := 0
		for q < len(x)-p && q < len(y)-p && x[len(x)-1-q] == y[len(y)-1-q] {
			q++
		}
		mx, my := x[p:len(x)-q], y[p:len(y)-q]
		if len(mx) > 1 && len(my) > 1 {
			myers(x, y)
			return
		}
		add(Equal, p)
		add(Delete, len(mx))
		add(Insert, len(my))
		add(Equal, q)
	}
	ca, cb := 0, 0 // the end of the last equal stretch
	for _, p := range chain {
		i, j := int(p.i), int(p.j)
		switch {
		case i >= ca && j >= cb:
			between(ra[ca:i], rb[cb:j])
			add(Equal, anchorGram)
		case i-j == ca-cb && i+anchorGram > ca:
			// Overlaps the anchor before on the same diagonal: extend it.
			add(Equal, i+anchorGram-ca)
		default:
			continue
		}
		ca, cb = i+anchorGram, j+anchorGram
	}
	between(ra[ca:], rb[cb:])
	return out
}

// labels returns, for each token of toks, the index of the first token
// at or after it that is a paragraph break or part of a paragraph label
// ("12." or "(b)" at the start of a paragraph), or len(toks). Runs with
// such a token are not anchors: paragraphs are renumbered when one is
// added or taken out, and ". ¶ 367 ." is unique in both texts even when
// the two paragraphs numbered 367 have nothing else in common.
func labels(toks []token) []int32 {
	next := make([]int32, len(toks))
	// First mark the breaks and labels with -1, then fill in from the end.
	for start := 0; start < len(toks); start++ {
		if toks[start].kind == pbreak {
			next[start] = -1
			continue
		}
		if start > 0 && toks[start-1].kind != pbreak {
			continue
		}
		_, n, _ := label(toks[start:], "")
		for k := start; k < start+n; k++ {
			next[k] = -1
		}
	}
	n := int32(len(toks))
	for i := len(toks) - 1; i >= 0; i-- {
		if next[i] < 0 {
			n = int32(i)
		}
		next[i] = n
	}
	return next
}

// gramKey hashes the anchorGram token runes at rs[i:] (FNV-1a over the
// runes). Two runs with the same key are taken to be the same run only for
// counting: a collision can make a unique run look repeated, which loses
// an anchor, never makes a wrong one (anchorChain checks each pair).
func gramKey(rs []rune, i int) uint64 {
	h := uint64(14695981039346656037)
	for _, r := range rs[i : i+anchorGram] {
		h ^= uint64(r)
		h *= 1099511628211
	}
	return h
}

// anchorPair is a run of anchorGram tokens at ra[i:] and rb[j:].
type anchorPair struct{ i, j int32 }

// anchorChain returns the runs of anchorGram tokens found exactly once in
// each of ra and rb, as the longest chain in increasing order in both,
// sorted. Only runs that start with a word count: one that starts with a
// comma is as good an anchor as the run one word on, and skipping them
// saves a sixth of the work.
func anchorChain(a, b []token, ra, rb []rune) []anchorPair {
	if len(ra) < anchorGram || len(rb) < anchorGram {
		return nil
	}
	wa, wb := labels(a), labels(b)
	// Where each run of ra is, or -1 when it occurs more than once; then
	// the same for rb, for the runs ra has once.
	grams := newGramTable(len(ra))
	for i := 0; i+anchorGram <= len(ra); i++ {
		if int(wa[i]) < i+anchorGram || a[i].kind != word {
			continue
		}
		s, found := grams.slot(gramKey(ra, i))
		switch {
		case !found:
			*s = gramSeen{int32(i), -2} // -2: not seen in rb yet
		case s.i >= 0:
			*s = gramSeen{-1, -1}
		}
	}
	// The runs ra has once, where rb has them first; kept only if rb has
	// them once too.
	cands := make([]int32, 0, len(rb)/4)
	for j := 0; j+anchorGram <= len(rb); j++ {
		if int(wb[j]) < j+anchorGram || b[j].kind != word {
			continue
		}
		h := grams.find(gramKey(rb, j))
		if h < 0 {
			continue
		}
		s := &grams.slots[h].gramSeen
		if s.i < 0 {
			continue
		}
		switch s.j {
		case -2:
			s.j = int32(j)
			cands = append(cands, int32(h))
		case -1:
		default:
			s.j = -1
		}
	}
	pairs := make([]anchorPair, 0, len(cands))
	for _, h := range cands {
		s := grams.slots[h].gramSeen
		if s.j >= 0 && slices.Equal(ra[s.i:s.i+anchorGram], rb[s.j:s.j+anchorGram]) {
			pairs = append(pairs, anchorPair{s.i, s.j})
		}
	}
	grams.release()
	// pairs are in order of j; the longest chain increasing in i too
	// (patience sorting: tails[k] is the pair ending the best chain of
	// length k+1 found so far).
	tails := make([]int, 0, 64)
	prev := make([]int, len(pairs))
	for k, p := range pairs {
		lo, hi := 0, len(tails)
		for lo < hi {
			m := (lo + hi) / 2
			if pairs[tails[m]].i < p.i {
				lo = m + 1
			} else {
				hi = m
			}
		}
		prev[k] = -1
		if lo > 0 {
			prev[k] = tails[lo-1]
		}
		if lo == len(tails) {
			tails = append(tails, k)
		} else {
			tails[lo] = k
		}
	}
	if len(tails) == 0 {
		return nil
	}
	chain := make([]anchorPair, len(tails))
	for k, n := tails[len(tails)-1], len(tails)-1; k >= 0; k, n = prev[k], n-1 {
		chain[n] = pairs[k]
	}
	return chain
}

// gramSeen is where a run was seen: its index in ra and rb, -1 when it
// occurs there more than once, -2 when not yet seen in rb.
type gramSeen struct{ i, j int32 }

// gramTable maps gram keys to where they were seen: an open-addressing
// hash table with linear probing, which for this one job (uint64 keys
// already hashed, no deletion) is several times faster than a map.
type gramTable struct {
	slots []gramSlot
	shift uint
}

type gramSlot struct {
	key uint64 // 0: empty (key 0 is stored as 1)
	gramSeen
}

// newGramTable returns an empty table for n keys, from the pool when it
// has one big enough; put it back with release.
func newGramTable(n int) *gramTable {
	bits := uint(4)
	for 1<<bits < n+n/4 {
		bits++
	}
	if t, _ := gramPool.Get().(*gramTable); t != nil && len(t.slots) >= 1<<bits && len(t.slots) <= 4<<bits {
		clear(t.slots)
		t.shift = 64 - uint(bits64(len(t.slots)))
		return t
	}
	return &gramTable{slots: make([]gramSlot, 1<<bits), shift: 64 - bits}
}

// bits64 is log2 of n, a power of two.
func bits64(n int) int {
	b := 0
	for 1<<b < n {
		b++
	}
	return b
}

// gramPool keeps the last table for the next comparison.
var gramPool sync.Pool

func (t *gramTable) release() { gramPool.Put(t) }

// slot returns the value slot of key, adding it if absent, and whether it
// was there.
func (t *gramTable) slot(key uint64) (*gramSeen, bool) {
	key = max(key, 1)
	mask := len(t.slots) - 1
	for h := int((key * 0x9E3779B97F4A7C15) >> t.shift); ; h = (h + 1) & mask {
		switch sl := &t.slots[h]; sl.key {
		case key:
			return &sl.gramSeen, true
		case 0:
			sl.key = key
			return &sl.gramSeen, false
		}
	}
}

// find returns the index of key's slot, or -1.
func (t *gramTable) find(key uint64) int {
	key = max(key, 1)
	mask := len(t.slots) - 1
	for h := int((key * 0x9E3779B97F4A7C15) >> t.shift); ; h = (h + 1) & mask {
		switch t.slots[h].key {
		case key:
			return h
		case 0:
			return -1
		}
	}
}
