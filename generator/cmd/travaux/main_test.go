package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"travaux/generator/internal/testsite"
)

// site writes the minimal fixture site into a fresh folder and returns it.
func site(t *testing.T) string {
	t.Helper()
	return testsite.WriteSite(t, "../../build/testdata/sites/minimal.txtar")
}

func travaux(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// tree reads every file under root into a map of relative path -> bytes.
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		m[rel] = string(b)
		return nil
	})
	return m
}

func sameTree(t *testing.T, a, b map[string]string) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("trees have %d and %d files", len(a), len(b))
	}
	for k, v := range a {
		if b[k] != v {
			t.Errorf("%s differs", k)
		}
	}
}

func TestBuildTwiceIdentical(t *testing.T) {
	dir := site(t)
	code, out, errs := travaux("build", "-C", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	if !strings.HasPrefix(out, "travaux build: ") || strings.Count(out, "\n") != 1 {
		t.Errorf("want one summary line, got %q", out)
	}
	for _, p := range []string{"index.html", "articles/65/index.html", "404.html", "sitemap.xml"} {
		if _, err := os.Stat(filepath.Join(dir, "public", p)); err != nil {
			t.Errorf("missing %s: %v", p, err)
		}
	}
	first := tree(t, filepath.Join(dir, "public"))
	if code, _, errs := travaux("build", "-C", dir); code != 0 {
		t.Fatalf("second build: exit %d\n%s", code, errs)
	}
	sameTree(t, first, tree(t, filepath.Join(dir, "public")))
}

// -cpuprofile writes a profile of the build in the form go tool pprof
// reads, a gzipped protocol buffer. A file that cannot be made is a usage
// error, before anything is built.
func TestBuildCPUProfile(t *testing.T) {
	dir := site(t)
	prof := filepath.Join(t.TempDir(), "cpu.pb")
	if code, _, errs := travaux("build", "-C", dir, "-cpuprofile", prof); code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	data, err := os.ReadFile(prof)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) < 20 || data[0] != 0x1f || data[1] != 0x8b {
		t.Errorf("the profile is not a gzipped file: % x", data[:min(len(data), 8)])
	}
	bad := filepath.Join(t.TempDir(), "no-such-folder", "cpu.pb")
	code, _, errs := travaux("build", "-C", dir, "-o", filepath.Join(t.TempDir(), "out"), "-cpuprofile", bad)
	if code != exitUsage || !strings.Contains(errs, "-cpuprofile") {
		t.Errorf("unwritable profile: exit %d, %q; want a usage error naming -cpuprofile", code, errs)
	}
}

// A content error fails the build with a positioned message and leaves the
// previous output byte for byte as it was.
func TestContentErrorKeepsOutput(t *testing.T) {
	dir := site(t)
	if code, _, errs := travaux("build", "-C", dir); code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	before := tree(t, filepath.Join(dir, "public"))

	art := filepath.Join(dir, "content/articles/065-entry-into-force.md")
	b, _ := os.ReadFile(art)
	os.WriteFile(art, bytes.Replace(b, []byte("by: [MEX]"), []byte("by: [MEXX]"), 1), 0o644)

	code, _, errs := travaux("build", "-C", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	want := `content/articles/065-entry-into-force.md:11:10: unknown delegation "MEXX" (did you mean "MEX"?)`
	if !strings.Contains(errs, want+"\n") {
		t.Errorf("stderr lacks %q:\n%s", want, errs)
	}
	sameTree(t, before, tree(t, filepath.Join(dir, "public")))
}

func TestUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
	}{
		{nil, 2},
		{[]string{"frobnicate"}, 2},
		{[]string{"build", "-nope"}, 2},
		{[]string{"build", "extra"}, 2},
		{[]string{"build", "-C", "/nonexistent-travaux-site"}, 2},
		{[]string{"build", "-base-url", "example.org"}, 2},
		{[]string{"build", "-base-url", "ftp://example.org"}, 2},
		{[]string{"new", "article"}, 2},
		{[]string{"new", "article", "x", "Title"}, 2},
		{[]string{"--help"}, 0},
		{[]string{"help"}, 0},
		{[]string{"help", "build"}, 0},
		{[]string{"build", "--help"}, 0},
		{[]string{"check", "--help"}, 0},
		{[]string{"new", "--help"}, 0},
	} {
		code, _, _ := travaux(tc.args...)
		if code != tc.code {
			t.Errorf("travaux %q: exit %d, want %d", tc.args, code, tc.code)
		}
	}
}

func TestOutputMustNotReplaceSite(t *testing.T) {
	dir := site(t)
	for _, out := range []string{dir, filepath.Join(dir, "content"), filepath.Dir(dir)} {
		if code, _, _ := travaux("build", "-C", dir, "-o", out); code != 2 {
			t.Errorf("-o %s: exit %d, want 2", out, code)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content/articles/065-entry-into-force.md")); err != nil {
		t.Fatal("content was touched")
	}
}

func TestCheckAndNew(t *testing.T) {
	dir := site(t)
	if code, _, errs := travaux("check", "-C", dir); code != 0 {
		t.Fatalf("check: exit %d\n%s", code, errs)
	}
	code, out, errs := travaux("new", "article", "66", "Amendment", "-C", dir)
	if code != 0 {
		t.Fatalf("new: exit %d\n%s", code, errs)
	}
	if !strings.Contains(out, "content/articles/066-amendment.md") {
		t.Errorf("new printed %q", out)
	}
	if code, _, errs := travaux("check", "-C", dir); code != 0 {
		t.Fatalf("check after new: exit %d\n%s", code, errs)
	}
	if code, _, _ := travaux("new", "article", "66", "Again", "-C", dir); code != 1 {
		t.Errorf("new on an existing number: exit %d, want 1", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("check wrote output")
	}
}

// -base-url sets the site's absolute URL: the canonical links, the sitemap
// and the base of copied citations.
func TestBuildBaseURL(t *testing.T) {
	dir := site(t)
	if code, _, errs := travaux("build", "-C", dir, "-base-url", "https://treaty.example.org/"); code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "public/articles/65/index.html"))
	for _, want := range []string{
		`<link rel="canonical" href="https://treaty.example.org/articles/65/">`,
		`data-base-url="https://treaty.example.org"`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("articles/65/index.html lacks %s", want)
		}
	}
	sm, _ := os.ReadFile(filepath.Join(dir, "public/sitemap.xml"))
	if !strings.Contains(string(sm), "<loc>https://treaty.example.org/articles/65/</loc>") {
		t.Errorf("sitemap.xml does not use the base URL:\n%s", sm)
	}
}

// Help goes to standard output, once; a usage error to standard error.
func TestHelpOnce(t *testing.T) {
	for _, cmd := range []string{"build", "check", "new", "serve"} {
		code, out, errs := travaux(cmd, "--help")
		if code != 0 || errs != "" || strings.Count(out, "Usage:") != 1 {
			t.Errorf("%s --help: exit %d, stdout %q, stderr %q; want usage once on stdout", cmd, code, out, errs)
		}
		code, out, errs = travaux(cmd, "-nope")
		if code != 2 || out != "" || !strings.Contains(errs, "-nope") || strings.Count(errs, "Usage:") != 1 {
			t.Errorf("%s -nope: exit %d, stdout %q, stderr %q", cmd, code, out, errs)
		}
	}
}
