package load

import (
	"io/fs"
	"strings"
	"sync"

	"travaux/generator/internal/parallel"
	"travaux/generator/model"
	"travaux/generator/source"
)

// Cache keeps decoded article files between loads, so that a rebuild
// after one save decodes one file. The caller says which files changed
// (Forget); every other cached file is reused without being read again.
// A Cache is safe for use by one Load at a time.
type Cache struct {
	mu         sync.Mutex
	files      map[string]*decoded
	registries map[string]cachedRegistry
	// checked holds the problems found in each article's references
	// to the registries, valid while the registries are those described
	// by checkedKey.
	checked    map[*model.Article]source.ErrorList
	checkedKey string
}

// cachedRegistry is a decoded registry file (a []T of its records) and
// the problems found in it on its own.
type cachedRegistry struct {
	records any
	errs    source.ErrorList
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{files: map[string]*decoded{}, registries: map[string]cachedRegistry{}}
}

// registry returns the cached registry file name; a nil cache has none.
func (c *Cache) registry(name string) (any, source.ErrorList, bool) {
	if c == nil {
		return nil, nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.registries[name]
	return r.records, r.errs, ok
}

func (c *Cache) keepRegistry(name string, records any, errs source.ErrorList) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.registries[name] = cachedRegistry{records, append(source.ErrorList(nil), errs...)}
}

// validated returns the problems last found in a's references, if a and
// the registries (key) are unchanged since; a nil cache has none.
func (c *Cache) validated(a *model.Article, key string) (source.ErrorList, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.checkedKey != key {
		return nil, false
	}
	errs, ok := c.checked[a]
	return errs, ok
}

// keepValidated replaces what validated knows with this load's findings.
func (c *Cache) keepValidated(key string, checked map[*model.Article]source.ErrorList) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.checked, c.checkedKey = checked, key
}

// Forget drops the named files (slash-separated, relative to the site
// root, e.g. "content/articles/065-entry-into-force.md"), so the next load
// reads them again. A folder's name drops everything under it (a watcher
// that lost events reports the folders it watches). Names of files not
// cached are ignored.
func (c *Cache) Forget(names ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, n := range names {
		delete(c.files, n)
		delete(c.registries, n)
		prefix := strings.TrimSuffix(n, "/") + "/"
		for name := range c.files {
			if strings.HasPrefix(name, prefix) || n == "." || n == "" {
				delete(c.files, name)
			}
		}
		for name := range c.registries {
			if strings.HasPrefix(name, prefix) || n == "." || n == "" {
				delete(c.registries, name)
			}
		}
	}
}

// decoded is what decoding one article file gave: the article (nil when
// the file could not be used), where its number was written, and the
// problems found in the file on its own.
type decoded struct {
	a      *model.Article
	nameOK bool // the file's name says which provision it holds (checkFileName)
	at     source.Pos
	errs   source.ErrorList
}

// LoadCached is Load with a cache of decoded article files; a nil cache
// decodes everything.
func LoadCached(fsys fs.FS, cache *Cache) (*model.Corpus, source.ErrorList) {
	return load(fsys, cache)
}

// decodeArticles decodes the named article files, taking unchanged ones
// from the cache and spreading the rest over the processors: files are
// independent until the references between them are checked.
func (l *loader) decodeArticles(names []string, cache *Cache) []*decoded {
	out := make([]*decoded, len(names))
	var todo []int
	if cache != nil {
		cache.mu.Lock()
		for i, n := range names {
			out[i] = cache.files[n]
		}
		cache.mu.Unlock()
	}
	for i := range names {
		if out[i] == nil {
			todo = append(todo, i)
		}
	}
	parallel.For(len(todo), func(k int) {
		i := todo[k]
		sub := &loader{fsys: l.fsys}
		a, at := sub.loadArticle(names[i])
		d := &decoded{a: a, at: at}
		if a != nil && a.Kind != "" {
			d.nameOK = sub.checkFileName(a, at)
		}
		d.errs = sub.errs
		out[i] = d
	})
	if cache != nil {
		cache.mu.Lock()
		for _, i := range todo {
			cache.files[names[i]] = out[i]
		}
		cache.mu.Unlock()
	}
	return out
}
