// Package edition checks the shipped edition's content against the
// reference material it was written from. The treaty wording in
// content/articles must come, character for character, from the quotations
// in the negotiation report (shared/reference/negotiation-report-2024.txt):
// it is never typed from memory, and a slip of one word would put words into
// a treaty that it does not contain.
//
// The test reads the files with the standard library only. It does not
// parse YAML: version texts and proposal wordings are found by their keys,
// and must be written either as one double-quoted line or as a "|" block,
// so that none can hide from the check in a form the scanner cannot read.
package edition

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const (
	articlesDir = "../../../content/articles"
	sharedDir   = "../../../../shared"
	reportPath  = sharedDir + "/reference/negotiation-report-2024.txt"
)

// omitted is a paragraph's whole text when its words are not held but its
// subparagraphs are: the lead-in of article 40, paragraph 21. It is an
// editor's mark, not treaty wording, so it is not looked up.
const omitted = "[…]"

// withText are the articles whose body holds verified adopted text: the
// ones the report quotes. Every other provision's body is empty.
var withText = []int{4, 6, 40, 61, 62, 65}

// numberOfArticles is the count of articles in the adopted Convention.
const numberOfArticles = 68

// provision is one file of content/articles, cut into the parts the checks
// need.
type provision struct {
	file    string
	article int    // 0 for the title and the preamble
	kind    string // "article", "title" or "preamble"
	front   []string
	body    []string
	bodyAt  int // line number of the body's first line
}

var (
	paraRe    = regexp.MustCompile(`^(\d+)\.(?: (.*))?$`)
	subRe     = regexp.MustCompile(`^ +(\([a-z]\) .*)$`)
	keyRe     = regexp.MustCompile(`^(\s*(?:-\s+)?)([\w-]+):(?:\s+(.*))?$`)
	blockRe   = regexp.MustCompile(`^[|>][-+]?$`)
	flowKeyRe = regexp.MustCompile(`[{,]\s*(text|wording):`)
	replaceRe = regexp.MustCompile(`replace:\s*("(?:[^"\\]|\\.)*"|[^,}]+)`)
	baseRe    = regexp.MustCompile(`^\s*base:\s*(\S+)`)
	nameRe    = regexp.MustCompile(`^(\d{3})-[a-z0-9]+(?:-[a-z0-9]+)*\.md$`)
)

func TestProvisions(t *testing.T) {
	provs := readProvisions(t)
	seen := map[int]string{}
	special := map[string]int{}
	for _, p := range provs {
		switch p.kind {
		case "article":
			if prev, ok := seen[p.article]; ok {
				t.Errorf("%s: article %d is also in %s", p.file, p.article, prev)
			}
			seen[p.article] = p.file
			m := nameRe.FindStringSubmatch(p.file)
			if m == nil {
				t.Errorf("%s: want a name NNN-slug.md", p.file)
			} else if n, _ := strconv.Atoi(m[1]); n != p.article {
				t.Errorf("%s: the file name says article %d, the front matter %d", p.file, n, p.article)
			}
		case "title", "preamble":
			special[p.kind]++
			if want := p.kind + ".md"; p.file != want {
				t.Errorf("%s: the %s belongs in %s", p.file, p.kind, want)
			}
		default:
			t.Errorf("%s: neither `article: N` nor `provision: title|preamble`", p.file)
		}
	}
	for n := 1; n <= numberOfArticles; n++ {
		if _, ok := seen[n]; !ok {
			t.Errorf("article %d has no file", n)
		}
	}
	for n, f := range seen {
		if n < 1 || n > numberOfArticles {
			t.Errorf("%s: article %d: the Convention has articles 1 to %d", f, n, numberOfArticles)
		}
	}
	for _, k := range []string{"title", "preamble"} {
		if special[k] != 1 {
			t.Errorf("want one %s file, found %d", k, special[k])
		}
	}
	if want := numberOfArticles + 2; len(provs) != want {
		t.Errorf("found %d files, want %d (articles 1-%d, title, preamble)", len(provs), want, numberOfArticles)
	}
}

// TestOnlyVerifiedArticlesHaveText guards against treaty text creeping in
// for an article no verified source quotes.
func TestOnlyVerifiedArticlesHaveText(t *testing.T) {
	var got []int
	for _, p := range readProvisions(t) {
		if strings.TrimSpace(strings.Join(p.body, "")) == "" {
			continue
		}
		if p.kind != "article" {
			t.Errorf("%s: the %s has a body; no verified source quotes its adopted wording", p.file, p.kind)
			continue
		}
		got = append(got, p.article)
	}
	sort.Ints(got)
	if fmt.Sprint(got) != fmt.Sprint(withText) {
		t.Errorf("articles with text: got %v, want %v", got, withText)
	}
}

// TestTextIsVerbatim checks every line of treaty wording against the report:
// each paragraph's text after its "N. " marker (unless it is the omitted
// mark), each "(x) " subparagraph,
// and each line of a version text or a proposal's whole wording. A line must
// occur in the report verbatim, and as a whole passage: a report line, a
// report line without its "N. " marker, or a passage the report sets in
// ‘ ’ quotes. Nothing else is normalised.
func TestTextIsVerbatim(t *testing.T) {
	report := readReport(t)
	passages := wholePassages(report)
	check := func(where, text string) {
		t.Helper()
		switch {
		case !strings.Contains(report, text):
			t.Errorf("%s: not in the report verbatim: %q", where, text)
		case !passages[text]:
			t.Errorf("%s: in the report only as part of a longer passage (cut short?): %q", where, text)
		}
	}
	checked := 0
	for _, p := range readProvisions(t) {
		for i, line := range p.body {
			where := fmt.Sprintf("%s:%d", p.file, p.bodyAt+i)
			text, ok := treatyLine(line)
			if !ok {
				t.Errorf("%s: not a paragraph (\"N. text\") or an indented subparagraph (\"(x) text\"): %q", where, line)
				continue
			}
			if text != "" && text != omitted {
				check(where, text)
				checked++
			}
		}
		for _, v := range frontTexts(t, p) {
			for _, line := range strings.Split(v.text, "\n") {
				if strings.TrimSpace(line) == "" {
					continue
				}
				text, ok := treatyLine(line)
				if !ok || text == "" {
					// A title or subtitle: a line of its own.
					text = strings.TrimSpace(line)
				}
				check(v.where, text)
				checked++
			}
		}
	}
	if checked == 0 {
		t.Error("no treaty text found to check")
	}
	t.Logf("%d lines of treaty wording checked", checked)
}

// TestEditsMatchOnce checks that each edit of the adopted text names words
// that occur exactly once in the body, so the edit is unambiguous.
func TestEditsMatchOnce(t *testing.T) {
	for _, p := range readProvisions(t) {
		otherBase := false
		for _, l := range p.front {
			if m := baseRe.FindStringSubmatch(l); m != nil && m[1] != "adopted" {
				otherBase = true // edits of a version: the loader checks those
			}
		}
		if otherBase {
			continue
		}
		body := strings.Join(p.body, "\n")
		for i, l := range p.front {
			for _, m := range replaceRe.FindAllStringSubmatch(l, -1) {
				old := strings.TrimSpace(m[1])
				if strings.HasPrefix(old, `"`) {
					u, err := strconv.Unquote(old)
					if err != nil {
						t.Errorf("%s:%d: %v", p.file, i+2, err)
						continue
					}
					old = u
				}
				if n := strings.Count(body, old); n != 1 {
					t.Errorf("%s:%d: %q occurs %d times in the adopted text, want once", p.file, i+2, old, n)
				}
			}
		}
	}
}

// treatyLine returns the treaty wording of one body line: the text after a
// paragraph marker, or a whole "(x) ..." subparagraph. Blank lines give "".
func treatyLine(line string) (string, bool) {
	line = strings.TrimRight(line, " \t")
	if line == "" {
		return "", true
	}
	if m := paraRe.FindStringSubmatch(line); m != nil {
		return m[2], true
	}
	if m := subRe.FindStringSubmatch(line); m != nil {
		return m[1], true
	}
	return "", false
}

// wholePassages returns the passages of the report a quotation may be: each
// trimmed line, the same without a leading "N. " marker, and the text
// inside ‘ ’ quotes that open a line (the report puts its full stop after
// the closing quote, and sometimes closes a quote it never opened).
func wholePassages(report string) map[string]bool {
	out := map[string]bool{}
	for _, l := range strings.Split(report, "\n") {
		l = strings.TrimSpace(l)
		out[l] = true
		if m := paraRe.FindStringSubmatch(l); m != nil {
			out[m[2]] = true
		}
		if q, ok := inQuotes(l); ok {
			out[q] = true
		}
	}
	return out
}

// inQuotes returns a report line without the ‘ ’ quotes around it, and
// without the full stop the report puts after a closing quote.
func inQuotes(l string) (string, bool) {
	q := strings.TrimPrefix(l, "‘")
	for _, end := range []string{"’.", "’"} {
		if s, ok := strings.CutSuffix(q, end); ok {
			return s, true
		}
	}
	return q, q != l
}

type frontText struct {
	where string
	text  string
}

// frontTexts returns the version texts and proposal wordings of p's front
// matter. It fails the test on a form it cannot read, rather than skip it.
// Other block scalars (notes, summaries) are skipped whole, so that a line
// of prose that happens to start with "wording:" is not taken for a key.
func frontTexts(t *testing.T, p provision) []frontText {
	t.Helper()
	var out []frontText
	for i := 0; i < len(p.front); i++ {
		line := p.front[i]
		where := fmt.Sprintf("%s:%d", p.file, i+2)
		m := keyRe.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		indent, key, value := len(m[1]), m[2], strings.TrimSpace(m[3])
		isText := key == "text" || key == "wording"
		if blockRe.MatchString(value) {
			block, n := blockLines(p.front[i+1:], indent)
			i += n
			if isText {
				if value != "|" && value != "|-" {
					t.Errorf("%s: write %s as a \"|\" block: a folded block joins lines", where, key)
				}
				out = append(out, frontText{where, strings.Join(block, "\n")})
			}
			continue
		}
		if flowKeyRe.MatchString(line) {
			t.Errorf("%s: write text and wording as block mappings, one key a line, so the test can read them", where)
			continue
		}
		if !isText {
			continue
		}
		s, err := strconv.Unquote(value)
		if err != nil || !strings.HasPrefix(value, `"`) {
			t.Errorf("%s: write %s as one double-quoted line or a \"|\" block", where, key)
			continue
		}
		out = append(out, frontText{where, s})
	}
	return out
}

// blockLines returns the lines of a block scalar whose key is indented by
// indent, without their common indentation, and how many lines it spans.
func blockLines(lines []string, indent int) ([]string, int) {
	var out []string
	cut := -1
	n := 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			out = append(out, "")
			n++
			continue
		}
		in := len(l) - len(strings.TrimLeft(l, " "))
		if in <= indent {
			break
		}
		if cut < 0 || in < cut {
			cut = in
		}
		out = append(out, l)
		n++
	}
	for i, l := range out {
		if l != "" {
			out[i] = l[cut:]
		}
	}
	// Trailing blank lines belong to whatever follows.
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
		n--
	}
	return out, n
}

func readReport(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(sharedDir); os.IsNotExist(err) && os.Getenv("CI") != "true" {
		t.Skipf("%s is absent: the reference report is needed to check the treaty text", sharedDir)
	}
	b, err := os.ReadFile(reportPath)
	if err != nil {
		t.Fatalf("the reference report: %v", err)
	}
	return string(b)
}

func readProvisions(t *testing.T) []provision {
	t.Helper()
	entries, err := os.ReadDir(articlesDir)
	if err != nil {
		t.Fatal(err)
	}
	var out []provision
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		p, err := readProvision(filepath.Join(articlesDir, e.Name()))
		if err != nil {
			t.Errorf("%s: %v", e.Name(), err)
			continue
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		t.Fatalf("no provisions in %s", articlesDir)
	}
	return out
}

// readProvision splits a file into front matter and body lines and reads
// the few top-level keys the checks need.
func readProvision(path string) (provision, error) {
	p := provision{file: filepath.Base(path)}
	f, err := os.Open(path)
	if err != nil {
		return p, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n, state := 0, 0 // 0 before the front matter, 1 inside it, 2 in the body
	for sc.Scan() {
		n++
		line := strings.TrimSuffix(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		switch {
		case state == 0:
			if strings.TrimRight(line, " \t") != "---" {
				return p, fmt.Errorf("no front matter: the file must start with a \"---\" line")
			}
			state = 1
		case state == 1 && strings.TrimRight(line, " \t") == "---":
			state = 2
			p.bodyAt = n + 1
		case state == 1:
			p.front = append(p.front, line)
			key, value, _ := strings.Cut(line, ":")
			value = strings.TrimSpace(value)
			switch key {
			case "article":
				p.kind = "article"
				if p.article, err = strconv.Atoi(value); err != nil {
					return p, fmt.Errorf("line %d: article %q is not a number", n, value)
				}
			case "provision":
				p.kind = value
			}
		default:
			p.body = append(p.body, line)
		}
	}
	if err := sc.Err(); err != nil {
		return p, err
	}
	if state != 2 {
		return p, fmt.Errorf("the front matter is not closed")
	}
	return p, nil
}
