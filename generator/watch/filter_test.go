package watch

import (
	"testing"

	"github.com/fsnotify/fsnotify"
)

func TestShouldRebuild(t *testing.T) {
	const (
		create = fsnotify.Create
		write  = fsnotify.Write
		remove = fsnotify.Remove
		rename = fsnotify.Rename
		chmod  = fsnotify.Chmod
	)
	tests := []struct {
		path string
		op   fsnotify.Op
		want bool
		why  string
	}{
		{"content/articles/065-entry-into-force.md", write, true, "an edit"},
		{"content/articles/065-entry-into-force.md", create, true, "a new file, or the final name of an atomic save (rename over)"},
		{"content/articles/065-entry-into-force.md", remove, true, "a deleted article"},
		{"content/articles/065-entry-into-force.md", rename, true, "moved away: the old name is gone"},
		{"content/articles/065-entry-into-force.md", write | chmod, true, "a write that also changed attributes"},
		{"content/articles", create, true, "a new folder"},
		{"templates/site.css", write, true, "an asset"},
		{"content/articles/065-entry-into-force.md", chmod, false, "attributes only"},
		{"content/articles/4913", create, false, "Vim's probe file"},
		{"content/articles/5036", create, false, "Vim's next probe name"},
		{"content/articles/065-entry-into-force.md~", create, false, "Vim/Emacs backup"},
		{"content/articles/.065-entry-into-force.md.swp", write, false, "Vim swap file"},
		{"content/articles/.065-entry-into-force.md.swo", write, false, "Vim second swap file"},
		{"content/articles/.065-entry-into-force.md.swx", create, false, "Vim swap probe"},
		{"content/articles/.#065-entry-into-force.md", create, false, "Emacs lock file"},
		{"content/articles/#065-entry-into-force.md#", write, false, "Emacs auto-save"},
		{"content/.DS_Store", write, false, "Finder metadata"},
		{"content/._065.md", create, false, "AppleDouble file"},
		{"content/Thumbs.db", write, false, "Windows Explorer cache"},
		{"content/articles/.goutputstream-ABC123", create, false, "GNOME atomic-save temp file"},
		{"content/articles/065.md___jb_tmp___", write, false, "JetBrains safe-write temp"},
		{"content/articles/065.md___jb_old___", rename, false, "JetBrains safe-write old copy"},
		{"content/articles/065.md.tmp", write, false, "generic temp file"},
		{"content/articles/065.md.tmp.4711", rename, false, "temp file with a random tail, renamed over the target"},
		{"content/articles/.~lock.notes.odt#", create, false, "LibreOffice lock"},
		{"content/articles/.065.md.kate-swp", write, false, "Kate swap file"},
		{"content/sources.yaml.bak", write, false, "backup copy"},
		{"content/pages/swap.md", write, true, "a name merely containing 'sw'"},
		{"templates/logo.svg", write, true, ".svg is not a swap extension"},
		{"content/pages/2024.md", write, true, "digits with an extension are content"},
	}
	for _, tt := range tests {
		if got := shouldRebuild(tt.path, tt.op); got != tt.want {
			t.Errorf("shouldRebuild(%q, %v) = %v, want %v (%s)", tt.path, tt.op, got, tt.want, tt.why)
		}
	}
}
