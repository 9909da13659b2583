package render

import (
	"html/template"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"travaux/generator/diff"
	"travaux/generator/model"
)

// Compare pages set two texts of one article side by side, word by word.
//
// # The texts of an article
//
// An article's texts, each with an id used in URLs:
//
//	adopted      the adopted text (the article's body; for the title
//	             provision with an empty body, the convention's title and
//	             subtitle, which is where the edition records them)
//	<version>    its wording in an earlier negotiating text, by the
//	             version's id: rev3, l15
//	proposal-3   the wording a history entry asked for, numbered as the
//	             entry is on the article page (#entry-3), and named by
//	             its kind (a "decision" with wording is decision-5):
//	             its `wording:`, or its `edits:` applied to its base text
//
// Texts are compared in the Markdown source the author wrote: treaty
// texts are plain text in numbered paragraphs, which is what package
// diff reads.
//
// # Pages
//
// Every pair of texts gets one comparison, in one direction only, so the
// number of pages grows with the pairs, not with their orderings: the
// earlier text is the old side, in the order versions (oldest first, as
// versions.yaml lists them), then the adopted text, then proposals (in
// the order of the history). A proposal is thus always shown as changes
// to the adopted text or to an earlier version, which is how proposals
// are made. Each comparison has two URLs, one per view:
//
//	/articles/65/compare/adopted..proposal-2/         side by side
//	/articles/65/compare/adopted..proposal-2/inline/  inline
//
// Both pages hold both views; the URL says which one shows without
// JavaScript, and the external script compare.js switches between them in
// place and remembers the reader's choice. Under 700 pixels the stylesheet
// shows the inline view whatever the choice. The side-by-side view uses
// diff.Rows (a row per aligned paragraph), the inline view diff.Words;
// each view numbers its own changes, and its summary counts what it shows.

// adoptedID is the id of the adopted text in compare URLs.
const adoptedID = "adopted"

// articleText is one wording of an article that can be compared.
type articleText struct {
	id      string
	label   string // "Adopted text", "Proposal by Mexico", a version's label
	source  string // the wording, as Markdown source
	rank    int    // the order texts compare in: lower is the old side
	link    string // where the article page shows it: "#text", "#version-l15", "#entry-2"
	note    string // a sentence on where the wording comes from, or ""
	entry   int    // for a history entry's wording, its number on the article page
	base    string // for edits, the id of the text they apply to
	partial bool   // holds only some paragraphs of the adopted text
}

// articleTexts returns the texts of a, in compare order.
func (s *site) articleTexts(a *model.Article) []articleText {
	var texts []articleText
	versionIndex := func(id string) int {
		for i, v := range s.c.Versions {
			if v.ID == id {
				return i
			}
		}
		return len(s.c.Versions)
	}
	adoptedRank := len(s.c.Versions) + 1

	adopted := ""
	partial := false
	switch {
	case strings.TrimSpace(a.Body.Source) != "":
		adopted = a.Body.Source
		var nums []int
		if r := s.rendered(a.Body); r != nil {
			nums = r.Numbers()
		}
		partial = partialNote(nums, a.Partial) != ""
	case a.Kind == model.ProvisionTitle && s.c.Convention.Title != "":
		adopted = s.c.Convention.Title
		if s.c.Convention.Subtitle != "" {
			adopted += "\n\n" + s.c.Convention.Subtitle
		}
	}
	if adopted != "" {
		t := articleText{id: adoptedID, label: "Adopted text", source: adopted, rank: adoptedRank, link: "#text", partial: partial}
		if strings.TrimSpace(a.Body.Source) == "" {
			t.link = "/"
			t.note = "The title and subtitle as the convention records them."
		}
		texts = append(texts, t)
	}

	for _, av := range a.Versions {
		if strings.TrimSpace(av.Text.Source) == "" || av.Version.ID == adoptedID {
			continue
		}
		t := articleText{
			id:     av.Version.ID,
			label:  av.Version.ID,
			source: av.Text.Source,
			rank:   versionIndex(av.Version.ID),
			link:   "#version-" + av.Version.ID,
		}
		if v := s.c.Version(av.Version.ID); v != nil {
			t.label = v.Label
			if v.Symbol != "" {
				t.label += " (" + v.Symbol + ")"
			}
		}
		texts = append(texts, t)
	}

	byID := func(id string) *articleText {
		for i := range texts {
			if texts[i].id == id {
				return &texts[i]
			}
		}
		return nil
	}
	var proposals []articleText
	for i, e := range s.timeline(a) {
		n := i + 1
		kind := e.Kind
		if kind == "" {
			kind = "entry"
		}
		t := articleText{
			id:    kind + "-" + strconv.Itoa(n),
			rank:  adoptedRank + n,
			link:  "#entry-" + strconv.Itoa(n),
			entry: n,
		}
		switch {
		case strings.TrimSpace(e.Wording.Source) != "":
			t.source = e.Wording.Source
		case len(e.Edits) > 0:
			baseID := e.Base.ID
			if baseID == "" {
				baseID = adoptedID
			}
			base := byID(baseID)
			if base == nil {
				continue
			}
			t.source = applyEdits(base.source, e.Edits)
			t.base = baseID
			t.partial = base.partial
			if baseID == adoptedID {
				t.note = "The edits asked for, applied to the adopted text."
			} else {
				t.note = "The edits asked for, applied to the " + lowerFirst(base.label) + "."
			}
		default:
			continue
		}
		if e.Reconstructed {
			t.note = strings.TrimSpace(t.note + " The wording is reconstructed from a report, not taken from the proposal document.")
		}
		ent := s.entry(n, e, nil)
		t.label = ent.Heading
		proposals = append(proposals, t)
	}
	// Two proposals by the same delegation get their entry number.
	for i := range proposals {
		for j := range proposals {
			if i != j && proposals[i].label == proposals[j].label {
				proposals[i].label += " (entry " + strconv.Itoa(proposals[i].entry) + ")"
				break
			}
		}
	}
	texts = append(texts, proposals...)
	slices.SortStableFunc(texts, func(x, y articleText) int { return x.rank - y.rank })
	return texts
}

// applyEdits applies edits to base. Each edit's Replace occurs exactly
// once in base (the loader checks), so the edits are placed in base
// before any is applied; one that does not match, or overlaps another, is
// left out.
func applyEdits(base string, edits []*model.Edit) string {
	type at struct {
		i int
		e *model.Edit
	}
	var found []at
	for _, e := range edits {
		if e.Replace == "" {
			continue
		}
		if i := strings.Index(base, e.Replace); i >= 0 {
			found = append(found, at{i, e})
		}
	}
	slices.SortStableFunc(found, func(x, y at) int { return x.i - y.i })
	var b strings.Builder
	last := 0
	for _, f := range found {
		if f.i < last {
			continue
		}
		b.WriteString(base[last:f.i])
		b.WriteString(f.e.With)
		last = f.i + len(f.e.Replace)
	}
	b.WriteString(base[last:])
	return b.String()
}

// comparison is one pair of texts, old side first.
type comparison struct{ old, new *articleText }

// comparisons returns every pair of texts once, the old side being the
// one that comes first in texts.
func comparisons(texts []articleText) []comparison {
	var out []comparison
	for i := range texts {
		for j := i + 1; j < len(texts); j++ {
			out = append(out, comparison{&texts[i], &texts[j]})
		}
	}
	return out
}

// compareURL is the page comparing old and new: side by side, or inline.
func compareURL(a *model.Article, old, new string, inline bool) string {
	u := articleURL(a) + "compare/" + old + ".." + new + "/"
	if inline {
		u += "inline/"
	}
	return u
}

// ComparePage is /articles/N/compare/A..B/ (side by side) and
// /articles/N/compare/A..B/inline/: two texts of an article, word by word.
type ComparePage struct {
	Base
	Heading   string // "Adopted text and proposal by Mexico"
	Article   Link   // the article page, by its heading
	Old, New  CompareText
	View      string // "side" or "inline": the view this URL shows without JavaScript
	SideURL   string
	InlineURL string
	Notice    string // a caution about what the comparison can show, or ""
	Picker    []CompareOption
	Pairs     []ComparePair // every comparison of the article, for readers without JavaScript
	Script    string        // URL of compare.js; "" when the templates have none
	Side      CompareView
	Inline    CompareView
	// Views is both views as HTML, made once for the pair's two pages
	// from the template "compare-views"; empty when the templates do not
	// define it, and then the page template shows Side and Inline itself.
	Views template.HTML
}

// CompareText is one side of a comparison.
type CompareText struct {
	ID    string
	Label string
	URL   string // where the article page shows it
	Note  string
}

// CompareOption is a text in the pickers.
type CompareOption struct {
	ID       string
	Label    string
	Old, New bool // selected as the old or the new side
}

// ComparePair is a link to one comparison.
type ComparePair struct {
	URL     string // side by side
	OldID   string
	NewID   string
	Text    string // "Adopted text and proposal by Mexico"
	Current bool
}

// CompareView is one view of a comparison.
type CompareView struct {
	Summary  string // "1 change: 1 word deleted, 1 inserted."
	Replaced bool   // rewritten beyond a word-by-word comparison
	Changes  []Link // the numbered list: "#c1", "Paragraph 1: “fortieth” replaced by “sixtieth”"
	// Paragraphs is the inline view's text; Rows the side-by-side view's.
	Paragraphs []template.HTML
	Rows       []CompareRow
}

// CompareRow is a row of the side-by-side view: a paragraph and its
// counterpart.
type CompareRow struct {
	Old, New           template.HTML
	OldEmpty, NewEmpty bool
	Replaced           bool
}

// comparePages returns the compare pages of an article, two per pair of
// texts (side by side, then inline), pairs in the order comparisons
// gives them.
func (s *site) comparePages(a *model.Article) []*ComparePage {
	texts := s.articleTexts(a)
	pairs := comparisons(texts)
	if len(pairs) == 0 {
		return nil
	}
	heading := articleHeading(a)
	script := ""
	if s.assets.has(compareJSName) {
		script, _ = s.assets.URL(compareJSName)
	}
	var all []ComparePair
	for _, p := range pairs {
		all = append(all, ComparePair{
			URL:   compareURL(a, p.old.id, p.new.id, false),
			OldID: p.old.id,
			NewID: p.new.id,
			Text:  pairHeading(p),
		})
	}
	var out []*ComparePage
	for k, p := range pairs {
		inlineView, sideView := s.views.compare(p.old.source, p.new.source)
		for _, inline := range []bool{false, true} {
			u := compareURL(a, p.old.id, p.new.id, inline)
			title := heading + ": " + lowerFirst(pairHeading(p))
			desc := "The " + lowerFirst(p.old.label) + " and the " + lowerFirst(p.new.label) + " of " + lowerFirst(heading) + ", compared word by word."
			pg := &ComparePage{
				Base:      s.base(u, title, desc),
				Heading:   pairHeading(p),
				Article:   Link{URL: articleURL(a), Text: heading},
				Old:       s.compareText(a, p.old),
				New:       s.compareText(a, p.new),
				View:      "side",
				SideURL:   compareURL(a, p.old.id, p.new.id, false),
				InlineURL: compareURL(a, p.old.id, p.new.id, true),
				Script:    script,
				Side:      sideView,
				Inline:    inlineView,
			}
			if inline {
				pg.View = "inline"
			}
			if p.old.partial != p.new.partial {
				pg.Notice = "This edition holds only part of the adopted text. Paragraphs it does not hold show as deleted or inserted here, although the adopted text may well have them."
			}
			for _, t := range texts {
				pg.Picker = append(pg.Picker, CompareOption{ID: t.id, Label: t.label, Old: t.id == p.old.id, New: t.id == p.new.id})
			}
			pg.Pairs = slices.Clone(all)
			pg.Pairs[k].Current = true
			out = append(out, pg)
		}
	}
	return out
}

// compareJSName is the script of compare pages, static/compare.js.
const compareJSName = "compare.js"

func pairHeading(p comparison) string {
	return p.old.label + " and " + lowerFirst(p.new.label)
}

func (s *site) compareText(a *model.Article, t *articleText) CompareText {
	u := t.link
	if strings.HasPrefix(u, "#") {
		u = articleURL(a) + u
	}
	return CompareText{ID: t.id, Label: t.label, URL: u, Note: t.note}
}

// lowerFirst lower-cases the first letter of a label for use inside a
// sentence ("Proposal by Mexico" -> "proposal by Mexico"), unless the
// label starts with an abbreviation ("UN draft").
func lowerFirst(s string) string {
	rs := []rune(s)
	if len(rs) == 0 || !unicode.IsUpper(rs[0]) || len(rs) > 1 && unicode.IsUpper(rs[1]) {
		return s
	}
	rs[0] = unicode.ToLower(rs[0])
	return string(rs)
}

// compareViews compares two texts for both views.
func compareViews(old, new string) (inline, side CompareView) {
	words, rows := diff.Compare(old, new)
	return inlineView(words), sideView(rows)
}

// viewMemo keeps comparisons between the preview's builds: a comparison
// depends on nothing but its two texts, and most of an edition's texts do
// not change from one save to the next. It holds the pairs used by the
// last build and the current one, so it never grows past one edition.
// The views are shared, never modified, by the pages that show them.
type viewMemo struct {
	mu        sync.Mutex
	last, cur map[[2]string][2]CompareView
}

func newViewMemo() *viewMemo {
	return &viewMemo{last: map[[2]string][2]CompareView{}, cur: map[[2]string][2]CompareView{}}
}

// compare is compareViews through the memo; a nil memo computes.
func (m *viewMemo) compare(old, new string) (inline, side CompareView) {
	if m == nil {
		return compareViews(old, new)
	}
	key := [2]string{old, new}
	m.mu.Lock()
	v, ok := m.cur[key]
	if !ok {
		v, ok = m.last[key]
	}
	m.mu.Unlock()
	if !ok {
		v[0], v[1] = compareViews(old, new)
	}
	m.mu.Lock()
	m.cur[key] = v
	m.mu.Unlock()
	return v[0], v[1]
}

// rotate ends a build: its pairs become the ones kept.
func (m *viewMemo) rotate() {
	m.mu.Lock()
	m.last, m.cur = m.cur, map[[2]string][2]CompareView{}
	m.mu.Unlock()
}

// inlineView is the one-column view of a comparison.
func inlineView(r diff.Result) CompareView {
	ops := r.Ops
	oldParas := newParaLabels(diff.Old(ops))
	newParas := newParaLabels(diff.New(ops))
	where := make([]string, len(ops))
	order := make([]int, len(ops))
	oldOff, newOff := 0, 0
	for i, op := range ops {
		order[i] = i
		switch op.Kind {
		case diff.Delete, diff.MoveFrom:
			where[i] = oldParas.at(oldOff + leading(op.Text))
			oldOff += len(op.Text)
		case diff.Insert, diff.MoveTo:
			where[i] = newParas.at(newOff + leading(op.Text))
			newOff += len(op.Text)
		case diff.Equal:
			where[i] = newParas.at(newOff + leading(op.Text))
			newOff += len(op.Text)
			if op.OldText != "" {
				oldOff += len(op.OldText)
			} else {
				oldOff += len(op.Text)
			}
		}
	}
	changes, n := changeRuns(ops, nil)
	marks := markupOps(ops, changes, where, order, redlineIDs{})
	v := CompareView{
		Replaced:   r.Replaced,
		Paragraphs: inlineHTML(r, marks),
		Changes:    changeList(ops, changes, where, n, redlineIDs{}),
	}
	v.Summary = summary(r.Stats, len(v.Changes), r.Replaced, moveNotes(ops, where, oldParas))
	return v
}

// sideView is the side-by-side view of a comparison.
func sideView(rows []diff.Row) CompareView {
	size := 0
	for _, row := range rows {
		size += len(row.Ops)
	}
	ops := make([]diff.Op, 0, size)
	where := make([]string, 0, size)
	order, rowOf := make([]int, 0, size), make([]int, 0, size)
	var st diff.Stats
	for k, row := range rows {
		for _, op := range row.Ops {
			ops = append(ops, op)
			order = append(order, k)
			rowOf = append(rowOf, k)
			if op.Kind == diff.Delete || op.Kind == diff.MoveFrom {
				where = append(where, rowLabel(row.OldNumber))
			} else {
				where = append(where, rowLabel(row.NewNumber))
			}
		}
		st.Inserted += row.Stats.Inserted
		st.Deleted += row.Stats.Deleted
		st.Moved += row.Stats.Moved
	}
	changes, n := changeRuns(ops, rowOf)
	ids := redlineIDs{prefix: "s-"}
	marks := markupOps(ops, changes, where, order, ids)
	v := CompareView{Changes: changeList(ops, changes, where, n, ids), Rows: make([]CompareRow, 0, len(rows))}
	i := 0
	for _, row := range rows {
		m := marks[i : i+len(row.Ops)]
		v.Rows = append(v.Rows, CompareRow{
			Old:      cellHTML(row.Ops, m, true),
			New:      cellHTML(row.Ops, m, false),
			OldEmpty: row.Old == "",
			NewEmpty: row.New == "",
			Replaced: row.Replaced,
		})
		i += len(row.Ops)
	}
	var moves []string
	for _, row := range rows {
		if row.MoveID != 0 && row.New != "" {
			moves = append(moves, movedParagraph(rowLabel(row.NewNumber), findMoveFrom(rows, row.MoveID)))
		}
	}
	v.Summary = summary(st, len(v.Changes), false, moves)
	return v
}

func findMoveFrom(rows []diff.Row, id int) string {
	for _, r := range rows {
		if r.MoveID == id && r.Old != "" {
			return rowLabel(r.OldNumber)
		}
	}
	return ""
}

func movedParagraph(to, from string) string {
	switch {
	case from != "" && to != "" && from != to:
		return from + " moved (now " + to + ")"
	case from != "":
		return from + " moved"
	}
	return "a paragraph moved"
}

// changeRuns numbers the changes of ops, as diff.Stats counts them: a
// change is a maximal run of ops other than Equal (within one row, when
// rowOf gives each op's row), except a run that is only the place moved
// text left, with nothing else deleted or inserted beside it but
// punctuation or paragraph breaks. It returns each op's change (0 for
// none) and the number of changes.
func changeRuns(ops []diff.Op, rowOf []int) ([]int, int) {
	out := make([]int, len(ops))
	n := 0
	for i := 0; i < len(ops); {
		if ops[i].Kind == diff.Equal {
			i++
			continue
		}
		j := i
		counts, hasFrom := false, false
		for j < len(ops) && ops[j].Kind != diff.Equal && (rowOf == nil || rowOf[j] == rowOf[i]) {
			switch ops[j].Kind {
			case diff.MoveFrom:
				hasFrom = true
			case diff.MoveTo:
				counts = true
			case diff.Insert, diff.Delete:
				counts = counts || hasWord(ops[j].Text)
			}
			j++
		}
		if counts || !hasFrom {
			n++
			for k := i; k < j; k++ {
				out[k] = n
			}
		}
		i = j
	}
	return out, n
}

// hasWord reports whether s holds a word: a letter, digit or mark, as
// package diff counts words.
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
	}) >= 0
}

// changeList is the numbered list of a view's changes, each linking to
// where it starts.
func changeList(ops []diff.Op, changes []int, where []string, n int, ids redlineIDs) []Link {
	out := make([]Link, 0, n)
	fromWhere := map[int]string{}
	for i, op := range ops {
		if op.Kind == diff.MoveFrom {
			fromWhere[op.MoveID] = where[i]
		}
	}
	type change struct {
		del, ins []string
		moved    *diff.Op
		loc      string
	}
	chs := make([]change, n+1)
	for i, op := range ops {
		c := &chs[changes[i]]
		if changes[i] == 0 {
			continue
		}
		if c.loc == "" && hasWord(op.Text) {
			c.loc = where[i]
		}
		switch op.Kind {
		case diff.Delete:
			c.del = append(c.del, op.Text)
		case diff.Insert:
			c.ins = append(c.ins, op.Text)
		case diff.MoveTo:
			c.moved = &ops[i]
			c.loc = where[i]
		}
	}
	for c := 1; c <= n; c++ {
		ch := chs[c]
		d, s := strings.Join(ch.del, " "), strings.Join(ch.ins, " ")
		var text string
		switch {
		case ch.moved != nil:
			text = "moved"
			if f := fromWhere[ch.moved.MoveID]; f != "" {
				text += " from " + f
			}
			if ch.moved.Inner != nil {
				text += ", with changes"
			}
			text += ": " + quote(ch.moved.Text)
		case strings.TrimSpace(d) != "" && strings.TrimSpace(s) != "":
			text = quote(d) + " replaced by " + quote(s)
		case strings.Trim(d, " \n") == "" && d != "" && s == "":
			text = "paragraph break deleted: two paragraphs joined"
		case strings.Trim(s, " \n") == "" && s != "" && d == "":
			text = "paragraph break inserted: a paragraph split in two"
		case strings.TrimSpace(d) != "":
			text = quote(d) + " deleted"
		default:
			text = quote(s) + " inserted"
		}
		if ch.loc != "" {
			text = ch.loc + ": " + text
		}
		out = append(out, Link{URL: "#" + ids.change(c), Text: capitalize(text)})
	}
	return out
}

// quote is an excerpt of s in quotation marks: at most a dozen words,
// paragraph breaks shown as spaces.
func quote(s string) string {
	words := strings.Fields(s)
	if len(words) > 12 {
		words = append(words[:10:10], "…")
	}
	return "“" + strings.Join(words, " ") + "”"
}

// summary is the sentence at the top of a view: "3 changes: 2 words
// deleted, 1 inserted; paragraph 2 moved."
func summary(st diff.Stats, changes int, replaced bool, moves []string) string {
	switch {
	case replaced:
		return "Rewritten: the two texts have too little in common for a word-by-word comparison, so the first is shown deleted and the second inserted, as a whole."
	case changes == 0:
		return "No changes: the two texts have the same wording."
	}
	var parts []string
	if st.Deleted > 0 {
		parts = append(parts, count(st.Deleted, "word", "words")+" deleted")
	}
	if st.Inserted > 0 {
		if len(parts) == 0 {
			parts = append(parts, count(st.Inserted, "word", "words")+" inserted")
		} else {
			parts = append(parts, strconv.Itoa(st.Inserted)+" inserted")
		}
	}
	s := count(changes, "change", "changes")
	words := strings.Join(parts, ", ")
	switch {
	case words != "" && len(moves) > 0:
		s += ": " + words + "; " + joinAnd(moves)
	case words != "":
		s += ": " + words
	case len(moves) > 0:
		s += ": " + joinAnd(moves)
	default:
		s += " of punctuation or paragraph breaks"
	}
	return s + "."
}

// moveNotes describes the moves of an inline view for its summary:
// "paragraph 2 moved", or "a passage of 12 words moved".
func moveNotes(ops []diff.Op, where []string, oldParas paraLabels) []string {
	var out []string
	for i, op := range ops {
		if op.Kind != diff.MoveFrom {
			continue
		}
		words := 0
		for _, f := range strings.Fields(op.Text) {
			if hasWord(f) {
				words++
			}
		}
		to := ""
		for k, o := range ops {
			if o.Kind == diff.MoveTo && o.MoveID == op.MoveID {
				to = where[k]
			}
		}
		if where[i] != "" && startsLabelled(op.Text) {
			out = append(out, movedParagraph(to, where[i]))
		} else {
			out = append(out, "a passage of "+count(words, "word", "words")+" moved")
		}
	}
	return out
}

// startsLabelled reports whether moved text starts with a paragraph
// label: a whole paragraph moved, not a sentence.
func startsLabelled(s string) bool {
	s = strings.TrimLeft(s, " \n")
	return paraID(s, "") != ""
}

// leading is the length of the paragraph breaks and spaces that start s.
func leading(s string) int { return len(s) - len(strings.TrimLeft(s, " \n")) }

// paraLabels finds the paragraph at a position of a normalised text
// (paragraphs separated by "\n\n"), named as a reader names it.
type paraLabels struct {
	starts []int
	names  []string // "paragraph 21 (b)", or "" for an unnumbered paragraph
}

func newParaLabels(text string) paraLabels {
	var p paraLabels
	number := ""
	off := 0
	for _, para := range strings.Split(text, "\n\n") {
		id := paraID(para, number)
		if n, _, ok := strings.Cut(id, "-"); ok || id != "" {
			if n != "" {
				number = n
			}
		}
		name := ""
		if id != "" {
			name = paragraphLabel(id)
		}
		p.starts = append(p.starts, off)
		p.names = append(p.names, name)
		off += len(para) + 2
	}
	return p
}

// at names the paragraph holding byte off.
func (p paraLabels) at(off int) string {
	i, found := slices.BinarySearch(p.starts, off)
	if !found {
		i--
	}
	if i < 0 || i >= len(p.names) {
		return ""
	}
	return p.names[i]
}

// paraID returns the id of a paragraph from its label: "12" for "12. …"
// or "12) …", "12-b" for "(b) …" after paragraph 12, "-b" before any
// number, or "" when it has no label.
func paraID(para, number string) string {
	i := 0
	for i < len(para) && i < 4 && '0' <= para[i] && para[i] <= '9' {
		i++
	}
	if i > 0 && i < len(para) && (para[i] == '.' || para[i] == ')') && (i+1 == len(para) || para[i+1] == ' ') {
		return para[:i]
	}
	if strings.HasPrefix(para, "(") {
		if j := strings.IndexByte(para, ')'); j > 1 && j <= 6 && (j+1 == len(para) || para[j+1] == ' ') {
			letter := para[1:j]
			if strings.IndexFunc(letter, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) < 0 {
				return number + "-" + letter
			}
		}
	}
	return ""
}

// rowLabel names a diff.Row paragraph label ("3", "3(a)", "(a)").
func rowLabel(l string) string {
	if l == "" {
		return ""
	}
	num, letter, ok := strings.Cut(l, "(")
	if !ok {
		return paragraphLabel(l)
	}
	return paragraphLabel(num + "-" + strings.TrimSuffix(letter, ")"))
}

// TextItem is one of an article's texts, in the list on its page.
type TextItem struct {
	Label   string
	URL     string // where the text is shown
	Note    string
	Adopted bool
	Compare *Link // to its comparison with the adopted text; nil for the adopted text itself
}

// articleTextItems lists an article's texts for its page, each with a
// link to its comparison with the adopted text.
func (s *site) articleTextItems(a *model.Article, texts []articleText) []TextItem {
	if len(texts) < 2 {
		return nil
	}
	hasAdopted := slices.ContainsFunc(texts, func(t articleText) bool { return t.id == adoptedID })
	var out []TextItem
	for i := range texts {
		t := &texts[i]
		item := TextItem{Label: t.label, URL: t.link, Note: t.note}
		if t.id == adoptedID {
			item.Adopted = true
		} else if hasAdopted {
			item.Compare = &Link{URL: pairURL(a, texts, adoptedID, t.id), Text: "Compare with the adopted text"}
		}
		out = append(out, item)
	}
	return out
}

// pairURL is the side-by-side page comparing texts x and y, in whichever
// order they are compared.
func pairURL(a *model.Article, texts []articleText, x, y string) string {
	ix := slices.IndexFunc(texts, func(t articleText) bool { return t.id == x })
	iy := slices.IndexFunc(texts, func(t articleText) bool { return t.id == y })
	if ix > iy {
		x, y = y, x
	}
	return compareURL(a, x, y, false)
}

// entryRedlines links a history entry with wording of its own to its
// redline against its base text (for edits) and against the adopted text.
func entryRedlines(a *model.Article, texts []articleText, n int) []Link {
	i := slices.IndexFunc(texts, func(t articleText) bool { return t.entry == n })
	if i < 0 {
		return nil
	}
	t := texts[i]
	var out []Link
	if t.base != "" && t.base != adoptedID {
		for _, b := range texts {
			if b.id == t.base {
				out = append(out, Link{URL: pairURL(a, texts, b.id, t.id), Text: "Redline against the " + lowerFirst(b.label)})
			}
		}
	}
	if slices.ContainsFunc(texts, func(t articleText) bool { return t.id == adoptedID }) {
		out = append(out, Link{URL: pairURL(a, texts, adoptedID, t.id), Text: "Redline against the adopted text"})
	}
	return out
}
