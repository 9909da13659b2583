package watch

import (
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"
)

// shouldRebuild reports whether an event for path can have changed the
// site. It errs towards true: a needless rebuild costs a second, a missed
// one shows the author a stale page.
func shouldRebuild(path string, op fsnotify.Op) bool {
	// Attribute changes alone (permissions, timestamps via touch, extended
	// attributes set by Spotlight, antivirus or backup tools) leave the
	// content as it was. Linux also sends Chmod when a hard link is removed,
	// but the Remove of the name comes separately.
	if op&^fsnotify.Chmod == 0 {
		return false
	}
	return !isEditorTemp(filepath.Base(path))
}

// isEditorTemp reports whether a file name is one that editors and
// desktops create beside the files they edit, never part of a site.
func isEditorTemp(name string) bool {
	switch {
	case name == "" || name == "." || name == string(filepath.Separator):
		return false

	// Vim creates "4913" (then 5036, 5159, … adding 123 while the name is
	// taken) to test whether it may create files in the folder before
	// writing a backup. No content or template file is named by digits
	// alone: all of them have an extension.
	case isDigits(name):
		return true

	// Backup copies: Vim's and Emacs's "file~", and the ".bak"/".orig" of
	// many tools and of merges.
	case strings.HasSuffix(name, "~"),
		strings.HasSuffix(name, ".bak"),
		strings.HasSuffix(name, ".orig"):
		return true

	// Vim's swap files: ".file.swp", and when that is taken .swo, .swn …
	// down to .swa; ".swx" is the probe Vim writes to test the folder.
	// Kate keeps ".file.kate-swp".
	case isVimSwap(filepath.Ext(name)),
		strings.HasSuffix(name, ".kate-swp"):
		return true

	// Emacs's lock file is a symlink ".#file"; its auto-save file is
	// "#file#". LibreOffice locks with ".~lock.file#".
	case strings.HasPrefix(name, ".#"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasPrefix(name, ".~lock."):
		return true

	// Desktop metadata: macOS Finder's .DS_Store and AppleDouble "._file"
	// on foreign file systems; Windows Explorer's Thumbs.db and desktop.ini.
	case name == ".DS_Store",
		strings.HasPrefix(name, "._"),
		name == "Thumbs.db",
		name == "desktop.ini":
		return true

	// Temporary files of atomic saves, which are renamed over the real name
	// a moment later (that rename arrives as a Create of the real name and
	// rebuilds): GNOME's gio ".goutputstream-XXXXXX", JetBrains' "safe
	// write" ("file___jb_tmp___", "file___jb_old___"), and the generic
	// ".tmp"/".temp" suffixes, also with a random tail ("file.tmp.123").
	case strings.HasPrefix(name, ".goutputstream-"),
		strings.HasSuffix(name, "___jb_tmp___"),
		strings.HasSuffix(name, "___jb_old___"),
		strings.HasSuffix(name, ".tmp"),
		strings.HasSuffix(name, ".temp"),
		strings.Contains(name, ".tmp."):
		return true
	}
	return false
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// isVimSwap reports whether ext is one of Vim's swap extensions: .swp,
// then .swo, .swn, … .swa as earlier ones are taken, and the .swx probe.
func isVimSwap(ext string) bool {
	if len(ext) != 4 || !strings.HasPrefix(ext, ".sw") {
		return false
	}
	c := ext[3]
	return c >= 'a' && c <= 'p' || c == 'x'
}
