package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"travaux/generator/internal/benchcorpus"
)

// generatorVersion hashes the benchcorpus sources (its .go files other than
// tests), so a cached corpus is used only while the generator that wrote
// it is unchanged.
func generatorVersion(moduleRoot string) (string, error) {
	dir := filepath.Join(moduleRoot, "generator", "internal", "benchcorpus")
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return "", err
	}
	sort.Strings(names)
	h := sha256.New()
	n := 0
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %d\n", filepath.Base(name), len(data))
		h.Write(data)
		n++
	}
	if n == 0 {
		return "", fmt.Errorf("no benchcorpus sources in %s", dir)
	}
	return hex.EncodeToString(h.Sum(nil))[:12], nil
}

// cacheName is the folder name of a cached corpus.
func cacheName(n int, seed int64, version string) string {
	return fmt.Sprintf("%d-seed%d-%s", n, seed, version)
}

var cacheEntry = regexp.MustCompile(`^[0-9]+-seed-?[0-9]+-([0-9a-f]{12})$`)

// corpus returns a site root holding the synthetic corpus for n and seed.
// With a cache folder it is kept there, keyed by n, seed and the generator
// version, and written only when missing; entries an older generator wrote
// are removed. Without one it is written under work.
func corpus(cache, work string, n int, seed int64, version string, logf func(string, ...any)) (string, error) {
	name := cacheName(n, seed, version)
	if cache == "" {
		dir := filepath.Join(work, "corpus-"+name)
		logf("generating corpus N=%d seed=%d in %s", n, seed, dir)
		return dir, benchcorpus.Write(dir, benchcorpus.Options{N: n, Seed: seed})
	}
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return "", err
	}
	pruneCache(cache, version)
	dir := filepath.Join(cache, name)
	if _, err := os.Stat(filepath.Join(dir, ".complete")); err == nil {
		logf("corpus N=%d seed=%d: cached in %s", n, seed, dir)
		return dir, nil
	}
	logf("generating corpus N=%d seed=%d into %s", n, seed, dir)
	tmp, err := os.MkdirTemp(cache, ".tmp-"+name+"-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	if err := benchcorpus.Write(tmp, benchcorpus.Options{N: n, Seed: seed}); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(tmp, ".complete"), nil, 0o644); err != nil {
		return "", err
	}
	os.RemoveAll(dir) // an incomplete earlier attempt
	if err := os.Rename(tmp, dir); err != nil {
		return "", err
	}
	return dir, nil
}

// pruneCache removes cached corpora that a different generator version
// wrote, and leftovers of interrupted runs over an hour old. Nothing else in
// the cache folder is touched.
func pruneCache(cache, version string) {
	entries, err := os.ReadDir(cache)
	if err != nil {
		return
	}
	for _, e := range entries {
		if m := cacheEntry.FindStringSubmatch(e.Name()); m != nil && e.IsDir() && m[1] != version {
			os.RemoveAll(filepath.Join(cache, e.Name()))
		}
		// The half-written corpus of an interrupted run.
		if strings.HasPrefix(e.Name(), ".tmp-") {
			if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > time.Hour {
				os.RemoveAll(filepath.Join(cache, e.Name()))
			}
		}
	}
}
