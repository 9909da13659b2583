package markdown

import (
	"travaux/generator/model"
	"travaux/generator/source"
)

// locator maps byte offsets inside a model.Text (goldmark's Node.Pos) to
// positions in the content file the text came from, so errors and
// paragraphs point where the author looks.
type locator struct {
	base source.Pos
	idx  *source.LineIndex
}

func newLocator(t model.Text) locator {
	return locator{base: t.Pos, idx: source.NewLineIndex(t.Pos.File, []byte(t.Source))}
}

// pos converts off. Lines past the first add to the text's line; on the
// first line, columns add to the text's column. An unknown offset (-1) or
// an unknown base line gives the text's own position: better a coarse
// position than a wrong one.
func (l locator) pos(off int) source.Pos {
	if off < 0 || l.base.Line == 0 {
		return l.base
	}
	p := l.idx.Pos(off)
	out := source.Pos{File: l.base.File, Line: l.base.Line + p.Line - 1, Col: p.Col}
	if p.Line == 1 {
		out.Col = 0
		if l.base.Col > 0 {
			out.Col = l.base.Col + p.Col - 1
		}
	}
	return out
}

// col returns the column (from 1) of off within the text itself, for
// advice such as "indent it by 3 spaces".
func (l locator) col(off int) int {
	if off < 0 {
		return 1
	}
	return l.idx.Pos(off).Col
}
