package markdown

import (
	"slices"
	"strings"
	"unicode/utf8"

	"travaux/generator/model"
)

// termSet finds the uses of defined terms in a string: case-insensitive,
// whole words, with an optional plural "s" or "es"; where two terms start
// at the same place the longer wins ("traffic data" over "data"), and
// leftmost uses win over later overlapping ones.
type termSet struct {
	terms []model.Term
	lower []string // lowerASCII of each term, longest first, same order as terms
}

func newTermSet(terms []model.Term) *termSet {
	ts := &termSet{}
	for _, t := range terms {
		if strings.TrimSpace(t.Term) != "" {
			ts.terms = append(ts.terms, t)
		}
	}
	slices.SortStableFunc(ts.terms, func(a, b model.Term) int { return len(b.Term) - len(a.Term) })
	for _, t := range ts.terms {
		ts.lower = append(ts.lower, lowerASCII(strings.Join(strings.Fields(t.Term), " ")))
	}
	return ts
}

// lowerASCII lower-cases ASCII letters only, so byte offsets stay the same.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// termUse is one use of a term in a string.
type termUse struct {
	start, end int
	term       model.Term
}

// find returns the uses in s that lie outside the spans already taken
// (citations), in order.
func (ts *termSet) find(s string, taken []found) []termUse {
	if ts == nil || len(ts.terms) == 0 {
		return nil
	}
	low := lowerASCII(s)
	var out []termUse
	next := 0 // index into taken
	for i := 0; i < len(s); {
		for next < len(taken) && taken[next].end <= i {
			next++
		}
		if next < len(taken) && taken[next].start <= i {
			i = taken[next].end
			continue
		}
		if !termStart(s, i) {
			i++
			continue
		}
		limit := len(s)
		if next < len(taken) {
			limit = taken[next].start
		}
		matched := false
		for k, t := range ts.lower {
			if !strings.HasPrefix(low[i:limit], t) {
				continue
			}
			end := i + len(t)
			for _, plural := range []string{"es", "s", ""} {
				if strings.HasPrefix(low[end:limit], plural) && termEnd(s, end+len(plural)) {
					end += len(plural)
					out = append(out, termUse{start: i, end: end, term: ts.terms[k]})
					matched = true
					break
				}
			}
			if matched {
				i = end
				break
			}
		}
		if !matched {
			i++
		}
	}
	return out
}

// termStart reports whether a word starts at byte i of s.
func termStart(s string, i int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if isWordRune(r) {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

// termEnd reports whether a word ends at byte i of s.
func termEnd(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(r) && r != '-'
}
