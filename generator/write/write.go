// Package write puts a built site on disk, all or nothing.
//
// The site is written into a fresh temporary folder beside the output
// folder and swapped in with renames only once every file is written, so a
// failed or interrupted build leaves the previous output exactly as it was,
// and files the new build no longer makes disappear with the old folder.
//
// Writing is the slowest part of a build, so only files whose bytes
// changed are written: a manifest of content hashes kept beside the output
// (".public.manifest" for "public") says what the current output holds;
// an unchanged file is hard-linked into the new folder instead of being
// written again, and a build that changed nothing touches nothing.
//
// This package decides nothing about what a site holds: it takes a map of
// slash-separated paths to bytes.
package write

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"travaux/generator/internal/parallel"
)

// Report says what Sync did.
type Report struct {
	Written int      // files written
	Linked  int      // unchanged files carried over from the previous output
	Changed []string // Update only: the paths written or removed, sorted
}

// Dir replaces the folder out with exactly files (keys are slash-separated
// paths relative to out). The parent of out must exist or be creatable.
func Dir(out string, files map[string][]byte) error {
	_, err := Sync(out, files)
	return err
}

// Sync is Dir, reporting how many files it wrote.
func Sync(out string, files map[string][]byte) (rep Report, err error) {
	st, err := Begin(out)
	if err != nil {
		return rep, err
	}
	if err := st.AddAll(files); err != nil {
		st.Abort()
		return rep, err
	}
	return st.Commit()
}

// sortedNames returns the output paths in order, refusing any that would
// land outside the output folder.
func sortedNames(files map[string][]byte) ([]string, error) {
	names := make([]string, 0, len(files))
	for name := range files {
		if !fs.ValidPath(name) || name == "." {
			return nil, fmt.Errorf("invalid output path %q", name)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	return names, nil
}

// swap moves tmp to out. The old folder is first renamed aside, so that if
// the second rename fails it can be put back.
func swap(tmp, out string) error {
	parent, base := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	old := ""
	if _, err := os.Lstat(out); err == nil {
		o, err := os.MkdirTemp(parent, "."+base+".old-")
		if err != nil {
			return fmt.Errorf("write %s: %w", out, err)
		}
		os.Remove(o) // only its unique name is wanted
		if err := os.Rename(out, o); err != nil {
			return fmt.Errorf("write %s: %w", out, err)
		}
		old = o
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			err = errors.Join(err, os.Rename(old, out))
		}
		return fmt.Errorf("write %s: %w", out, err)
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// removeLeftovers deletes temporary folders that an interrupted earlier
// build left beside the output.
func removeLeftovers(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, "."+base+".tmp-") || strings.HasPrefix(n, "."+base+".old-") || n == "."+base+".manifest.tmp" {
			os.RemoveAll(filepath.Join(parent, n))
		}
	}
}

// Update brings the folder out, which holds exactly the files old, to
// files: each changed or new file is written to a temporary name and
// renamed over its path, and files no longer built are removed. Unlike
// Dir it is not atomic for the whole folder, only for each file; the
// preview server uses it on its private output, where a rebuild after one
// save changes a handful of files and swapping the whole tree would cost
// more than the build.
func Update(out string, old, files map[string][]byte) (rep Report, err error) {
	var gone []string
	for name := range old {
		if _, ok := files[name]; !ok {
			gone = append(gone, name)
		}
	}
	return Patch(out, old, files, gone)
}

// Patch is Update given only what changed: made holds new or rewritten
// files (some may be unchanged after all: they are compared with old),
// gone the paths of files no longer built. Files of old in neither are
// left as they are, so a rebuild that made a few files looks at those
// only.
func Patch(out string, old, made map[string][]byte, gone []string) (rep Report, err error) {
	var changed []string
	for name, data := range made {
		if prev, ok := old[name]; ok && bytes.Equal(prev, data) {
			continue
		}
		if !fs.ValidPath(name) || name == "." {
			return rep, fmt.Errorf("write %s: invalid output path %q", out, name)
		}
		changed = append(changed, name)
	}
	sort.Strings(changed)
	// Each file is its own small write; on both processors they overlap.
	errs := make([]error, len(changed))
	parallel.For(len(changed), func(i int) {
		errs[i] = replaceFile(out, changed[i], made[changed[i]], old)
	})
	for i, err := range errs {
		if err != nil {
			return rep, fmt.Errorf("write %s: %s: %w", out, changed[i], err)
		}
	}
	rep.Written = len(changed)
	for _, name := range gone {
		if _, ok := old[name]; ok {
			os.Remove(filepath.Join(out, filepath.FromSlash(name)))
			changed = append(changed, name)
		}
	}
	sort.Strings(changed)
	rep.Changed = changed
	return rep, nil
}

// replaceFile writes data to out/name through a temporary file renamed
// over it, so a reader never sees half a file.
func replaceFile(out, name string, data []byte, old map[string][]byte) error {
	dst := filepath.Join(out, filepath.FromSlash(name))
	if _, existed := old[name]; !existed {
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
	}
	tmp := dst + ".travaux-tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
