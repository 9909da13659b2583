package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"sync"

	"travaux/generator/catalog"
	"travaux/generator/model"
)

// The page templates. Each is parsed into its own set together with every
// other *.html file of the root (the shared files: layout.html, parts.html,
// or anything a site adds), so each page file can define the same block
// names without clashing, as pkgsite does.
//
// A set is executed by its "layout" template, which a shared file defines;
// the page file defines "main", the contents of <main>.
const (
	tmplIndex    = "index.html"   // executed with *IndexPage
	tmplArticle  = "article.html" // executed with *ArticlePage
	tmplPage     = "page.html"    // executed with *TextPage
	tmplNotFound = "404.html"     // executed with *NotFoundPage
	tmplCompare  = "compare.html" // executed with *ComparePage
)

var pageTemplates = append([]string{tmplIndex, tmplArticle, tmplPage, tmplNotFound, tmplCompare}, recordTemplates...)

// Templates are the parsed page templates and the static assets, parsed
// once and reused across builds: a build only executes them.
type Templates struct {
	pages  map[string]*template.Template
	static []staticFile // in path order

	// memo holds the pages of the last Site call. Templates read nothing
	// but their data, so a page whose view model equals last time's
	// (reflect.DeepEqual) has the same bytes: a rebuild after one save
	// executes only the pages the save changed. The view models are plain
	// values built afresh for each build, never shared with the model.
	mu       sync.Mutex
	memo     map[string]memoPage
	views    *viewMemo                   // comparisons, kept the same way (Input.Reuse)
	articles *articleMemo                // the provisions' files, by their inputs (stage.go)
	named    map[*model.Article][]string // the delegations each article names (recordedIDs)
}

type memoPage struct {
	tmpl string
	data any
	out  []byte
}

// staticFile is a file under static/, by its path relative to static/.
type staticFile struct {
	name string
	data []byte
}

// Parse reads the templates and static files of fsys, whose root holds the
// *.html templates and a static/ folder. Template syntax errors come back
// as html/template reports them, naming the file and line
// ("template: article.html:12: unexpected EOF").
func Parse(fsys fs.FS) (*Templates, error) {
	names, err := fs.Glob(fsys, "*.html")
	if err != nil {
		return nil, fmt.Errorf("parse templates: %w", err)
	}
	var shared []string
	for _, n := range names {
		if !slices.Contains(pageTemplates, n) {
			shared = append(shared, n)
		}
	}
	t := &Templates{pages: map[string]*template.Template{}, views: newViewMemo()}
	// The shared files are parsed once; each page's set is a copy of them
	// with the page's file added.
	base := template.New("shared")
	if len(shared) > 0 {
		if base, err = base.ParseFS(fsys, shared...); err != nil {
			return nil, fmt.Errorf("parse templates: %w", err)
		}
	}
	for _, page := range pageTemplates {
		if !slices.Contains(names, page) {
			return nil, fmt.Errorf("parse templates: %s: file missing", page)
		}
		set, err := base.Clone()
		if err == nil {
			set, err = set.ParseFS(fsys, page)
		}
		if err != nil {
			return nil, fmt.Errorf("parse templates: %w", err)
		}
		for _, block := range []string{"layout", "main"} {
			if set.Lookup(block) == nil {
				return nil, fmt.Errorf("parse templates: %s: no template %q defined (with the shared files %v)", page, block, shared)
			}
		}
		t.pages[page] = set
	}
	t.static, err = readStatic(fsys)
	if err != nil {
		return nil, fmt.Errorf("parse templates: %w", err)
	}
	return t, nil
}

// readStatic reads every file under static/, in path order. A site with no
// static/ folder is fine: it just publishes no assets.
func readStatic(fsys fs.FS) ([]staticFile, error) {
	var files []staticFile
	err := fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "static" && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		rel, _ := strings.CutPrefix(p, "static/")
		files = append(files, staticFile{name: rel, data: data})
		return nil
	})
	return files, err
}

// recordedIDs is catalog.Recorded, taking what each article names from the
// last call for articles that did not change.
func (t *Templates) recordedIDs(c *model.Corpus) []string {
	t.mu.Lock()
	last := t.named
	t.mu.Unlock()
	next := make(map[*model.Article][]string, len(c.Articles))
	ids := catalog.RecordedFrom(c, func(a *model.Article) []string {
		names, ok := last[a]
		if !ok {
			names = catalog.Named(a)
		}
		next[a] = names
		return names
	})
	t.mu.Lock()
	t.named = next
	t.mu.Unlock()
	return ids
}

// executeMemo is execute for the page at path, reusing last build's bytes
// when the template and the data are the same.
func (t *Templates) executeMemo(path, page string, data any) ([]byte, error) {
	t.mu.Lock()
	m, ok := t.memo[path]
	t.mu.Unlock()
	if ok && m.tmpl == page && reflect.DeepEqual(m.data, data) {
		return m.out, nil
	}
	return t.execute(page, data)
}

// remember keeps this build's pages for the next one.
func (t *Templates) remember(pages []page, out [][]byte) {
	memo := make(map[string]memoPage, len(pages))
	for i, p := range pages {
		if out[i] != nil {
			memo[p.path] = memoPage{tmpl: p.tmpl, data: p.data, out: out[i]}
		}
	}
	t.mu.Lock()
	t.memo = memo
	t.mu.Unlock()
}

// executePart runs the template name of page's set with data, for HTML
// that several pages share; "" if the set does not define name.
func (t *Templates) executePart(page, name string, data any) (template.HTML, error) {
	set := t.pages[page]
	if set.Lookup(name) == nil {
		return "", nil
	}
	b := buffers.Get().(*bytes.Buffer)
	defer func() { b.Reset(); buffers.Put(b) }()
	if err := set.ExecuteTemplate(b, name, data); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// execute runs the set parsed for page with data.
func (t *Templates) execute(page string, data any) (out []byte, err error) {
	err = t.executeTo(page, data, func(b []byte) error {
		out = bytes.Clone(b)
		return nil
	})
	return out, err
}

// executeTo is execute that hands the page to use instead of returning
// a copy: a page written as soon as it is made (Input.Emit) needs none.
// use must not keep the bytes, whose buffer is reused when it returns.
func (t *Templates) executeTo(page string, data any, use func([]byte) error) error {
	b := buffers.Get().(*bytes.Buffer)
	defer func() { b.Reset(); buffers.Put(b) }()
	if err := t.pages[page].ExecuteTemplate(b, "layout", data); err != nil {
		return err
	}
	return use(b.Bytes())
}

// buffers hold pages while they are executed: a buffer grown by one page
// is ready for the next, and the page keeps only its own bytes.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}
