package render

import "html/template"

// The view models below are all a template ever sees. Every string is
// already formatted for reading (dates in words, names from the registries,
// counts with their nouns), so templates only lay things out and the
// wording is tested in Go. The only HTML fields are the markdown stage's
// output, passed through html.go.

// Base is embedded in every page: what the shared layout needs.
type Base struct {
	Site        SiteInfo
	Title       string // the <title>: page name, then the site name
	Description string // the meta description
	Path        string // the page's root-absolute URL, e.g. "/articles/65/"
	Canonical   string // absolute URL when Convention.BaseURL is set, else ""
	Stylesheets []string
	Nav         []Link
	Prev, Next  *Link // neighbouring articles, for <link rel> and the pager
	Assets      *Assets
}

// SiteInfo names the edition in the header and footer.
type SiteInfo struct {
	Name   string // the short title, for the header
	Title  string // the full title of the instrument
	Symbol string // e.g. A/RES/79/243
}

// Link is a labelled root-absolute or fragment URL.
type Link struct {
	URL     string
	Text    string
	Current bool // the page being shown; templates mark it aria-current
}

// IndexPage is the home page: the instrument, where it stands, and its
// table of contents.
type IndexPage struct {
	Base
	Heading    string // the title as adopted
	Subtitle   string
	Symbol     string
	Status     template.HTML
	Milestones []Milestone
	Front      []ArticleItem // the title and the preamble
	Chapters   []ChapterItem
	Record     *HomeRecord // the sessions drawn to scale, the topics, the other listings
}

// Milestone is a dated fact about the instrument.
type Milestone struct {
	Date     string // in words: "24 December 2024"
	DateTime string // for <time datetime>: "2024-12-24"
	Text     template.HTML
	Sources  []SourceRef
}

// ChapterItem is one chapter of the contents.
type ChapterItem struct {
	Anchor   string // "chapter-IX", the id on the home page
	Label    string // "Chapter IX"
	Name     string // "Final provisions"
	Articles []ArticleItem
}

// Text states, for the contents' marks.
const (
	TextFull    = "full"
	TextPartial = "partial"
	TextNone    = "none"
)

// ArticleItem is one provision in the contents.
type ArticleItem struct {
	URL             string
	Label           string // "Article 65", or "Preamble" for provisions without a number
	Title           string // "Entry into force"; empty for the title and the preamble
	TitleUnverified bool
	Text            string // TextFull, TextPartial or TextNone
	History         int    // number of history entries
	HistoryLabel    string // "3 history entries", "no history entries"
}

// ArticlePage is one provision: its adopted text, how it came to be, and
// its earlier wordings.
type ArticlePage struct {
	Base
	Heading         string // "Article 65 — Entry into force"
	Chapter         *Link  // to the chapter in the contents; nil for the title and the preamble
	TitleUnverified bool
	Updated         string // in words; empty when not given
	UpdatedISO      string
	Topics          []Link
	Defines         []Definition
	Text            ArticleText
	ByParagraph     []ParagraphHistory
	History         []Entry
	Versions        []VersionText
	Notes           template.HTML
	CitedBy         []CitedByGroup // places that cite the article, by cited paragraph
	CitedByCount    int            // how many places cite it (each counted once), for the contents of the page
	Cite            string         // a copied citation's start: "UN Convention against Cybercrime, art. 40"
	BaseURL         string         // the site's absolute URL without a trailing slash, for copied citations; "" if not configured
	Texts           []TextItem     // the texts compare pages set side by side; empty when fewer than two
}

// Definition is a term the article defines.
type Definition struct {
	Term      string
	Paragraph Link // Text is "paragraph 2 (c)"; URL empty when the paragraph is not in the text
}

// ArticleText is the adopted text and what the edition holds of it.
type ArticleText struct {
	HTML    template.HTML
	Empty   bool   // the body is not included in this edition yet
	Partial string // a sentence saying which paragraphs are included, or ""
	Sources []SourceRef
}

// ParagraphHistory lists the entries keyed to one paragraph, next to the
// text, so a reader at paragraph 2 finds what was said about it.
type ParagraphHistory struct {
	Anchor    string // "history-p2"
	Paragraph Link   // "Paragraph 2" to "#p2"; URL empty when not in the text
	Entries   []Link // to "#entry-N", text summarising the entry
}

// Entry is one event of the negotiation history.
type Entry struct {
	Anchor        string // "entry-3"
	Kind          string // "Proposal", "Interpretive statement"
	Heading       string // "Proposal by Mexico"
	Session       *Session
	Date          string
	DateTime      string
	On            *Link // the paragraph; nil for the article as a whole
	By            []Party
	OnBehalf      *Party
	Supported     []Party
	Opposed       []Party
	Outcome       string // "Not adopted"; empty when none given
	OutcomeClass  string // "adopted", "not-adopted", … for a non-colour cue in CSS
	Summary       template.HTML
	Wording       template.HTML
	EditsBase     string // "the adopted text", or a version's label and symbol
	Edits         []Edit
	Reconstructed bool
	Sources       []SourceRef
	Redlines      []Link // the wording asked for, compared with its base and the adopted text

	onID  string // the paragraph id, for grouping by paragraph
	short string // one line for the list by paragraph
}

// Session is where an entry happened.
type Session struct {
	URL   string // its page
	Name  string
	Dates string // "29 July – 9 August 2024"
	Place string
}

// Party is a delegation as readers know it.
type Party struct {
	Name    string
	URL     string // its page in the record; "" when it has none
	Members []Link // for groups: the members, in registry order

	office bool // an office such as the Chair: "by the Chair of ..." in a sentence
}

// Edit is one exact change asked for, shown as a deletion and an insertion.
type Edit struct {
	Replace string
	With    string // empty: a deletion
}

// SourceRef is a citation, with the kind of source spelled out so readers
// can weigh it.
type SourceRef struct {
	Title     string
	URL       string
	Publisher string
	Date      string
	Kind      string // "official record", "document", "observer report"
	KindClass string // the model's kind id, for CSS
}

// VersionText is the article's wording in an earlier negotiating text.
type VersionText struct {
	Anchor  string // "version-rev3"
	URL     string // the text's own page
	Label   string
	Symbol  string
	Date    string
	Number  string // "article 64 in this text"; empty when the number is the same
	Note    template.HTML
	Text    template.HTML // empty when the wording is not held
	Sources []SourceRef
}

// TextPage is a free page from content/pages.
type TextPage struct {
	Base
	Heading string
	Body    template.HTML
}

// NotFoundPage is 404.html, served for any missing path at any depth.
type NotFoundPage struct {
	Base
}
