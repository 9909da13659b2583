package render

import "html/template"

// The view models of the record's pages: the negotiation record by
// delegation, session, topic and negotiating text, the search page, and
// the pages that forward an old article number to the adopted article.
// As in pages.go, every string is ready to read.

// Record page templates, each executed with the view model named.
const (
	tmplDelegations = "delegations.html" // *DelegationsPage
	tmplDelegation  = "delegation.html"  // *DelegationPage
	tmplSession     = "session.html"     // *SessionPage
	tmplTopic       = "topic.html"       // *TopicPage
	tmplVersion     = "version.html"     // *VersionPage
	tmplList        = "list.html"        // *ListPage
	tmplRedirect    = "redirect.html"    // *RedirectPage
	tmplSearch      = "search.html"      // *SearchPage
)

var recordTemplates = []string{tmplDelegations, tmplDelegation, tmplSession, tmplTopic, tmplVersion, tmplList, tmplRedirect, tmplSearch}

// HomeRecord is the home page's way into the record: the sessions drawn
// to scale and listed, the topics, and links to the other listings.
type HomeRecord struct {
	Timeline *SessionTimeline
	Topics   []ListItem
	Links    []Link // delegations, sessions, topics, texts, search, data
}

// SessionTimeline is every session and consultation drawn to scale in
// time (an inline SVG) and listed. The list is the text alternative; the
// drawing repeats it for the eye, with sessions and consultations in rows
// of their own, so that nothing depends on colour.
type SessionTimeline struct {
	Title       string // the drawing's accessible name
	Description string // what it shows, in one sentence
	Width       int    // of the SVG's viewBox; its height is Height
	Height      int
	Left, Right int // the chart's horizontal extent
	GridTop     int // where the year lines start
	AxisY       int // y of the time axis
	TickEnd     int // where the year lines end, below the axis
	TickLabelY  int // baseline of the year labels
	Rows        []TimelineRow
	Ticks       []TimelineTick
	Bars        []TimelineBar
	Sessions    []SessionItem
}

// TimelineRow labels one row of the drawing.
type TimelineRow struct {
	Label string
	Y     int // baseline of the label
	Line  int // y of the row's guide line
}

// TimelineTick marks the start of a year, labelled in the middle of the
// year it starts.
type TimelineTick struct {
	X      int
	Label  string // "" for the tick that closes the last year
	LabelX int
}

// TimelineBar is one session: a rectangle as long as the session lasted
// (at least a sliver), with the number of entries recorded at it above
// when there are any.
type TimelineBar struct {
	X, Y, W, H int
	Class      string // "tl-session" or "tl-consultation"
	Count      string // "12"; "" when the record holds no entries for it
	CountX     int
	CountY     int
}

// SessionItem is a session in a list.
type SessionItem struct {
	Link     Link
	Kind     string // "Session" or "Intersessional consultation"
	Place    string
	Dates    string // "29 July – 9 August 2024"
	StartISO string
	Entries  string // "12 entries", "no entries recorded"
}

// ListItem is one line of a listing: a link and what it holds.
type ListItem struct {
	Link   Link
	Detail string
}

// ListPage lists the sessions, the topics or the negotiating texts.
type ListPage struct {
	Base
	Heading  string
	Intro    string
	Items    []ListItem
	Sessions []SessionItem // for the sessions, instead of Items
}

// DelegationsPage is the index of every delegation in the record.
type DelegationsPage struct {
	Base
	Heading      string
	Intro        string
	Legend       []BarKey
	Regions      []DelegationGroup // by regional group, then the others
	Alphabetical []Link
}

// BarKey explains one shape of the outcome bars.
type BarKey struct {
	Bar  OutcomeBar
	Text string
}

// DelegationGroup is a heading of the delegation index and its rows.
type DelegationGroup struct {
	Anchor  string
	Heading string
	Rows    []DelegationRow
}

// DelegationRow is one delegation in the index.
type DelegationRow struct {
	Link     Link
	Summary  string // "4 proposals, 1 adopted; supported 3, opposed 2"
	Entries  string // "7 entries"
	Bar      OutcomeBar
	Outcomes string // the bar in words: "1 adopted, 3 not adopted"; "" when no proposals
}

// OutcomeBar draws a delegation's proposals, one cell each, by outcome:
// a filled square when adopted, half filled when partly adopted, empty
// when not adopted, crossed when withdrawn, a circle when no outcome is
// recorded. Shapes, not colours, tell them apart.
type OutcomeBar struct {
	Width int // of the viewBox; 0 when there is nothing to draw
	Cells []BarCell
}

// BarCell is one proposal in an OutcomeBar.
type BarCell struct {
	X     int
	Mid   int    // X + 5, the middle of the cell
	End   int    // X + 10, its right edge
	Shape string // "adopted", "partly-adopted", "not-adopted", "withdrawn", "open"
}

// DelegationPage is everything one delegation is named in.
type DelegationPage struct {
	Base
	Heading   string
	Kind      string // "Member State, African Group", "Group of delegations"
	Members   []Link // for a group: its known members
	MemberOf  []Link // the groups it is a known member of
	Summary   string
	Bar       OutcomeBar
	Outcomes  string
	GroupNote string // explains group entries, when the page lists any
	Articles  []RecordArticle
}

// RecordArticle is the entries of one article on a record page.
type RecordArticle struct {
	Anchor  string // "article-40"
	Article Link   // "Article 40 — General principles …"
	Items   []RecordItem
}

// RecordItem is one history entry on a record page, linked to its place
// on the article page.
type RecordItem struct {
	Entry        Link  // "Proposal by Costa Rica", to /articles/40/#entry-1
	On           *Link // the paragraph; URL empty when the text lacks it; nil for the whole article
	Session      *Link
	Date         string
	DateTime     string
	Role         string // on a delegation page: its part in the entry
	Group        string // on a delegation page: "Group entry: …" when listed through a group
	Outcome      string
	OutcomeClass string
	Summary      template.HTML
}

// SessionPage is what the record holds for one session.
type SessionPage struct {
	Base
	Heading     string
	Kind        string
	Place       string
	Dates       string
	StartISO    string
	Summary     string
	Versions    []Link
	Delegations []Link
	Articles    []RecordArticle
}

// TopicPage is a theme's introduction, articles and history.
type TopicPage struct {
	Base
	Heading  string
	Intro    template.HTML
	Contents []ArticleItem
	Summary  string
	Articles []RecordArticle
}

// VersionPage is a negotiating text: what it was, which provisions the
// edition holds in it, and how its numbers map to the adopted ones.
type VersionPage struct {
	Base
	Heading     string
	Symbol      string
	Date        string
	DateISO     string
	Session     *Link
	Note        template.HTML
	Held        string // a sentence: how many provisions, how many renumbered
	Concordance []ConcordanceRow
	Based       []RecordArticle // proposals written as edits to this text
}

// ConcordanceRow is one provision: its number in the text and in the
// Convention as adopted.
type ConcordanceRow struct {
	Old        string // "Article 64", "Title"
	OldURL     string // the old number's address, forwarding to the adopted article; "" when none
	Wording    *Link  // the text's wording on the article page; nil when not held
	Adopted    Link   // "Article 65 — Entry into force"
	Renumbered bool
}

// RedirectPage forwards an old article number to the adopted article.
type RedirectPage struct {
	Base
	Heading string
	Note    string
	Target  Link
	Others  []Link // when the old number became several adopted articles
	Refresh string // the meta refresh: "0; url=/articles/65/"; "" when there is a choice to make
}

// SearchPage is the search form; search.js does the searching.
type SearchPage struct {
	Base
	Heading   string
	IndexURL  string
	ScriptURL string
	Contents  Link
}
