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
	"path"
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
	out = filepath.Clean(out)
	if fi, err := os.Lstat(out); err == nil && !fi.IsDir() {
		return rep, fmt.Errorf("write %s: exists and is not a folder", out)
	}
	parent, base := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return rep, fmt.Errorf("write %s: %w", out, err)
	}
	removeLeftovers(parent, base)

	names, err := sortedNames(files)
	if err != nil {
		return rep, fmt.Errorf("write %s: %w", out, err)
	}
	next := newManifest(names, files)
	manifestPath := filepath.Join(parent, "."+base+".manifest")
	prev := readManifest(manifestPath, out)
	if prev.equal(next) {
		return rep, nil
	}

	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-")
	if err != nil {
		return rep, fmt.Errorf("write %s: %w", out, err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return rep, fmt.Errorf("write %s: %w", out, err)
	}
	if rep, err = writeAll(tmp, out, names, files, prev, next); err != nil {
		return rep, fmt.Errorf("write %s: %w", out, err)
	}
	// No manifest while the folders are swapped: if the swap fails, the
	// next build writes everything rather than trust a wrong manifest.
	os.Remove(manifestPath)
	if err := swap(tmp, out); err != nil {
		return rep, err
	}
	next.write(manifestPath)
	return rep, nil
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

// writeAll fills root with files: a file the previous output (old) holds
// with the same content is hard-linked from there, any other is written.
// Folders are made first; the files then go out on every processor, since
// each costs a system call or two that another can overlap.
func writeAll(root, old string, names []string, files map[string][]byte, prev, next manifest) (rep Report, err error) {
	made := map[string]bool{}
	for _, name := range names {
		if dir := path.Dir(name); !made[dir] {
			if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(dir)), 0o755); err != nil {
				return rep, err
			}
			made[dir] = true
		}
	}
	linked := make([]bool, len(names))
	errs := make([]error, len(names))
	parallel.For(len(names), func(i int) {
		name := names[i]
		dst := filepath.Join(root, filepath.FromSlash(name))
		if h, ok := prev[name]; ok && h == next[name] {
			if os.Link(filepath.Join(old, filepath.FromSlash(name)), dst) == nil {
				linked[i] = true
				return
			}
		}
		errs[i] = os.WriteFile(dst, files[name], 0o644)
	})
	for i := range names {
		if errs[i] != nil {
			return rep, errs[i]
		}
		if linked[i] {
			rep.Linked++
		} else {
			rep.Written++
		}
	}
	return rep, nil
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
	names, err := sortedNames(files)
	if err != nil {
		return rep, fmt.Errorf("write %s: %w", out, err)
	}
	var changed []string
	for _, name := range names {
		if prev, ok := old[name]; !ok || !bytes.Equal(prev, files[name]) {
			changed = append(changed, name)
		}
	}
	// Each file is its own small write; on both processors they overlap.
	errs := make([]error, len(changed))
	parallel.For(len(changed), func(i int) {
		errs[i] = replaceFile(out, changed[i], files[changed[i]], old)
	})
	for i, err := range errs {
		if err != nil {
			return rep, fmt.Errorf("write %s: %s: %w", out, changed[i], err)
		}
	}
	rep.Written = len(changed)
	for name := range old {
		if _, ok := files[name]; !ok {
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
