package build

import (
	"errors"
	"io/fs"
	"sort"
)

// overlay is a read-only file system in which files of upper hide files of
// the same name in lower: a site's templates/ folder over the default
// templates shipped in the binary. Folders are merged.
type overlay struct {
	upper, lower fs.FS
}

func (o overlay) Open(name string) (fs.File, error) {
	if o.upper != nil {
		f, err := o.upper.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return o.lower.Open(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]fs.DirEntry{}
	var firstErr error
	for _, f := range []fs.FS{o.lower, o.upper} {
		if f == nil {
			continue
		}
		entries, err := fs.ReadDir(f, name)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		for _, e := range entries {
			seen[e.Name()] = e
		}
	}
	if len(seen) == 0 && firstErr != nil {
		return nil, firstErr
	}
	out := make([]fs.DirEntry, 0, len(seen))
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}
