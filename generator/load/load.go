// Package load is the first stage of a build: it reads a site's content/
// folder from an fs.FS and returns the edition as a model.Corpus, together
// with every problem it found, each at the file, line and column where
// the author can fix it.
//
// # Files
//
// content/convention.yaml is required; versions.yaml, sessions.yaml,
// delegations.yaml, sources.yaml and topics.yaml are optional, but every
// id used anywhere must be defined in its registry. content/articles/*.md
// are the provisions and content/pages/*.md the free pages: YAML front
// matter between "---" lines, then a Markdown body. The README's "content
// model" section is the specification.
//
// # How
//
// Every file is read as UTF-8 text; a byte-order mark is dropped and CRLF
// line ends become LF, neither of which moves a line:col an editor shows.
// Front matter is cut out by offsets (SplitFrontMatter), so body and YAML
// positions stay file positions. YAML is parsed into a yaml.Node tree and
// walked by a small strict decoder (yamlnode.go): an unknown key, a value
// of the wrong type, a missing field, a malformed date is an error at that
// key or value, with a "did you mean" where one helps.
//
// Loading runs in two passes. The first decodes each file on its own
// (registries.go, articles.go, pages.go); the second (validate.go)
// resolves every reference between records, since a reference can only
// be judged, and a misspelling corrected, against the whole registry.
//
// # What it does not do
//
// It does not parse Markdown: whether the paragraph an `on:` names exists
// is checked after the markdown stage. It does not stop at the first
// problem, and it never panics: the corpus it returns is always usable
// (records it could not identify are left out), so later stages can run
// and report their own problems in the same build.
package load

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"travaux/generator/model"
	"travaux/generator/source"
)

// The folder the content lives in, relative to the site root.
const contentDir = "content"

// registryFiles are the YAML files content/ may hold.
var registryFiles = []string{
	"convention.yaml", "versions.yaml", "sessions.yaml",
	"delegations.yaml", "sources.yaml", "topics.yaml",
}

// loader carries the state of one Load.
type loader struct {
	fsys   fs.FS
	errs   source.ErrorList
	corpus *model.Corpus
	cache  *Cache // decoded article files kept between loads; may be nil
	// articles holds every article file that decoded, including the ones
	// left out of the corpus (duplicates, unknown number), so that their
	// references are checked too.
	articles []*model.Article
}

// Load reads the site's content/ folder from fsys, whose root is the site
// root, and returns the corpus and every problem found, unsorted. The
// corpus is never nil.
func Load(fsys fs.FS) (*model.Corpus, source.ErrorList) {
	return load(fsys, nil)
}

func load(fsys fs.FS, cache *Cache) (*model.Corpus, source.ErrorList) {
	l := &loader{fsys: fsys, corpus: &model.Corpus{}, cache: cache}
	if fsys == nil {
		l.errs.Add(source.Pos{File: contentDir}, "no site to load")
		return l.corpus, l.errs
	}
	if fi, err := fs.Stat(fsys, contentDir); err != nil || !fi.IsDir() {
		l.errs.Add(source.Pos{File: contentDir}, "no content folder: a site keeps its texts in content/ (convention.yaml, articles/, ...)")
		return l.corpus, l.errs
	}
	l.checkContentNames()
	l.loadConvention()
	l.loadRegistries()
	l.loadArticles()
	l.loadPages()
	l.validate()
	return l.corpus, l.errs
}

// checkContentNames reports YAML files in content/ that are not one of the
// registries: a misspelt registry name would otherwise be silently
// skipped, and every id in it reported as unknown.
func (l *loader) checkContentNames() {
	entries, _ := fs.ReadDir(l.fsys, contentDir)
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !(strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")) || contains(registryFiles, name) {
			continue
		}
		l.errs.Add(source.Pos{File: contentDir + "/" + name}, "unknown content file %q%s", name, choices(name, registryFiles))
	}
}

// readText reads a content file as text ready for parsing: without a
// byte-order mark, with LF line ends, and valid UTF-8. ok is false when
// the file could not be used; the problem is recorded.
func (l *loader) readText(name string) (src []byte, lines *source.LineIndex, ok bool) {
	raw, err := fs.ReadFile(l.fsys, name)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		l.errs.Add(source.Pos{File: name}, "cannot read the file: %v", err)
		return nil, nil, false
	}
	src = normalise(raw)
	lines = source.NewLineIndex(name, src)
	if !utf8.Valid(src) {
		l.errs.Add(lines.Pos(firstInvalid(src)), "file is not valid UTF-8 (save it as UTF-8)")
		return nil, nil, false
	}
	return src, lines, true
}

// normalise drops a leading byte-order mark and turns CRLF (and lone CR)
// line ends into LF. Neither changes the line and column an editor shows,
// as a BOM is invisible and a CR only ends a line, so positions found in
// the normalised text are the author's positions.
func normalise(raw []byte) []byte {
	src := bytes.TrimPrefix(raw, []byte("\uFEFF"))
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
}

// firstInvalid returns the offset of the first byte of src that is not
// part of valid UTF-8.
func firstInvalid(src []byte) int {
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(src)
}

// markdownFiles lists the .md files of dir in name order. A missing folder
// is no error (a site may have no pages yet). Dotfiles and editor backups
// are skipped; any other file or folder is reported, because the author
// put it there expecting it to be published.
func (l *loader) markdownFiles(dir string) []string {
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		l.errs.Add(source.Pos{File: dir}, "cannot read the folder: %v", err)
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, "."), strings.HasSuffix(name, "~"),
			strings.HasSuffix(name, ".swp"), strings.HasPrefix(name, "#"):
			// editor state: .DS_Store, foo.md~, .foo.md.swp, #foo.md#
		case e.IsDir():
			l.errs.Add(source.Pos{File: dir + "/" + name}, "unexpected folder: %s holds only .md files", dir)
		case path.Ext(name) != ".md":
			l.errs.Add(source.Pos{File: dir + "/" + name}, "unexpected file: %s holds only .md files", dir)
		default:
			out = append(out, dir+"/"+name)
		}
	}
	return out
}

// frontMatter reads a Markdown file and parses its front matter. ok is
// false when the file could not be read or parsed (recorded); root is nil
// for an empty front matter.
func (l *loader) frontMatter(name string) (y *yamlFile, root *yaml.Node, body model.Text, ok bool) {
	src, lines, ok := l.readText(name)
	if !ok {
		return nil, nil, model.Text{}, false
	}
	fm, err := SplitFrontMatter(src)
	start := source.Pos{File: name, Line: 1, Col: 1}
	switch {
	case err != nil:
		l.errs.Add(start, "%v", err)
		return nil, nil, model.Text{}, false
	case !fm.Found:
		l.errs.Add(start, `missing front matter: the file must start with a "---" line, then its fields (such as title), then another "---" line`)
		return nil, nil, model.Text{}, false
	}
	y = &yamlFile{file: name, src: src, lines: lines, line0: lines.Pos(fm.YAMLStart).Line - 1, errs: &l.errs}
	body = model.Text{Source: string(fm.Body), Pos: lines.Pos(fm.BodyStart)}
	root, ok = y.parse(fm.YAML)
	return y, root, body, ok
}
