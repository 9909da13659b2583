package load

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"travaux/generator/model"
	"travaux/generator/source"
)

var update = flag.Bool("update", false, "rewrite the want.errors sections of testdata/*.txtar with what Load reports")

// wantSection is the archive section that holds the expected problems.
const wantSection = "want.errors"

// TestLoad runs every case in testdata (see testdata/README.md): it loads
// the archive's site and compares the sorted problems with want.errors.
func TestLoad(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			site, want := siteOf(t, ar)
			corpus, errs := Load(site)
			if corpus == nil {
				t.Fatal("Load returned a nil corpus")
			}
			got := format(errs)
			if *update {
				setSection(ar, wantSection, got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != want {
				t.Errorf("problems (-want +got):\n%s", lineDiff(want, got))
			}
		})
	}
}

// siteOf returns the archive's files other than want.errors as a file
// system, and the expected problems.
func siteOf(t *testing.T, ar *txtar.Archive) (fstest.MapFS, string) {
	t.Helper()
	site := fstest.MapFS{}
	want, found := "", false
	for _, f := range ar.Files {
		if f.Name == wantSection {
			want, found = string(f.Data), true
			continue
		}
		site[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	if !found {
		t.Fatalf("archive has no %s section", wantSection)
	}
	return site, want
}

// setSection replaces (or adds) the archive section name.
func setSection(ar *txtar.Archive, name, data string) {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			ar.Files[i].Data = []byte(data)
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(data)})
}

// format prints problems sorted, one per line, as the command line does.
func format(errs source.ErrorList) string {
	errs.Sort()
	var b strings.Builder
	for _, e := range errs {
		b.WriteString(e.Error())
		b.WriteByte('\n')
	}
	return b.String()
}

// lineDiff lists the lines only in want (-) and only in got (+). Both are
// sorted lists of problems, so a set difference reads well enough.
func lineDiff(want, got string) string {
	count := map[string]int{}
	for _, l := range strings.SplitAfter(want, "\n") {
		count[l]++
	}
	for _, l := range strings.SplitAfter(got, "\n") {
		count[l]--
	}
	var b strings.Builder
	for _, l := range strings.SplitAfter(want, "\n") {
		if count[l] > 0 && l != "" {
			b.WriteString("-" + strings.TrimSuffix(l, "\n") + "\n")
		}
	}
	for _, l := range strings.SplitAfter(got, "\n") {
		if count[l] < 0 && l != "" {
			b.WriteString("+" + strings.TrimSuffix(l, "\n") + "\n")
		}
	}
	return b.String()
}

// loadArchive loads the site in testdata/<name>.txtar.
func loadArchive(t *testing.T, name string) (fstest.MapFS, *model.Corpus, source.ErrorList) {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	site, _ := siteOf(t, ar)
	corpus, errs := Load(site)
	return site, corpus, errs
}

// TestValidCorpus checks what the valid site loads into, beyond its having
// no problems.
func TestValidCorpus(t *testing.T) {
	_, c, errs := loadArchive(t, "valid")
	if len(errs) > 0 {
		t.Fatalf("unexpected problems:\n%s", format(errs))
	}
	const art = "content/articles/065-entry-into-force.md"
	pos := func(file string, line, col int) source.Pos { return source.Pos{File: file, Line: line, Col: col} }

	if got, want := c.Convention.Title, "United Nations Convention against Cybercrime"; got != want {
		t.Errorf("convention title = %q, want %q", got, want)
	}
	if got, want := c.Convention.Status, (model.Text{Source: "Adopted by the General Assembly; open for signature.\n", Pos: pos("content/convention.yaml", 7, 3)}); got != want {
		t.Errorf("status = %+v, want %+v", got, want)
	}
	if n := len(c.Convention.Chapters); n != 2 || c.Convention.Chapters[1].ID != "IX" {
		t.Errorf("chapters = %v, want I and IX", c.Convention.Chapters)
	}
	var order []string
	for _, a := range c.Articles {
		order = append(order, a.Slug()+" "+a.Title)
	}
	if got, want := strings.Join(order, "; "), "title Title; preamble Preamble; 1 Statement of purpose; 65 Entry into force"; got != want {
		t.Errorf("articles = %s\nwant        %s", got, want)
	}
	if len(c.Versions) != 1 || len(c.Sessions) != 3 || len(c.Delegations) != 6 || len(c.Sources) != 2 || len(c.Topics) != 1 {
		t.Errorf("registry sizes: %d versions, %d sessions, %d delegations, %d sources, %d topics",
			len(c.Versions), len(c.Sessions), len(c.Delegations), len(c.Sources), len(c.Topics))
	}
	if len(c.Pages) != 1 || c.Pages[0].Slug != "about" || c.Pages[0].Title != "About this edition" {
		t.Errorf("pages = %+v", c.Pages)
	}

	a := c.Article("65")
	if a == nil {
		t.Fatal("article 65 missing")
	}
	if !a.TitleUnverified || a.Chapter != (model.Ref{ID: "IX", Pos: pos(art, 5, 10)}) || a.Updated != "2026-11-27" {
		t.Errorf("article 65: unverified=%v chapter=%+v updated=%q", a.TitleUnverified, a.Chapter, a.Updated)
	}
	if got, want := a.Body, (model.Text{
		Source: "1. This Convention shall enter into force on the ninetieth day after the\ndate of deposit of the fortieth instrument of ratification.\n",
		Pos:    pos(art, 45, 1),
	}); got != want {
		t.Errorf("body = %+v\nwant   %+v", got, want)
	}
	if got, want := a.Notes.Pos, pos(art, 10, 3); got != want {
		t.Errorf("notes at %v, want %v", got, want)
	}
	if len(a.Versions) != 1 || a.Versions[0].Version != (model.Ref{ID: "rev3", Pos: pos(art, 12, 3)}) || a.Versions[0].Number != 64 ||
		a.Versions[0].Text.Pos != pos(art, 12, 29) {
		t.Errorf("versions = %+v", a.Versions[0])
	}
	if len(a.History) != 3 {
		t.Fatalf("history has %d entries, want 3", len(a.History))
	}
	e := a.History[0]
	if got, want := e.Supported, []model.Ref{{ID: "NZL", Pos: pos(art, 19, 17)}, {ID: "LIE", Pos: pos(art, 19, 22)}}; !equalRefs(got, want) {
		t.Errorf("supported = %v, want %v", got, want)
	}
	if e.Kind != model.EntryProposal || e.On.ID != "1" || e.Base.ID != "adopted" || !e.Reconstructed || e.Outcome != model.OutcomeNotAdopted ||
		len(e.Edits) != 1 || *e.Edits[0] != (model.Edit{Replace: "fortieth", With: "sixtieth", Pos: pos(art, 23, 19)}) || e.Base.Pos != pos(art, 21, 11) {
		t.Errorf("first entry = %+v", e)
	}
	if e := a.History[1]; e.OnBehalf.ID != "group-syr-2024" || e.Base.ID != "rev3" || e.Edits[0].With != "" {
		t.Errorf("second entry = %+v", e)
	}
	if e := a.History[2]; e.Base.ID != "" || e.Wording.Pos != pos(art, 41, 7) || e.On.ID != "1-a" {
		t.Errorf("third entry = %+v", e)
	}
	if d := c.Article("1").Defines; len(d) != 1 || d[0].Term != "cybercrime" || d[0].On != (model.Ref{ID: "1", Pos: pos("content/articles/001-statement-of-purpose.md", 6, 15)}) {
		t.Errorf("defines = %+v", d)
	}
}

func equalRefs(a, b []model.Ref) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestBOMAndCRLF loads sites whose files carry a byte-order mark and CRLF
// line ends, and expects the very same problems, at the same positions,
// and the same texts, as with plain LF files.
func TestBOMAndCRLF(t *testing.T) {
	for _, name := range []string{"valid", "unknown_keys", "yaml_syntax", "edits"} {
		site, c, errs := loadArchive(t, name)
		want := format(errs)
		windows := fstest.MapFS{}
		for p, f := range site {
			data := bytes.ReplaceAll(f.Data, []byte("\n"), []byte("\r\n"))
			windows[p] = &fstest.MapFile{Data: append([]byte("\uFEFF"), data...)}
		}
		c2, errs2 := Load(windows)
		if got := format(errs2); got != want {
			t.Errorf("%s: problems with BOM and CRLF (-LF +CRLF):\n%s", name, lineDiff(want, got))
		}
		if name == "valid" {
			a, a2 := c.Article("65"), c2.Article("65")
			if a.Body != a2.Body || a.History[2].Wording != a2.History[2].Wording || a.Chapter != a2.Chapter {
				t.Errorf("valid: texts differ with BOM and CRLF:\n%+v\n%+v", a2.Body, a2.History[2].Wording)
			}
		}
	}
}

// TestNotUTF8 checks that a file in another encoding is reported at its
// first bad byte, counted in characters.
func TestNotUTF8(t *testing.T) {
	site, _, _ := loadArchive(t, "valid")
	const name = "content/articles/001-statement-of-purpose.md"
	site[name] = &fstest.MapFile{Data: []byte("---\narticle: 1\ntitle: Déclaration d\xe9objet\nchapter: I\n---\n")}
	site["content/topics.yaml"] = &fstest.MapFile{Data: []byte("\uFEFF- id: x\r\n  name: \x80\r\n")}
	_, errs := Load(site)
	// The topics file is unusable, so the article's topic is unknown.
	want := name + ":3:21: file is not valid UTF-8 (save it as UTF-8)\n" +
		"content/articles/065-entry-into-force.md:6:10: unknown topic \"entry-into-force\" (content/topics.yaml defines no topics)\n" +
		"content/topics.yaml:2:9: file is not valid UTF-8 (save it as UTF-8)\n"
	if got := format(errs); got != want {
		t.Errorf("problems (-want +got):\n%s", lineDiff(want, got))
	}
}

// TestMissingContent checks the one problem of a site with no content/.
func TestMissingContent(t *testing.T) {
	c, errs := Load(fstest.MapFS{"templates/page.html": {Data: []byte("x")}})
	if c == nil {
		t.Fatal("nil corpus")
	}
	if got, want := format(errs), "content: no content folder: a site keeps its texts in content/ (convention.yaml, articles/, ...)\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
