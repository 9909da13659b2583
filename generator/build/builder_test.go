package build

import (
	"io/fs"
	"maps"
	"strings"
	"testing"
	"testing/fstest"

	"travaux/generator/internal/testsite"
	"travaux/templates"
)

// TestBuilderMatchesFreshBuild edits a site the way an author would and
// checks after each edit that a Builder reusing its earlier work makes
// exactly what a fresh build makes: the same files and the same problems.
func TestBuilderMatchesFreshBuild(t *testing.T) {
	for _, mode := range []string{"build", "preview", "staged preview"} {
		t.Run(mode, func(t *testing.T) {
			testBuilderMatchesFreshBuild(t, mode != "build", mode == "staged preview")
		})
	}
}

func testBuilderMatchesFreshBuild(t *testing.T, preview, staged bool) {
	site := testsite.Read(t, "testdata/sites/xref.txtar").FS
	b := NewBuilder(Config{Site: site, Defaults: templates.FS, Preview: preview, Staged: staged})
	// A staged build's provisions' files are what changed since the last
	// build: applied to the last build's, they must give a fresh build's.
	articles := map[string][]byte{}
	check := func(step string) {
		t.Helper()
		got := b.Build()
		if staged && !got.Failed() {
			if got.Rest == nil {
				t.Fatalf("%s: a staged build gave no Rest", step)
			}
			if got.AllArticles {
				clear(articles)
			}
			for _, name := range got.Gone {
				delete(articles, name)
			}
			maps.Copy(articles, got.Files)
			rest, err := got.Rest(nil)
			if err != nil {
				t.Fatalf("%s: Rest: %v", step, err)
			}
			got.Files = maps.Clone(articles)
			for name, data := range rest {
				if _, dup := got.Files[name]; dup {
					t.Fatalf("%s: %s is in both parts", step, name)
				}
				got.Files[name] = data
			}
		}
		want := Run(Config{Site: site, Defaults: templates.FS, Preview: preview})
		if want.Failed() {
			t.Fatalf("%s: the edited site does not build:\n%v", step, want.Problems)
		}
		if g, w := got.Problems.Error(), want.Problems.Error(); g != w {
			t.Fatalf("%s: problems differ:\n got: %s\nwant: %s", step, g, w)
		}
		if len(got.Files) != len(want.Files) {
			t.Fatalf("%s: %d files, want %d", step, len(got.Files), len(want.Files))
		}
		for name, data := range want.Files {
			if string(got.Files[name]) != string(data) {
				t.Fatalf("%s: %s differs from a fresh build\n%s", step, name, testsite.Diff(string(data), string(got.Files[name])))
			}
		}
	}
	edit := func(name, old, new string) {
		t.Helper()
		f := site[name]
		if !strings.Contains(string(f.Data), old) {
			t.Fatalf("%s has no %q", name, old)
		}
		site[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), old, new, 1)), Mode: f.Mode}
		b.Changed([]string{name})
	}
	check("first build")
	check("no change")

	// Article 2 cites article 3, paragraph 2: removing that paragraph
	// changes the citation's target in a file that did not change.
	edit("content/articles/003-measures.md", "\n2. Each State Party shall apply paragraph 1 of this article to data.", "")
	edit("content/articles/003-measures.md", `on: "2"`, `on: "1"`)
	check("a cited paragraph removed")

	// Defined terms link every use; dropping one relinks other files.
	edit("content/articles/001-use-of-terms.md", "defines:\n  electronic data: \"-b\"\n", "")
	check("a defined term dropped")

	// A new defined term links words in texts that did not change.
	edit("content/articles/001-use-of-terms.md", "about a communication.", "about a communication;\n\n(d) \"Measures\" shall mean steps.")
	check("a term defined")

	// A new article makes a dangling citation ("article 99") a link.
	site["content/articles/099-new.md"] = &fstest.MapFile{Data: []byte("---\narticle: 99\ntitle: New\nchapter: II\n---\n1. Text.\n")}
	b.Changed([]string{"content/articles/099-new.md"})
	check("an article added")

	// A site template overrides the default one.
	site["templates/404.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<h1>Lost</h1>{{end}}`)}
	b.Changed([]string{"templates/404.html"})
	check("a template added")

	// A summary edit: one text changes, the others are reused.
	edit("content/articles/003-measures.md", "Mexico wanted", "Mexico asked for")
	check("a summary edited")

	// What other articles' pages show of an article or of the whole site:
	// a title (the neighbours' pagers), a citation moved from one article
	// to another (both "cited by" lists), a registry record, a chapter's
	// name, a free page's title (every page's navigation).
	edit("content/articles/002-scope.md", "title: Scope", "title: Scope of application")
	check("a title edited")
	edit("content/articles/003-measures.md", "Compare article 2 and", "Compare article 1 and")
	check("a citation moved")
	edit("content/delegations.yaml", "name: Mexico", "name: United Mexican States")
	check("a delegation renamed")
	edit("content/sessions.yaml", "name: First session", "name: Opening session")
	check("a session renamed")
	edit("content/convention.yaml", "name: Measures}", "name: Criminalization}")
	check("a chapter renamed")
	edit("content/pages/about.md", "title: About", "title: About the edition")
	check("a page retitled")

	// Files no longer made go: an article's, and an earlier version's
	// comparison pages.
	delete(site, "content/articles/099-new.md")
	b.Changed([]string{"content/articles/099-new.md"})
	check("an article removed")
	edit("content/articles/003-measures.md", "    text: |\n      1. As in paragraph 2 of this article and in article 3; article 2 is not\n         matched to any article.\n\n      2. Second.\n", "")
	check("a version's text removed")
}

// panicFS stands for a bug in a stage: any use of it panics.
type panicFS struct{}

func (panicFS) Open(string) (fs.File, error) { panic("boom") }

// TestPanicIsReported: a panic in a stage becomes a reported problem, the
// builder recovers, and the next build with good inputs succeeds.
func TestPanicIsReported(t *testing.T) {
	site := testsite.Read(t, "testdata/sites/minimal.txtar").FS
	b := NewBuilder(Config{Site: site, Defaults: panicFS{}})
	res := b.Build()
	if !res.Failed() || !strings.Contains(res.Problems.Error(), "internal error during the build (please report it): boom") {
		t.Fatalf("problems = %v, want the internal error", res.Problems)
	}
	b.cfg.Defaults = templates.FS
	if res := b.Build(); res.Failed() {
		t.Fatalf("after the panic: %v", res.Problems)
	}
}
