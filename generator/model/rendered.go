package model

import (
	"html/template"

	"travaux/generator/source"
)

// Paragraph is a numbered paragraph or lettered subparagraph of a treaty
// text, as the markdown stage found it.
type Paragraph struct {
	ID     string // "1", "21-b"; a lettered item of an unnumbered text is "-a"
	Anchor string // the HTML id: "p1", "p21-b", "p-a"
	Number int    // 0 for items of an unnumbered text
	Letter string // "" for a whole paragraph
	Text   string // plain text, without the number, for previews, search and diffs
	Pos    source.Pos
}

// Rendered is one Markdown text after the markdown stage.
type Rendered struct {
	HTML template.HTML
	// Paragraphs are the treaty text's paragraphs and subparagraphs in
	// order; empty for prose (summaries, notes, pages).
	Paragraphs []Paragraph
	// Citations are the references to provisions and the uses of defined
	// terms found in the text, in document order, each with its position.
	Citations []Citation
}

// Paragraph returns the paragraph with id ("2", "21-b"), or nil.
func (r *Rendered) Paragraph(id string) *Paragraph {
	for i := range r.Paragraphs {
		if r.Paragraphs[i].ID == id {
			return &r.Paragraphs[i]
		}
	}
	return nil
}

// Numbers returns the paragraph numbers present, in order, without repeats.
func (r *Rendered) Numbers() []int {
	var out []int
	for _, p := range r.Paragraphs {
		if p.Number > 0 && (len(out) == 0 || out[len(out)-1] != p.Number) {
			out = append(out, p.Number)
		}
	}
	return out
}
