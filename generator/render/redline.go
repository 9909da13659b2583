package render

import (
	"html/template"
	"strconv"
	"strings"

	"travaux/generator/diff"
)

// This file is the one place where render turns diff ops into markup
// (see html.go for the other template.HTML it makes). Every piece of text
// is escaped, as template.HTMLEscapeString does (htmlEscaper) or, in the
// lists of changes, as html/template does (templateEscaper); the only
// markup is the fixed set of elements below, with ids and hrefs this file
// builds from numbers.
//
// The markup, in both views:
//
//	<del>  deleted text:  <del><span class="visually-hidden">deleted: </span>words</del>
//	<ins>  inserted text: <ins><span class="visually-hidden">inserted: </span>words</ins>
//	a move, where the text was:
//	       <del class="move move-from" id="m1-from"><span class="visually-hidden">moved from here: </span>words</del>
//	       <a class="move-link" href="#m1-to">moved to paragraph 4<span aria-hidden="true"> ↓</span></a>
//	and where it went (holding the word diff of the moved text, if it
//	changed on the way):
//	       <ins class="move move-to" id="m1-to"><span class="visually-hidden">moved here: </span>words <del>…</del><ins>…</ins></ins>
//	       <a class="move-link" href="#m1-from">moved from paragraph 2<span aria-hidden="true"> ↑</span></a>
//	a paragraph break inserted or deleted on its own (a paragraph split
//	or two joined):
//	       <ins class="pilcrow"><span class="visually-hidden">inserted: paragraph break</span><span aria-hidden="true">¶</span></ins>
//
// The first element of each change carries the change's id ("c3", or
// "s-c3" in the side-by-side view), which the list of changes links to.
// An element that starts a change keeps the change's id; the move links
// then point at it.

// redlineIDs names the anchors of one view: the inline view uses "c3"
// and "m1-from", the side-by-side view, on the same page, "s-c3" and
// "s-m1-from".
type redlineIDs struct{ prefix string }

func (r redlineIDs) change(n int) string { return r.prefix + "c" + strconv.Itoa(n) }

func (r redlineIDs) move(id int, end string) string {
	return r.prefix + "m" + strconv.Itoa(id) + "-" + end
}

// element is an element the emitter has open (or will open on the next
// text it writes).
type element struct {
	tag, class string
	id         string // written once, on the first opening tag
	hidden     string // the visually hidden prefix, repeated in every paragraph
	opened     bool   // its opening tag is written in the current paragraph
}

// emitter writes redline markup paragraph by paragraph: a paragraph
// break in a text closes the elements open, ends the paragraph and opens
// them again in the next one, so that every paragraph is well formed.
// Elements open lazily, on the first text written inside them, so no
// paragraph ends with an empty <del>.
//
// Its paragraphs are substrings of one builder's string, which grows a
// few times per view rather than once per paragraph and piece of text.
type emitter struct {
	b     strings.Builder
	mark  int // where the current paragraph starts in b
	stack []*element
	paras []template.HTML
}

// newEmitter returns an emitter with room for ops' texts and their
// markup.
func newEmitter(ops []diff.Op) *emitter {
	n := 0
	for _, op := range ops {
		n += len(op.Text) + 64
	}
	e := &emitter{}
	e.b.Grow(n)
	return e
}

func (e *emitter) start(tag, class, id, hidden string) {
	e.stack = append(e.stack, &element{tag: tag, class: class, id: id, hidden: hidden})
}

func (e *emitter) end() {
	el := e.stack[len(e.stack)-1]
	e.stack = e.stack[:len(e.stack)-1]
	if el.opened {
		e.closeTag(el.tag)
	}
}

func (e *emitter) closeTag(tag string) {
	e.b.WriteString("</")
	e.b.WriteString(tag)
	e.b.WriteByte('>')
}

// flushOpen writes the opening tags still pending.
func (e *emitter) flushOpen() {
	for _, el := range e.stack {
		if el.opened {
			continue
		}
		e.b.WriteByte('<')
		e.b.WriteString(el.tag)
		if el.class != "" {
			e.b.WriteString(` class="`)
			e.b.WriteString(el.class)
			e.b.WriteByte('"')
		}
		if el.id != "" {
			e.b.WriteString(` id="`)
			e.b.WriteString(el.id)
			e.b.WriteByte('"')
			el.id = ""
		}
		e.b.WriteByte('>')
		if el.hidden != "" {
			e.b.WriteString(`<span class="visually-hidden">`)
			htmlEscaper.WriteString(&e.b, el.hidden)
			e.b.WriteString(`</span>`)
		}
		el.opened = true
	}
}

// text writes s, escaped; each "\n\n" in it is a paragraph break.
func (e *emitter) text(s string) {
	for i := 0; ; i++ {
		piece, rest, more := strings.Cut(s, "\n\n")
		if i > 0 {
			e.paragraph()
		}
		if piece != "" {
			e.flushOpen()
			htmlEscaper.WriteString(&e.b, piece)
		}
		if !more {
			return
		}
		s = rest
	}
}

// raw writes markup built in this file.
func (e *emitter) raw(html string) {
	e.flushOpen()
	e.b.WriteString(html)
}

// paragraph ends the current paragraph and starts the next, with the
// same elements open (their ids are not repeated).
func (e *emitter) paragraph() {
	for i := len(e.stack) - 1; i >= 0; i-- {
		if e.stack[i].opened {
			e.closeTag(e.stack[i].tag)
			e.stack[i].opened = false
		}
	}
	e.paras = append(e.paras, template.HTML(strings.TrimSpace(e.b.String()[e.mark:])))
	e.mark = e.b.Len()
}

// done ends the last paragraph and returns them all, leaving out empty
// ones.
func (e *emitter) done() []template.HTML {
	for len(e.stack) > 0 {
		e.end()
	}
	e.paragraph()
	var out []template.HTML
	for _, p := range e.paras {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// pilcrow writes a paragraph break inserted or deleted on its own.
func (e *emitter) pilcrow(tag, id string) {
	what := "inserted: paragraph break"
	if tag == "del" {
		what = "deleted: paragraph break"
	}
	e.start(tag, "pilcrow", id, "")
	e.raw(`<span class="visually-hidden">` + what + `</span><span aria-hidden="true">¶</span>`)
	e.end()
}

// moveLink writes the link from one end of a move to the other.
func (e *emitter) moveLink(href, text string, down bool) {
	arrow := " ↑"
	if down {
		arrow = " ↓"
	}
	e.raw(` <a class="move-link" href="#` + href + `">` + template.HTMLEscapeString(text) +
		`<span aria-hidden="true">` + arrow + `</span></a>`)
}

// opMarkup says how to write one op: the id its element carries, and for
// a move the id and wording of the link to its other end.
type opMarkup struct {
	id       string
	linkTo   string // the other end's id
	linkText string // "moved to paragraph 4"
	down     bool   // the other end comes later on the page
}

// writeOp writes op with its markup. Equal ops write the new text's
// wording (Op.Text).
func (e *emitter) writeOp(op diff.Op, m opMarkup) {
	switch op.Kind {
	case diff.Equal:
		e.text(op.Text)
	case diff.Delete, diff.Insert:
		tag, hidden := "del", "deleted: "
		if op.Kind == diff.Insert {
			tag, hidden = "ins", "inserted: "
		}
		if strings.Trim(op.Text, " \n") == "" {
			// A paragraph break on its own: shown, since a split or a
			// join is a change. A deleted break does not break the
			// paragraph it no longer divides.
			e.pilcrow(tag, m.id)
			if op.Kind == diff.Insert {
				e.text(op.Text)
			}
			return
		}
		body, after := spaces(op.Text, e)
		e.start(tag, "", m.id, hidden)
		e.text(body)
		e.end()
		e.text(after)
	case diff.MoveFrom:
		body, after := spaces(op.Text, e)
		e.start("del", "move move-from", m.id, "moved from here: ")
		e.text(body)
		e.end()
		e.text(after)
		e.moveLink(m.linkTo, m.linkText, m.down)
	case diff.MoveTo:
		text, after := op.Text, ""
		if op.Inner == nil {
			text, after = spaces(op.Text, e)
		} else if strings.HasPrefix(op.Text, " ") && op.Inner[0].Kind == diff.Delete {
			// The space before the moved text comes after the words
			// deleted from its start: write one before them too.
			e.text(" ")
		}
		e.start("ins", "move move-to", m.id, "moved here: ")
		if op.Inner == nil {
			e.text(text)
		}
		for _, in := range op.Inner {
			e.writeOp(in, opMarkup{})
		}
		e.end()
		e.text(after)
		e.moveLink(m.linkTo, m.linkText, m.down)
	}
}

// spaces writes the spaces s starts with, and returns the rest of s
// without the spaces it ends with, and those: a space at the edge of a
// deletion or an insertion is written outside it, so that a strike-through
// or an underline starts and ends with a word.
func spaces(s string, e *emitter) (body, after string) {
	body = strings.TrimRight(s, " ")
	after = s[len(body):]
	trimmed := strings.TrimLeft(body, " ")
	if n := len(body) - len(trimmed); n > 0 {
		e.text(body[:n])
	}
	return trimmed, after
}

// markupOps works out the ids and links of a view's ops: changes is the
// change each op belongs to (0 for Equal ops and ends of moves that are
// not counted), where is the paragraph of each op as a reader names it,
// and order the position of each op on the page, to point the arrows.
func markupOps(ops []diff.Op, changes []int, where []string, order []int, ids redlineIDs) []opMarkup {
	out := make([]opMarkup, len(ops))
	seen := map[int]bool{}
	from, to := map[int]int{}, map[int]int{} // move id -> op index
	for i, op := range ops {
		if c := changes[i]; c > 0 && !seen[c] {
			seen[c] = true
			out[i].id = ids.change(c)
		}
		switch op.Kind {
		case diff.MoveFrom:
			from[op.MoveID] = i
		case diff.MoveTo:
			to[op.MoveID] = i
		}
	}
	for i, op := range ops {
		var other int
		var ok bool
		switch op.Kind {
		case diff.MoveFrom:
			other, ok = to[op.MoveID]
			if out[i].id == "" {
				out[i].id = ids.move(op.MoveID, "from")
			}
		case diff.MoveTo:
			other, ok = from[op.MoveID]
			if out[i].id == "" {
				out[i].id = ids.move(op.MoveID, "to")
			}
		default:
			continue
		}
		if !ok {
			continue
		}
		out[i].down = order[other] > order[i]
	}
	// Links need both ends' ids, so a second pass.
	for i, op := range ops {
		var other int
		var ok bool
		verb := ""
		switch op.Kind {
		case diff.MoveFrom:
			other, ok = to[op.MoveID]
			verb = "moved to "
		case diff.MoveTo:
			other, ok = from[op.MoveID]
			verb = "moved from "
		default:
			continue
		}
		if !ok {
			continue
		}
		out[i].linkTo = out[other].id
		switch {
		case where[other] != "":
			out[i].linkText = verb + where[other]
		case out[i].down:
			out[i].linkText = verb + "below"
		default:
			out[i].linkText = verb + "above"
		}
	}
	return out
}

// inlineHTML writes the ops of one comparison as paragraphs, deletions
// and insertions side by side in the text. A text replaced as a whole
// shows the old text, then the new, each in paragraphs of its own.
func inlineHTML(r diff.Result, marks []opMarkup) []template.HTML {
	e := newEmitter(r.Ops)
	for i, op := range r.Ops {
		if r.Replaced && i > 0 && op.Kind == diff.Insert {
			e.paragraph()
		}
		// A deleted paragraph break before deleted or moved text ends
		// the paragraph: the old paragraph after it is shown struck out,
		// as a paragraph of its own, which says enough.
		if op.Kind == diff.Delete && strings.Trim(op.Text, " \n") == "" && i+1 < len(r.Ops) &&
			(r.Ops[i+1].Kind == diff.Delete || r.Ops[i+1].Kind == diff.MoveFrom) &&
			(marks[i].id == "" || marks[i+1].id == "") {
			if marks[i].id != "" {
				marks[i+1].id = marks[i].id
			}
			e.paragraph()
			continue
		}
		e.writeOp(op, marks[i])
	}
	return e.done()
}

// cellHTML writes one side of a side-by-side row: the old side shows
// Equal (in the old text's wording), Delete and MoveFrom ops, the new side
// Equal, Insert and MoveTo ops.
func cellHTML(ops []diff.Op, marks []opMarkup, old bool) template.HTML {
	e := newEmitter(ops)
	for i, op := range ops {
		switch {
		case op.Kind == diff.Equal:
			if old && op.OldText != "" {
				e.text(op.OldText)
			} else {
				e.text(op.Text)
			}
		case old == (op.Kind == diff.Delete || op.Kind == diff.MoveFrom):
			e.writeOp(op, marks[i])
		}
	}
	return template.HTML(strings.Join(htmlStrings(e.done()), " "))
}

func htmlStrings(hs []template.HTML) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = string(h)
	}
	return out
}

// ChangeItems is the list of changes as <li> items, for the template's
// <ol class="change-list">: each is <li><a href="#c3">text</a></li>,
// after a newline. It is made here rather than by a range in the template
// because a comparison lists dozens of changes in each view, and
// html/template would call three escapers per item through reflection:
// on a large edition that was a tenth of the build. The hrefs are the
// anchors this file makes; the texts are escaped as html/template would.
func (v CompareView) ChangeItems() template.HTML {
	var b strings.Builder
	for _, c := range v.Changes {
		b.WriteString(`
<li><a href="`)
		templateEscaper.WriteString(&b, c.URL)
		b.WriteString(`">`)
		templateEscaper.WriteString(&b, c.Text)
		b.WriteString(`</a></li>`)
	}
	return template.HTML(b.String())
}

// htmlEscaper escapes text for HTML as template.HTMLEscapeString does,
// but writes it where it goes instead of making a string of it.
var htmlEscaper = strings.NewReplacer(
	"\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;",
)

// templateEscaper escapes text for HTML as html/template does, so that a
// list made here reads byte for byte as the template made it (it differs
// from template.HTMLEscapeString in escaping "+").
var templateEscaper = strings.NewReplacer(
	"\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;",
)
