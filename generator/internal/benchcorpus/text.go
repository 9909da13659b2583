package benchcorpus

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A tok is one word of a generated text. A citation ("article 12,
// paragraph 3") is a single fixed token, so edits never break it.
type tok struct {
	w   string
	suf string // punctuation after the word: ",", ".", "; and"
	cat byte   // word category; catFixed is never edited
	cap bool   // written with a capital first letter
}

// segment is a run of words: a paragraph's text, a lead-in or a
// subparagraph.
type segment []tok

func (s segment) appendTo(b []byte) []byte {
	for i, t := range s {
		if i > 0 {
			b = append(b, ' ')
		}
		if t.cap {
			r, n := utf8.DecodeRuneInString(t.w)
			b = utf8.AppendRune(b, unicode.ToUpper(r))
			b = append(b, t.w[n:]...)
		} else {
			b = append(b, t.w...)
		}
		b = append(b, t.suf...)
	}
	return b
}

func (s segment) String() string { return string(s.appendTo(nil)) }

// words counts the words of s, the words of a citation included.
func (s segment) words() int {
	n := 0
	for _, t := range s {
		n += 1 + strings.Count(t.w, " ")
	}
	return n
}

// para is a numbered paragraph: its text, or a lead-in and lettered
// subparagraphs.
type para struct {
	lead segment
	subs []segment
}

// text is an article's wording: its numbered paragraphs in order.
type text []para

func (t text) clone() text {
	out := make(text, len(t))
	for i, p := range t {
		out[i].lead = append(segment(nil), p.lead...)
		for _, s := range p.subs {
			out[i].subs = append(out[i].subs, append(segment(nil), s...))
		}
	}
	return out
}

func (p para) words() int {
	n := p.lead.words()
	for _, s := range p.subs {
		n += s.words()
	}
	return n
}

// render writes t as a Markdown numbered list, each line prefixed with
// indent, with a blank line between blocks and subparagraphs indented to
// sit inside their paragraph's list item.
func (t text) render(b *bytes.Buffer, indent string) {
	var line []byte
	for i, p := range t {
		if i > 0 {
			b.WriteByte('\n')
		}
		num := strconv.Itoa(i+1) + ". "
		line = append(line[:0], indent...)
		line = append(line, num...)
		line = p.lead.appendTo(line)
		b.Write(line)
		b.WriteByte('\n')
		pad := strings.Repeat(" ", len(num))
		for j, s := range p.subs {
			line = append(line[:0], '\n')
			line = append(line, indent...)
			line = append(line, pad...)
			line = append(line, '(', letter(j), ')', ' ')
			line = s.appendTo(line)
			b.Write(line)
			b.WriteByte('\n')
		}
	}
}

func letter(i int) byte { return byte('a' + i) }

// gen makes text from frames with one random source.
type gen struct {
	r    *rand.Rand
	cite func() string // a citation fitting where the text stands
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) pickFrame(frames []frame) frame { return frames[g.r.IntN(len(frames))] }

// sentence picks a frame; frames that cite another provision are taken
// only some of the time, so that an article holds a handful of citations.
func (g *gen) sentence(frames []frame, citeRate float64) segment {
	f := g.pickFrame(frames)
	for f.cites() && g.r.Float64() >= citeRate {
		f = g.pickFrame(frames)
	}
	return g.expand(f)
}

func (f frame) cites() bool {
	for _, p := range f {
		if p.hole && p.word == "cite" {
			return true
		}
	}
	return false
}

// expand fills in a frame. Its first word is capitalised.
func (g *gen) expand(f frame) segment {
	var s segment
	for _, p := range f {
		start := len(s)
		if p.hole {
			s = g.fill(s, p.word)
		} else {
			s = append(s, tok{w: p.word})
		}
		if p.suf != "" && len(s) > start {
			s[len(s)-1].suf += p.suf
		}
	}
	if len(s) > 0 {
		s[0].cap = true
	}
	return s
}

func (g *gen) fill(s segment, hole string) segment {
	switch hole {
	case "n":
		return append(s, tok{w: g.pick(nouns), cat: catNoun})
	case "a":
		return append(s, tok{w: g.pick(adjectives), cat: catAdj})
	case "v":
		return append(s, tok{w: g.pick(verbs), cat: catVerb})
	case "p":
		return append(s, tok{w: g.pick(participles), cat: catPart})
	case "g":
		return append(s, tok{w: g.pick(gerunds), cat: catGerund})
	case "adv":
		return append(s, tok{w: g.pick(adverbs), cat: catAdv})
	case "party":
		for _, w := range parties[g.r.IntN(len(parties))] {
			s = append(s, tok{w: w})
		}
		return s
	case "cite":
		return append(s, tok{w: g.cite()})
	case "pp":
		for _, w := range prepositions[g.r.IntN(len(prepositions))] {
			s = append(s, tok{w: w})
		}
		return g.fill(s, "np")
	case "np":
		switch g.r.IntN(6) {
		case 0, 1:
			s = append(s, tok{w: "the"})
			s = g.fill(s, "a")
			return g.fill(s, "n")
		case 2:
			s = append(s, tok{w: "the"})
			s = g.fill(s, "n")
			s = append(s, tok{w: "of"}, tok{w: "the"})
			s = g.fill(s, "a")
			return g.fill(s, "n")
		case 3:
			s = g.fill(s, "a")
			return g.fill(s, "n")
		case 4:
			s = append(s, tok{w: "the"})
			return g.fill(s, "n")
		default:
			s = append(s, tok{w: "any"})
			s = g.fill(s, "n")
			s = g.fill(s, "p")
			s = append(s, tok{w: "by"}, tok{w: "the"})
			s = g.fill(s, "a")
			return g.fill(s, "n")
		}
	}
	panic("benchcorpus: unknown placeholder {" + hole + "}")
}

// paragraph makes a paragraph of about budget words, or a lead-in with
// subs subparagraphs.
func (g *gen) paragraph(budget, subs int) para {
	const citeRate = 0.35
	if subs == 0 {
		var s segment
		for len(s) == 0 || s.words() < budget {
			s = append(s, g.sentence(sentenceFrames, citeRate)...)
		}
		return para{lead: s}
	}
	p := para{lead: g.sentence(leadInFrames, citeRate)}
	per := (budget - p.lead.words()) / subs
	for i := range subs {
		s := g.sentence(subFrames, citeRate/2)
		for s.words() < per-6 {
			switch g.r.IntN(3) {
			case 0:
				s[len(s)-1].suf += ","
				s = append(s, tok{w: "including"})
				s = g.fill(s, "np")
			case 1:
				s = append(s, tok{w: "or"})
				s = g.fill(s, "np")
			}
			s = g.fill(s, "pp")
		}
		switch {
		case i < subs-2:
			s[len(s)-1].suf += ";"
		case i == subs-2:
			s[len(s)-1].suf += "; and"
		default:
			s[len(s)-1].suf += "."
		}
		p.subs = append(p.subs, s)
	}
	return p
}

// wordsOf lists the words of a category.
func wordsOf(cat byte) []string {
	switch cat {
	case catNoun:
		return nouns
	case catAdj:
		return adjectives
	case catVerb:
		return verbs
	case catPart:
		return participles
	case catGerund:
		return gerunds
	case catAdv:
		return adverbs
	}
	return nil
}

// swap replaces t's word with another of its category.
func (g *gen) swap(t tok) tok {
	list := wordsOf(t.cat)
	for {
		if w := g.pick(list); w != t.w {
			t.w = w
			return t
		}
	}
}

// revise returns the text as an earlier draft might have had it: about
// rate of its editable words changed (a word swapped for another of its
// kind, an adjective or adverb dropped, an adjective added), and now and
// then a paragraph in another place.
func (g *gen) revise(t text, rate float64) text {
	out := t.clone()
	edit := func(s segment) segment {
		var n segment
		for _, tk := range s {
			if tk.cat == catFixed || g.r.Float64() >= rate {
				n = append(n, tk)
				continue
			}
			switch x := g.r.IntN(10); {
			case x < 7:
				n = append(n, g.swap(tk))
			case x < 8 && (tk.cat == catAdj || tk.cat == catAdv) && tk.suf == "" && !tk.cap:
				// dropped
			case tk.cat == catNoun && (len(n) == 0 || n[len(n)-1].cat != catAdj):
				adj := tok{w: g.pick(adjectives), cat: catAdj, cap: tk.cap}
				tk.cap = false
				n = append(n, adj, tk)
			default:
				n = append(n, g.swap(tk))
			}
		}
		return n
	}
	for i := range out {
		out[i].lead = edit(out[i].lead)
		for j := range out[i].subs {
			out[i].subs[j] = edit(out[i].subs[j])
		}
	}
	if len(out) > 2 && g.r.IntN(4) == 0 {
		from := g.r.IntN(len(out))
		to := g.r.IntN(len(out) - 1)
		if to >= from {
			to++
		}
		p := out[from]
		out = append(out[:from], out[from+1:]...)
		out = append(out[:to], append(text{p}, out[to:]...)...)
	}
	return out
}

// editable counts the tokens revise may change, to set its rate.
func (t text) editable() (edit, all int) {
	count := func(s segment) {
		for _, tk := range s {
			all += 1 + strings.Count(tk.w, " ")
			if tk.cat != catFixed {
				edit++
			}
		}
	}
	for _, p := range t {
		count(p.lead)
		for _, s := range p.subs {
			count(s)
		}
	}
	return edit, all
}

// proposal finds a run of words in the adopted text that occurs exactly
// once in body (the rendered text), and returns the paragraph it stands
// in, the run, and the run with one word changed.
func (g *gen) proposal(t text, body string) (on, replace, with string, ok bool) {
	for range 200 {
		pi := g.r.IntN(len(t))
		seg, on := t[pi].lead, strconv.Itoa(pi+1)
		if len(t[pi].subs) > 0 && g.r.IntN(3) > 0 {
			si := g.r.IntN(len(t[pi].subs))
			seg, on = t[pi].subs[si], on+"-"+string(letter(si))
		}
		if len(seg) < 5 {
			continue
		}
		i := g.r.IntN(len(seg) - 4)
		for j := i + 4; j <= len(seg) && j-i <= 14; j++ {
			run := seg[i:j]
			s := run.String()
			if strings.Count(body, s) != 1 {
				continue
			}
			var editable []int
			for k, tk := range run {
				if tk.cat != catFixed {
					editable = append(editable, k)
				}
			}
			if len(editable) == 0 {
				break
			}
			changed := append(segment(nil), run...)
			k := editable[g.r.IntN(len(editable))]
			changed[k] = g.swap(changed[k])
			return on, s, changed.String(), true
		}
	}
	return "", "", "", false
}

// prose makes a few sentences of commentary.
func (g *gen) prose(sentences int) string {
	var b []byte
	for i := range sentences {
		if i > 0 {
			b = append(b, ' ')
		}
		b = g.sentence(summaryFrames, 0.3).appendTo(b)
	}
	return string(b)
}

// title makes a heading: "Preservation of electronic evidence".
func (g *gen) title() string {
	return g.sentence(titleFrames, 0).String()
}
