package write

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// A manifest maps each output path to a fingerprint of its content: the
// SHA-256 of the bytes and their length.
type manifest map[string]string

func fingerprintOf(data []byte) string {
	return fingerprintOfSum(sha256.Sum256(data), len(data))
}

// fingerprintOfSum is the fingerprint of n bytes whose SHA-256 is sum.
func fingerprintOfSum(sum [sha256.Size]byte, n int) string {
	return hex.EncodeToString(sum[:16]) + " " + strconv.Itoa(n)
}

// readManifest reads the manifest at file, describing the output folder
// out. It returns an empty manifest, so that everything is written, when
// the file is missing or unreadable or when out does not look like what it
// describes (a file it lists is missing or has another size: someone
// changed the output by hand).
func readManifest(file, out string) manifest {
	data, err := os.ReadFile(file)
	if err != nil {
		return manifest{}
	}
	m := manifest{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		// "<hash> <size> <path>"
		hash, rest, ok1 := strings.Cut(sc.Text(), " ")
		size, name, ok2 := strings.Cut(rest, " ")
		if !ok1 || !ok2 {
			return manifest{}
		}
		m[name] = hash + " " + size
	}
	if len(m) == 0 || !m.matches(out) {
		return manifest{}
	}
	return m
}

// matches checks, by size only, that out holds the files m lists: a cheap
// guard against an output folder edited by hand.
func (m manifest) matches(out string) bool {
	for name, fp := range m {
		_, size, _ := strings.Cut(fp, " ")
		fi, err := os.Lstat(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil || !fi.Mode().IsRegular() || strconv.FormatInt(fi.Size(), 10) != size {
			return false
		}
	}
	return true
}

func (m manifest) equal(o manifest) bool {
	if len(m) != len(o) || len(m) == 0 {
		return false
	}
	for k, v := range m {
		if o[k] != v {
			return false
		}
	}
	return true
}

// write saves m to file, replacing it atomically; a failure only costs
// the next build its shortcuts.
func (m manifest) write(file string) {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	var b bytes.Buffer
	for _, n := range names {
		b.WriteString(m[n])
		b.WriteByte(' ')
		b.WriteString(n)
		b.WriteByte('\n')
	}
	tmp := file + ".tmp"
	if os.WriteFile(tmp, b.Bytes(), 0o644) == nil {
		os.Rename(tmp, file)
	}
}
