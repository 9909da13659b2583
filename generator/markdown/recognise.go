package markdown

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"travaux/generator/model"
)

// This file is the grammar of the citations recognised in running text. It
// works on plain strings (the text of a run of Markdown text nodes, soft
// line breaks read as spaces) so that it can be tested and fuzzed without
// goldmark; the AST pass in links.go decides where it may look.
//
// The forms, all case-insensitive:
//
//	article 40                          article 40
//	article 40, paragraph 21            paragraph 21 of article 40
//	article 40, paragraph 21 (b)        paragraph 21 (b), also article 40(21)(b)
//	article 2 (m)                       lettered item (m) of an unnumbered text: "-m"
//	article 40, paragraphs 1 and 2      each paragraph linked
//	articles 14 and 16                  each number linked
//	articles 6, 14, 16 and 24           each number linked
//	articles 7 to 11                    both ends linked; the range is cited
//	paragraph 3 of this article         the article the text stands in
//	paragraph 3 (c) of this article
//	paragraphs 3 and 4 of this article
//	paragraph 1 of article 35
//	paragraph 2                         only in a text that stands in an article
//	chapter IV
//
// What is not a citation: "this Convention" and "this article" on their
// own; numbers without one of the keywords ("40 ratifications", dates); a
// citation followed by "of" and anything but this Convention, the
// Convention, the adopted text or a language version of it ("article 46 of
// the United Nations Convention against Corruption", "paragraph 1 of
// resolution 74/247"); a citation preceded by another instrument's
// acronym or possessive ("UNCAC article 46", "the Covenant's article 19");
// a number followed by a month ("articles 6 and 24 December").

// found is one link the grammar found: the bytes [start, end) of the
// string to link, and what they cite (without position or context fields).
type found struct {
	start, end int
	cite       model.Citation
	noContext  bool // "of this article" outside any article: cannot be linked
}

// recognise returns the citations in s, in order, without overlaps.
// article is the slug of the article the text stands in, or "".
func recognise(s, article string) []found {
	var out []found
	for i := 0; i < len(s); {
		if !wordStart(s, i) {
			i++
			continue
		}
		var got []found
		switch c := s[i] | 0x20; c {
		case 'a':
			got = articleForm(s, i)
		case 'p':
			got = paragraphForm(s, i, article)
		case 'c':
			got = chapterForm(s, i)
		}
		if len(got) > 0 && !foreignBefore(s, i) {
			out = append(out, got...)
			i = got[len(got)-1].end
			continue
		}
		i++
	}
	return out
}

// wordStart reports whether a word can start at i: s[i] is an ASCII letter
// and the character before it is not a letter or digit.
func wordStart(s string, i int) bool {
	c := s[i] | 0x20
	if c < 'a' || c > 'z' {
		return false
	}
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isWordRune(r)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
}

// cursor reads s from i.
type cursor struct {
	s string
	i int
}

// space skips white space (including no-break spaces); it reports whether
// there was any.
func (c *cursor) space() bool {
	start := c.i
	for c.i < len(c.s) {
		r, n := utf8.DecodeRuneInString(c.s[c.i:])
		if !unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' {
			break
		}
		c.i += n
	}
	return c.i > start
}

// word reads w, case-insensitively, as a whole word.
func (c *cursor) word(w string) bool {
	if len(c.s)-c.i < len(w) || !strings.EqualFold(c.s[c.i:c.i+len(w)], w) {
		return false
	}
	if j := c.i + len(w); j < len(c.s) {
		r, _ := utf8.DecodeRuneInString(c.s[j:])
		if isWordRune(r) {
			return false
		}
	}
	c.i += len(w)
	return true
}

// lit reads the literal s.
func (c *cursor) lit(s string) bool {
	if strings.HasPrefix(c.s[c.i:], s) {
		c.i += len(s)
		return true
	}
	return false
}

// number reads an article or paragraph number: one to five digits (a
// collection of treaties, or every draft of a long negotiation, numbers
// its provisions in the thousands), not part of a longer number ("6.2",
// "79/243", "1,000") and not the day of a date ("24 December").
func (c *cursor) number() (int, bool) {
	const maxDigits = 5
	j := c.i
	for j < len(c.s) && j-c.i <= maxDigits && c.s[j] >= '0' && c.s[j] <= '9' {
		j++
	}
	if j == c.i || j-c.i > maxDigits {
		return 0, false
	}
	if j < len(c.s) {
		r, _ := utf8.DecodeRuneInString(c.s[j:])
		if isWordRune(r) {
			return 0, false
		}
		if k := j + 1; k < len(c.s) && strings.ContainsRune(".,/:", r) && c.s[k] >= '0' && c.s[k] <= '9' {
			return 0, false
		}
	}
	after := cursor{c.s, j}
	after.space()
	for _, m := range months {
		if after.word(m) {
			return 0, false
		}
	}
	n, _ := strconv.Atoi(c.s[c.i:j])
	c.i = j
	return n, true
}

var months = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// paren reads "(x)" after optional space: a letter label ("b", "aa") or a
// number ("21"). It returns the label and whether it is a number.
func (c *cursor) paren() (label string, numeric, ok bool) {
	save := c.i
	c.space()
	if !c.lit("(") {
		c.i = save
		return "", false, false
	}
	j := c.i
	for j < len(c.s) && j-c.i < 4 && (c.s[j] >= '0' && c.s[j] <= '9' || (c.s[j]|0x20) >= 'a' && (c.s[j]|0x20) <= 'z') {
		j++
	}
	inner := c.s[c.i:j]
	if j >= len(c.s) || c.s[j] != ')' || inner == "" {
		c.i = save
		return "", false, false
	}
	if n, err := strconv.Atoi(inner); err == nil && len(inner) <= 3 {
		c.i = j + 1
		return strconv.Itoa(n), true, true
	}
	if len(inner) <= 2 && strings.Trim(strings.ToLower(inner), "abcdefghijklmnopqrstuvwxyz") == "" {
		c.i = j + 1
		return strings.ToLower(inner), false, true
	}
	c.i = save
	return "", false, false
}

// letter reads an optional subparagraph letter "(b)" after a paragraph
// number and returns the paragraph id.
func (c *cursor) letter(number string) string {
	save := c.i
	if l, numeric, ok := c.paren(); ok && !numeric {
		return number + "-" + l
	}
	c.i = save
	return number
}

// item is one number of a list, with where it was written.
type item struct {
	start, end int
	id         string // article number, or paragraph id
	through    string // the end of a range that starts here
	sep        string // the separator before it: "", ",", "and", "or", "to"
}

// list reads "N", "N and M", "N, M and P", "N to M" after a plural
// keyword. paragraphs says the items may carry letters. A list whose
// commas never end in "and", "or" or "to" is cut to its first item, so
// "articles 14 and 16, 40 states ..." stops at 16.
func (c *cursor) list(paragraphs bool) []item {
	var items []item
	read := func(sep string) bool {
		start := c.i
		n, ok := c.number()
		if !ok {
			return false
		}
		id := strconv.Itoa(n)
		if paragraphs {
			id = c.letter(id)
		}
		items = append(items, item{start: start, end: c.i, id: id, sep: sep})
		return true
	}
	if !read("") {
		return nil
	}
	for {
		save := c.i
		c.space()
		sep := ""
		switch {
		case c.lit(","):
			sep = ","
			c.space()
			if c.word("and") {
				sep = "and"
			} else if c.word("or") {
				sep = "or"
			}
		case c.word("and"):
			sep = "and"
		case c.word("or"):
			sep = "or"
		case c.word("to"), c.word("through"), c.lit("-"), c.lit("–"):
			sep = "to"
		default:
			c.i = save
		}
		if sep == "" {
			break
		}
		c.space()
		if !read(sep) {
			c.i = save
			break
		}
	}
	last := 0
	for k, it := range items {
		if it.sep == "and" || it.sep == "or" || it.sep == "to" {
			last = k
		}
	}
	items = items[:last+1]
	c.i = items[last].end
	for k := 1; k < len(items); k++ {
		if items[k].sep == "to" {
			items[k-1].through = items[k].id
		}
	}
	return items
}

// articleForm reads a form that starts with "article" or "articles".
func articleForm(s string, i int) []found {
	c := &cursor{s, i}
	switch {
	case c.word("articles"):
		c.space()
		items := c.list(false)
		if len(items) == 0 || !endsClean(s, c.i) {
			return nil
		}
		var out []found
		for k, it := range items {
			f := found{start: it.start, end: it.end, cite: model.Citation{Article: it.id, Through: it.through}}
			if k == 0 {
				f.start = i
			}
			out = append(out, f)
		}
		return out
	case c.word("article"):
	default:
		return nil
	}
	c.space()
	n, ok := c.number()
	if !ok {
		return nil
	}
	art := strconv.Itoa(n)
	// article 40(21)(b), article 40 (21), article 2 (m)
	if l, numeric, ok := c.paren(); ok {
		id := "-" + l
		if numeric {
			id = c.letter(l)
		}
		if !endsClean(s, c.i) {
			return nil
		}
		return []found{{start: i, end: c.i, cite: model.Citation{Article: art, Paragraph: id}}}
	}
	end := c.i
	// article 40, paragraph 21 (b); article 40, paragraphs 1 and 2
	save := c.i
	c.space()
	if c.lit(",") {
		c.space()
		switch {
		case c.word("paragraphs"):
			c.space()
			if items := c.list(true); len(items) > 0 && endsClean(s, c.i) {
				var out []found
				for k, it := range items {
					f := found{start: it.start, end: it.end, cite: model.Citation{Article: art, Paragraph: it.id}}
					if k == 0 {
						f.start = i
					}
					out = append(out, f)
				}
				return out
			}
		case c.word("paragraph"):
			c.space()
			if p, ok := c.number(); ok {
				id := c.letter(strconv.Itoa(p))
				if endsClean(s, c.i) {
					return []found{{start: i, end: c.i, cite: model.Citation{Article: art, Paragraph: id}}}
				}
			}
		}
	}
	c.i = save
	if !endsClean(s, end) {
		return nil
	}
	return []found{{start: i, end: end, cite: model.Citation{Article: art}}}
}

// paragraphForm reads a form that starts with "paragraph" or "paragraphs":
// "of this article", "of article N", or bare in an article's texts.
func paragraphForm(s string, i int, article string) []found {
	c := &cursor{s, i}
	var items []item
	switch {
	case c.word("paragraphs"):
		c.space()
		items = c.list(true)
	case c.word("paragraph"):
		c.space()
		start := c.i
		if n, ok := c.number(); ok {
			items = []item{{start: start, end: c.i, id: c.letter(strconv.Itoa(n))}}
		}
	}
	if len(items) == 0 {
		return nil
	}
	listEnd := c.i
	cite := model.Citation{Article: article, This: true}
	noContext := false
	c.space()
	qualified := false
	if c.word("of") {
		c.space()
		save := c.i
		switch {
		case c.word("this") && c.space() && c.word("article"):
			qualified = true
			noContext = article == ""
		default:
			c.i = save
			if c.word("article") {
				c.space()
				if n, ok := c.number(); ok {
					cite = model.Citation{Article: strconv.Itoa(n)}
					qualified = true
				}
			}
		}
	}
	end := c.i
	if !qualified {
		end = listEnd
		if article == "" {
			return nil
		}
	}
	if !endsClean(s, end) {
		return nil
	}
	var out []found
	for k, it := range items {
		f := found{start: it.start, end: it.end, cite: cite, noContext: noContext}
		f.cite.Paragraph = it.id
		if k == 0 {
			f.start = i
		}
		if k == len(items)-1 {
			f.end = end
		}
		out = append(out, f)
	}
	return out
}

// chapterForm reads "chapter IV".
func chapterForm(s string, i int) []found {
	c := &cursor{s, i}
	if !c.word("chapter") {
		return nil
	}
	c.space()
	j := c.i
	for j < len(s) && strings.IndexByte("IVXLCivxlc", s[j]) >= 0 && j-c.i < 8 {
		j++
	}
	if j == c.i {
		return nil
	}
	if j < len(s) {
		r, _ := utf8.DecodeRuneInString(s[j:])
		if isWordRune(r) {
			return nil
		}
	}
	if !endsClean(s, j) {
		return nil
	}
	return []found{{start: i, end: j, cite: model.Citation{Chapter: strings.ToUpper(s[c.i:j])}}}
}

// endsClean reports whether a citation ending at end is about this
// Convention: it is not followed by "of" and the name of something else.
func endsClean(s string, end int) bool {
	c := &cursor{s, end}
	c.space()
	if !c.word("of") {
		return true
	}
	c.space()
	for _, ours := range [][]string{
		{"this", "Convention"},
		{"the", "present", "Convention"},
		{"the", "Convention"},
		{"the", "United", "Nations", "Convention", "against", "Cybercrime"},
		{"the", "adopted", "text"},
		{"the", "adopted", "Convention"},
		{"the", "Arabic", "text"},
		{"the", "Chinese", "text"},
		{"the", "English", "text"},
		{"the", "French", "text"},
		{"the", "Russian", "text"},
		{"the", "Spanish", "text"},
	} {
		d := &cursor{s, c.i}
		ok := true
		for k, w := range ours {
			if k > 0 {
				d.space()
			}
			if !d.word(w) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if ours[len(ours)-1] != "Convention" {
			return true
		}
		// "the Convention" ends the name unless more of a name follows:
		// "the Convention against Corruption", "the Convention on the
		// Rights of the Child".
		d.space()
		for _, w := range []string{"against", "on", "for", "relating", "concerning", "of"} {
			if d.word(w) {
				return false
			}
		}
		return true
	}
	return false
}

// foreignBefore reports whether the word before i names another
// instrument: an acronym ("UNCAC article 46") or a possessive ("the
// Covenant's article 19"), except this Convention's own.
func foreignBefore(s string, i int) bool {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsSpace(r) && r != '\u00a0' {
			break
		}
		j -= n
	}
	k := j
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:k])
		if !isWordRune(r) && r != '\'' && r != '’' {
			break
		}
		k -= n
	}
	w := s[k:j]
	if w == "" || j == i {
		return false
	}
	if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
		base := strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		return !strings.EqualFold(base, "Convention")
	}
	if len(w) >= 3 && strings.ToUpper(w) == w && strings.ToLower(w) != w {
		return true
	}
	return false
}
