// Package watch turns file-system notifications under a site's source
// folders into debounced batches of changed paths, for the dev server's
// rebuild loop. It is the only user of fsnotify.
//
// The design is three small pieces with no globals:
//
//   - shouldRebuild (filter.go) is a pure function deciding, from a path and
//     an fsnotify.Op alone, whether an event can have changed the site.
//   - debouncer (debounce.go) collects paths and releases them as one sorted
//     batch after a quiet period, or after a maximum wait if the stream never
//     goes quiet. Its time source is a Clock, so tests drive it by hand.
//   - Watcher (watcher.go) owns the fsnotify watcher and the goroutines that
//     move events from fsnotify through the filter into the debouncer and
//     out on Changes.
//
// fsnotify quirks handled here, from its documentation and from editors
// seen in the wild:
//
//   - No recursive watches (fsnotify issue #18 on Linux before its
//     unreleased recursive mode): New walks every root and adds each folder;
//     a folder created later is added when its Create arrives, and its
//     contents are walked at once, since files written into it before the
//     watch was in place produce no events of their own. A folder removed or
//     renamed away is dropped from the watch list (a renamed folder comes
//     back as a Create of its new name, which is walked again).
//   - Folders are watched, never single files: editors save atomically by
//     writing a temporary file and renaming it over the original, which
//     replaces the inode a file watch would hold. With folder watches the
//     rename arrives as a Create of the final name, which rebuilds.
//   - Chmod alone is ignored ("it's typically best to ignore Chmod events",
//     fsnotify's FAQ): indexers, backup tools and `touch` send it without
//     changing content.
//   - Editors' probe, swap, lock and backup files (Vim's 4913 and .swp,
//     Emacs's .#lock and #autosave#, JetBrains' ___jb_tmp___, GNOME's
//     .goutputstream-*) are ignored, so saving a file gives one rebuild,
//     not three.
//   - One save can produce several Write events (fsnotify's dedup example
//     waits for them to stop, resetting a timer on each); the debouncer does
//     the same for the whole tree, and flushes anyway after MaxWait so a
//     continuous stream cannot starve rebuilds.
//   - On an event-queue overflow the events are lost; the roots themselves
//     are reported as changed so the caller still rebuilds.
//
// Batches carry paths as fsnotify names them: a root joined with the path
// below it, so a root given as "content" yields "content/articles/065.md".
package watch
