package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"sync/atomic"
	"time"

	"travaux/generator/build"
	"travaux/generator/source"
	"travaux/generator/write"
	"travaux/templates"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("build", "travaux build [-C dir] [-o out] [-base-url URL] [-stats] [-cpuprofile file]", stdout, stderr)
	dir := fs.String("C", ".", "site root: the folder holding content/ and templates/")
	out := fs.String("o", "", "output folder (default: public/ under the site root)")
	baseURL := fs.String("base-url", "", "absolute URL the site is published at, for canonical links, the sitemap and copied citations (default: base_url in content/convention.yaml)")
	stats := fs.Bool("stats", false, "print how long each stage took")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file, for go tool pprof")
	if code := parseFlagsOnly(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	if err := checkBaseURL(*baseURL); err != nil {
		fmt.Fprintf(stderr, "travaux build: -base-url: %v\n", err)
		return exitUsage
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "travaux build: -cpuprofile: %v\n", err)
			return exitUsage
		}
		defer stop()
	}
	start := time.Now()
	if code := checkSiteRoot(*dir, "build", stderr); code >= 0 {
		return code
	}
	outDir := *out
	if outDir == "" {
		outDir = filepath.Join(*dir, "public")
	}
	if err := checkOutput(*dir, outDir); err != nil {
		fmt.Fprintf(stderr, "travaux build: %v\n", err)
		return exitUsage
	}

	// The provisions' files are written as they are rendered, into a
	// temporary folder that replaces the output only if the whole build
	// succeeds.
	stream, err := write.Begin(outDir)
	if err != nil {
		fmt.Fprintf(stderr, "travaux build: %v\n", err)
		return exitContent
	}
	var files, pages atomic.Int64
	add := func(name string, data []byte) error {
		files.Add(1)
		if strings.HasSuffix(name, ".html") {
			pages.Add(1)
		}
		return stream.Add(name, data)
	}
	addFrom := func(name func([sha256.Size]byte) string, write func(io.Writer) error) (string, error) {
		files.Add(1)
		return stream.AddFrom(name, write)
	}
	cfg := build.Config{Site: os.DirFS(*dir), Defaults: templates.FS, BaseURL: *baseURL, Emit: add, EmitFrom: addFrom}
	prog := newProgress(stderr)
	if prog != nil {
		cfg.Progress = prog.Stage
	}
	res := build.Run(cfg)
	errs, warns := len(res.Problems.Errors()), len(res.Problems.Warnings())
	if res.Failed() {
		stream.Abort()
		prog.Stop()
		printProblems(stderr, res.Problems)
		fmt.Fprintf(stderr, "travaux build: %d errors, %d warnings; %s left unchanged (%s)\n",
			errs, warns, outDir, since(start))
		return exitContent
	}
	if prog != nil {
		prog.Stage("write", len(res.Corpus.Articles))
	}
	writeStart := time.Now()
	files.Add(int64(len(res.Files)))
	pages.Add(int64(res.Pages()))
	rep, err := writeRest(stream, res.Files)
	prog.Stop()
	printProblems(stderr, res.Problems) // warnings
	if err != nil {
		fmt.Fprintf(stderr, "travaux build: %v\n", err)
		return exitContent
	}
	res.Stages = append(res.Stages, build.Stage{Name: "write", Duration: time.Since(writeStart)})
	if *stats {
		for _, st := range res.Stages {
			fmt.Fprintf(stdout, "stage %-9s %8.1f ms\n", st.Name, float64(st.Duration.Microseconds())/1000)
		}
	}
	fmt.Fprintf(stdout, "travaux build: %d pages (%d files, %d changed) written to %s, %d errors, %d warnings, in %s\n",
		pages.Load(), files.Load(), rep.Written, outDir, errs, warns, since(start))
	return exitOK
}

// startCPUProfile profiles the process into the file name until stop is
// called: the whole build, disk included, as the speed figures measure it.
func startCPUProfile(name string) (stop func(), err error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// writeRest adds the files the build returned (all but the provisions',
// which went to the stream as they were made) and commits the stream; on
// failure the output is left as it was.
func writeRest(stream *write.Stream, rest map[string][]byte) (write.Report, error) {
	if err := stream.AddAll(rest); err != nil {
		stream.Abort()
		return write.Report{}, err
	}
	return stream.Commit()
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("check", "travaux check [-C dir]", stdout, stderr)
	dir := fs.String("C", ".", "site root: the folder holding content/")
	if code := parseFlagsOnly(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	if code := checkSiteRoot(*dir, "check", stderr); code >= 0 {
		return code
	}
	res := build.Run(build.Config{Site: os.DirFS(*dir), Defaults: templates.FS, SkipRender: true})
	printProblems(stderr, res.Problems)
	errs, warns := len(res.Problems.Errors()), len(res.Problems.Warnings())
	if res.Failed() {
		fmt.Fprintf(stderr, "travaux check: %d errors, %d warnings\n", errs, warns)
		return exitContent
	}
	fmt.Fprintf(stdout, "travaux check: %d provisions, 0 errors, %d warnings\n", len(res.Corpus.Articles), warns)
	return exitOK
}

// checkBaseURL accepts "" (not given) or an absolute http or https URL
// with a host and nothing after its path.
func checkBaseURL(s string) error {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("want an absolute URL such as https://example.org, not %q", s)
	}
	return nil
}

// checkSiteRoot reports a usage error unless dir holds a content/ folder.
func checkSiteRoot(dir, cmd string, stderr io.Writer) int {
	fi, err := os.Stat(filepath.Join(dir, "content"))
	if err != nil || !fi.IsDir() {
		fmt.Fprintf(stderr, "travaux %s: %s has no content/ folder (run in a site root, or pass -C dir)\n", cmd, dir)
		return exitUsage
	}
	return -1
}

// checkOutput refuses output folders whose replacement would destroy the
// author's own files: the site root, anything above it, or content/ and
// templates/ themselves.
func checkOutput(siteDir, outDir string) error {
	site, err1 := filepath.Abs(siteDir)
	out, err2 := filepath.Abs(outDir)
	if err1 != nil || err2 != nil {
		return fmt.Errorf("cannot resolve %s or %s", siteDir, outDir)
	}
	inside := func(child, parent string) bool {
		rel, err := filepath.Rel(parent, child)
		return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
	}
	for _, keep := range []string{"content", "templates", "generator", ".git"} {
		if inside(out, filepath.Join(site, keep)) {
			return fmt.Errorf("refusing to write output into %s: it would replace the site's %s/ folder", outDir, keep)
		}
	}
	if inside(site, out) {
		return fmt.Errorf("refusing to write output to %s: it holds the site itself (choose a folder such as public/)", outDir)
	}
	return nil
}

func printProblems(w io.Writer, problems source.ErrorList) {
	for _, p := range problems {
		fmt.Fprintln(w, p.Error())
	}
}

func since(start time.Time) time.Duration {
	return time.Since(start).Round(time.Millisecond)
}
