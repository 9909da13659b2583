package main

import (
	"bufio"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// BuildOutput is what one `travaux build -stats` printed on standard output.
type BuildOutput struct {
	Stages  []StageTime // in the order printed
	Pages   int
	Files   int
	Changed int // "(F files, C changed)" when the build says so; else -1
}

// StageTime is one `stage NAME  X ms` line.
type StageTime struct {
	Name string  `json:"name"`
	MS   float64 `json:"ms"`
}

var (
	stageLine   = regexp.MustCompile(`^stage\s+(\S+)\s+([0-9]+(?:\.[0-9]+)?)\s*ms\s*$`)
	summaryLine = regexp.MustCompile(`^travaux build: ([0-9]+) pages \(([0-9]+) files([^)]*)\) written to `)
	changedNote = regexp.MustCompile(`([0-9]+) changed`)
)

// ParseBuildOutput reads the stage lines and the summary line of
// `travaux build -stats`. Other lines are ignored; a missing summary line is
// an error, since without it there is no page count.
func ParseBuildOutput(out string) (BuildOutput, error) {
	var res BuildOutput
	found := false
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if m := stageLine.FindStringSubmatch(line); m != nil {
			ms, err := strconv.ParseFloat(m[2], 64)
			if err != nil {
				return res, fmt.Errorf("stage line %q: %v", line, err)
			}
			res.Stages = append(res.Stages, StageTime{Name: m[1], MS: ms})
			continue
		}
		if m := summaryLine.FindStringSubmatch(line); m != nil {
			res.Pages, _ = strconv.Atoi(m[1])
			res.Files, _ = strconv.Atoi(m[2])
			res.Changed = -1
			if c := changedNote.FindStringSubmatch(m[3]); c != nil {
				res.Changed, _ = strconv.Atoi(c[1])
			}
			found = true
		}
	}
	if !found {
		return res, fmt.Errorf("no summary line (`travaux build: P pages (F files) written to ...`) in output:\n%s", out)
	}
	return res, nil
}

// Median returns the median of xs (the mean of the middle two for an even
// count), or 0 for none. xs is not modified.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

// StageMedians returns, for every stage name seen in runs (in the order of
// first appearance), the median of its times over the runs that printed it.
func StageMedians(runs []BuildOutput) []StageTime {
	var names []string
	times := map[string][]float64{}
	for _, r := range runs {
		for _, st := range r.Stages {
			if _, ok := times[st.Name]; !ok {
				names = append(names, st.Name)
			}
			times[st.Name] = append(times[st.Name], st.MS)
		}
	}
	out := make([]StageTime, len(names))
	for i, n := range names {
		out[i] = StageTime{Name: n, MS: Median(times[n])}
	}
	return out
}

// Result is the measurement at one corpus size.
type Result struct {
	N     int   `json:"n"`
	Seed  int64 `json:"seed"`
	Runs  int   `json:"runs"`
	Pages int   `json:"pages"`
	Files int   `json:"files"`
	Bytes int64 `json:"bytes"` // total size of the output files

	WallMS      float64   `json:"wall_ms_median"`
	WallRunsMS  []float64 `json:"wall_ms_runs"`
	FloorMS     float64   `json:"floor_ms_median"`
	FloorRunsMS []float64 `json:"floor_ms_runs"`
	Ratio       float64   `json:"build_floor_ratio"`
	// BestFloorMS is the fastest floor of the run, and RatioToBest the
	// median wall time against it. On a disk that slows down under
	// sustained writes, later floors take longer, and the median of the
	// builds' own ratios flatters the build; this ratio does not.
	BestFloorMS float64 `json:"floor_ms_best"`
	RatioToBest float64 `json:"build_best_floor_ratio"`
	PagesPerSec float64 `json:"pages_per_second"`

	PeakRSSMiB  float64     `json:"peak_rss_mib"` // the largest over the cold runs
	RSSRunsMiB  []float64   `json:"rss_mib_runs"`
	Stages      []StageTime `json:"stage_medians_ms"`
	RebuildMS   float64     `json:"nochange_rebuild_ms"`
	RebuildWrit int         `json:"nochange_rebuild_files_written"`
	// What the rebuild's own summary line said it changed (-1: it did not say).
	RebuildSaid int `json:"nochange_rebuild_reported_changed"`
}

// Machine describes where the figures came from.
type Machine struct {
	NProc     int    `json:"nproc"`
	CPU       string `json:"cpu"`
	GoVersion string `json:"go_version"`
	Kernel    string `json:"kernel,omitempty"`
	OutputFS  string `json:"output_fs,omitempty"`
	LoadAvg   string `json:"loadavg_at_start,omitempty"` // 1, 5 and 15 minute load averages
}

// Report is everything one run of the harness measured.
type Report struct {
	Command string   `json:"command"`
	Machine Machine  `json:"machine"`
	Results []Result `json:"results"`
}

// TableRows lays the results out as a header and rows of cells. Stage
// columns are the union of the stage names over all results, in order of
// first appearance; a result without a stage shows "-".
func TableRows(results []Result) (header []string, rows [][]string) {
	var stages []string
	seen := map[string]bool{}
	for _, r := range results {
		for _, st := range r.Stages {
			if !seen[st.Name] {
				seen[st.Name] = true
				stages = append(stages, st.Name)
			}
		}
	}
	header = []string{"N", "pages", "files", "wall s", "floor s", "build/floor", "best floor s", "build/best", "pages/s", "peak RSS MiB", "rebuild s", "rebuild writes"}
	for _, s := range stages {
		header = append(header, s+" ms")
	}
	for _, r := range results {
		row := []string{
			strconv.Itoa(r.N),
			strconv.Itoa(r.Pages),
			strconv.Itoa(r.Files),
			fmt.Sprintf("%.3f", r.WallMS/1000),
			fmt.Sprintf("%.3f", r.FloorMS/1000),
			fmt.Sprintf("%.2f", r.Ratio),
			fmt.Sprintf("%.3f", r.BestFloorMS/1000),
			fmt.Sprintf("%.2f", r.RatioToBest),
			fmt.Sprintf("%.0f", r.PagesPerSec),
			fmt.Sprintf("%.0f", r.PeakRSSMiB),
			fmt.Sprintf("%.3f", r.RebuildMS/1000),
			strconv.Itoa(r.RebuildWrit),
		}
		byName := map[string]float64{}
		for _, st := range r.Stages {
			byName[st.Name] = st.MS
		}
		for _, s := range stages {
			if ms, ok := byName[s]; ok {
				row = append(row, fmt.Sprintf("%.1f", ms))
			} else {
				row = append(row, "-")
			}
		}
		rows = append(rows, row)
	}
	return header, rows
}

// FormatTable aligns header and rows into plain text: every column right
// aligned to its widest cell, columns two spaces apart, a rule of dashes
// under the header, no trailing spaces.
func FormatTable(header []string, rows [][]string) string {
	width := make([]int, len(header))
	all := append([][]string{header}, rows...)
	for _, row := range all {
		for i, c := range row {
			if i < len(width) && len(c) > width[i] {
				width[i] = len(c)
			}
		}
	}
	var b strings.Builder
	line := func(cells []string) {
		var l strings.Builder
		for i := range width {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			if i > 0 {
				l.WriteString("  ")
			}
			l.WriteString(strings.Repeat(" ", width[i]-len(c)))
			l.WriteString(c)
		}
		b.WriteString(strings.TrimRight(l.String(), " "))
		b.WriteByte('\n')
	}
	line(header)
	rule := make([]string, len(width))
	for i, w := range width {
		rule[i] = strings.Repeat("-", w)
	}
	line(rule)
	for _, r := range rows {
		line(r)
	}
	return b.String()
}

// FormatReport is the whole plain-text report: the table, then the machine
// and the command line.
func FormatReport(rep Report) string {
	var b strings.Builder
	h, rows := TableRows(rep.Results)
	b.WriteString(FormatTable(h, rows))
	b.WriteString("\n")
	runs := make([]string, len(rep.Results))
	for i, r := range rep.Results {
		runs[i] = fmt.Sprintf("%d at N=%d", r.Runs, r.N)
	}
	fmt.Fprintf(&b, "medians over cold runs (%s); peak RSS is the largest over those runs;\n", strings.Join(runs, ", "))
	b.WriteString("floor: the same files written from memory into a fresh folder after each build (median); build/floor: the median of each build's ratio to its floor;\n")
	b.WriteString("best floor: the fastest of those floors; build/best: the median wall time against it (a disk that slows down under sustained writes makes later floors longer);\n")
	b.WriteString("rebuild: one more build onto the existing output; writes = files new or with changed inode, mtime or size.\n")
	m := rep.Machine
	fmt.Fprintf(&b, "machine: %d CPUs, %s; %s", m.NProc, m.CPU, m.GoVersion)
	if m.Kernel != "" {
		fmt.Fprintf(&b, "; Linux %s", m.Kernel)
	}
	if m.OutputFS != "" {
		fmt.Fprintf(&b, "; output on %s", m.OutputFS)
	}
	if m.LoadAvg != "" {
		fmt.Fprintf(&b, "; load average %s at start", m.LoadAvg)
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "command: %s\n", rep.Command)
	return b.String()
}
