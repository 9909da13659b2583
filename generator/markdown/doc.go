// Package markdown is the stage that turns the Markdown authors write into
// HTML: article bodies and earlier versions' texts (Treaty), and history
// summaries, notes, topic introductions and pages (Prose). It is the only
// package that imports goldmark and chroma; every later stage sees
// template.HTML and plain model values.
//
// # Input and output
//
// Both modes take a model.Text (the Markdown and the file position of its
// first character), and with TreatyWith and ProseWith the Options saying
// where it stands, and return HTML plus a source.ErrorList whose positions
// are in file coordinates, so `travaux check` can point at the line an
// author must fix. Markdown itself cannot fail to parse; the errors are
// ours: paragraph numbers out of sequence, subparagraphs that are not where
// the structure needs them, links that are not allowed, malformed art:
// links, "this article" in a text that stands in no article.
//
// Treaty returns a model.Rendered: the HTML inside <div class="treaty-text">,
// and the Paragraphs found, in document order. Each paragraph and lettered
// subparagraph is an element with a stable id (p1, p21-b, p-a) that holds a
// visible permalink to itself showing its number:
//
//	<div class="para" id="p1">
//	<p><a class="pnum" href="#p1" aria-label="Permalink to paragraph 1">1.</a> Each State Party shall:</p>
//	<div class="subpara" id="p1-a">
//	<p><a class="pnum" href="#p1-a" aria-label="Permalink to paragraph 1 (a)">(a)</a> Adopt ...;</p>
//	</div>
//	</div>
//
// # Numbering rules (Treaty)
//
//   - Each item of a top-level ordered list is a paragraph. Its number is the
//     list's start plus the item's index, as CommonMark counts; the number the
//     author wrote on each later item is checked against that count, and so is
//     the first number of a later list against the paragraph before it
//     ("paragraph number 3 out of sequence (expected 4)"). Numbers run on
//     without gaps from the first one, which may be any number (a partial
//     text starting at 21).
//   - Inside a paragraph, a block paragraph (not the first one, which is the
//     lead-in) whose text starts with "(a) ", "(b) ", ... is a subparagraph
//     "N-a". Labels are one or two lowercase letters; after (z) come (aa),
//     (bb), ... A label that is a roman numeral and is not the next letter
//     ((i) after (a), but not (i) after (h)) is a third-level item: it stays
//     inside the subparagraph before it and gets no anchor of its own. Only
//     letters are anchored.
//   - A body with no top-level ordered list is unnumbered (a preamble, a
//     one-paragraph article): it renders as prose, and its top-level
//     lettered paragraphs are anchored p-a, p-b (Paragraph.ID "-a").
//   - Paragraph.Text is the plain text of the whole paragraph without its
//     number, subparagraphs included with their labels, one line per block;
//     a subparagraph's Text is its own text (and its third-level items)
//     without its label.
//
// # Citations and defined terms
//
// Every text is also searched for citations of the treaty's provisions
// ("article 40, paragraph 21 (b)", "paragraphs 1 and 2 of this article",
// "articles 7 to 11", "chapter IV"; the grammar and what is not a
// citation are in recognise.go), for the author's explicit links
// ([see here](art:40#p21)), and for uses of defined terms. The search
// runs on the AST after the treaty pass, over runs of text nodes (soft
// line breaks read as spaces), never inside headings, links, code or
// permalinks, and wraps the words it finds in a link node whose children
// are the original text nodes, so escaping and positions are unchanged.
//
// The markdown stage only recognises. Options say where a text stands:
// the article it belongs to (for "this article", and for a bare
// "paragraph 2" in that article's texts), the earlier version whose
// numbering it uses, and a Linker (package xref) that resolves each
// citation to a model.Target and lists the defined terms. Each citation
// is recorded in Rendered.Citations with its position in the file, so
// xref can check it and collect backlinks. Without a Linker nothing is
// linked. A target with a note (the cited paragraph is not in this
// edition) renders as a link with the note as its title and as visually
// hidden text. A defined term is not linked inside the paragraph that
// defines it.
//
// # What it refuses to do
//
//   - Raw HTML, inline or block, is never passed through and never dropped:
//     it is shown escaped, as the text the author typed.
//   - Links and images whose URL has a scheme other than http, https or
//     mailto (javascript:, data:, vbscript:, ...) are not rendered as links;
//     their text is shown, with a warning.
//   - No inline style attributes or scripts: code is highlighted with chroma
//     CSS classes, and CSS returns the one stylesheet for them.
//   - No typographic replacements (quotes, dashes): treaty wording must stay
//     exact.
//   - It does not decide what a partial text means for the page, nor resolve
//     references to paragraphs (an entry's `on:`); it only reports which
//     paragraphs a text has.
package markdown
