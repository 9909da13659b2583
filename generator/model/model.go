// Package model is the annotated treaty as plain data: the corpus the
// loader builds from content/ and every later stage reads.
//
// It holds no I/O and no Markdown parsing. Values that came from a file
// keep their source.Pos, and every reference from one record to another
// (a delegation id, a session id, a version id) is a Ref that remembers
// where the author wrote it, so a stage that finds it wrong can say where.
// Markdown fields hold the author's source text; the markdown stage turns
// them into HTML.
package model

import (
	"strconv"

	"travaux/generator/source"
)

// Corpus is the whole edition.
type Corpus struct {
	Convention  Convention
	Versions    []*Version    // in file order (oldest first by convention)
	Sessions    []*Session    // in file order
	Delegations []*Delegation // in file order
	Sources     []*Source     // in file order
	Topics      []*Topic      // in file order
	Articles    []*Article    // reading order: title, preamble, then by number
	Pages       []*Page       // by slug

	lookup index // built on first use; see lookup.go
}

// Ref is an id written in content, with the place it was written.
type Ref struct {
	ID  string
	Pos source.Pos
}

// Text is a piece of Markdown written in content, with the position of its
// first character, so that positions inside it (a citation, a paragraph)
// can be mapped back to the file.
type Text struct {
	Source string
	Pos    source.Pos
}

// Convention describes the instrument as a whole (content/convention.yaml).
type Convention struct {
	Title      string       // as adopted
	Subtitle   string       // as adopted
	ShortTitle string       // for citations: "UN Convention against Cybercrime"
	Symbol     string       // e.g. A/RES/79/243
	BaseURL    string       // absolute URL of the published site, for citations and the sitemap; may be empty
	Status     Text         // a short Markdown paragraph on where the treaty stands
	Milestones []*Milestone // adoption, signature, entry into force, in date order
	Chapters   []*Chapter
	Pos        source.Pos
}

// Milestone is a dated fact about the instrument.
type Milestone struct {
	Date    string // YYYY-MM-DD, YYYY-MM or YYYY
	Text    Text
	Sources []Ref
	Pos     source.Pos
}

// Chapter groups articles. ID is its Roman numeral ("IV").
type Chapter struct {
	ID   string
	Name string
	Pos  source.Pos
}

// Version is a negotiating text the history refers to (content/versions.yaml),
// e.g. the third revised draft. The adopted text is the article bodies.
type Version struct {
	ID      string // e.g. "rev3"
	Label   string // e.g. "Third revised draft text"
	Symbol  string // UN document symbol, e.g. A/AC.291/22/Rev.3
	Date    string // YYYY-MM-DD or shorter; may be empty when unknown
	Session Ref    // the session it was prepared for; may be empty
	Note    Text
	Pos     source.Pos
}

// Session is a negotiating session or an intersessional consultation
// (content/sessions.yaml).
type Session struct {
	ID    string
	Name  string
	Kind  string // "session" or "consultation"
	Place string
	Start string // YYYY-MM-DD
	End   string // YYYY-MM-DD
	Pos   source.Pos
}

// Delegation kinds.
const (
	KindState        = "state"        // a UN member state
	KindObserver     = "observer"     // an observer state
	KindOrganisation = "organisation" // e.g. the European Union
	KindGroup        = "group"        // a group of delegations speaking together
	KindOffice       = "office"       // an office of the negotiating body, such as its Chair
)

// Delegation is a state, group or organisation that takes part
// (content/delegations.yaml). States use ISO 3166-1 alpha-3 ids.
type Delegation struct {
	ID      string
	Name    string // short name as the UN lists it
	Kind    string // one of the Kind constants
	Region  string // UN regional group, where it has one
	Members []Ref  // for groups: member delegation ids
	Pos     source.Pos
}

// Source kinds, shown to readers beside each citation.
const (
	SourceOfficialRecord = "official-record" // a UN record of the meeting
	SourceDocument       = "document"        // a UN document: a draft, a proposal, a report
	SourceObserverReport = "observer-report" // a report by an outside observer
)

// Source is where a fact comes from (content/sources.yaml).
type Source struct {
	ID        string
	Title     string
	Kind      string // one of the Source kinds
	Publisher string
	Date      string
	URL       string
	Pos       source.Pos
}

// Topic is a theme that runs across articles (content/topics.yaml).
type Topic struct {
	ID    string
	Name  string
	Intro Text
	Pos   source.Pos
}

// Provision kinds: most files are articles; the title and the preamble
// are provisions too, so they can carry history.
const (
	ProvisionArticle  = "article"
	ProvisionTitle    = "title"
	ProvisionPreamble = "preamble"
)

// Article is one provision (content/articles/*.md). Its body is the
// adopted text; the front matter is everything else.
type Article struct {
	File            string // path relative to the site root
	Kind            string // one of the Provision kinds
	Number          int    // article number; 0 for the title and the preamble
	Title           string
	TitleUnverified bool // the English wording of Title is not confirmed by a source
	Chapter         Ref  // empty for the title and the preamble
	Topics          []Ref
	Partial         bool // the body holds only some paragraphs, even if it starts at 1
	TextSources     []Ref
	Defines         []*Definition
	Versions        []*ArticleVersion
	History         []*Entry
	Notes           Text   // editors' commentary, Markdown, may be empty
	Updated         string // YYYY-MM-DD when the annotation last changed
	Body            Text   // the adopted text, Markdown; empty when not included
	Pos             source.Pos
}

// Slug is the article's URL segment: its number, or "title" or "preamble".
func (a *Article) Slug() string {
	if a.Kind != ProvisionArticle {
		return a.Kind
	}
	return strconv.Itoa(a.Number)
}

// Definition is a term an article defines, and the paragraph that defines it.
type Definition struct {
	Term string
	On   Ref // paragraph id, e.g. "2-c" (see Entry.On)
}

// ArticleVersion is the article's wording in an earlier text.
type ArticleVersion struct {
	Version Ref
	Number  int  // the article's number in that text, if different; 0 if the same
	Text    Text // Markdown, numbered like the body; may be empty when not held
	Sources []Ref
	Pos     source.Pos
}

// Entry kinds.
const (
	EntryProposal              = "proposal"
	EntryStatement             = "statement"
	EntryObjection             = "objection"
	EntryVote                  = "vote"
	EntryDecision              = "decision"
	EntryDissociation          = "dissociation"
	EntryInterpretiveStatement = "interpretive-statement"
	EntryReservation           = "reservation"
)

// Outcomes of a proposal.
const (
	OutcomeAdopted       = "adopted"
	OutcomeNotAdopted    = "not-adopted"
	OutcomeWithdrawn     = "withdrawn"
	OutcomePartlyAdopted = "partly-adopted"
)

// Entry is one event in an article's negotiation history.
type Entry struct {
	Session Ref
	Date    string // YYYY-MM-DD or shorter, when known
	// On is the paragraph the entry is about: "2" for paragraph 2, "21-b"
	// for paragraph 21 (b), "" for the article as a whole.
	On        Ref
	Kind      string // one of the Entry kinds
	By        []Ref  // who made it
	OnBehalf  Ref    // the group it was made for, if any
	Supported []Ref
	Opposed   []Ref
	// A proposal's wording, either whole or as edits to a base text.
	Wording       Text
	Base          Ref // version id, or "adopted" (the default) for edits
	Edits         []*Edit
	Reconstructed bool // wording rebuilt from a report, not from the proposal document
	Outcome       string
	Summary       Text // our words, Markdown
	Sources       []Ref
	Pos           source.Pos
}

// Edit replaces one exact occurrence of Replace in the base text With.
type Edit struct {
	Replace string
	With    string
	Pos     source.Pos
}

// Page is a free page (content/pages/*.md), published at /<slug>/.
type Page struct {
	File  string
	Slug  string
	Title string
	Body  Text
	Pos   source.Pos
}
