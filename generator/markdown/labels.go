package markdown

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// labelRE matches a subparagraph label at the start of a paragraph's text:
// one or two lowercase letters, or a longer roman numeral ((iii), (viii))
// so that third-level items stay with their subparagraph. The label must be
// followed by a space or tab on the same line.
var labelRE = regexp.MustCompile(`^\(([a-z]{1,2}|[ivx]{3,6})\)[ \t]+`)

// leadingLabel returns the label ("b", "iii") that p's text starts with,
// the text node holding it and the number of bytes the label and the
// spaces after it take, or "" if p does not start with a label. Only a
// plain text node counts: a label inside emphasis or code is not one.
func leadingLabel(p *ast.Paragraph, src []byte) (string, *ast.Text, int) {
	tx, ok := p.FirstChild().(*ast.Text)
	if !ok || tx.IsRaw() {
		return "", nil, 0
	}
	m := labelRE.FindSubmatch(tx.Segment.Value(src))
	if m == nil {
		return "", nil, 0
	}
	return string(m[1]), tx, len(m[0])
}

// labelKind is what a label turns out to be in its place in the sequence.
type labelKind int

const (
	notLabel     labelKind = iota // plain text (or a label we do not anchor)
	letter                        // a subparagraph, anchored
	thirdLevel                    // (i), (ii) inside a subparagraph, not anchored
	repeatLetter                  // a letter used before in this paragraph
	outOfOrder                    // a letter, but not the next one
)

// letterSeq follows the letters of one paragraph's subparagraphs.
type letterSeq struct {
	last string
	used map[string]bool
}

// next is the letter expected after last: a, b, ..., z, aa, bb, ..., zz.
func (s *letterSeq) next() string {
	switch l := s.last; {
	case l == "":
		return "a"
	case len(l) == 1 && l < "z":
		return string(l[0] + 1)
	case l == "z":
		return "aa"
	case len(l) == 2 && l[0] == l[1] && l[0] < 'z':
		return strings.Repeat(string(l[0]+1), 2)
	}
	return ""
}

// classify decides what label is, given whether a subparagraph is open
// (inSub), and records letters. The next letter always wins, so (i) after
// (h) is the letter i; otherwise a roman numeral inside a subparagraph is
// a third-level item. A letter is anchored once per paragraph at most, so
// ids stay unique even when the letters run out of order.
func (s *letterSeq) classify(label string, inSub bool) labelKind {
	switch {
	case label == "":
		return notLabel
	case label == s.next() && !s.used[label]:
		s.take(label)
		return letter
	case isRoman(label):
		if inSub {
			return thirdLevel
		}
		return notLabel
	case s.used[label]:
		return repeatLetter
	}
	s.take(label)
	return outOfOrder
}

func (s *letterSeq) take(label string) {
	if s.used == nil {
		s.used = map[string]bool{}
	}
	s.last = label
	s.used[label] = true
}

// isRoman reports whether label is written only with i, v and x: (i),
// (iv), (xii). Good enough to tell third-level items from letters, which
// is all it is used for.
func isRoman(label string) bool {
	return strings.Trim(label, "ivx") == ""
}
