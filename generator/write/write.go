// Package write puts a built site on disk, all or nothing.
//
// The site is written into a fresh temporary folder beside the output
// folder and swapped in with renames only once every file is written, so a
// failed or interrupted build leaves the previous output exactly as it was,
// and files the new build no longer makes disappear with the old folder.
// This package decides nothing about what a site holds: it takes a map of
// slash-separated paths to bytes.
package write

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Dir replaces the folder out with exactly files (keys are slash-separated
// paths relative to out). The parent of out must exist or be creatable.
func Dir(out string, files map[string][]byte) (err error) {
	out = filepath.Clean(out)
	if fi, err := os.Lstat(out); err == nil && !fi.IsDir() {
		return fmt.Errorf("write %s: exists and is not a folder", out)
	}
	parent, base := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	removeLeftovers(parent, base)

	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-")
	if err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	if err := writeAll(tmp, files); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	return swap(tmp, out)
}

// writeAll writes files under root in sorted order, so that a failure is
// reported the same way every time.
func writeAll(root string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	made := map[string]bool{}
	for _, name := range names {
		if !fs.ValidPath(name) || name == "." {
			return fmt.Errorf("invalid output path %q", name)
		}
		dst := filepath.Join(root, filepath.FromSlash(name))
		if dir := path.Dir(name); !made[dir] {
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			made[dir] = true
		}
		if err := os.WriteFile(dst, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
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
		if e.IsDir() && (strings.HasPrefix(n, "."+base+".tmp-") || strings.HasPrefix(n, "."+base+".old-")) {
			os.RemoveAll(filepath.Join(parent, n))
		}
	}
}
