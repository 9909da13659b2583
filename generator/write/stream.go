package write

import (
	"bufio"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"

	"travaux/generator/internal/parallel"
)

// Stream writes a site file by file as a build makes it, so that writing
// overlaps rendering and no file has to stay in memory once it is added.
// Files go into a temporary folder beside out, which Commit swaps in;
// Abort, or a failure, leaves out as it was. As with Sync, a file whose
// bytes the current output already holds is hard-linked from there rather
// than written, and a build that changed nothing touches nothing: those
// links are made only at Commit, once it is known that something changed.
type Stream struct {
	out, tmp, manifestPath string
	prev                   manifest

	mu      sync.Mutex
	next    manifest
	dirs    map[string]bool // folders made under tmp
	unmoved []string        // files to link from out at Commit
	written int
	done    bool
}

// Begin starts writing the output folder out. The parent of out must
// exist or be creatable.
func Begin(out string) (*Stream, error) {
	out = filepath.Clean(out)
	if fi, err := os.Lstat(out); err == nil && !fi.IsDir() {
		return nil, fmt.Errorf("write %s: exists and is not a folder", out)
	}
	parent, base := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("write %s: %w", out, err)
	}
	removeLeftovers(parent, base)
	s := &Stream{
		out:          out,
		manifestPath: filepath.Join(parent, "."+base+".manifest"),
		next:         manifest{},
		dirs:         map[string]bool{".": true},
	}
	s.prev = readManifest(s.manifestPath, out)
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", out, err)
	}
	s.tmp = tmp
	if err := os.Chmod(tmp, 0o755); err != nil {
		s.Abort()
		return nil, fmt.Errorf("write %s: %w", out, err)
	}
	return s, nil
}

// Add writes the file name (a slash-separated path relative to out). It
// is safe to call from several goroutines; each name may be added once.
// It does not keep data once it returns.
func (s *Stream) Add(name string, data []byte) error {
	write, err := s.claim(name, fingerprintOf(data))
	if err != nil || !write {
		return err
	}
	if err := os.WriteFile(filepath.Join(s.tmp, filepath.FromSlash(name)), data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", s.out, err)
	}
	return nil
}

// claim records the file name with fingerprint fp and reports whether
// its bytes must be written: not when the current output holds them (the
// file is then linked at Commit). When they must, its folder is made.
func (s *Stream) claim(name, fp string) (write bool, err error) {
	if !fs.ValidPath(name) || name == "." {
		return false, fmt.Errorf("write %s: invalid output path %q", s.out, name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.next[name]; dup {
		return false, fmt.Errorf("write %s: %s added twice", s.out, name)
	}
	if s.done {
		return false, fmt.Errorf("write %s: %s added after the end", s.out, name)
	}
	s.next[name] = fp
	if s.prev[name] == fp {
		s.unmoved = append(s.unmoved, name)
		return false, nil
	}
	if err := s.mkdir(name); err != nil {
		return false, err
	}
	s.written++
	return true, nil
}

// AddFrom is Add for a file too large to hold whole: write streams its
// bytes, which go to disk as they come. name is given the SHA-256 of the
// bytes and returns the file's name, so that a name can carry a
// fingerprint of its content ("search-index.3f2a9c1b.json"); AddFrom
// returns it. A writer that fails adds nothing.
func (s *Stream) AddFrom(name func(sum [sha256.Size]byte) string, write func(io.Writer) error) (string, error) {
	f, err := os.CreateTemp(s.tmp, ".part-")
	if err != nil {
		return "", fmt.Errorf("write %s: %w", s.out, err)
	}
	part := f.Name()
	defer os.Remove(part) // a no-op once renamed
	h := sha256.New()
	n := &countingWriter{}
	bw := bufio.NewWriterSize(io.MultiWriter(f, h, n), 256<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("write %s: %w", s.out, err)
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	final := name(sum)
	fresh, err := s.claim(final, fingerprintOfSum(sum, n.n))
	if err != nil {
		return "", err
	}
	if !fresh {
		return final, nil // the output holds these bytes already
	}
	if err := os.Rename(part, filepath.Join(s.tmp, filepath.FromSlash(final))); err != nil {
		return "", fmt.Errorf("write %s: %w", s.out, err)
	}
	return final, nil
}

// countingWriter counts the bytes written through it.
type countingWriter struct{ n int }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

// mkdir makes the folder of the file name under tmp. It is called with
// s.mu held, so no file is written into a folder another goroutine has
// only started to make; a build that changes nothing makes none.
func (s *Stream) mkdir(name string) error {
	return s.makeDir(path.Dir(name))
}

// makeDir makes the folder dir under tmp, its parents first. The folders
// made so far are known, so each costs one system call; os.MkdirAll would
// first look for it and for its parent, and a site has a folder per page.
func (s *Stream) makeDir(dir string) error {
	if s.dirs[dir] {
		return nil
	}
	if err := s.makeDir(path.Dir(dir)); err != nil {
		return err
	}
	if err := os.Mkdir(filepath.Join(s.tmp, filepath.FromSlash(dir)), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", s.out, err)
	}
	s.dirs[dir] = true
	return nil
}

// AddAll adds every file of files, on every processor.
func (s *Stream) AddAll(files map[string][]byte) error {
	names, err := sortedNames(files)
	if err != nil {
		return fmt.Errorf("write %s: %w", s.out, err)
	}
	errs := make([]error, len(names))
	parallel.For(len(names), func(i int) { errs[i] = s.Add(names[i], files[names[i]]) })
	return errors.Join(errs...)
}

// Commit ends the stream: unless the files added are exactly those out
// holds, it links the unchanged ones into the new folder and swaps it in.
// On failure out is left as it was.
func (s *Stream) Commit() (rep Report, err error) {
	s.mu.Lock()
	s.done = true
	s.mu.Unlock()
	defer func() {
		if err != nil {
			s.Abort()
		}
	}()
	if s.prev.equal(s.next) {
		s.Abort()
		return rep, nil
	}
	for _, name := range s.unmoved {
		if err := s.mkdir(name); err != nil {
			return rep, err
		}
	}
	// An unchanged file is linked from the old output; if that fails
	// (another file system, a file removed meanwhile), it is copied.
	errs := make([]error, len(s.unmoved))
	parallel.For(len(s.unmoved), func(i int) {
		rel := filepath.FromSlash(s.unmoved[i])
		from, to := filepath.Join(s.out, rel), filepath.Join(s.tmp, rel)
		if os.Link(from, to) == nil {
			return
		}
		data, err := os.ReadFile(from)
		if err == nil {
			err = os.WriteFile(to, data, 0o644)
		}
		errs[i] = err
	})
	for _, err := range errs {
		if err != nil {
			return rep, fmt.Errorf("write %s: %w", s.out, err)
		}
	}
	// No manifest while the folders are swapped: if the swap fails, the
	// next build writes everything rather than trust a wrong manifest.
	os.Remove(s.manifestPath)
	if err := swap(s.tmp, s.out); err != nil {
		return rep, err
	}
	s.next.write(s.manifestPath)
	return Report{Written: s.written, Linked: len(s.unmoved)}, nil
}

// Abort ends the stream and removes what it wrote; out is left as it was.
func (s *Stream) Abort() {
	s.mu.Lock()
	s.done = true
	s.mu.Unlock()
	os.RemoveAll(s.tmp)
}
