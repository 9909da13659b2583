package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options tune a Watcher; the zero value is ready to use.
type Options struct {
	// Quiet is how long the tree must stay still before a batch is sent.
	// Default 50ms: long enough to gather one editor save (write, rename,
	// chmod), short enough to feel instant.
	Quiet time.Duration
	// MaxWait bounds how long a batch may be held while events keep
	// coming. Default 1s.
	MaxWait time.Duration
	// Clock is the time source; nil means the real one.
	Clock Clock
}

const (
	defaultQuiet   = 50 * time.Millisecond
	defaultMaxWait = time.Second
)

// Watcher watches folder trees and sends debounced batches of changed
// paths on Changes.
type Watcher struct {
	fsw   *fsnotify.Watcher
	roots []string
	deb   *debouncer
	out   chan []string
	errs  chan error
	done  chan struct{}
	wg    sync.WaitGroup
	once  sync.Once
	cerr  error

	mu   sync.Mutex
	dirs map[string]bool // folders being watched
}

// New watches every folder under each of roots. Each root must be an
// existing folder.
func New(roots []string, opts Options) (*Watcher, error) {
	if opts.Quiet <= 0 {
		opts.Quiet = defaultQuiet
	}
	if opts.MaxWait <= 0 {
		opts.MaxWait = defaultMaxWait
	}
	if opts.MaxWait < opts.Quiet {
		opts.MaxWait = opts.Quiet
	}
	if opts.Clock == nil {
		opts.Clock = RealClock{}
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &Watcher{
		fsw:  fsw,
		deb:  newDebouncer(opts.Clock, opts.Quiet, opts.MaxWait),
		out:  make(chan []string),
		errs: make(chan error, 16),
		done: make(chan struct{}),
		dirs: make(map[string]bool),
	}
	for _, r := range roots {
		r = filepath.Clean(r)
		fi, err := os.Stat(r)
		if err == nil && !fi.IsDir() {
			err = fmt.Errorf("not a folder")
		}
		if err == nil {
			_, err = w.addTree(r, true)
		}
		if err != nil {
			fsw.Close()
			return nil, fmt.Errorf("watch %s: %w", r, err)
		}
		w.roots = append(w.roots, r)
	}
	w.wg.Add(2)
	go func() { defer w.wg.Done(); w.loop() }()
	go func() { defer w.wg.Done(); w.deb.deliver(w.out, w.done) }()
	return w, nil
}

// Changes delivers batches of changed paths, sorted and without repeats.
// A batch holds everything that changed since the previous one was
// received. The channel is closed by Close.
func (w *Watcher) Changes() <-chan []string { return w.out }

// Errors delivers problems met while watching (a folder that could not be
// added, an overflowing event queue). Reading it is optional: errors are
// dropped when nobody reads. Closed by Close.
func (w *Watcher) Errors() <-chan error { return w.errs }

// Close stops watching and waits for every goroutine of w to end. It is
// safe to call more than once.
func (w *Watcher) Close() error {
	w.once.Do(func() {
		close(w.done)
		w.cerr = w.fsw.Close()
		w.wg.Wait()
		w.deb.stop()
		close(w.out)
		close(w.errs)
	})
	return w.cerr
}

// loop moves fsnotify's events through the filter into the debouncer.
func (w *Watcher) loop() {
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			w.handle(ev)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost; which files changed is unknown.
				w.deb.add(w.roots...)
			}
			w.report(err)
		}
	}
}

func (w *Watcher) handle(ev fsnotify.Event) {
	name := filepath.Clean(ev.Name)
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.forget(name)
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(name); err == nil && fi.IsDir() && !skipDir(fi.Name()) {
			// The folder may already hold files written before its
			// watch was added; they will send no events, so report them.
			found, err := w.addTree(name, false)
			if err != nil {
				w.report(fmt.Errorf("watch %s: %w", name, err))
			}
			w.deb.add(found...)
		}
	}
	if shouldRebuild(name, ev.Op) {
		w.deb.add(name)
	}
}

// addTree watches dir and every folder below it, and returns the files it
// found (used for folders that appear while watching).
func (w *Watcher) addTree(dir string, isRoot bool) (files []string, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != dir && errors.Is(err, fs.ErrNotExist) {
				return nil // removed while we walked
			}
			return err
		}
		if !d.IsDir() {
			if !isEditorTemp(d.Name()) {
				files = append(files, p)
			}
			return nil
		}
		if skipDir(d.Name()) && !(isRoot && p == dir) {
			return filepath.SkipDir
		}
		// Add before the walk reads the folder, so a file created in
		// between is seen either by the walk or by the watch.
		if err := w.fsw.Add(p); err != nil {
			if p != dir && errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipDir
			}
			return err
		}
		w.mu.Lock()
		w.dirs[p] = true
		w.mu.Unlock()
		return nil
	})
	return files, err
}

// forget drops the watches of a removed or renamed-away folder and of the
// folders below it. inotify drops a removed folder's own watch by itself,
// but a folder renamed within the tree keeps its watches under the old
// names; its new name arrives as a Create and is walked afresh.
func (w *Watcher) forget(name string) {
	w.mu.Lock()
	var gone []string
	for d := range w.dirs {
		if d == name || strings.HasPrefix(d, name+string(filepath.Separator)) {
			gone = append(gone, d)
			delete(w.dirs, d)
		}
	}
	w.mu.Unlock()
	for _, d := range gone {
		_ = w.fsw.Remove(d) // often already gone with the folder
	}
}

// report passes err to Errors, dropping it if nobody is reading.
func (w *Watcher) report(err error) {
	select {
	case w.errs <- err:
	default:
	}
}

// skipDir reports whether a folder is version-control or tool state that
// churns on its own and never holds site sources.
func skipDir(name string) bool {
	switch name {
	case ".git", ".hg", ".svn", ".jj", "node_modules":
		return true
	}
	return false
}

// watched returns the folders being watched, for tests.
func (w *Watcher) watched() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make([]string, 0, len(w.dirs))
	for d := range w.dirs {
		out = append(out, d)
	}
	return out
}
