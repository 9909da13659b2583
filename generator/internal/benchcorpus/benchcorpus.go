// Package benchcorpus writes a synthetic travaux site of any size, for
// benchmarks: N articles of about 600 words in numbered paragraphs and
// lettered subparagraphs, citing one another in the forms treaty texts
// use; two earlier versions of each with about 5% of the words changed
// and now and then a paragraph moved; five history entries each, one of
// them a proposal as exact edits of the adopted text; and full registries
// (200 delegations, 10 sessions, 5 versions, sources of every kind,
// topics). An article file is about 15 KB.
//
// The output depends only on Options: every random choice comes from a
// PCG generator seeded from Options.Seed (one stream for the corpus plan,
// one per article), and nothing is written in map order.
package benchcorpus

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Options says what corpus to write.
type Options struct {
	N    int   // number of articles, at least 1
	Seed int64 // the same seed gives the same bytes
}

// marker is the file, beside content/, that says the folder holds a corpus
// this package wrote, so that Write may replace it.
const marker = ".benchcorpus"

// Write writes a complete site root to dir: dir/content/ with the
// registries and N article files. dir is created if needed. If dir already
// holds a content/ folder, it is replaced only when an earlier Write made
// it; otherwise Write refuses.
func Write(dir string, opts Options) error {
	if opts.N < 1 {
		return fmt.Errorf("benchcorpus: N must be at least 1, not %d", opts.N)
	}
	content := filepath.Join(dir, "content")
	if _, err := os.Stat(content); err == nil {
		if _, err := os.Stat(filepath.Join(dir, marker)); err != nil {
			return fmt.Errorf("benchcorpus: %s exists and was not written by benchcorpus; choose an empty folder", content)
		}
		if err := os.RemoveAll(content); err != nil {
			return err
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.MkdirAll(filepath.Join(content, "articles"), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, marker), []byte("written by travaux/generator/internal/benchcorpus\n"), 0o644); err != nil {
		return err
	}

	c := newCorpus(opts)
	for _, f := range []struct {
		name string
		data []byte
	}{
		{"convention.yaml", c.convention()},
		{"versions.yaml", c.versionsYAML()},
		{"sessions.yaml", c.sessionsYAML()},
		{"delegations.yaml", c.delegationsYAML()},
		{"sources.yaml", c.sourcesYAML()},
		{"topics.yaml", c.topicsYAML()},
	} {
		if err := os.WriteFile(filepath.Join(content, f.name), f.data, 0o644); err != nil {
			return err
		}
	}

	// Articles are independent once the plan is made (each has its own
	// random stream), so they are generated in parallel.
	var (
		wg    sync.WaitGroup
		next  = make(chan int)
		mu    sync.Mutex
		first error
	)
	fail := func(err error) {
		mu.Lock()
		if first == nil {
			first = err
		}
		mu.Unlock()
	}
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			for n := range next {
				b.Reset()
				name, err := c.article(&b, n)
				if err == nil {
					err = os.WriteFile(filepath.Join(content, "articles", name), b.Bytes(), 0o644)
				}
				if err != nil {
					fail(err)
				}
			}
		}()
	}
	for n := 1; n <= opts.N; n++ {
		next <- n
	}
	close(next)
	wg.Wait()
	return first
}

// corpus is the plan every article is generated against: the registries,
// and the shape of every article (paragraphs and subparagraphs), so that
// citations point at paragraphs that exist.
type corpus struct {
	opts     Options
	chapters []chapter
	shapes   [][]int // article n-1 -> per paragraph, its number of subparagraphs
	states   []delegation
	others   []delegation // observer, organisation, office, groups
	groups   []delegation
}

type chapter struct{ id, name string }

type delegation struct {
	id, name, kind, region string
	members                []string
}

var versionIDs = []struct{ id, label, symbol, date, session string }{
	{"cnd", "Consolidated negotiating document", "A/AC.999/16", "2022-11", "session-3"},
	{"draft", "Draft text of the convention", "A/AC.999/22", "2023-06", "session-5"},
	{"rev1", "Revised draft text of the convention", "A/AC.999/22/Rev.1", "2023-11", "session-6"},
	{"rev2", "Second revised draft text of the convention", "A/AC.999/22/Rev.2", "2024-01", "concluding"},
	{"rev3", "Third revised draft text of the convention", "A/AC.999/22/Rev.3", "2024-05", "reconvened"},
}

var sessionList = []struct {
	id, name, kind, place string
	start                 string
	days                  int
}{
	{"organizational", "Organizational session", "session", "New York", "2021-05-10", 3},
	{"session-1", "First session", "session", "New York", "2022-02-28", 12},
	{"consultation-1", "First intersessional consultation", "consultation", "Vienna", "2022-03-24", 2},
	{"session-2", "Second session", "session", "Vienna", "2022-05-30", 12},
	{"session-3", "Third session", "session", "New York", "2022-08-29", 12},
	{"session-4", "Fourth session", "session", "Vienna", "2023-01-09", 12},
	{"session-5", "Fifth session", "session", "Vienna", "2023-04-11", 11},
	{"session-6", "Sixth session", "session", "New York", "2023-08-21", 12},
	{"concluding", "Concluding session", "session", "New York", "2024-01-29", 12},
	{"reconvened", "Reconvened concluding session", "session", "New York", "2024-07-29", 12},
}

var sourceList = []struct{ id, kind, publisher, date string }{
	{"record-1", "official-record", "United Nations", "2022-03"},
	{"record-2", "official-record", "United Nations", "2023-04"},
	{"record-3", "official-record", "United Nations", "2024-08"},
	{"doc-1", "document", "United Nations", "2022-11"},
	{"doc-2", "document", "United Nations", "2023-06"},
	{"doc-3", "document", "United Nations", "2024-05"},
	{"report-1", "observer-report", "Treaty Observer", "2023-02"},
	{"report-2", "observer-report", "Negotiation Watch", "2024-02"},
	{"report-3", "observer-report", "Treaty Observer", "2024-08"},
}

var topicList = []struct{ id, name string }{
	{"scope-terminology", "Scope and terminology"},
	{"human-rights", "Human rights and safeguards"},
	{"procedural-powers", "Procedural powers"},
	{"cooperation", "International cooperation"},
	{"capacity-building", "Technical assistance and capacity-building"},
	{"final-clauses", "Final clauses"},
}

var regions = []string{"African", "Asia-Pacific", "Eastern European", "GRULAC", "WEOG"}

const (
	nStates    = 195 // plus an observer, an organisation, the Chair and two groups: 200
	wordTarget = 580
)

func newCorpus(opts Options) *corpus {
	r := rand.New(rand.NewPCG(uint64(opts.Seed), 0x6265_6e63_6863_6f72))
	c := &corpus{opts: opts}
	g := &gen{r: r}

	nch := (opts.N + 9) / 10
	for i := range nch {
		c.chapters = append(c.chapters, chapter{chapterID(i+1, nch), g.title()})
	}
	c.shapes = make([][]int, opts.N)
	for i := range c.shapes {
		shape := make([]int, 5+r.IntN(4))
		for j := range shape {
			if r.IntN(5) < 2 {
				shape[j] = 2 + r.IntN(4)
			}
		}
		c.shapes[i] = shape
	}

	pre := strings.Fields("Al Bel Cor Dar El Fen Gal Hal Ist Jor Kal Lor Mar Nor Or Pal Quel Ros Sal Tor")
	suf := strings.Fields("dovia avia mark land istan onia ania ova ia eria")
	for i := range nStates {
		name := pre[i/len(suf)] + suf[i%len(suf)]
		if i%7 == 3 {
			name = "Republic of " + name
		}
		id := string([]byte{byte('A' + i/676), byte('A' + i/26%26), byte('A' + i%26)})
		c.states = append(c.states, delegation{id: id, name: name, kind: "state", region: regions[i*len(regions)/nStates]})
	}
	c.others = []delegation{
		{id: "OBS", name: "Valmora", kind: "observer"},
		{id: "REU", name: "Regional Economic Union", kind: "organisation"},
		{id: "Chair", name: "Chair of the Committee", kind: "office"},
	}
	for k, size := range []int{8, 12} {
		grp := delegation{id: "group-" + strconv.Itoa(k+1), kind: "group"}
		for _, i := range r.Perm(nStates)[:size] {
			grp.members = append(grp.members, c.states[i].id)
		}
		grp.name = "Group of countries for which " + c.stateName(grp.members[0]) + " delivered a joint statement"
		c.groups = append(c.groups, grp)
	}
	return c
}

func (c *corpus) stateName(id string) string { return c.states[c.stateIndex(id)].name }

// chapterID is a Roman numeral, or "C12" past what Roman numerals write.
func chapterID(i, total int) string {
	if total > 3999 {
		return "C" + strconv.Itoa(i)
	}
	var b strings.Builder
	for _, d := range []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for ; i >= d.v; i -= d.v {
			b.WriteString(d.s)
		}
	}
	return b.String()
}

// citer returns the citation maker for a place in article n: cur is the
// paragraph the text stands in (0 outside the body).
func (c *corpus) citer(r *rand.Rand, n int, cur *int) func() string {
	N := c.opts.N
	other := func() int {
		if N == 1 {
			return 1
		}
		for {
			if x := 1 + r.IntN(N); x != n {
				return x
			}
		}
	}
	own := c.shapes[n-1]
	ownPara := func() int {
		for {
			if p := 1 + r.IntN(len(own)); p != *cur {
				return p
			}
		}
	}
	// withSubs finds a paragraph of article x that has subparagraphs.
	withSubs := func(x int) (int, int) {
		shape := c.shapes[x-1]
		start := r.IntN(len(shape))
		for k := range shape {
			if p := (start + k) % len(shape); shape[p] > 0 && !(x == n && p+1 == *cur) {
				return p + 1, shape[p]
			}
		}
		return 0, 0
	}
	return func() string {
		switch r.IntN(10) {
		case 0, 1:
			return "article " + strconv.Itoa(other())
		case 2:
			x := other()
			return fmt.Sprintf("article %d, paragraph %d", x, 1+r.IntN(len(c.shapes[x-1])))
		case 3:
			return fmt.Sprintf("paragraph %d of this article", ownPara())
		case 4:
			if N >= 3 {
				x := 1 + r.IntN(N-1)
				y := x + 1 + r.IntN(min(4, N-x))
				return fmt.Sprintf("articles %d to %d", x, y)
			}
		case 5:
			if N >= 3 {
				x, y := other(), other()
				if x != y {
					return fmt.Sprintf("articles %d and %d", min(x, y), max(x, y))
				}
			}
		case 6:
			x := other()
			if p, subs := withSubs(x); p > 0 {
				return fmt.Sprintf("article %d(%d)(%c)", x, p, letter(r.IntN(subs)))
			}
		case 7:
			if p, subs := withSubs(n); p > 0 {
				return fmt.Sprintf("paragraph %d (%c) of this article", p, letter(r.IntN(subs)))
			}
		case 8:
			x := other()
			return fmt.Sprintf("paragraph %d of article %d", 1+r.IntN(len(c.shapes[x-1])), x)
		case 9:
			x := other()
			if p, subs := withSubs(x); p > 0 {
				return fmt.Sprintf("article %d, paragraph %d (%c)", x, p, letter(r.IntN(subs)))
			}
		}
		return "article " + strconv.Itoa(other())
	}
}

// article writes article n's file into b and returns its file name.
func (c *corpus) article(b *bytes.Buffer, n int) (string, error) {
	r := rand.New(rand.NewPCG(uint64(c.opts.Seed), 1<<32|uint64(n)))
	cur := 0
	g := &gen{r: r, cite: c.citer(r, n, &cur)}

	title := g.title()
	shape := c.shapes[n-1]
	adopted := make(text, len(shape))
	left := wordTarget - 10 + r.IntN(21)
	for i, subs := range shape {
		cur = i + 1
		budget := left / (len(shape) - i)
		adopted[i] = g.paragraph(budget*(85+r.IntN(31))/100, subs)
		left -= adopted[i].words()
	}
	cur = 0
	var body bytes.Buffer
	adopted.render(&body, "")

	// Earlier versions: two of the five, the later one about 5% off the
	// adopted text, the earlier one about 5% off the later.
	edit, all := adopted.editable()
	rate := 0.05 * float64(all) / float64(edit)
	vi := r.IntN(len(versionIDs) - 1)
	vj := vi + 1 + r.IntN(len(versionIDs)-1-vi)
	later := g.revise(adopted, rate)
	earlier := g.revise(later, rate)

	fmt.Fprintf(b, "---\narticle: %d\ntitle: %s\nchapter: %s\n", n, quote(title), c.chapters[(n-1)/10].id)
	if k := r.IntN(3); k > 0 {
		ts := r.Perm(len(topicList))[:k]
		sort.Ints(ts)
		ids := make([]string, k)
		for i, t := range ts {
			ids[i] = topicList[t].id
		}
		fmt.Fprintf(b, "topics: %s\n", flow(ids))
	}
	fmt.Fprintf(b, "text_sources: [%s]\n", sourceList[3+r.IntN(3)].id)
	fmt.Fprintf(b, "updated: %s\n", date(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(365))))
	b.WriteString("versions:\n")
	for _, v := range []struct {
		i int
		t text
	}{{vi, earlier}, {vj, later}} {
		fmt.Fprintf(b, "  %s:\n", versionIDs[v.i].id)
		if r.IntN(8) == 0 {
			fmt.Fprintf(b, "    number: %d\n", n+1+r.IntN(3))
		}
		b.WriteString("    text: |\n")
		v.t.render(b, "      ")
		fmt.Fprintf(b, "    sources: [%s]\n", sourceList[3+r.IntN(3)].id)
	}

	b.WriteString("history:\n")
	sessions := make([]int, 5)
	for i := range sessions {
		sessions[i] = r.IntN(len(sessionList))
	}
	sort.Ints(sessions)
	editAt := r.IntN(len(sessions))
	otherKinds := []string{"proposal", "statement", "objection", "statement", "interpretive-statement", "proposal"}
	outcomes := []string{"adopted", "not-adopted", "withdrawn", "partly-adopted"}
	for i, si := range sessions {
		s := sessionList[si]
		kind := otherKinds[r.IntN(len(otherKinds))]
		var on, replace, with string
		if i == editAt {
			var ok bool
			kind = "proposal"
			on, replace, with, ok = g.proposal(adopted, body.String())
			if !ok {
				return "", fmt.Errorf("benchcorpus: article %d: no run of words occurs exactly once in its text", n)
			}
		} else if r.IntN(5) > 0 {
			p := 1 + r.IntN(len(shape))
			on = strconv.Itoa(p)
			if shape[p-1] > 0 && r.IntN(2) == 0 {
				on += "-" + string(letter(r.IntN(shape[p-1])))
			}
		}
		fmt.Fprintf(b, "  - session: %s\n", s.id)
		if r.IntN(3) == 0 {
			start, _ := time.Parse(time.DateOnly, s.start)
			fmt.Fprintf(b, "    date: %s\n", date(start.AddDate(0, 0, r.IntN(s.days))))
		}
		if on != "" {
			fmt.Fprintf(b, "    on: %q\n", on)
		}
		fmt.Fprintf(b, "    kind: %s\n", kind)
		by := c.states[r.IntN(nStates)]
		var group *delegation
		if r.IntN(10) == 0 {
			group = &c.groups[r.IntN(len(c.groups))]
			by = c.states[c.stateIndex(group.members[0])] // the group's speaker
		}
		fmt.Fprintf(b, "    by: [%s]\n", by.id)
		if group != nil {
			fmt.Fprintf(b, "    on_behalf: %s\n", group.id)
		}
		taken := []string{by.id}
		supported := c.pickStates(r, 1+r.IntN(5), &taken)
		opposed := c.pickStates(r, r.IntN(4), &taken)
		fmt.Fprintf(b, "    supported: %s\n", flow(supported))
		if len(opposed) > 0 {
			fmt.Fprintf(b, "    opposed: %s\n", flow(opposed))
		}
		if replace != "" {
			fmt.Fprintf(b, "    edits:\n      - replace: %s\n        with: %s\n", quote(replace), quote(with))
		}
		if kind == "proposal" {
			fmt.Fprintf(b, "    outcome: %s\n", outcomes[r.IntN(len(outcomes))])
		}
		b.WriteString("    summary: >-\n")
		wrap(b, c.summary(g, kind, by, group, on, supported, opposed), "      ")
		src := r.Perm(len(sourceList))[:1+r.IntN(2)]
		sort.Ints(src)
		ids := make([]string, len(src))
		for k, x := range src {
			ids[k] = sourceList[x].id
		}
		fmt.Fprintf(b, "    sources: %s\n", flow(ids))
	}
	b.WriteString("---\n")
	b.Write(body.Bytes())
	return fmt.Sprintf("%03d-%s.md", n, slug(title)), nil
}

func (c *corpus) stateIndex(id string) int {
	return int(id[0]-'A')*676 + int(id[1]-'A')*26 + int(id[2]-'A')
}

// pickStates picks k states not in taken, in the order picked, and adds
// them to taken.
func (c *corpus) pickStates(r *rand.Rand, k int, taken *[]string) []string {
	var out []string
	for len(out) < k {
		id := c.states[r.IntN(nStates)].id
		dup := false
		for _, t := range *taken {
			dup = dup || t == id
		}
		if !dup {
			out = append(out, id)
			*taken = append(*taken, id)
		}
	}
	return out
}

// summary is an entry's account in our words: who did what, two or three
// sentences of substance, and who supported and opposed it.
func (c *corpus) summary(g *gen, kind string, by delegation, group *delegation, on string, supported, opposed []string) string {
	where := "the article as a whole"
	if on != "" {
		p, sub, _ := strings.Cut(on, "-")
		where = "paragraph " + p + " of this article"
		if sub != "" {
			where = "paragraph " + p + " (" + sub + ") of this article"
		}
	}
	who := by.name
	if group != nil {
		who += ", on behalf of a group of countries,"
	}
	var act string
	switch kind {
	case "proposal":
		act = "proposed to amend " + where
	case "objection":
		act = "objected to " + where
	case "interpretive-statement":
		act = "made an interpretive statement on " + where
	default:
		act = "spoke on " + where
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s. %s", who, act, g.prose(1+g.r.IntN(2)))
	names := func(ids []string) string {
		ns := make([]string, len(ids))
		for i, id := range ids {
			ns[i] = c.stateName(id)
		}
		if len(ns) == 1 {
			return ns[0]
		}
		return strings.Join(ns[:len(ns)-1], ", ") + " and " + ns[len(ns)-1]
	}
	fmt.Fprintf(&b, " It was supported by %s", names(supported))
	if len(opposed) > 0 {
		fmt.Fprintf(&b, " and opposed by %s", names(opposed))
	}
	b.WriteString(".")
	return b.String()
}

// The registries.

// registryGen makes text for a registry; its citations name articles only.
func (c *corpus) registryGen(stream uint64) *gen {
	r := rand.New(rand.NewPCG(uint64(c.opts.Seed), stream))
	return &gen{r: r, cite: func() string { return "article " + strconv.Itoa(1+r.IntN(c.opts.N)) }}
}

func (c *corpus) convention() []byte {
	var b bytes.Buffer
	g := c.registryGen(0xc0)
	fmt.Fprintf(&b, "# A synthetic corpus for benchmarks (travaux/generator/internal/benchcorpus, N=%d, seed %d).\n", c.opts.N, c.opts.Seed)
	b.WriteString("title: Synthetic Convention on Benchmarking\n")
	b.WriteString("subtitle: A generated text of realistic shape, for measuring build speed\n")
	b.WriteString("short_title: Benchmark Convention\n")
	b.WriteString("symbol: A/RES/99/999\n")
	b.WriteString("base_url: https://bench.example.org\n")
	b.WriteString("status: |\n")
	wrap(&b, "Generated text. "+g.prose(2), "  ")
	b.WriteString("milestones:\n")
	for _, m := range []struct{ date, src string }{{"2021-05", "record-1"}, {"2024-08-08", "record-3"}, {"2024-12-24", "doc-3"}} {
		fmt.Fprintf(&b, "  - date: %s\n    text: |\n", m.date)
		wrap(&b, g.prose(1), "      ")
		fmt.Fprintf(&b, "    sources: [%s]\n", m.src)
	}
	b.WriteString("chapters:\n")
	for _, ch := range c.chapters {
		fmt.Fprintf(&b, "  - {id: %s, name: %s}\n", ch.id, quote(ch.name))
	}
	return b.Bytes()
}

func (c *corpus) versionsYAML() []byte {
	var b bytes.Buffer
	g := c.registryGen(0x7e)
	for _, v := range versionIDs {
		fmt.Fprintf(&b, "- id: %s\n  label: %s\n  symbol: %s\n  date: %s\n  session: %s\n  note: |\n",
			v.id, quote(v.label), v.symbol, v.date, v.session)
		wrap(&b, g.prose(1), "    ")
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func (c *corpus) sessionsYAML() []byte {
	var b bytes.Buffer
	for _, s := range sessionList {
		start, err := time.Parse(time.DateOnly, s.start)
		if err != nil {
			panic(err)
		}
		fmt.Fprintf(&b, "- id: %s\n  name: %s\n  kind: %s\n  place: %s\n  start: %s\n  end: %s\n\n",
			s.id, quote(s.name), s.kind, s.place, s.start, date(start.AddDate(0, 0, s.days-1)))
	}
	return b.Bytes()
}

func (c *corpus) delegationsYAML() []byte {
	var b bytes.Buffer
	for _, d := range c.states {
		fmt.Fprintf(&b, "- {id: %s, name: %s, kind: state, region: %s}\n", d.id, quote(d.name), d.region)
	}
	for _, d := range c.others {
		fmt.Fprintf(&b, "- {id: %s, name: %s, kind: %s}\n", d.id, quote(d.name), d.kind)
	}
	for _, d := range c.groups {
		fmt.Fprintf(&b, "- id: %s\n  name: %s\n  kind: group\n  members: %s\n", d.id, quote(d.name), flow(d.members))
	}
	return b.Bytes()
}

func (c *corpus) sourcesYAML() []byte {
	var b bytes.Buffer
	g := c.registryGen(0x50)
	for _, s := range sourceList {
		fmt.Fprintf(&b, "- id: %s\n  title: %s\n  kind: %s\n  publisher: %s\n  date: %s\n  url: https://sources.example.org/%s\n\n",
			s.id, quote(g.title()), s.kind, quote(s.publisher), s.date, s.id)
	}
	return b.Bytes()
}

func (c *corpus) topicsYAML() []byte {
	var b bytes.Buffer
	g := c.registryGen(0x70)
	for _, t := range topicList {
		fmt.Fprintf(&b, "- id: %s\n  name: %s\n  intro: |\n", t.id, quote(t.name))
		wrap(&b, g.prose(3), "    ")
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// YAML and file-name helpers.

// quote writes s as a double-quoted YAML scalar.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

// flow writes ids (which need no quotes) as a YAML flow list.
func flow(ids []string) string { return "[" + strings.Join(ids, ", ") + "]" }

// wrap writes s as the lines of a block scalar, indented, at most about
// 76 columns wide.
func wrap(b *bytes.Buffer, s, indent string) {
	col := 0
	for i, w := range strings.Fields(s) {
		switch {
		case i == 0:
			b.WriteString(indent)
			col = len(indent)
		case col+1+len(w) > 76:
			b.WriteByte('\n')
			b.WriteString(indent)
			col = len(indent)
		default:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += len(w)
	}
	b.WriteByte('\n')
}

func date(t time.Time) string { return t.Format(time.DateOnly) }

// slug makes a file-name slug from a title, cut at a word boundary.
func slug(title string) string {
	var parts []string
	n := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if n > 0 && n+1+len(w) > 60 {
			break
		}
		parts = append(parts, w)
		n += len(w) + 1
	}
	if len(parts) == 0 {
		return "article"
	}
	return strings.Join(parts, "-")
}
