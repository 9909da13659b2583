package diff

import "slices"

// A Row pairs a paragraph of the old text with a paragraph of the new,
// for a side-by-side view. A paragraph found on one side only has a row
// of its own with the other side empty.
type Row struct {
	// OldNumber and NewNumber are the paragraph labels: "3" for a
	// paragraph that starts "3." or "3)", "3(a)" for a subparagraph "(a)"
	// after paragraph 3, "(a)" before any numbered paragraph; empty when
	// the paragraph has no number or the side is empty.
	OldNumber, NewNumber string
	// Old and New are the normalised paragraph texts, "" for an empty
	// side.
	Old, New string
	// MoveID is set when the paragraph moved as a whole: this row holds
	// one end (a MoveFrom or a MoveTo op) and the row with the same
	// MoveID the other.
	MoveID int
	// Result compares Old and New (Ops, Stats, Replaced). On a row with
	// one side empty it is a single Delete, Insert, MoveFrom or MoveTo.
	Result
}

// Paragraph alignment weights, per mille. A pair's weight is its word
// similarity (Dice coefficient on the multisets of words, the paragraph
// number left out) plus rowNumberBonus when both paragraphs carry the
// same number. A pair is allowed when its similarity is at least
// rowMinSimilarity, or when the numbers agree; two paragraphs that only
// share a number weigh rowNumberBonus alone. Rows maximise the total
// weight over pairs that keep both texts in order, so equal numbers
// decide between similar candidates, a renumbered paragraph (old 3 = new
// 4 after an insertion) still pairs by content, and of two paragraphs
// that swapped places one pairs with its old self (the other is a move)
// rather than each with the stranger that took its number; but a
// paragraph rewritten in place, with nothing better to pair with, still
// pairs with its old number.
const (
	rowMinSimilarity = 500
	rowNumberBonus   = 200
)

// Rows pairs the paragraphs of old and new, in order, and compares each
// pair word by word. Joining the non-empty Old texts of the rows with
// "\n\n" gives Normalize(old), and likewise for New. Paragraphs that
// moved, and that no other paragraph claims, are reported as a pair of
// rows with the same MoveID (same thresholds as Words). A sentence moving
// between two paired paragraphs shows as a deletion in one row and an
// insertion in the other.
func Rows(old, new string) []Row {
	ta, tb := tokenizeBoth(old, new, nil, nil)
	ra, rb, ok := toRunes(ta, tb)
	return rows(ta, tb, ra, rb, ok)
}

// Compare is Words and Rows at once: each text is tokenized, and its
// tokens given runes, once for both. The side-by-side and the inline
// view of a comparison need both.
func Compare(old, new string) (Result, []Row) {
	// The results hold strings only: the tokens go back to the pool.
	pa, pb := tokenPool.Get().(*[]token), tokenPool.Get().(*[]token)
	ta, tb := tokenizeBoth(old, new, *pa, *pb)
	ra, rb, ok := toRunes(ta, tb)
	words, rows := compareRunes(ta, tb, ra, rb, ok), rows(ta, tb, ra, rb, ok)
	recycle(pa, ta)
	recycle(pb, tb)
	return words, rows
}

// rows is Rows on tokens whose runes toRunes assigned (ok false when it
// could not). A token's rune serves as its id: paragraphs are compared
// by ids, and each pair's runes are those of the whole texts.
func rows(ta, tb []token, ra, rb []rune, ok bool) []Row {
	pa, pb := paragraphs(ta), paragraphs(tb)
	var ids map[string]int32 // when the texts have no runes
	bag := func(p *paragraph, runes []rune) {
		if ok {
			p.ids = runes[p.start : p.start+len(p.toks)]
		} else {
			if ids == nil {
				ids = map[string]int32{}
			}
			p.ids = make([]int32, len(p.toks))
			for k, t := range p.toks {
				id, seen := ids[t.key()]
				if !seen {
					id = int32(len(ids))
					ids[t.key()] = id
				}
				p.ids[k] = id
			}
		}
		for k, t := range p.toks {
			if t.kind == word && k >= p.labelLen {
				p.bag = append(p.bag, p.ids[k])
			}
		}
		slices.Sort(p.bag)
	}
	for i := range pa {
		bag(&pa[i], ra)
	}
	for i := range pb {
		bag(&pb[i], rb)
	}

	pairs := alignParagraphs(pa, pb)

	// Order: pairs in order; before each pair, the unpaired old then the
	// unpaired new paragraphs since the previous pair.
	type slot struct{ i, j int }
	var order []slot
	i, j := 0, 0
	for _, p := range append(pairs, [2]int{len(pa), len(pb)}) {
		for ; i < p[0]; i++ {
			order = append(order, slot{i, -1})
		}
		for ; j < p[1]; j++ {
			order = append(order, slot{-1, j})
		}
		if p[0] < len(pa) {
			order = append(order, slot{p[0], p[1]})
			i, j = p[0]+1, p[1]+1
		}
	}

	// Whole-paragraph moves among the unpaired.
	type candidate struct{ r, s, sim int }
	var cands []candidate
	for r, x := range order {
		if x.j >= 0 || pa[x.i].words < moveMinWords {
			continue
		}
		p := &pa[x.i]
		for s, y := range order {
			if y.i >= 0 || pb[y.j].words < moveMinWords {
				continue
			}
			q := &pb[y.j]
			total := len(p.ids) + len(q.ids)
			if 2000*min(len(p.ids), len(q.ids)) < moveMinSimilarity*total {
				continue
			}
			if sim := 2000 * lcs(p.ids, q.ids) / total; sim >= moveMinSimilarity {
				cands = append(cands, candidate{r, s, sim})
			}
		}
	}
	slices.SortFunc(cands, func(x, y candidate) int {
		if x.sim != y.sim {
			return y.sim - x.sim
		}
		if x.r != y.r {
			return x.r - y.r
		}
		return x.s - y.s
	})
	moved := make([]*move, len(order))
	for _, c := range cands {
		if moved[c.r] == nil && moved[c.s] == nil {
			x, y := pa[order[c.r].i].toks, pb[order[c.s].j].toks
			mv := newMove(x, y, align(x, y))
			moved[c.r], moved[c.s] = mv, mv
		}
	}

	rows := make([]Row, 0, len(order))
	id := 0
	for k, x := range order {
		var row Row
		var a, b []token
		if x.i >= 0 {
			a = pa[x.i].toks
			row.OldNumber, row.Old = pa[x.i].label, join(a)
		}
		if x.j >= 0 {
			b = pb[x.j].toks
			row.NewNumber, row.New = pb[x.j].label, join(b)
		}
		mv := moved[k]
		switch {
		case x.i >= 0 && x.j >= 0 && ok:
			p, q := &pa[x.i], &pb[x.j]
			row.Result = compareRunes(a, b, p.ids, q.ids, true)
		case x.i >= 0 && x.j >= 0:
			row.Result = compare(a, b)
		case mv != nil:
			if mv.id == 0 {
				id++
				mv.id = id
			}
			row.MoveID = mv.id
			s := span{kind: MoveTo, b1: len(b), mv: mv}
			if x.i >= 0 {
				s = span{kind: MoveFrom, a1: len(a), mv: mv}
			}
			row.Ops = build(a, b, []span{s})
			row.Stats = statsOf(a, b, []span{s})
		default:
			s := span{kind: Insert, b1: len(b)}
			if x.i >= 0 {
				s = span{kind: Delete, a1: len(a)}
			}
			row.Ops = build(a, b, []span{s})
			row.Stats = statsOf(a, b, []span{s})
		}
		rows = append(rows, row)
	}
	return rows
}

// A paragraph is a run of tokens between paragraph breaks.
type paragraph struct {
	toks     []token
	start    int // where toks start in the text's tokens
	label    string
	labelLen int // tokens of the label ("3", "." or "(", "a", ")"), left out of bag
	words    int
	ids      []int32 // token ids in order (their runes), for move similarity
	bag      []int32 // sorted word ids, for alignment similarity
}

// paragraphs splits toks at paragraph breaks and labels each paragraph.
func paragraphs(toks []token) []paragraph {
	var ps []paragraph
	number := "" // the last paragraph number seen
	start := 0
	for k := 0; k <= len(toks); k++ {
		if k < len(toks) && toks[k].kind != pbreak {
			continue
		}
		if k > start {
			p := paragraph{toks: toks[start:k], start: start, words: countWords(toks[start:k])}
			p.label, p.labelLen, number = label(p.toks, number)
			ps = append(ps, p)
		}
		start = k + 1
	}
	return ps
}

// label returns the label of the paragraph toks, the number of tokens it
// takes, and the paragraph number in force after the paragraph.
func label(toks []token, number string) (string, int, string) {
	if len(toks) >= 2 && toks[0].kind == word && isNumber(toks[0].text) && (toks[1].key() == "." || toks[1].key() == ")") {
		return toks[0].text, 2, toks[0].text
	}
	if len(toks) >= 3 && toks[0].key() == "(" && toks[1].kind == word && toks[2].key() == ")" && !toks[2].spaced && !toks[1].spaced {
		return number + "(" + toks[1].text + ")", 3, number
	}
	return "", 0, number
}

// similarity is the Dice coefficient, per mille, of two paragraphs'
// multisets of words; paragraphs without words are similar only when
// they are the same.
func similarity(p, q *paragraph) int {
	if len(p.bag) == 0 || len(q.bag) == 0 {
		if len(p.bag) == 0 && len(q.bag) == 0 && slices.Equal(p.ids, q.ids) {
			return 1000
		}
		return 0
	}
	return 2000 * intersect(p.bag, q.bag) / (len(p.bag) + len(q.bag))
}

// alignParagraphs pairs paragraphs in order, maximising the total weight
// (see rowMinSimilarity), and returns the pairs as (old, new) indices in
// increasing order.
func alignParagraphs(pa, pb []paragraph) [][2]int {
	m, n := len(pa), len(pb)
	if m == 0 || n == 0 {
		return nil
	}
	weight := make([]int, m*n) // 0: may not pair
	for i := range pa {
		for j := range pb {
			sim := similarity(&pa[i], &pb[j])
			same := pa[i].label != "" && pa[i].label == pb[j].label
			switch {
			case same && sim >= rowMinSimilarity:
				weight[i*n+j] = sim + rowNumberBonus
			case same:
				weight[i*n+j] = rowNumberBonus
			case sim >= rowMinSimilarity:
				weight[i*n+j] = sim
			}
		}
	}
	// best[i][j]: the best total for pa[:i] and pb[:j].
	best := make([]int, (m+1)*(n+1))
	at := func(i, j int) int { return i*(n+1) + j }
	for i := 1; i <= m; i++ {
		for j := 1; j <= n; j++ {
			v := max(best[at(i-1, j)], best[at(i, j-1)])
			if w := weight[(i-1)*n+j-1]; w > 0 {
				v = max(v, best[at(i-1, j-1)]+w)
			}
			best[at(i, j)] = v
		}
	}
	var pairs [][2]int
	for i, j := m, n; i > 0 && j > 0; {
		w := weight[(i-1)*n+j-1]
		switch {
		case w > 0 && best[at(i, j)] == best[at(i-1, j-1)]+w:
			pairs = append(pairs, [2]int{i - 1, j - 1})
			i, j = i-1, j-1
		case best[at(i, j)] == best[at(i-1, j)]:
			i--
		default:
			j--
		}
	}
	slices.Reverse(pairs)
	return pairs
}
