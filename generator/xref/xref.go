// Package xref is the stage that resolves cross-references: the citations
// the markdown stage finds in every text ("article 40, paragraph 21 (b)",
// "paragraph 3 of this article", an author's [link](art:40#p21)), and the
// uses of defined terms. It knows which provisions and paragraphs the
// edition holds, so it decides where each citation leads, which ones are
// wrong, and which texts cite each provision ("cited by").
//
// # Input and output
//
// New takes the corpus and the markdown stage's output for its treaty
// texts (article bodies, earlier versions, proposed wordings): that is
// where the paragraphs are. The Index it returns is what the markdown
// stage's Linker asks while rendering every text: Resolve for a citation's
// target, Terms for the defined terms. After rendering, Check reports the
// problems of every citation, with positions, and CitedBy collects the
// backlinks for the article pages.
//
// # Resolution
//
//   - A citation of a paragraph the text holds links to its anchor:
//     /articles/40/#p21-b.
//   - A citation of a paragraph the edition does not hold (a partial or
//     missing text) links to the article, or to the paragraph that holds
//     the cited subparagraph, with a note saying so; the markdown stage
//     shows the note on hover and to screen readers.
//   - A citation of a provision the edition does not have is not linked.
//     That is a warning when the citation was recognised in prose, and an
//     error when the author wrote an explicit art: link; so is an explicit
//     link to a paragraph that a complete text does not have.
//   - "chapter IV" links to the chapter in the contents: /#chapter-IV.
//   - Inside an earlier version's text, numbers are that text's: "article
//     64" of the third revised draft is whichever article says, in its
//     versions, that it was number 64 there, and "paragraph 2 of this
//     article" is paragraph 2 of that version's wording. A number no
//     article claims is left unlinked, silently: the edition cannot know.
//
// # Defined terms
//
// Terms come from the defines: front matter of any article, and from the
// text of an article titled "Use of terms": each paragraph or
// subparagraph that starts with one or more quoted terms followed by
// "shall mean", "means", "shall include", "includes" or "refers to"
// defines them. Front matter wins where both name a term.
//
// # What it refuses to do
//
// It writes no HTML and reads no files; it never guesses a paragraph that
// a text does not show, and never links a citation to another instrument
// (the markdown stage does not recognise those).
package xref

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"travaux/generator/model"
)

// Index is the edition's provisions and paragraphs, and its defined terms.
// It is safe for concurrent use; Continue, if called, comes first.
type Index struct {
	c      *model.Corpus
	texts  *model.TextMap
	terms  []model.Term
	byTerm map[string][]termSource // lower-cased term -> where it is defined, for Check
	// byOldNumber finds an article by its number in an earlier version
	// (version id, number): citations in old wordings use those numbers.
	byOldNumber map[oldNumber]*model.Article
	memo        *memo // Check's and CitedBy's findings per text (memo.go)
}

type oldNumber struct {
	version string
	number  int
}

// termSource is where a term was defined, for reporting duplicates.
type termSource struct {
	term model.Term
	def  *model.Definition // nil when recognised in the text
}

// New indexes the corpus. texts holds the markdown stage's output for the
// treaty texts at least (article bodies, version texts, proposed
// wordings); other entries are ignored.
func New(c *model.Corpus, texts *model.TextMap) *Index {
	x := &Index{c: c, texts: texts, byTerm: map[string][]termSource{}, byOldNumber: map[oldNumber]*model.Article{}, memo: newMemo()}
	for _, a := range c.Articles {
		if a.Kind != model.ProvisionArticle {
			continue
		}
		for _, av := range a.Versions {
			k := oldNumber{av.Version.ID, av.Number}
			if av.Number == 0 {
				k.number = a.Number
			}
			if x.byOldNumber[k] == nil { // the first in reading order wins
				x.byOldNumber[k] = a
			}
		}
	}
	seen := map[string]bool{}
	for _, a := range c.Articles {
		for _, d := range a.Defines {
			t := model.Term{Term: strings.Join(strings.Fields(d.Term), " "), Article: a.Slug(), Paragraph: d.On.ID}
			key := strings.ToLower(t.Term)
			x.byTerm[key] = append(x.byTerm[key], termSource{t, d})
			if !seen[key] {
				seen[key] = true
				x.terms = append(x.terms, t)
			}
		}
	}
	for _, a := range c.Articles {
		if !isUseOfTerms(a) {
			continue
		}
		body := texts.Get(a.Body)
		if body == nil {
			continue
		}
		for _, p := range body.Paragraphs {
			for _, term := range quotedTerms(p.Text) {
				t := model.Term{Term: term, Article: a.Slug(), Paragraph: p.ID}
				key := strings.ToLower(term)
				if !seen[key] {
					seen[key] = true
					x.terms = append(x.terms, t)
					x.byTerm[key] = append(x.byTerm[key], termSource{term: t})
				}
			}
		}
	}
	return x
}

// isUseOfTerms reports whether a is the article of definitions.
func isUseOfTerms(a *model.Article) bool {
	t := strings.ToLower(strings.TrimSpace(a.Title))
	return t == "use of terms" || t == "definitions"
}

var (
	// definitionRE finds the verb that ends the defined terms of a
	// definition: "“Electronic data” shall mean ...".
	definitionRE = regexp.MustCompile(`\b(?:shall mean|means|shall include|includes|refers to)\b`)
	quotedRE     = regexp.MustCompile(`[“"‘]([^”"’“]{1,100})[”"’]`)
)

// quotedTerms returns the terms a definition paragraph defines: the quoted
// words before its verb, when the paragraph starts with a quotation.
func quotedTerms(text string) []string {
	text = strings.TrimSpace(text)
	if text == "" || !strings.ContainsRune(`“"‘`, []rune(text)[0]) {
		return nil
	}
	verb := definitionRE.FindStringIndex(text)
	if verb == nil || verb[0] > 400 {
		return nil
	}
	var out []string
	for _, m := range quotedRE.FindAllStringSubmatch(text[:verb[0]], -1) {
		if t := strings.Join(strings.Fields(m[1]), " "); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// Terms returns the defined terms: front matter first, in reading order,
// then those recognised in a "Use of terms" article.
func (x *Index) Terms() []model.Term { return x.terms }

// articleURL is the page of a provision.
func articleURL(slug string) string { return "/articles/" + slug + "/" }

// body returns the rendered adopted text of a, or nil.
func (x *Index) body(a *model.Article) *model.Rendered {
	return x.texts.Get(a.Body)
}

// knowable reports whether a's text is complete, so that a paragraph it
// lacks does not exist: not flagged partial, numbered from 1 without gaps.
func knowable(a *model.Article, body *model.Rendered) bool {
	if a.Partial || body == nil || len(body.Paragraphs) == 0 {
		return false
	}
	for i, n := range body.Numbers() {
		if n != i+1 {
			return false
		}
	}
	return true
}

// Resolve returns where a citation leads. It implements the markdown
// stage's Linker.
func (x *Index) Resolve(c model.Citation) model.Target {
	if c.Chapter != "" {
		if x.c.Chapter(c.Chapter) == nil {
			return model.Target{}
		}
		return model.Target{URL: "/#chapter-" + c.Chapter}
	}
	if c.Version != "" && !c.Explicit && c.Term == "" {
		return x.resolveInVersion(c)
	}
	a := x.c.Article(c.Article)
	if a == nil {
		return model.Target{}
	}
	url := articleURL(a.Slug())
	if c.Paragraph == "" {
		return model.Target{URL: url}
	}
	body := x.body(a)
	if body != nil {
		if p := body.Paragraph(c.Paragraph); p != nil {
			return model.Target{URL: url + "#" + p.Anchor}
		}
	}
	what := paragraphName(c.Paragraph) + " of " + provisionName(a)
	num, letter, _ := strings.Cut(c.Paragraph, "-")
	var note string
	switch {
	case knowable(a, body):
		note = capitalize(provisionName(a)) + " has no " + paragraphName(c.Paragraph) + " in this edition’s text"
	default:
		note = capitalize(what) + " is not included in this edition"
	}
	if c.Term != "" {
		note = "The definition (" + what + ") is not included in this edition"
	}
	if num != "" && letter != "" && body != nil {
		if p := body.Paragraph(num); p != nil {
			return model.Target{URL: url + "#" + p.Anchor, Note: note + "; the link goes to paragraph " + num + "."}
		}
	}
	return model.Target{URL: url, Note: note + "; the link goes to the article."}
}

// resolveInVersion resolves a citation written in an earlier version's
// numbering.
func (x *Index) resolveInVersion(c model.Citation) model.Target {
	var a *model.Article
	if c.This {
		a = x.c.Article(c.Article)
	} else if n, err := strconv.Atoi(c.Article); err == nil {
		a = x.inVersion(c.Version, n)
	}
	if a == nil {
		return model.Target{}
	}
	url := articleURL(a.Slug())
	av := versionOf(a, c.Version)
	if av == nil {
		return model.Target{URL: url}
	}
	label := c.Version
	if v := x.c.Version(c.Version); v != nil {
		label = v.Label
	}
	section := url + "#version-" + c.Version
	if c.Paragraph == "" {
		return model.Target{URL: section}
	}
	if r := x.texts.Get(av.Text); r != nil {
		if p := r.Paragraph(c.Paragraph); p != nil {
			return model.Target{URL: url + "#" + p.Anchor}
		}
	}
	return model.Target{URL: section, Note: capitalize(paragraphName(c.Paragraph)) + " of this article in the " + lowerFirst(label) + " is not held in this edition; the link goes to that version."}
}

// inVersion returns the article that was number n in version ver, or nil:
// the one whose versions entry for ver gives that number, or gives none
// and has that number now.
func (x *Index) inVersion(ver string, n int) *model.Article {
	return x.byOldNumber[oldNumber{ver, n}]
}

func versionOf(a *model.Article, ver string) *model.ArticleVersion {
	for _, av := range a.Versions {
		if av.Version.ID == ver {
			return av
		}
	}
	return nil
}

// provisionName is "article 40", "the preamble", "the title".
func provisionName(a *model.Article) string {
	if a.Kind == model.ProvisionArticle {
		return "article " + strconv.Itoa(a.Number)
	}
	return "the " + a.Kind
}

// paragraphName writes a paragraph id as a reader says it: "paragraph 21
// (b)", "subparagraph (m)".
func paragraphName(id string) string {
	num, letter, _ := strings.Cut(id, "-")
	switch {
	case num == "" && letter != "":
		return "subparagraph (" + letter + ")"
	case letter != "":
		return "paragraph " + num + " (" + letter + ")"
	}
	return "paragraph " + num
}

func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]-'A'+'a') + s[1:]
}

// describe is a citation as a message names it.
func describe(c model.Citation) string {
	if c.Explicit {
		s := "art:" + c.Article
		if c.Paragraph != "" {
			s += "#p" + c.Paragraph
		}
		return fmt.Sprintf("link %q", s)
	}
	return fmt.Sprintf("%q", c.Text)
}
