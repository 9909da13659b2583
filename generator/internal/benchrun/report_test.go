package main

import (
	"strings"
	"testing"
	"time"
)

// The stage lines and summary line as `travaux build -stats` prints them.
const sampleStats = `stage load        1438.3 ms
stage markdown    1895.1 ms
stage check         17.7 ms
stage render      1837.9 ms
stage write       2143.5 ms
travaux build: 1002 pages (1006 files) written to /tmp/out, 0 errors, 0 warnings, in 7.335s
`

func TestParseBuildOutput(t *testing.T) {
	got, err := ParseBuildOutput(sampleStats)
	if err != nil {
		t.Fatal(err)
	}
	if got.Pages != 1002 || got.Files != 1006 || got.Changed != -1 {
		t.Errorf("pages, files = %d, %d; want 1002, 1006", got.Pages, got.Files)
	}
	want := []StageTime{{"load", 1438.3}, {"markdown", 1895.1}, {"check", 17.7}, {"render", 1837.9}, {"write", 2143.5}}
	if len(got.Stages) != len(want) {
		t.Fatalf("stages = %v, want %v", got.Stages, want)
	}
	for i := range want {
		if got.Stages[i] != want[i] {
			t.Errorf("stage %d = %v, want %v", i, got.Stages[i], want[i])
		}
	}
}

func TestParseBuildOutputTolerates(t *testing.T) {
	// CRLF, other lines (progress, warnings), integer milliseconds.
	out := "building...\r\nstage xref 3 ms\r\ntravaux build: 5 pages (9 files) written to out dir, 0 errors, 1 warnings, in 1ms\r\n"
	got, err := ParseBuildOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	if got.Pages != 5 || got.Files != 9 || len(got.Stages) != 1 || got.Stages[0] != (StageTime{"xref", 3}) {
		t.Errorf("got %+v", got)
	}
}

func TestParseBuildOutputChanged(t *testing.T) {
	got, err := ParseBuildOutput("travaux build: 70 pages (74 files, 3 changed) written to /tmp/out, 0 errors, 0 warnings, in 158ms\n")
	if err != nil {
		t.Fatal(err)
	}
	if got.Pages != 70 || got.Files != 74 || got.Changed != 3 {
		t.Errorf("got %+v", got)
	}
}

func TestParseBuildOutputNoSummary(t *testing.T) {
	if _, err := ParseBuildOutput("stage load 1.0 ms\n"); err == nil {
		t.Error("no error without a summary line")
	}
	if _, err := ParseBuildOutput("travaux build: 3 errors, 0 warnings; out left unchanged (1ms)\n"); err == nil {
		t.Error("no error for a failed build's line")
	}
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{
		{nil, 0},
		{[]float64{7}, 7},
		{[]float64{3, 1, 2}, 2},
		{[]float64{4, 1, 3, 2}, 2.5},
		{[]float64{5, 5, 1, 9, 100}, 5},
	} {
		in := append([]float64(nil), c.in...)
		if got := Median(c.in); got != c.want {
			t.Errorf("Median(%v) = %v, want %v", c.in, got, c.want)
		}
		for i := range in {
			if in[i] != c.in[i] {
				t.Errorf("Median reordered its input: %v", c.in)
			}
		}
	}
}

func TestStageMedians(t *testing.T) {
	runs := []BuildOutput{
		{Stages: []StageTime{{"load", 10}, {"render", 30}}},
		{Stages: []StageTime{{"load", 20}, {"render", 10}, {"write", 5}}},
		{Stages: []StageTime{{"load", 30}, {"render", 20}}},
	}
	got := StageMedians(runs)
	want := []StageTime{{"load", 20}, {"render", 20}, {"write", 5}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got %v, want %v", got, want)
		}
	}
}

func TestFormatTable(t *testing.T) {
	got := FormatTable([]string{"N", "wall s", "x"}, [][]string{{"68", "0.105", ""}, {"10000", "31.250", "-"}})
	want := "    N  wall s  x\n" +
		"-----  ------  -\n" +
		"   68   0.105\n" +
		"10000  31.250  -\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestTableRows(t *testing.T) {
	results := []Result{
		{N: 68, Pages: 70, Files: 80, WallMS: 105, FloorMS: 50, Ratio: 2.1, BestFloorMS: 30, RatioToBest: 3.5, PagesPerSec: 666.6, PeakRSSMiB: 40.2,
			RebuildMS: 99, RebuildWrit: 0, Stages: []StageTime{{"load", 12.34}, {"write", 40}}},
		{N: 1000, Pages: 1002, Files: 1006, WallMS: 1500, FloorMS: 600, Ratio: 2.5, PagesPerSec: 668, PeakRSSMiB: 180,
			RebuildMS: 1400, RebuildWrit: 1006, Stages: []StageTime{{"load", 300}, {"xref", 7}, {"write", 400}}},
	}
	h, rows := TableRows(results)
	wantH := []string{"N", "pages", "files", "wall s", "floor s", "build/floor", "best floor s", "build/best", "pages/s", "peak RSS MiB", "rebuild s", "rebuild writes", "load ms", "write ms", "xref ms"}
	if strings.Join(h, "|") != strings.Join(wantH, "|") {
		t.Errorf("header %q\nwant   %q", h, wantH)
	}
	want0 := []string{"68", "70", "80", "0.105", "0.050", "2.10", "0.030", "3.50", "667", "40", "0.099", "0", "12.3", "40.0", "-"}
	if strings.Join(rows[0], "|") != strings.Join(want0, "|") {
		t.Errorf("row 0 %q\nwant  %q", rows[0], want0)
	}
	if rows[1][11] != "1006" || rows[1][14] != "7.0" {
		t.Errorf("row 1 %q", rows[1])
	}
	text := FormatReport(Report{Command: "go run ./generator/internal/benchrun -n 68", Machine: Machine{NProc: 2, CPU: "Test CPU", GoVersion: "go1.26"}, Results: results})
	for _, s := range []string{"build/floor", "machine: 2 CPUs, Test CPU; go1.26", "command: go run ./generator/internal/benchrun -n 68"} {
		if !strings.Contains(text, s) {
			t.Errorf("report lacks %q:\n%s", s, text)
		}
	}
}

func TestChangedFiles(t *testing.T) {
	t0 := time.Unix(1000, 0)
	before := map[string]fileID{"a": {1, t0, 10}, "b": {2, t0, 10}, "c": {3, t0, 10}, "gone": {4, t0, 1}}
	after := map[string]fileID{
		"a":   {1, t0, 10},                  // untouched
		"b":   {9, t0, 10},                  // replaced by a new file
		"c":   {3, t0.Add(time.Second), 10}, // rewritten in place
		"new": {5, t0, 1},
	}
	if got := changedFiles(before, after); got != 3 {
		t.Errorf("changedFiles = %d, want 3", got)
	}
}

func TestHelpers(t *testing.T) {
	if ns, err := parseSizes("68, 1_000,10000"); err != nil || len(ns) != 3 || ns[1] != 1000 {
		t.Errorf("parseSizes = %v, %v", ns, err)
	}
	for _, bad := range []string{"", "0", "x", "-5"} {
		if _, err := parseSizes(bad); err == nil {
			t.Errorf("parseSizes(%q) gave no error", bad)
		}
	}
	if got := cpuModel("processor\t: 0\nmodel name\t: AMD  EPYC 7B13\nflags\t: x\n"); got != "AMD EPYC 7B13" {
		t.Errorf("cpuModel = %q", got)
	}
	mounts := "/dev/vda / ext4 rw 0 0\ntmpfs /tmp tmpfs rw 0 0\ntmpfs /tmpx tmpfs rw 0 0\n"
	if got := mountFS(mounts, "/tmp/travaux-benchrun-1/out"); got != "tmpfs (/tmp)" {
		t.Errorf("mountFS = %q", got)
	}
	if got := mountFS(mounts, "/work/x"); got != "ext4 (/)" {
		t.Errorf("mountFS = %q", got)
	}
	if got := commandLine([]string{"-n", "68,1000", "-json", "a b.json"}); got != `go run ./generator/internal/benchrun -n 68,1000 -json "a b.json"` {
		t.Errorf("commandLine = %s", got)
	}
	if got := cacheName(1000, 1, "0123456789ab"); !cacheEntry.MatchString(got) {
		t.Errorf("cacheName %q does not match the prune pattern", got)
	}
}
