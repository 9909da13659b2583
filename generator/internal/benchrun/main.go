// Command benchrun is `make bench`: it builds the travaux binary once,
// generates the synthetic corpus (generator/internal/benchcorpus) at each
// size, and times whole `travaux build -stats` processes on it:
//
//	go run ./generator/internal/benchrun [-n 68,1000,10000] [-runs 5] [-json FILE]
//
// For each size it reports the median wall time over several builds into a
// cold (removed) output folder, the largest peak RSS of those builds, pages
// written per second, the median of each stage the build prints, one
// no-change rebuild (its time, and how many files it wrote), and beside the
// build the physical floor: the median time to write the same files, held
// in memory, into a fresh folder, measured right after each build; the
// build/floor ratio is the median of each build's ratio to its own floor.
// Beside them, the fastest floor and the median build's ratio to it: on a
// disk that slows down under sustained writes, the floors measured later
// take longer, and only this ratio does not flatter the build.
// It prints one aligned table with the machine and the command line, and
// with -json writes the same as JSON.
//
// Corpora are cached under $TMPDIR/travaux-bench, keyed by size, seed and a
// hash of the benchcorpus sources, so reruns skip generating them.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	sizes := flag.String("n", "68,1000,10000", "comma-separated corpus sizes (articles)")
	seed := flag.Int64("seed", 1, "corpus seed")
	runs := flag.Int("runs", 5, "cold builds per size")
	runsLarge := flag.Int("runs-large", 3, "at most this many cold builds at 10,000 articles or more")
	jsonOut := flag.String("json", "", "also write the results as JSON to this file")
	cache := flag.String("cache", filepath.Join(os.TempDir(), "travaux-bench"), `folder to cache generated corpora in ("" to regenerate into the work folder)`)
	goCmd := flag.String("go", "go", "the go command used to build travaux")
	floorWorkers := flag.Int("floor-workers", 1, "goroutines writing files when measuring the floor")
	floorOf := flag.String("floor-of", "", "(used by benchrun itself) time writing this folder's files, read into memory, into -floor-into, and print the time")
	floorInto := flag.String("floor-into", "", "(with -floor-of) the folder to write")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: benchrun [-n 68,1000,10000] [-runs 5] [-runs-large 3] [-seed 1] [-json FILE] [-cache DIR] [-go go]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if *floorOf != "" {
		if err := floorChild(*floorOf, *floorInto, *floorWorkers); err != nil {
			fmt.Fprintln(os.Stderr, "benchrun:", err)
			os.Exit(1)
		}
		return
	}
	ns, err := parseSizes(*sizes)
	if err != nil || *runs < 1 || *runsLarge < 1 {
		if err == nil {
			err = fmt.Errorf("-runs and -runs-large must be at least 1")
		}
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(2)
	}
	cfg := config{
		sizes: ns, seed: *seed, runs: *runs, runsLarge: *runsLarge,
		cache: *cache, goCmd: *goCmd, floorWorkers: *floorWorkers,
		command: commandLine(os.Args[1:]),
	}
	rep, err := run(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(1)
	}
	fmt.Print(FormatReport(rep))
	if *jsonOut != "" {
		data, err := json.MarshalIndent(rep, "", "  ")
		if err == nil {
			err = os.WriteFile(*jsonOut, append(data, '\n'), 0o644)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchrun:", err)
			os.Exit(1)
		}
		fmt.Printf("json: %s\n", *jsonOut)
	}
}

type config struct {
	sizes        []int
	seed         int64
	runs         int
	runsLarge    int
	cache        string
	goCmd        string
	floorWorkers int
	command      string
}

// largeN is the size from which -runs-large caps the number of builds.
const largeN = 10000

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "benchrun: "+format+"\n", args...)
}

func run(cfg config) (Report, error) {
	rep := Report{Command: cfg.command}
	root, err := moduleRoot()
	if err != nil {
		return rep, err
	}
	version, err := generatorVersion(root)
	if err != nil {
		return rep, err
	}
	work, err := os.MkdirTemp("", "travaux-benchrun-")
	if err != nil {
		return rep, err
	}
	defer os.RemoveAll(work)

	bin := filepath.Join(work, "travaux")
	logf("go build -o %s ./generator/cmd/travaux", bin)
	gb := exec.Command(cfg.goCmd, "build", "-o", bin, "./generator/cmd/travaux")
	gb.Dir, gb.Stdout, gb.Stderr = root, os.Stderr, os.Stderr
	if err := gb.Run(); err != nil {
		return rep, fmt.Errorf("go build: %v", err)
	}
	rep.Machine = machine(cfg.goCmd, work)

	for _, n := range cfg.sizes {
		site, err := corpus(cfg.cache, work, n, cfg.seed, version, logf)
		if err != nil {
			return rep, err
		}
		runs := cfg.runs
		if n >= largeN && runs > cfg.runsLarge {
			runs = cfg.runsLarge
		}
		res, err := measure(bin, site, work, n, cfg.seed, runs, cfg.floorWorkers)
		if err != nil {
			return rep, err
		}
		rep.Results = append(rep.Results, res)
	}
	return rep, nil
}

// measure takes every figure for one corpus.
func measure(bin, site, work string, n int, seed int64, runs, floorWorkers int) (Result, error) {
	res := Result{N: n, Seed: seed, Runs: runs}
	if err := warm(filepath.Join(site, "content")); err != nil {
		return res, err
	}
	out := filepath.Join(work, "out")
	var outs []BuildOutput
	var walls, floors []time.Duration
	var ratios []float64
	var peak int64
	for i := 0; i < runs; i++ {
		if err := os.RemoveAll(out); err != nil {
			return res, err
		}
		r, err := runBuild(bin, site, out)
		if err != nil {
			return res, err
		}
		logf("N=%d build %d/%d: %.3f s, %d pages, %.0f MiB", n, i+1, runs, r.Wall.Seconds(), r.Out.Pages, float64(r.RSSKiB)/1024)
		if i > 0 && (r.Out.Pages != res.Pages || r.Out.Files != res.Files) {
			return res, fmt.Errorf("N=%d: build %d wrote %d pages (%d files), build 1 wrote %d (%d)", n, i+1, r.Out.Pages, r.Out.Files, res.Pages, res.Files)
		}
		res.Pages, res.Files = r.Out.Pages, r.Out.Files
		outs = append(outs, r.Out)
		walls = append(walls, r.Wall)
		res.RSSRunsMiB = append(res.RSSRunsMiB, float64(r.RSSKiB)/1024)
		peak = max(peak, r.RSSKiB)

		// The floor: the build's output, written again from memory right
		// after each build, so that the disk's speed, which drifts from
		// minute to minute on a shared machine, is much the same for the
		// build and its floor.
		f, size, err := runFloor(out, filepath.Join(work, "floor"), floorWorkers)
		if err != nil {
			return res, err
		}
		res.Bytes = size
		floors = append(floors, f)
		ratios = append(ratios, r.Wall.Seconds()/f.Seconds())
		logf("N=%d floor %d/%d: %.3f s for %d files, %.1f MB", n, i+1, runs, f.Seconds(), res.Files, float64(res.Bytes)/1e6)
	}
	res.WallRunsMS = durationsMS(walls)
	res.WallMS = Median(res.WallRunsMS)
	res.PeakRSSMiB = float64(peak) / 1024
	res.Stages = StageMedians(outs)
	if res.WallMS > 0 {
		res.PagesPerSec = float64(res.Pages) / (res.WallMS / 1000)
	}
	res.FloorRunsMS = durationsMS(floors)
	res.FloorMS = Median(res.FloorRunsMS)
	res.Ratio = Median(ratios)
	res.BestFloorMS = slices.Min(res.FloorRunsMS)
	if res.BestFloorMS > 0 {
		res.RatioToBest = res.WallMS / res.BestFloorMS
	}

	// A rebuild with nothing changed, onto the output just built.
	before, err := snapshot(out)
	if err != nil {
		return res, err
	}
	r, err := runBuild(bin, site, out)
	if err != nil {
		return res, err
	}
	after, err := snapshot(out)
	if err != nil {
		return res, err
	}
	res.RebuildMS = float64(r.Wall.Microseconds()) / 1000
	res.RebuildWrit = changedFiles(before, after)
	res.RebuildSaid = r.Out.Changed
	logf("N=%d no-change rebuild: %.3f s, %d files written", n, res.RebuildMS/1000, res.RebuildWrit)
	return res, os.RemoveAll(out)
}

// parseSizes reads "68,1000,10000"; underscores are allowed in numbers.
func parseSizes(s string) ([]int, error) {
	var ns []int
	for _, f := range strings.Split(s, ",") {
		f = strings.ReplaceAll(strings.TrimSpace(f), "_", "")
		if f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-n: %q is not a positive number of articles", f)
		}
		ns = append(ns, n)
	}
	if len(ns) == 0 {
		return nil, fmt.Errorf("-n: no sizes given")
	}
	return ns, nil
}

// commandLine is how to run this harness again with the same arguments.
func commandLine(args []string) string {
	parts := []string{"go", "run", "./generator/internal/benchrun"}
	for _, a := range args {
		if a == "" || strings.ContainsAny(a, " \t\"'$\\") {
			a = strconv.Quote(a)
		}
		parts = append(parts, a)
	}
	return strings.Join(parts, " ")
}

// moduleRoot finds the folder holding the travaux go.mod, from the working
// directory up.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.HasPrefix(string(data), "module travaux\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("not inside the travaux module (no go.mod saying `module travaux` above the working directory)")
		}
		dir = parent
	}
}

// machine describes the computer: CPUs, CPU model, Go, kernel, the file
// system the output is written to, and how busy the machine was (figures
// taken under load are not comparable).
func machine(goCmd, outDir string) Machine {
	m := Machine{NProc: runtime.NumCPU(), CPU: "unknown CPU", GoVersion: runtime.Version()}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		m.CPU = cpuModel(string(data))
	}
	if out, err := exec.Command(goCmd, "version").Output(); err == nil {
		m.GoVersion = strings.TrimSpace(string(out))
	}
	if data, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.Kernel = strings.TrimSpace(string(data))
	}
	if data, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(data)); len(f) >= 3 {
			m.LoadAvg = strings.Join(f[:3], " ")
		}
	}
	if data, err := os.ReadFile("/proc/self/mounts"); err == nil {
		if abs, err := filepath.Abs(outDir); err == nil {
			m.OutputFS = mountFS(string(data), abs)
		}
	}
	return m
}

// cpuModel returns the first "model name" of /proc/cpuinfo.
func cpuModel(cpuinfo string) string {
	for _, line := range strings.Split(cpuinfo, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok && strings.TrimSpace(k) == "model name" {
			return strings.Join(strings.Fields(v), " ")
		}
	}
	return "unknown CPU"
}

// mountFS returns "TYPE (MOUNTPOINT)" for the mount of /proc/self/mounts
// that holds path: the one with the longest mount point above it.
func mountFS(mounts, path string) string {
	best, bestLen := "", -1
	for _, line := range strings.Split(mounts, "\n") {
		f := strings.Fields(line)
		if len(f) < 3 {
			continue
		}
		mp := f[1]
		if (path == mp || mp == "/" || strings.HasPrefix(path, mp+"/")) && len(mp) > bestLen {
			best, bestLen = f[2]+" ("+mp+")", len(mp)
		}
	}
	return best
}
