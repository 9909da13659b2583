package diff

import (
	"slices"
)

// Move detection thresholds. A deleted sentence or paragraph and an
// inserted one elsewhere are a move when both have at least moveMinWords
// words and their token similarity (2 × longest common subsequence / total
// tokens, paragraph breaks not counted) is at least moveMinSimilarity per
// mille. Six words keeps short formulas ("in accordance with its domestic
// law") from pairing up by chance; 0.8 allows a word or two changed in a
// sentence of ten.
const (
	moveMinWords      = 6
	moveMinSimilarity = 800 // per mille
)

// A move is what the two ends of a moved text share.
type move struct {
	id           int
	inner        []Op // word diff old → new, nil when unchanged
	ins, del, eq int  // words inserted, deleted and kept inside the moved text
}

// newMove makes a move of the texts oa and ob, given their alignment.
func newMove(oa, ob []token, spans []span) *move {
	mv := &move{}
	for _, s := range spans {
		switch s.kind {
		case Equal:
			mv.eq += countWords(ob[s.b0:s.b1])
		case Insert:
			mv.ins += countWords(ob[s.b0:s.b1])
		case Delete:
			mv.del += countWords(oa[s.a0:s.a1])
		}
	}
	if len(spans) > 1 || len(spans) == 1 && spans[0].kind != Equal {
		mv.inner = build(oa, ob, spans)
	}
	return mv
}

// A unit is a candidate for moving, inside one Delete or Insert span: a
// sentence (up to and including its final . ; : ! or ?) or the rest of a
// paragraph, or, in the second pass, all of a paragraph the span holds;
// or a lone paragraph break.
type unit struct {
	span   int // index of the span in the spans slice
	lo, hi int // token range
	words  int
	brk    bool    // a paragraph break
	bag    []int32 // sorted token ids, for a cheap upper bound on similarity
}

// units splits toks[lo:hi], the range of span si, into units: sentences,
// or whole paragraphs when sentences is false.
func units(us []unit, toks []token, si, lo, hi int, sentences bool) []unit {
	start := lo
	emit := func(end int, brk bool) {
		if start < end {
			us = append(us, unit{span: si, lo: start, hi: end, words: countWords(toks[start:end]), brk: brk})
		}
		start = end
	}
	for i := lo; i < hi; i++ {
		switch t := toks[i]; {
		case t.kind == pbreak:
			emit(i, false)
			emit(i+1, true)
		case sentences && t.kind == punct && endsSentence(toks, i):
			emit(i+1, false)
		}
	}
	emit(hi, false)
	return us
}

// endsSentence reports whether the punctuation toks[i] ends a sentence or
// clause. The dot of a paragraph number ("2.") does not.
func endsSentence(toks []token, i int) bool {
	switch toks[i].key() {
	case ";", ":", "!", "?", "\u061B", "\u061F": // and the Arabic semicolon and question mark
		return true
	case ".":
		paraNumber := i >= 1 && isNumber(toks[i-1].text) && (i == 1 || toks[i-2].kind == pbreak)
		return !paraNumber
	}
	return false
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// findMoves looks for deleted units that reappear, equal or nearly so, as
// inserted units in another change, and turns each such pair into a
// MoveFrom and a MoveTo. Adjacent moved units that stay adjacent become
// one move. It looks at sentences first, then at whole paragraphs among
// what is left: a paragraph that moved and lost a full stop on the way
// has no sentence in common with its old self, but is still itself. ra
// and rb are the tokens' runes (see toRunes), which serve as token ids.
// Moves are numbered in the order the spans first mention them.
func findMoves(a, b []token, ra, rb []rune, spans []span) []span {
	spans = findMovesBy(a, b, ra, rb, spans, true)
	spans = findMovesBy(a, b, ra, rb, spans, false)
	spans = joinMoves(a, b, ra, rb, spans)
	id := 0
	for _, s := range spans {
		if s.mv != nil {
			s.mv.id = 0
		}
	}
	for _, s := range spans {
		if s.mv != nil && s.mv.id == 0 {
			id++
			s.mv.id = id
		}
	}
	return spans
}

// joinMoves makes one move of two that follow each other in both texts:
// the two passes of findMoves can find the two halves of one moved
// paragraph (a sentence, then the rest).
func joinMoves(a, b []token, ra, rb []rune, spans []span) []span {
	for k := 0; k+1 < len(spans); k++ {
		x, y := spans[k], spans[k+1]
		if x.kind != MoveFrom || y.kind != MoveFrom || x.mv == y.mv || x.a1 != y.a0 || x.b1 != y.b0 {
			continue
		}
		// The MoveTo ends are next to each other too, since their ranges
		// in b are.
		t := slices.IndexFunc(spans, func(s span) bool { return s.kind == MoveTo && s.mv == x.mv })
		if t < 0 || t+1 >= len(spans) || spans[t+1].kind != MoveTo || spans[t+1].mv != y.mv {
			continue
		}
		lo, hi, blo, bhi := x.a0, y.a1, x.b0, y.b1
		mv := newMove(a[lo:hi], b[blo:bhi], alignRunes(a[lo:hi], b[blo:bhi], ra[lo:hi], rb[blo:bhi]))
		from := span{kind: MoveFrom, a0: lo, a1: hi, b0: blo, b1: bhi, mv: mv}
		to := from
		to.kind = MoveTo
		spans[t] = to
		spans = slices.Delete(spans, t+1, t+2)
		if t < k {
			k--
		}
		spans[k] = from
		spans = slices.Delete(spans, k+1, k+2)
		k-- // it may join the next one too
	}
	return spans
}

// findMovesBy is one pass of findMoves, over sentences or paragraphs.
// Moves found by an earlier pass are kept as they are.
func findMovesBy(a, b []token, ia, ib []rune, spans []span, sentences bool) []span {
	run := make([]int, len(spans)) // change number, to skip in-place replacements
	r := 0
	var dels, inss []unit
	// A span shorter than a movable unit has none: it is left out, and
	// kept as it is.
	for i, s := range spans {
		switch s.kind {
		case Equal:
			r++
		case Delete:
			if s.a1-s.a0 >= moveMinWords {
				dels = units(dels, a, i, s.a0, s.a1, sentences)
			}
		case Insert:
			if s.b1-s.b0 >= moveMinWords {
				inss = units(inss, b, i, s.b0, s.b1, sentences)
			}
		}
		run[i] = r
	}
	if !hasMovable(dels) || !hasMovable(inss) {
		return spans
	}

	for k := range dels {
		if !dels[k].brk && dels[k].words >= moveMinWords {
			dels[k].bag = sortedCopy(ia[dels[k].lo:dels[k].hi])
		}
	}
	for k := range inss {
		if !inss[k].brk && inss[k].words >= moveMinWords {
			inss[k].bag = sortedCopy(ib[inss[k].lo:inss[k].hi])
		}
	}

	type candidate struct{ d, i, sim int }
	var cands []candidate
	for di, d := range dels {
		if d.brk || d.words < moveMinWords {
			continue
		}
		for ii, in := range inss {
			if in.brk || in.words < moveMinWords || run[d.span] == run[in.span] {
				continue
			}
			total := (d.hi - d.lo) + (in.hi - in.lo)
			if 2000*min(d.hi-d.lo, in.hi-in.lo) < moveMinSimilarity*total ||
				2000*intersect(d.bag, in.bag) < moveMinSimilarity*total {
				continue
			}
			sim := 2000 * lcs(ia[d.lo:d.hi], ib[in.lo:in.hi]) / total
			if sim >= moveMinSimilarity {
				cands = append(cands, candidate{di, ii, sim})
			}
		}
	}
	if len(cands) == 0 {
		return spans
	}
	slices.SortFunc(cands, func(x, y candidate) int {
		if x.sim != y.sim {
			return y.sim - x.sim
		}
		if x.d != y.d {
			return x.d - y.d
		}
		return x.i - y.i
	})
	partner := make([]int, len(dels)) // insert unit paired with each deleted unit, or -1
	for k := range partner {
		partner[k] = -1
	}
	taken := make([]bool, len(inss))
	for _, c := range cands {
		if partner[c.d] < 0 && !taken[c.i] {
			partner[c.d], taken[c.i] = c.i, true
		}
	}

	// Group pairs whose units follow each other on both sides (allowing a
	// paragraph break between, on both sides) into one move.
	delGroup := make([]int, len(dels))
	insGroup := make([]int, len(inss))
	for k := range delGroup {
		delGroup[k] = -1
	}
	for k := range insGroup {
		insGroup[k] = -1
	}
	var moves []*move
	type group struct{ d0, d1, i0, i1 int } // unit ranges, inclusive
	var groups []group
	for d := 0; d < len(dels); d++ {
		i := partner[d]
		if i < 0 {
			continue
		}
		g := len(groups) - 1
		if g >= 0 {
			last := groups[g]
			next := func(us []unit, end, k int) bool {
				if us[k].span != us[end].span {
					return false
				}
				return k == end+1 || k == end+2 && us[end+1].brk
			}
			if next(dels, last.d1, d) && next(inss, last.i1, i) && (d-last.d1 == i-last.i1) {
				for k := last.d1 + 1; k <= d; k++ {
					delGroup[k] = g
				}
				for k := last.i1 + 1; k <= i; k++ {
					insGroup[k] = g
				}
				groups[g].d1, groups[g].i1 = d, i
				continue
			}
		}
		groups = append(groups, group{d, d, i, i})
		delGroup[d], insGroup[i] = len(groups)-1, len(groups)-1
	}
	for _, g := range groups {
		lo, hi := dels[g.d0].lo, dels[g.d1].hi
		blo, bhi := inss[g.i0].lo, inss[g.i1].hi
		moves = append(moves, newMove(a[lo:hi], b[blo:bhi], alignRunes(a[lo:hi], b[blo:bhi], ia[lo:hi], ib[blo:bhi])))
	}

	// Rebuild the spans, splitting Delete and Insert spans around moved
	// units.
	out := make([]span, 0, len(spans)+2*len(groups))
	dk, ik := 0, 0 // next unit of dels and inss; units are in span order
	split := func(si int, us []unit, grp []int, k *int, plain, moved Kind) {
		for *k < len(us) && us[*k].span == si {
			first, last := *k, *k
			for last+1 < len(us) && us[last+1].span == si && grp[last+1] == grp[first] {
				last++
			}
			piece := span{kind: plain}
			if g := grp[first]; g >= 0 {
				gr := groups[g]
				piece.kind, piece.mv = moved, moves[g]
				piece.a0, piece.a1 = dels[gr.d0].lo, dels[gr.d1].hi
				piece.b0, piece.b1 = inss[gr.i0].lo, inss[gr.i1].hi
			} else if plain == Delete {
				piece.a0, piece.a1 = us[first].lo, us[last].hi
			} else {
				piece.b0, piece.b1 = us[first].lo, us[last].hi
			}
			out = append(out, piece)
			*k = last + 1
		}
	}
	for si, s := range spans {
		switch {
		case s.kind == Delete && dk < len(dels) && dels[dk].span == si:
			split(si, dels, delGroup, &dk, Delete, MoveFrom)
		case s.kind == Insert && ik < len(inss) && inss[ik].span == si:
			split(si, inss, insGroup, &ik, Insert, MoveTo)
		default:
			out = append(out, s)
		}
	}
	return out
}

func hasMovable(us []unit) bool {
	for _, u := range us {
		if !u.brk && u.words >= moveMinWords {
			return true
		}
	}
	return false
}

func sortedCopy(ids []int32) []int32 {
	c := slices.Clone(ids)
	slices.Sort(c)
	return c
}

// intersect returns the size of the multiset intersection of two sorted
// slices: an upper bound on their longest common subsequence.
func intersect(x, y []int32) int {
	n, i, j := 0, 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i] == y[j]:
			n++
			i++
			j++
		case x[i] < y[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// lcs returns the length of the longest common subsequence of x and y.
// Units are sentences or paragraphs, so the quadratic table is small.
func lcs(x, y []int32) int {
	if len(x) < len(y) {
		x, y = y, x
	}
	prev := make([]int32, len(y)+1)
	cur := make([]int32, len(y)+1)
	for i := range x {
		for j := range y {
			switch {
			case x[i] == y[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return int(prev[len(y)])
}
