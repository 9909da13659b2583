// Package preview keeps a site under preview up to date: it builds the
// site into a temporary folder, serves that folder with live reload, and
// rebuilds whenever the watcher reports a saved file.
//
// It only wires stages that live elsewhere (build, write, watch, serve),
// so that `travaux serve` and the end-to-end tests run the same loop. A
// failed rebuild keeps the last good site and shows the problems in every
// open page; a panic in a stage is reported the same way, so the preview
// never dies from bad input.
package preview

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"travaux/generator/build"
	"travaux/generator/render"
	"travaux/generator/serve"
	"travaux/generator/source"
	"travaux/generator/watch"
	"travaux/generator/write"
)

// Site is a site under preview.
type Site struct {
	dir      string // site root
	defaults fs.FS  // default templates
	tmp      string // temporary folder holding out
	out      string // the built site the server serves
	server   *serve.Server
	watcher  *watch.Watcher
	builder  *build.Builder
	log      io.Writer

	// busy is held by Watch while it rebuilds, both steps, so that OK can
	// wait for a rebuild to end.
	busy sync.Mutex
	mu   sync.Mutex
	// The last good build, in the two parts it is published in: the
	// provisions' own files and the rest (build.Config.Staged).
	articles, rest map[string][]byte
	ok             bool          // whether the last build succeeded
	done           chan struct{} // closed when Watch returns
}

// previewQuiet is how long the files must stay still before a rebuild.
// An editor's save (a write, or a temporary file renamed over the old one)
// is over within a millisecond, so a short wait is enough to see it whole;
// saves that arrive during a build are merged into the next one anyway.
const previewQuiet = 2 * time.Millisecond

// Options tune a preview; the zero value is ready to use.
type Options struct {
	Log   io.Writer     // progress and problems; default io.Discard
	Watch watch.Options // debouncing of file events
}

// New builds the site in dir once and starts watching it. defaults are the
// templates used where the site has none of its own. Close releases
// everything New made.
func New(dir string, defaults fs.FS, opts Options) (*Site, error) {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Watch.Quiet == 0 {
		opts.Watch.Quiet = previewQuiet
	}
	tmp, err := os.MkdirTemp("", "travaux-serve-")
	if err != nil {
		return nil, err
	}
	var roots []string
	for _, sub := range []string{"content", "templates"} {
		if fi, err := os.Stat(filepath.Join(dir, sub)); err == nil && fi.IsDir() {
			roots = append(roots, filepath.Join(dir, sub))
		}
	}
	w, err := watch.New(roots, opts.Watch)
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	s := &Site{
		dir:      dir,
		defaults: defaults,
		tmp:      tmp,
		out:      filepath.Join(tmp, "site"),
		watcher:  w,
		log:      opts.Log,
		done:     make(chan struct{}),
	}
	s.server = serve.New(s.out, serve.Options{})
	s.builder = build.NewBuilder(s.builderConfig())
	s.Rebuild()
	return s, nil
}

// builderConfig is how the preview builds: for the preview server,
// staged, articles first.
func (s *Site) builderConfig() build.Config {
	return build.Config{Site: os.DirFS(s.dir), Defaults: s.defaults, Preview: true, Staged: true}
}

// Handler is the preview's HTTP handler.
func (s *Site) Handler() *serve.Server { return s.server }

// Serve serves the preview on ln and rebuilds on every change until ctx
// ends.
func (s *Site) Serve(ctx context.Context, ln net.Listener) error {
	go s.Watch(ctx)
	return s.server.Serve(ctx, ln)
}

// Watch rebuilds on every batch of changes until ctx ends or the site is
// closed. The rest of the site (Rebuild's second step) is made while the
// watcher is still heard: a save made meanwhile stops it, since the build
// of that save makes the rest again, and the author's page comes first.
func (s *Site) Watch(ctx context.Context) {
	defer close(s.done)
	changes := s.watcher.Changes()
	var paths []string
	pending := false
	for {
		if !pending {
			select {
			case <-ctx.Done():
				return
			case p, ok := <-changes:
				if !ok {
					return
				}
				paths = p
			}
		}
		var closed bool
		paths, pending, closed = s.rebuildWhileWatching(ctx, changes, paths)
		if closed {
			return
		}
	}
}

// rebuildWhileWatching rebuilds for paths, making the rest of the site on
// a goroutine while it listens to changes. A batch that arrives meanwhile
// stops the rest and is returned as next, to be built at once; closed
// says that ctx ended or the watcher closed.
func (s *Site) rebuildWhileWatching(ctx context.Context, changes <-chan []string, paths []string) (next []string, pending, closed bool) {
	s.busy.Lock()
	defer s.busy.Unlock()
	s.changed(paths)
	rest := s.rebuildArticles()
	if rest == nil {
		return nil, false, false
	}
	var stop atomic.Bool
	done := make(chan struct{})
	go func() {
		defer close(done)
		rest(stop.Load)
	}()
	select {
	case <-done:
		return nil, false, false
	case p, ok := <-changes:
		stop.Store(true)
		<-done
		return p, ok, !ok
	case <-ctx.Done():
		stop.Store(true)
		<-done
		return nil, false, true
	}
}

// Rebuild runs a build. On success it publishes the new site in two
// steps: the provisions' own pages first, with a reload event for those
// that changed (the page an author is editing is one of them), then the
// rest of the site (home page, record, search index, data), with a second
// event if any of it changed. On failure it keeps serving the last good
// site and sends the problems to every open page.
func (s *Site) Rebuild() {
	if rest := s.rebuildArticles(); rest != nil {
		rest(nil)
	}
}

// rebuildArticles is Rebuild's build and first step. It returns the
// second step, or nil when there is none: the build failed, or it was
// the first and published the whole site at once. The second step gives
// up, publishing nothing, when stop says so (build.Result.Rest).
func (s *Site) rebuildArticles() (rest func(stop func() bool)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	res, err := s.safeBuild()
	if err != nil {
		s.fail(source.ErrorList{{Pos: source.Pos{File: s.dir}, Msg: err.Error()}})
		return nil
	}
	if res.Failed() {
		s.fail(res.Problems)
		return nil
	}
	recovered := !s.ok
	if s.articles == nil {
		// The first build (or the first after a failed write) writes the
		// whole folder and reloads every page: an empty list means "all".
		rest, err := res.Rest(nil)
		if err != nil {
			s.fail(source.ErrorList{{Pos: source.Pos{File: "templates"}, Msg: err.Error()}})
			return nil
		}
		all := make(map[string][]byte, len(res.Files)+len(rest))
		maps.Copy(all, res.Files)
		maps.Copy(all, rest)
		if err := write.Dir(s.out, all); err != nil {
			s.failWrite(err)
			return nil
		}
		s.articles, s.rest, s.ok = res.Files, rest, true
		s.server.Reload(nil)
		s.logBuild(res, len(all))
		return nil
	}

	// The provisions' files come as what changed since the last build,
	// or all of them when the builder starts afresh.
	var changed []string
	if res.AllArticles {
		if changed, err = s.update(&s.articles, res.Files); err != nil {
			return nil
		}
	} else {
		rep, err := write.Patch(s.out, s.articles, res.Files, res.Gone)
		if err != nil {
			s.failWrite(err)
			return nil
		}
		maps.Copy(s.articles, res.Files)
		for _, name := range res.Gone {
			delete(s.articles, name)
		}
		changed = rep.Changed
	}
	// A rebuild that changed nothing needs no reload, unless it fixed a
	// failed build whose problems open pages still show.
	if len(changed) > 0 || recovered {
		s.server.Reload(changed)
	}
	// The articles are published: open pages no longer show the last
	// build's problems.
	s.ok = true
	written := len(changed)
	return func(stop func() bool) { s.publishRest(res, written, stop) }
}

// publishRest is Rebuild's second step for res, whose first step wrote
// written files: it publishes the rest of the site, unless stop says to
// give up first (a newer save's build makes it again).
func (s *Site) publishRest(res *build.Result, written int, stop func() bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rest, err := res.Rest(stop)
	if errors.Is(err, render.ErrStopped) {
		return
	}
	if err != nil {
		s.fail(source.ErrorList{{Pos: source.Pos{File: "templates"}, Msg: err.Error()}})
		return
	}
	changed, err := s.update(&s.rest, rest)
	if err != nil {
		return
	}
	if len(changed) > 0 {
		s.server.Reload(changed)
	}
	s.logBuild(res, written+len(changed))
}

// update brings the output folder from the files *old to files, which
// replace them, and returns the paths that changed. A failed write is
// reported, and the next build writes the whole folder again.
func (s *Site) update(old *map[string][]byte, files map[string][]byte) ([]string, error) {
	rep, err := write.Update(s.out, *old, files)
	if err != nil {
		s.failWrite(err)
		return nil, err
	}
	*old = files
	return rep.Changed, nil
}

// failWrite reports a failed write; the folder's state is then unknown,
// so the next build writes it whole.
func (s *Site) failWrite(err error) {
	s.articles, s.rest = nil, nil
	// The builder's next build would give only what changed since this
	// one: start it afresh so that it gives everything.
	s.builder = build.NewBuilder(s.builderConfig())
	s.fail(source.ErrorList{{Pos: source.Pos{File: s.out}, Msg: err.Error()}})
}

func (s *Site) logBuild(res *build.Result, written int) {
	pages := 0
	for _, files := range []map[string][]byte{s.articles, s.rest} {
		for name := range files {
			if strings.HasSuffix(name, ".html") {
				pages++
			}
		}
	}
	fmt.Fprintf(s.log, "travaux serve: rebuilt, %d pages, %d changed files, %d warnings\n",
		pages, written, len(res.Problems.Warnings()))
	for _, p := range res.Problems {
		fmt.Fprintln(s.log, p.Error())
	}
}

func (s *Site) fail(problems source.ErrorList) {
	s.ok = false
	for _, p := range problems {
		fmt.Fprintln(s.log, p.Error())
	}
	fmt.Fprintf(s.log, "travaux serve: %d errors; still serving the last good build\n", len(problems.Errors()))
	s.server.Fail(serve.Views(problems, s.sourceLine))
}

// OK reports whether the last build succeeded. It waits for a rebuild
// Watch is running to end, both steps.
func (s *Site) OK() bool {
	s.busy.Lock()
	defer s.busy.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ok
}

// Out is the folder holding the site being served.
func (s *Site) Out() string { return s.out }

// sourceLine returns the line a problem points at, for the overlay.
func (s *Site) sourceLine(p source.Pos) string {
	b, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(p.File)))
	if err != nil {
		return ""
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	return source.NewLineIndex(p.File, b).Line(p.Line)
}

// Close stops watching and serving and removes the temporary folder.
func (s *Site) Close() {
	s.watcher.Close()
	s.server.Close()
	s.mu.Lock()
	defer s.mu.Unlock()
	os.RemoveAll(s.tmp)
}

// changed tells the builder which files the watcher saw change, as paths
// relative to the site root.
func (s *Site) changed(paths []string) {
	rel := make([]string, 0, len(paths))
	for _, p := range paths {
		if r, err := filepath.Rel(s.dir, p); err == nil {
			rel = append(rel, filepath.ToSlash(r))
		}
	}
	s.builder.Changed(rel)
}

// safeBuild runs the pipeline. The builder turns a panic in a stage into
// a reported problem; this is the last guard for the preview loop itself.
func (s *Site) safeBuild() (res *build.Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("internal error during the build (please report it): %v", v)
		}
	}()
	return s.builder.Build(), nil
}
