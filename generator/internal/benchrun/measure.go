package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// buildRun is one timed `travaux build -stats`.
type buildRun struct {
	Out    BuildOutput
	Wall   time.Duration
	RSSKiB int64 // peak resident set of the child, KiB (Linux ru_maxrss)
}

// runBuild runs bin build -C site -o out -stats and times it from start to
// exit. The output folder is left as it is: callers remove it first for a
// cold run.
func runBuild(bin, site, out string) (buildRun, error) {
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, "build", "-C", site, "-o", out, "-stats")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	syscall.Sync() // so write-back of earlier runs does not land in this one
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return buildRun{}, fmt.Errorf("%s build -C %s -o %s -stats: %v\n%s%s", bin, site, out, err, stdout.String(), stderr.String())
	}
	parsed, err := ParseBuildOutput(stdout.String())
	if err != nil {
		return buildRun{}, err
	}
	r := buildRun{Out: parsed, Wall: wall}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.RSSKiB = int64(ru.Maxrss)
	}
	return r, nil
}

// treeFile is one file of an output tree, held in memory.
type treeFile struct {
	rel  string
	data []byte
}

// tree is an output folder read into memory: its folders (parents before
// children) and files, both sorted.
type tree struct {
	dirs  []string
	files []treeFile
	bytes int64
}

// readTree reads every file under root into memory.
func readTree(root string) (*tree, error) {
	t := &tree{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil || rel == "." {
			return err
		}
		if d.IsDir() {
			t.dirs = append(t.dirs, rel)
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		t.files = append(t.files, treeFile{rel, data})
		t.bytes += int64(len(data))
		return nil
	})
	return t, err
}

// writeTree creates dst and writes t into it: the folders first, then the
// files, spread over the given number of goroutines. It is the floor: what
// any generator must at least spend to put these bytes on disk as files.
func writeTree(dst string, t *tree, workers int) error {
	if err := os.Mkdir(dst, 0o755); err != nil {
		return err
	}
	for _, d := range t.dirs {
		if err := os.Mkdir(filepath.Join(dst, d), 0o755); err != nil {
			return err
		}
	}
	if workers < 1 {
		workers = 1
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(t.files); i += workers {
				f := t.files[i]
				if err := os.WriteFile(filepath.Join(dst, f.rel), f.data, 0o644); err != nil {
					errs[w] = err
					return
				}
			}
		}(w)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// timeFloor writes t into a fresh dst runs times and returns each time.
func timeFloor(dst string, t *tree, runs, workers int) ([]time.Duration, error) {
	var times []time.Duration
	for i := 0; i < runs; i++ {
		if err := os.RemoveAll(dst); err != nil {
			return nil, err
		}
		syscall.Sync()
		start := time.Now()
		if err := writeTree(dst, t, workers); err != nil {
			return nil, err
		}
		times = append(times, time.Since(start))
	}
	return times, os.RemoveAll(dst)
}

// fileID is what changes when a file is written: a rewrite in place moves
// the mtime (and perhaps the size), a replacement changes the inode.
type fileID struct {
	ino   uint64
	mtime time.Time
	size  int64
}

// snapshot records the identity of every file under root.
func snapshot(root string) (map[string]fileID, error) {
	ids := map[string]fileID{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		id := fileID{mtime: fi.ModTime(), size: fi.Size()}
		if st, ok := fi.Sys().(*syscall.Stat_t); ok {
			id.ino = uint64(st.Ino)
		}
		rel, _ := filepath.Rel(root, path)
		ids[rel] = id
		return nil
	})
	return ids, err
}

// changedFiles counts the files of after that are new or not the same file
// as in before.
func changedFiles(before, after map[string]fileID) int {
	n := 0
	for rel, id := range after {
		if old, ok := before[rel]; !ok || old.ino != id.ino || old.size != id.size || !old.mtime.Equal(id.mtime) {
			n++
		}
	}
	return n
}

// warm reads every file under root once, so the first timed build does not
// pay for a cold page cache that the later ones do not.
func warm(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		_, err = os.ReadFile(path)
		return err
	})
}

func durationsMS(ds []time.Duration) []float64 {
	out := make([]float64, len(ds))
	for i, d := range ds {
		out[i] = float64(d.Microseconds()) / 1000
	}
	return out
}

// runFloor times writing the files of src into a fresh dst, in a process
// of its own (benchrun -floor-of), and returns the time and the bytes
// written. Not in this one: Linux counts in a child's peak RSS the peak
// of the process that started it (its memory is the child's until exec),
// so holding the files here would inflate every later build's figure.
func runFloor(src, dst string, workers int) (time.Duration, int64, error) {
	self, err := os.Executable()
	if err != nil {
		return 0, 0, err
	}
	out, err := exec.Command(self, "-floor-of", src, "-floor-into", dst, "-floor-workers", strconv.Itoa(workers)).Output()
	if err != nil {
		return 0, 0, fmt.Errorf("floor of %s: %v", src, err)
	}
	var sec float64
	var size int64
	if _, err := fmt.Sscanf(string(out), "floor %g %d", &sec, &size); err != nil {
		return 0, 0, fmt.Errorf("floor of %s: %q: %v", src, out, err)
	}
	return time.Duration(sec * float64(time.Second)), size, nil
}

// floorChild is benchrun -floor-of src -floor-into dst: it reads src into
// memory, times writing it into a fresh dst, removes dst, and prints
// "floor <seconds> <bytes>".
func floorChild(src, dst string, workers int) error {
	t, err := readTree(src)
	if err != nil {
		return err
	}
	times, err := timeFloor(dst, t, 1, workers)
	if err != nil {
		return err
	}
	fmt.Printf("floor %.6f %d\n", times[0].Seconds(), t.bytes)
	return nil
}
