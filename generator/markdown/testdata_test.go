package markdown

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"travaux/generator/model"
	"travaux/generator/source"
)

var update = flag.Bool("update", false, "rewrite the expected sections of testdata/*.txt from the current output")

// TestCases runs the cases in testdata (see testdata/README.md): each
// renders its input in the mode its comment names and compares the HTML,
// the paragraphs and the errors with the expected sections.
func TestCases(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test cases: %v", err)
	}
	r := New()
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			mode := caseMode(string(a.Comment))
			if mode == "" {
				t.Fatalf("%s: the comment must say mode: treaty or mode: prose", file)
			}
			input, ok := section(a, "input")
			if !ok {
				t.Fatalf("%s: no input section", file)
			}
			got := runCase(r, mode, input)
			if *update {
				writeCase(t, file, a, mode, got)
				return
			}
			for _, name := range []string{"html", "paragraphs", "errors"} {
				want, _ := section(a, name)
				if got[name] != want {
					t.Errorf("%s: %s differs (-want +got):\n%s", file, name, lineDiff(want, got[name]))
				}
			}
		})
	}
}

// runCase renders input and formats the results as the sections hold them.
func runCase(r *Renderer, mode, input string) map[string]string {
	text := model.Text{Source: input, Pos: source.Pos{File: "test.md", Line: 1, Col: 1}}
	got := map[string]string{}
	var errs source.ErrorList
	if mode == "treaty" {
		out, e := r.Treaty(text)
		errs = e
		got["html"] = string(out.HTML)
		var b strings.Builder
		for _, p := range out.Paragraphs {
			fmt.Fprintf(&b, "%s %s %d:%d %q\n", p.ID, p.Anchor, p.Pos.Line, p.Pos.Col, p.Text)
		}
		got["paragraphs"] = b.String()
	} else {
		out, e := r.Prose(text)
		errs = e
		got["html"] = string(out)
	}
	errs.Sort()
	var b strings.Builder
	for _, e := range errs {
		b.WriteString(e.Error() + "\n")
	}
	got["errors"] = b.String()
	return got
}

// caseMode finds "mode: treaty" or "mode: prose" in an archive comment.
func caseMode(comment string) string {
	for _, line := range strings.Split(comment, "\n") {
		if m, ok := strings.CutPrefix(strings.TrimSpace(line), "mode:"); ok {
			if m = strings.TrimSpace(m); m == "treaty" || m == "prose" {
				return m
			}
		}
	}
	return ""
}

func section(a *txtar.Archive, name string) (string, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return string(f.Data), true
		}
	}
	return "", false
}

// writeCase rewrites file with the output in its expected sections: html
// always, paragraphs for treaty cases, errors when there are any.
func writeCase(t *testing.T, file string, a *txtar.Archive, mode string, got map[string]string) {
	t.Helper()
	input, _ := section(a, "input")
	out := &txtar.Archive{Comment: a.Comment, Files: []txtar.File{{Name: "input", Data: []byte(input)}}}
	out.Files = append(out.Files, txtar.File{Name: "html", Data: []byte(got["html"])})
	if mode == "treaty" && got["paragraphs"] != "" {
		out.Files = append(out.Files, txtar.File{Name: "paragraphs", Data: []byte(got["paragraphs"])})
	}
	if got["errors"] != "" {
		out.Files = append(out.Files, txtar.File{Name: "errors", Data: []byte(got["errors"])})
	}
	if err := os.WriteFile(file, txtar.Format(out), 0o666); err != nil {
		t.Fatal(err)
	}
}

// lineDiff shows want and got line by line, marking lines that differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl == gl {
			fmt.Fprintf(&b, "  %s\n", wl)
			continue
		}
		if i < len(w) {
			fmt.Fprintf(&b, "- %s\n", wl)
		}
		if i < len(g) {
			fmt.Fprintf(&b, "+ %s\n", gl)
		}
	}
	return b.String()
}
