package diff

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// tokenKind classifies a token.
type tokenKind uint8

const (
	word   tokenKind = iota // letters, digits and marks, with inner hyphens and apostrophes
	punct                   // any other single non-space character
	pbreak                  // a paragraph break; its text is always "\n\n"
)

// paragraphBreak is the text of every paragraph-break token in normalised
// text.
const paragraphBreak = "\n\n"

// A token is one unit of comparison. Two tokens are equal when their keys
// are; text and space are kept so that ops can give back the text as
// written. The key is computed when asked for, since it is the text
// itself but for the few tokens with a variant to fold: tokens are the
// bulk of a comparison's memory, and a token without a second string is
// smaller and quicker for the garbage collector to scan.
type token struct {
	text   string // as written, after NFC
	spaced bool   // a space before the token: all the whitespace there was, folded (never for breaks)
	folded bool   // key differs from text: a typographic variant to fold, or a capital
	kind   tokenKind
}

// Normalize returns s as the ops of Words and Rows give it back: invalid
// UTF-8 replaced by U+FFFD, Unicode NFC, leading and trailing whitespace
// removed, each paragraph break written as one blank line ("\n\n"), and
// every other run of whitespace (spaces, tabs, single line breaks,
// no-break spaces) written as one space.
//
// A paragraph break is a blank line, or a line break followed by a line
// that starts with a paragraph number ("2. ", "2) ") or a subparagraph
// letter or numeral ("(a) ", "(iv) ").
func Normalize(s string) string {
	return join(tokenize(s))
}

// join gives back the normalised text of a token slice.
func join(toks []token) string {
	n := 0
	for _, t := range toks {
		n += len(t.text)
		if t.spaced {
			n++
		}
	}
	var b strings.Builder
	b.Grow(n)
	for _, t := range toks {
		if t.spaced {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// tokenize splits s into words, punctuation and paragraph breaks, after
// replacing invalid UTF-8 and applying NFC. Whitespace is not a token: it
// is folded into the space of the token after it, so that it can never be
// a change.
func tokenize(s string) []token { return tokenizeInto(nil, s) }

// tokenizeInto is tokenize, appending to buf[:0] when it has room.
func tokenizeInto(buf []token, s string) []token {
	if !isASCII(s) {
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		if !norm.NFC.IsNormalString(s) {
			s = norm.NFC.String(s)
		}
	}
	// Most tokens have a space before them; punctuation adds some more.
	toks := buf[:0]
	if n := strings.Count(s, " ")*5/4 + strings.Count(s, "\n") + 16; cap(toks) < n {
		toks = make([]token, 0, n)
	}
	sawSpace := false // whitespace since the last token
	newlines := 0     // line breaks in that whitespace
	separator := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isSpace(r) {
			sawSpace = true
			switch r {
			case '\r':
				if !strings.HasPrefix(s[i+size:], "\n") {
					newlines++
				}
			case '\n', '\v', '\f', '\u0085', '\u2028':
				newlines++
			case '\u2029':
				separator = true
			}
			i += size
			continue
		}
		spaced := false
		if sawSpace && len(toks) > 0 {
			if separator || newlines >= 2 || newlines == 1 && startsParagraph(s[i:]) {
				toks = append(toks, token{text: paragraphBreak, kind: pbreak})
			} else {
				spaced = true
			}
		}
		sawSpace, newlines, separator = false, 0, false

		if !isWordRune(r) {
			text := s[i : i+size]
			toks = append(toks, token{text: text, spaced: spaced, folded: quoteKey(text) != text, kind: punct})
			i += size
			continue
		}
		j := i + size
		last := r                  // the last rune of the word so far
		ascii := r < utf8.RuneSelf // no variant for foldKey to fold
		upper := 'A' <= r && r <= 'Z'
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf && asciiWord[c] {
				upper = upper || 'A' <= c && c <= 'Z'
				j++
				last = rune(c)
				continue
			}
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if r2 >= utf8.RuneSelf {
				ascii = false
			}
			if isWordRune(r2) {
				j += n2
				last = r2
				continue
			}
			if isJoiner(r2) || isDigit(last) && (r2 == '.' || r2 == ',') {
				r3, n3 := utf8.DecodeRuneInString(s[j+n2:])
				if isWordRune(r3) && (isJoiner(r2) || isDigit(r3)) {
					j += n2 + n3
					last = r3
					ascii = ascii && r3 < utf8.RuneSelf
					continue
				}
			}
			if r2 == '\u00AD' { // soft hyphen: invisible, part of the word
				j += n2
				continue
			}
			break
		}
		text := s[i:j]
		folded := upper || !ascii && (strings.ContainsAny(text, foldable) || strings.ToLower(text) != text)
		toks = append(toks, token{text: text, spaced: spaced, folded: folded, kind: word})
		i = j
	}
	return toks
}

// isASCII reports whether s is all ASCII, and so valid UTF-8 in NFC.
func isASCII(s string) bool {
	for len(s) >= 8 {
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		if w&0x8080808080808080 != 0 {
			return false
		}
		s = s[8:]
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isSpace reports whether r is whitespace. The byte-order mark counts as
// whitespace: it is invisible and never part of the text.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return isSpaceSlow(r)
}

// isSpaceSlow is isSpace beyond ASCII. It is kept out of line so that
// isSpace, called for every character, stays small enough to inline.
//
//go:noinline
func isSpaceSlow(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' }

// asciiSpace marks the ASCII whitespace: space, \t, \n, \v, \f, \r.
var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

// isWordRune reports whether r can be part of a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isWordRuneSlow(r)
}

// isWordRuneSlow is isWordRune beyond ASCII, kept out of line as
// isSpaceSlow is.
//
//go:noinline
func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// asciiWord marks the ASCII letters and digits: isWordRune without the
// Unicode tables, for the common case.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// isDigit reports whether r is an ASCII digit: a decimal point or a
// thousands separator between two of them is part of the number ("2.5",
// "40,000").
func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// isJoiner reports whether r joins two word characters into one word:
// hyphens (Secretary-General) and apostrophes (Party's, Party’s).
func isJoiner(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\'', '\u2019', '\u02BC':
		return true
	}
	return false
}

// foldable are the characters foldKey changes.
const foldable = "\u2019\u02BC\u2010\u2011\u00AD"

// foldKey folds the typographic variants of joiners inside a word, so that
// "Party’s" and "Party's", or a hyphen and a non-breaking hyphen, compare
// equal, and drops soft hyphens.
func foldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '\u2019', '\u02BC':
			b.WriteByte('\'')
		case '\u2010', '\u2011':
			b.WriteByte('-')
		case '\u00AD':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// key is what aligns: the text with typographic variants folded, in
// lower case. Words that differ only in case align, and are then shown
// as changed (see splitCase).
func (t token) key() string {
	if !t.folded {
		return t.text
	}
	if t.kind == punct {
		return quoteKey(t.text)
	}
	return strings.ToLower(t.exact())
}

// exact is what is equal: the text with typographic variants folded.
func (t token) exact() string {
	switch {
	case !t.folded:
		return t.text
	case t.kind == punct:
		return quoteKey(t.text)
	case strings.ContainsAny(t.text, foldable):
		return foldKey(t.text)
	}
	return t.text
}

// quoteKey folds the typographic variants of quotation marks, so that a
// draft typed with straight quotes and its typeset successor compare
// equal: “ ” „ ‟ are ", and ‘ ’ ‚ ‛ standing alone are '. Guillemets are
// left alone: in the languages that use them they are not a variant of
// anything.
func quoteKey(p string) string {
	switch p {
	case "\u201C", "\u201D", "\u201E", "\u201F":
		return `"`
	case "\u2018", "\u2019", "\u201A", "\u201B":
		return "'"
	}
	return p
}

// startsParagraph reports whether a line starting with s opens a numbered
// paragraph ("12. ", "12) ") or a subparagraph ("(a) ", "(iv) ", "(3) ").
func startsParagraph(s string) bool {
	digits := 0
	for digits < len(s) && digits < 4 && '0' <= s[digits] && s[digits] <= '9' {
		digits++
	}
	if digits > 0 {
		return digits < len(s) && (s[digits] == '.' || s[digits] == ')') && spaceOrEnd(s[digits+1:])
	}
	if !strings.HasPrefix(s, "(") {
		return false
	}
	n := 0
	for i, r := range s[1:] {
		if r == ')' {
			return n > 0 && spaceOrEnd(s[1+i+1:])
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) || n == 5 {
			return false
		}
		n++
	}
	return false
}

func spaceOrEnd(s string) bool {
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return isSpace(r)
}

// countWords returns the number of word tokens in toks; punctuation and
// paragraph breaks are not words.
func countWords(toks []token) int {
	n := 0
	for _, t := range toks {
		if t.kind == word {
			n++
		}
	}
	return n
}
