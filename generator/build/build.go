// Package build runs the pipeline that turns a site's content into the
// files of its website, and is the only package that knows the order of
// the stages:
//
//	load (files -> model.Corpus) -> markdown (every text -> HTML and
//	paragraphs; treaty texts first, for xref's index, then every text
//	with its citations linked) -> checks that need both -> render (pages
//	and assets)
//
// Run works on file systems and returns the site as a map of paths to
// bytes; writing them to disk is the caller's job (see package write), so
// the same pipeline serves `travaux build`, `travaux check` and tests.
package build

import (
	"crypto/sha256"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"

	"travaux/generator/internal/parallel"
	"travaux/generator/load"
	"travaux/generator/markdown"
	"travaux/generator/model"
	"travaux/generator/render"
	"travaux/generator/source"
	"travaux/generator/xref"
)

// Config says where a build reads from.
type Config struct {
	// Site is the site root: content/ and, optionally, templates/.
	Site fs.FS
	// Defaults are the templates and assets used where the site's
	// templates/ folder has no file of the same name.
	Defaults fs.FS
	// SkipRender stops after the checks: `travaux check`.
	SkipRender bool
	// BaseURL, when set, replaces convention.yaml's base_url: the absolute
	// URL the site is published at, for canonical links, the sitemap and
	// copied citations.
	BaseURL string
	// Preview builds for the preview server: assets keep their own names
	// (see render.Input.PlainAssetNames).
	Preview bool
	// Staged renders the provisions' own pages in Build and leaves the
	// rest of the site to Result.Rest, so that the preview can publish
	// the page being edited before the record's listings, the search
	// index and the open data are made again. Result.Files then holds
	// only the provisions' files made anew since this Builder's last
	// build, and Result.Gone those it no longer makes, unless
	// Result.AllArticles (render.Staged.Changes).
	Staged bool
	// Emit, when set, receives every file as soon as it is rendered, from
	// several goroutines, and Result.Files holds none: `travaux build`
	// writes while it renders (render.Input.Emit). It must not keep data
	// once it returns.
	Emit func(path string, data []byte) error
	// EmitFrom, with Emit, streams the files too large to hold whole
	// (render.Input.EmitFrom; write.Stream.AddFrom).
	EmitFrom func(name func(sum [sha256.Size]byte) string, write func(io.Writer) error) (string, error)
	// Progress, when set, is told as each stage starts, with the number
	// of provisions it works through (0 before they are loaded), so that
	// a long build can show where it is.
	Progress func(stage string, provisions int)
}

// Stage is how long one stage took.
type Stage struct {
	Name     string
	Duration time.Duration
}

// Result is what a build produced.
type Result struct {
	Corpus   *model.Corpus
	Files    map[string][]byte // output path -> bytes; nil if the build failed
	Problems source.ErrorList  // sorted; errors and warnings
	Stages   []Stage
	// Rest, set by a successful Staged build, renders the files that
	// Files does not hold yet: every file but the provisions' own. stop,
	// when not nil, is asked now and then whether to give up, which Rest
	// then does with render.ErrStopped (render.Staged.RestUnless).
	Rest func(stop func() bool) (map[string][]byte, error)
	// Gone, for a Staged build, lists the provisions' files the last
	// build made and this one does not. AllArticles says that Files holds
	// every provision's file instead, the last build's being unknown (the
	// first build, or the first after the templates changed): Gone is
	// then empty.
	Gone        []string
	AllArticles bool
}

// Failed reports whether the build found errors (warnings do not count).
func (r *Result) Failed() bool { return r.Problems.Err() != nil }

// Pages counts the HTML pages among the files.
func (r *Result) Pages() int {
	n := 0
	for name := range r.Files {
		if len(name) > 5 && name[len(name)-5:] == ".html" {
			n++
		}
	}
	return n
}

// Run builds the site. It never stops at the first problem: every stage
// that can run does, so an author sees all problems at once.
func Run(cfg Config) *Result {
	b := NewBuilder(cfg)
	b.once = true
	return b.Build()
}

// Build runs the pipeline, reusing what earlier builds of this Builder
// made from files that have not changed since (see Changed).
func (b *Builder) Build() (res *Result) {
	cfg := b.cfg
	res = &Result{}
	// A panic is a bug, never the author's fault, but it must not cost
	// them the build's other problems or a readable message; the reused
	// work may be inconsistent after it, so the builder starts afresh.
	defer func() {
		if v := recover(); v != nil {
			res.Files = nil
			res.Problems.Add(source.Pos{File: "travaux"}, "internal error during the build (please report it): %v", v)
			res.Problems.Sort()
			b.reset()
		}
	}()
	timed := func(name string, f func()) {
		if cfg.Progress != nil {
			n := 0
			if res.Corpus != nil {
				n = len(res.Corpus.Articles)
			}
			cfg.Progress(name, n)
		}
		start := time.Now()
		f()
		res.Stages = append(res.Stages, Stage{name, time.Since(start)})
	}
	defer res.Problems.Sort()

	var corpus *model.Corpus
	timed("load", func() {
		var problems source.ErrorList
		corpus, problems = load.LoadCached(cfg.Site, b.loads)
		res.Problems.Append(problems)
	})
	if corpus == nil {
		return res
	}
	res.Corpus = corpus
	if cfg.BaseURL != "" {
		corpus.Convention.BaseURL = cfg.BaseURL
	}

	var rendered *model.TextMap
	var links *xref.Index
	timed("markdown", func() {
		treaties, _ := b.renderTexts(corpus, nil, true)
		links = xref.New(corpus, treaties)
		if b.once {
			// The index has read the paragraphs' texts it needs (the
			// defined terms) and keeps their ids for linking; a one-off
			// build keeps no other use of them, and while every text is
			// rendered again they would be a copy of its plain text.
			for r := range treaties.Renderings() {
				for i := range r.Paragraphs {
					r.Paragraphs[i].Text = ""
				}
			}
		}
		b.linked.sameLinks = links.Continue(b.links)
		var problems source.ErrorList
		rendered, problems = b.renderTexts(corpus, links, false)
		if !b.once {
			b.links = links
		}
		res.Problems.Append(problems)
	})
	var citedBy xref.CitedBy
	timed("check", func() {
		res.Problems.Append(b.checkParagraphs(corpus, rendered))
		res.Problems.Append(links.Check(rendered))
		if !cfg.SkipRender && !res.Failed() { // only rendering shows them
			citedBy = links.CitedBy(rendered)
		}
	})
	if b.once {
		// Rendering needs neither the index, which holds the paragraphs
		// of the first Markdown pass, nor the citations the checks have
		// read: together a quarter of a large build's memory.
		links = nil
		for r := range rendered.Renderings() {
			r.Citations = nil
		}
	}
	if cfg.SkipRender || res.Failed() {
		return res
	}

	timed("render", func() {
		tmpl, err := b.templates()
		if err != nil {
			res.Problems.Add(source.Pos{File: "templates"}, "%v", err)
			return
		}
		in := render.Input{Corpus: corpus, Rendered: rendered, CodeCSS: markdown.CSS(), PlainAssetNames: cfg.Preview, Reuse: cfg.Preview, Emit: cfg.Emit, EmitFrom: cfg.EmitFrom, CitedBy: citedBy}
		var files map[string][]byte
		if cfg.Staged {
			var st *render.Staged
			if st, err = tmpl.Stage(in); err == nil {
				files, res.Gone, res.AllArticles, err = st.Changes()
				res.Rest = b.rest(st)
			}
		} else {
			files, err = tmpl.Site(in)
		}
		if err != nil {
			res.Problems.Add(source.Pos{File: "templates"}, "%v", err)
			res.Rest = nil
			return
		}
		res.Files = files
	})
	return res
}

// rest is Result.Rest for st: a panic in it is reported as an error, as
// Build reports one, and makes the builder start afresh.
func (b *Builder) rest(st *render.Staged) func(stop func() bool) (map[string][]byte, error) {
	return func(stop func() bool) (files map[string][]byte, err error) {
		defer func() {
			if v := recover(); v != nil {
				files, err = nil, fmt.Errorf("internal error during the build (please report it): %v", v)
				b.reset()
			}
		}()
		return st.RestUnless(stop)
	}
}

// subIfExists returns the folder dir of fsys, or nil if it has none.
func subIfExists(fsys fs.FS, dir string) fs.FS {
	fi, err := fs.Stat(fsys, dir)
	if err != nil || !fi.IsDir() {
		return nil
	}
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil
	}
	return sub
}

// renderTexts runs the markdown stage over every text of the corpus.
// Treaty texts (article bodies, earlier versions' wording, proposed
// wording) get numbered paragraphs; everything else is prose. Each text
// is told the article (and version) it stands in, so that "paragraph 3 of
// this article" resolves, and links resolves its citations and defined
// terms. With treatyOnly, it finds the paragraphs of the adopted and
// earlier texts only (markdown.Renderer.Paragraphs) and reports nothing:
// the first pass, for the index xref builds.
func (b *Builder) renderTexts(c *model.Corpus, links markdown.Linker, treatyOnly bool) (*model.TextMap, source.ErrorList) {
	jobs, spans := b.textJobs(c, treatyOnly)
	md := b.md
	cache := b.linked
	pass := 0
	if treatyOnly {
		cache, pass = b.unlinked, 1
	}
	results := make([]textResult, len(jobs))
	// An article's texts render as they did if its file did not change
	// (the same pointer) and, once linked, if every citation resolves as
	// it did: take them from the last build at once.
	reused := make([]bool, len(jobs))
	if last := b.done[pass]; last != nil && (treatyOnly || cache.sameLinks) {
		for _, sp := range spans {
			if rs, ok := last[sp.a]; ok && len(rs) == sp.end-sp.start {
				copy(results[sp.start:sp.end], rs)
				for i := sp.start; i < sp.end; i++ {
					reused[i] = true
				}
			}
		}
	}
	var todo []int
	for i := range jobs {
		if !reused[i] {
			todo = append(todo, i)
		}
	}
	// Texts are independent once the index is built: render them on every
	// processor, then assemble in job order so the output does not depend
	// on scheduling.
	parallel.For(len(todo), func(k int) {
		i := todo[k]
		j := jobs[i]
		if r, ok := cache.get(j, links); ok {
			results[i] = r
			return
		}
		o := j.opts
		o.Links = links
		var r *model.Rendered
		var errs source.ErrorList
		if treatyOnly {
			r = md.Paragraphs(j.text, o)
		} else if j.treaty {
			r, errs = md.TreatyWith(j.text, o)
			if r == nil {
				r = &model.Rendered{HTML: template.HTML(template.HTMLEscapeString(j.text.Source))}
			}
		} else {
			r, errs = md.ProseWith(j.text, o)
		}
		results[i] = textResult{r: r, errs: errs}
	})
	if !b.once {
		cache.keep(jobs, results, reused, links)
		done := make(map[*model.Article][]textResult, len(spans))
		for _, sp := range spans {
			done[sp.a] = results[sp.start:sp.end:sp.end]
		}
		b.done[pass] = done
	}
	out := model.NewTextMap(len(jobs))
	var problems source.ErrorList
	for i, j := range jobs {
		out.Set(j.text, results[i].r)
		problems.Append(results[i].errs)
	}
	if treatyOnly {
		return out, nil
	}
	return out, problems
}

// textJob is one text for the markdown stage.
type textJob struct {
	text   model.Text
	opts   markdown.Options
	treaty bool
}

// textJobs lists every text of the corpus once, in a fixed order. An
// article's list depends on nothing but the article, so the lists of
// articles whose file did not change are taken from the last build.
func (b *Builder) textJobs(c *model.Corpus, treatyOnly bool) ([]textJob, []articleSpan) {
	l := newJobList(treatyOnly, 8*len(c.Articles))
	none := markdown.Options{}
	l.add(c.Convention.Status, none, false)
	for _, m := range c.Convention.Milestones {
		l.add(m.Text, none, false)
	}
	for _, v := range c.Versions {
		l.add(v.Note, none, false)
	}
	for _, t := range c.Topics {
		l.add(t.Intro, none, false)
	}
	for _, p := range c.Pages {
		l.add(p.Body, none, false)
	}
	pass := 0
	if treatyOnly {
		pass = 1
	}
	last := b.jobs[pass]
	next := make(map[*model.Article][]textJob, len(c.Articles))
	spans := make([]articleSpan, 0, len(c.Articles))
	for _, a := range c.Articles {
		jobs, ok := last[a]
		if !ok {
			al := newJobList(treatyOnly, 0)
			al.unplaced = l.unplaced
			al.addArticle(a)
			jobs = al.jobs
		}
		next[a] = jobs
		spans = append(spans, articleSpan{a, len(l.jobs), len(l.jobs) + len(jobs)})
		l.jobs = append(l.jobs, jobs...)
	}
	if !b.once {
		b.jobs[pass] = next
	}
	return l.jobs, spans
}

// articleSpan says which jobs, [start, end), are an article's texts.
type articleSpan struct {
	a          *model.Article
	start, end int
}

// jobList collects the texts to render. A text listed twice (a YAML
// alias) is rendered once. Equal texts share a file and a place, and each
// file's texts come one after another, so a small set per file finds them
// without hashing every text's file name; texts with no place are
// compared by source.
type jobList struct {
	jobs       []textJob
	treatyOnly bool
	seen       map[spot][]string
	unplaced   map[string]bool
	file       string
}

type spot struct{ line, col, n int }

func newJobList(treatyOnly bool, size int) *jobList {
	return &jobList{jobs: make([]textJob, 0, size), treatyOnly: treatyOnly, seen: map[spot][]string{}, unplaced: map[string]bool{}}
}

func (l *jobList) add(t model.Text, o markdown.Options, treaty bool) {
	if t.Source == "" || (l.treatyOnly && !treaty) {
		return
	}
	if t.Pos.File == "" {
		if l.unplaced[t.Source] {
			return
		}
		l.unplaced[t.Source] = true
	} else {
		if t.Pos.File != l.file {
			clear(l.seen)
			l.file = t.Pos.File
		}
		k := spot{t.Pos.Line, t.Pos.Col, len(t.Source)}
		if slices.Contains(l.seen[k], t.Source) {
			return
		}
		l.seen[k] = append(l.seen[k], t.Source)
	}
	l.jobs = append(l.jobs, textJob{t, o, treaty})
}

// addArticle adds the texts of a: treaty texts are told the article (and
// version) they stand in, so that "paragraph 3 of this article" resolves.
func (l *jobList) addArticle(a *model.Article) {
	in := markdown.Options{Article: a.Slug()}
	l.add(a.Body, in, true)
	l.add(a.Notes, in, false)
	// Prefix keeps the anchors of texts shown beside the adopted text on
	// one page (earlier versions, proposed wordings) apart from its own.
	for _, v := range a.Versions {
		l.add(v.Text, markdown.Options{Prefix: "v-" + v.Version.ID + "-", Article: a.Slug(), Version: v.Version.ID}, true)
	}
	if l.treatyOnly {
		return // the index needs the adopted and earlier texts only
	}
	for i, e := range a.History {
		l.add(e.Wording, markdown.Options{Prefix: "e" + strconv.Itoa(i+1) + "-", Article: a.Slug()}, true)
		l.add(e.Summary, in, false)
	}
}

// checkParagraphs reports `on:` and `defines:` references to paragraphs
// that an article's complete text does not have. A partial or missing text
// cannot be checked: the paragraph may exist in the treaty and simply not
// be in this edition yet.
func (b *Builder) checkParagraphs(c *model.Corpus, rendered *model.TextMap) source.ErrorList {
	var problems source.ErrorList
	// An article's findings depend on it and its adopted text alone:
	// those of articles whose file and rendering did not change are
	// taken from the last build.
	next := make(map[*model.Article]paragraphCheck, len(c.Articles))
	for _, a := range c.Articles {
		body := rendered.Get(a.Body)
		pc, ok := b.paragraphChecks[a]
		if !ok || pc.body != body {
			pc = paragraphCheck{body, checkArticleParagraphs(a, body)}
		}
		next[a] = pc
		problems.Append(pc.errs)
	}
	if !b.once {
		b.paragraphChecks = next
	}
	return problems
}

// paragraphCheck is what checkArticleParagraphs found for an article with
// adopted text body.
type paragraphCheck struct {
	body *model.Rendered
	errs source.ErrorList
}

func checkArticleParagraphs(a *model.Article, body *model.Rendered) source.ErrorList {
	var problems source.ErrorList
	if body == nil || a.Partial || !complete(body) {
		return nil
	}
	check := func(ref model.Ref) {
		if ref.ID == "" || body.Paragraph(ref.ID) != nil {
			return
		}
		ids := make([]string, len(body.Paragraphs))
		for i, p := range body.Paragraphs {
			ids[i] = p.ID
		}
		problems.Add(ref.Pos, "%s has no paragraph %q (it has %s)", describe(a), ref.ID, strings.Join(ids, ", "))
	}
	for _, e := range a.History {
		check(e.On)
	}
	for _, d := range a.Defines {
		check(d.On)
	}
	return problems
}

// complete reports whether a rendered treaty text has its paragraphs
// numbered from 1 without gaps.
func complete(r *model.Rendered) bool {
	for i, n := range r.Numbers() {
		if n != i+1 {
			return false
		}
	}
	return true
}

func describe(a *model.Article) string {
	if a.Kind == model.ProvisionArticle {
		return fmt.Sprintf("the text of article %d", a.Number)
	}
	return "the text of the " + a.Kind
}
