package build

import (
	"path"
	"strings"
	"sync"

	"travaux/generator/load"
	"travaux/generator/markdown"
	"travaux/generator/model"
	"travaux/generator/render"
	"travaux/generator/source"
	"travaux/generator/xref"
)

// Builder runs builds of one site that reuse the work of earlier ones:
// decoded content files, parsed templates, and rendered texts. The
// preview server keeps one Builder and tells it which files changed; a
// one-off build uses a fresh one (Run). What is reused is exactly what a
// fresh build would make again (tests compare the two).
type Builder struct {
	cfg      Config
	loads    *load.Cache
	md       *markdown.Renderer
	unlinked *textCache                         // treaty texts before linking, for the xref index
	linked   *textCache                         // every text, linked
	links    *xref.Index                        // the last build's index, which linked's entries were made with
	jobs     [2]map[*model.Article][]textJob    // each article's texts, for both passes (textJobs)
	done     [2]map[*model.Article][]textResult // what the last build made of them
	// paragraphChecks are the last build's findings of checkParagraphs.
	paragraphChecks map[*model.Article]paragraphCheck
	// once says that the builder builds once (Run): it keeps nothing for
	// a next build, which would cost time and hold the whole edition's
	// rendered texts twice.
	once bool

	mu      sync.Mutex
	tmpl    *render.Templates
	tmplErr error
	parsed  bool
}

// NewBuilder returns a Builder for cfg.
func NewBuilder(cfg Config) *Builder {
	return &Builder{
		cfg:      cfg,
		loads:    load.NewCache(),
		md:       markdown.New(),
		unlinked: newTextCache(),
		linked:   newTextCache(),
	}
}

// reset drops everything the builder reuses.
func (b *Builder) reset() {
	b.loads = load.NewCache()
	b.unlinked = newTextCache()
	b.linked = newTextCache()
	b.links = nil
	b.jobs = [2]map[*model.Article][]textJob{}
	b.done = [2]map[*model.Article][]textResult{}
	b.paragraphChecks = nil
	b.mu.Lock()
	b.parsed = false
	b.mu.Unlock()
}

// Changed tells the builder which files of the site changed since its last
// build: slash-separated paths relative to the site root
// ("content/articles/065-entry-into-force.md", "templates/article.html").
// Anything under content/ is read again; a change under templates/ makes
// the templates parse again.
func (b *Builder) Changed(paths []string) {
	b.loads.Forget(paths...)
	for _, p := range paths {
		if p == "templates" || strings.HasPrefix(path.Clean(p), "templates/") {
			b.mu.Lock()
			b.parsed = false
			b.mu.Unlock()
		}
	}
}

// templates returns the parsed templates, parsing them when needed.
func (b *Builder) templates() (*render.Templates, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.parsed {
		b.tmpl, b.tmplErr = render.Parse(overlay{upper: subIfExists(b.cfg.Site, "templates"), lower: b.cfg.Defaults})
		b.parsed = true
	}
	return b.tmpl, b.tmplErr
}

// textResult is what the markdown stage made of one text.
type textResult struct {
	source string // the text rendered
	r      *model.Rendered
	errs   source.ErrorList
	// targets are where each of r.Citations led when the text was
	// linked, and terms the defined terms then linked: the text's HTML
	// is still right as long as both are unchanged.
	targets []model.Target
	terms   []model.Term
}

// textCache keeps rendered texts between builds, keyed by the text and
// where it stands. A text's HTML depends on nothing else but its links,
// so a linked text is reused only if every citation in it resolves as it
// did and the defined terms are the same.
type textCache struct {
	mu      sync.Mutex
	entries map[textKey]textResult
	// sameLinks says that every citation resolves as it did when the
	// entries were kept (xref.Index.Continue), so none needs checking.
	sameLinks bool
}

// A text is keyed by where it starts and its length, not its whole
// source, which would be hashed on every lookup; get compares the source.
type textKey struct {
	at      source.Pos
	length  int
	prefix  string
	article string
	version string
	treaty  bool
}

func keyOf(j textJob) textKey {
	return textKey{j.text.Pos, len(j.text.Source), j.opts.Prefix, j.opts.Article, j.opts.Version, j.treaty}
}

func newTextCache() *textCache { return &textCache{entries: map[textKey]textResult{}} }

// get returns the cached result for j if it is still valid under links.
func (c *textCache) get(j textJob, links markdown.Linker) (textResult, bool) {
	c.mu.Lock()
	r, ok := c.entries[keyOf(j)]
	c.mu.Unlock()
	if !ok || r.source != j.text.Source {
		return r, false
	}
	if links == nil || c.sameLinks {
		return r, true
	}
	if !sameTerms(r.terms, links.Terms()) {
		return r, false
	}
	for i, cit := range r.r.Citations {
		if links.Resolve(cit) != r.targets[i] {
			return r, false
		}
	}
	return r, true
}

// keep replaces the cache's entries with this build's, so that texts
// that no longer exist do not pile up.
func (c *textCache) keep(jobs []textJob, results []textResult, reused []bool, links markdown.Linker) {
	var terms []model.Term
	if links != nil {
		terms = links.Terms()
	}
	for i, j := range jobs {
		r := results[i]
		if r.r == nil || reused[i] {
			continue
		}
		if links != nil && r.targets == nil {
			r.terms = terms
			r.targets = make([]model.Target, len(r.r.Citations))
			for k, cit := range r.r.Citations {
				r.targets[k] = links.Resolve(cit)
			}
		}
		r.source = j.text.Source
		results[i] = r
	}
	// The map is updated in place, for the texts made or looked up this
	// time: after one save, a few. Texts no longer in the edition are
	// dropped once they outnumber the others.
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, j := range jobs {
		if results[i].r != nil && !reused[i] {
			c.entries[keyOf(j)] = results[i]
		}
	}
	if len(c.entries) <= 2*len(jobs)+64 {
		return
	}
	live := make(map[textKey]bool, len(jobs))
	for _, j := range jobs {
		live[keyOf(j)] = true
	}
	for k := range c.entries {
		if !live[k] {
			delete(c.entries, k)
		}
	}
}

func sameTerms(a, b []model.Term) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
