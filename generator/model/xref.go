package model

import "travaux/generator/source"

// Citation is a reference to a provision that the markdown stage found in
// a text: one recognised in the prose ("article 40, paragraph 21 (b)",
// "paragraph 3 of this article", "chapter IV"), an author's explicit link
// ([see here](art:40#p21)), or a use of a defined term. It is data: the
// markdown stage fills it in and asks a resolver where it leads; package
// xref resolves it, checks it and collects it for "cited by".
//
// Article is always absolute: a citation relative to the text it stands in
// ("this article", a bare "paragraph 2" in an article's annotations) has
// the slug of that article and This set.
type Citation struct {
	Text      string // the words linked, as written, soft line breaks as spaces
	Article   string // slug of the cited provision: "40", "preamble"; "" for a chapter
	Paragraph string // paragraph id: "21", "21-b", "-m" (see Paragraph.ID); "" for the whole article
	Through   string // a range "articles 7 to 11": the last article ("11"); the citation covers Article..Through
	Chapter   string // "IV" for "chapter IV"
	This      bool   // written relative to the article the text stands in
	// Version is the negotiating text whose numbering the citation is
	// written in: set for citations inside an earlier version's wording (or
	// a proposed wording based on one), where "article 64" means article 64
	// of that draft. "" for the adopted numbering.
	Version  string
	Explicit bool   // written by the author as an art: link; a wrong one is an error, not a warning
	Term     string // a use of this defined term (as the definition writes it), not a citation
	In       string // the paragraph id of the treaty text the citation stands in ("2", "21-b"); "" in prose
	Pos      source.Pos
}

// Target is where a citation leads, as the resolver decided.
type Target struct {
	// URL is root-absolute ("/articles/40/#p21-b"), or "" when the citation
	// is not linked (a provision this edition does not have).
	URL string
	// Note says why the link does not go exactly where the citation points
	// ("Paragraph 3 of article 40 is not included in this edition; the link
	// goes to the article."), for readers who hover or use a screen reader;
	// "" when it does.
	Note string
}

// Term is a defined term and the provision and paragraph that define it.
type Term struct {
	Term      string // as defined: "information and communications technology system"
	Article   string // slug of the defining article: "2"
	Paragraph string // paragraph id of the definition: "-a", "2-c"; "" when not known
}
