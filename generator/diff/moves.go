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

// newMove compares the two ends of a move.
func newMove(oa, ob []token) *move {
	spans := align(oa, ob)
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

// A unit is a candidate for moving: a sentence (up to and including its
// final . ; : ! or ?), the rest of a paragraph, or a lone paragraph break,
// inside one Delete or Insert span.
type unit struct {
	span   int // index of the span in the spans slice
	lo, hi int // token range
	words  int
	brk    bool    // a paragraph break
	bag    []int32 // sorted token ids, for a cheap upper bound on similarity
}

// units splits toks[lo:hi], the range of span si, into units.
func units(us []unit, toks []token, si, lo, hi int) []unit {
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
		case t.kind == punct && endsSentence(toks, i):
			emit(i+1, false)
		}
	}
	emit(hi, false)
	return us
}

// endsSentence reports whether the punctuation toks[i] ends a sentence or
// clause. The dot of a paragraph number ("2.") does not.
func endsSentence(toks []token, i int) bool {
	switch toks[i].key {
	case ";", ":", "!", "?":
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
// one move.
func findMoves(a, b []token, spans []span) []span {
	run := make([]int, len(spans)) // change number, to skip in-place replacements
	r := 0
	var dels, inss []unit
	for i, s := range spans {
		switch s.kind {
		case Equal:
			r++
		case Delete:
			dels = units(dels, a, i, s.a0, s.a1)
		case Insert:
			inss = units(inss, b, i, s.b0, s.b1)
		}
		run[i] = r
	}
	if !hasMovable(dels) || !hasMovable(inss) {
		return spans
	}

	// Token ids for similarity; breaks never reach a comparison.
	ids := map[string]int32{}
	idsOf := func(toks []token) []int32 {
		out := make([]int32, len(toks))
		for i, t := range toks {
			id, ok := ids[t.key]
			if !ok {
				id = int32(len(ids))
				ids[t.key] = id
			}
			out[i] = id
		}
		return out
	}
	ia, ib := idsOf(a), idsOf(b)
	for k := range dels {
		dels[k].bag = sortedCopy(ia[dels[k].lo:dels[k].hi])
	}
	for k := range inss {
		inss[k].bag = sortedCopy(ib[inss[k].lo:inss[k].hi])
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
		moves = append(moves, newMove(a[lo:hi], b[blo:bhi]))
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
		switch s.kind {
		case Delete:
			split(si, dels, delGroup, &dk, Delete, MoveFrom)
		case Insert:
			split(si, inss, insGroup, &ik, Insert, MoveTo)
		default:
			out = append(out, s)
		}
	}
	id := 0
	for _, s := range out {
		if s.mv != nil && s.mv.id == 0 {
			id++
			s.mv.id = id
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
