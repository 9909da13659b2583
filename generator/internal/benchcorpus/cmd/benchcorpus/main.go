// Command benchcorpus writes a synthetic travaux site for benchmarks:
//
//	go run ./generator/internal/benchcorpus/cmd/benchcorpus -n 1000 -seed 1 -o DIR
//
// DIR becomes a site root (DIR/content/...) that `travaux build -C DIR`
// builds. The same -n and -seed always give the same bytes. A DIR that
// already holds a corpus written by this command is replaced; any other
// content/ folder is left alone and the command fails.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"travaux/generator/internal/benchcorpus"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	seed := flag.Int64("seed", 1, "random seed; the same seed gives the same files")
	out := flag.String("o", "", "site root to write (required)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: benchcorpus [-n N] [-seed S] -o DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	start := time.Now()
	if err := benchcorpus.Write(*out, benchcorpus.Options{N: *n, Seed: *seed}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	files, size := 0, int64(0)
	filepath.WalkDir(filepath.Join(*out, "content"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				files++
				size += fi.Size()
			}
		}
		return nil
	})
	fmt.Printf("benchcorpus: %d articles, %d files, %.1f MB in %s, %v\n",
		*n, files, float64(size)/1e6, filepath.Join(*out, "content"), time.Since(start).Round(time.Millisecond))
}
