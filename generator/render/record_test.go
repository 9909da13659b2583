package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"html"
	"html/template"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"travaux/generator/model"
)

// TestSearchIndex: the index is compact JSON, every document links to a
// page of the site and an anchor that page has, and the history entry on
// article 40, paragraph 21, is found by its words.
func TestSearchIndex(t *testing.T) {
	files := renderFixture(t)
	var name string
	for p := range files {
		if strings.HasPrefix(p, "assets/search-index.") && strings.HasSuffix(p, ".json") {
			name = p
		}
	}
	if name == "" {
		t.Fatal("no search index among the assets")
	}
	if !bytes.Contains(files["search/index.html"], []byte(`data-index="/`+name+`"`)) {
		t.Errorf("search/index.html does not point to /%s", name)
	}
	var idx struct {
		Docs [][4]string `json:"docs"`
	}
	if err := json.Unmarshal(files[name], &idx); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if bytes.Contains(files[name], []byte("\n ")) {
		t.Errorf("%s is indented; it should be compact", name)
	}
	ids := pageIDs(files)
	found := false
	for _, d := range idx.Docs {
		kind, url, title, text := d[0], d[1], d[2], d[3]
		if kind == "" || title == "" {
			t.Errorf("document %q has no kind or title", d)
		}
		page, frag, _ := strings.Cut(url, "#")
		path := outputPath(page)
		if _, ok := files[path]; !ok {
			t.Errorf("document %q links to %s, which the site does not have", title, url)
		} else if frag != "" && !ids[path][frag] {
			t.Errorf("document %q links to %s, but the page has no id %q", title, url, frag)
		}
		// Texts are plain: the markdown stage's tags are gone, and
		// entities are decoded (markup an author typed shows as its
		// characters; search.js only ever sets it as text).
		if strings.Contains(text, "<p>") || strings.Contains(text, "</p>") || strings.Contains(text, "&amp;") {
			t.Errorf("document %q has HTML in its text: %q", title, text)
		}
		if url == "/articles/40/#entry-1" {
			found = true
			if !strings.Contains(title, "Article 40, paragraph 21") || !strings.Contains(text, "political offences") {
				t.Errorf("the Costa Rican proposal is indexed as %q: %q", title, text)
			}
		}
	}
	if !found {
		t.Error("the index has no document for /articles/40/#entry-1")
	}
}

// pageIDs returns the ids of every HTML page, by output path.
func pageIDs(files map[string][]byte) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	re := regexp.MustCompile(` id="([^"]+)"`)
	for p, b := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		out[p] = map[string]bool{}
		for _, m := range re.FindAllSubmatch(b, -1) {
			out[p][html.UnescapeString(string(m[1]))] = true
		}
	}
	return out
}

// TestOpenDataSchema validates data/convention.json against the JSON
// Schema published beside it, with a full draft 2020-12 validator (which
// also checks the schema against the draft's meta-schema), and checks that
// the schema is strict enough to catch a stray field and a wrong value.
func TestOpenDataSchema(t *testing.T) {
	files := renderFixture(t)
	schema := compileSchema(t, files["data/convention.schema.json"])
	doc := decodeJSON(t, files["data/convention.json"])
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("data/convention.json does not match its schema:\n%v", err)
	}

	// The schema is closed: a field it does not name, or an outcome the
	// model does not know, is refused.
	for _, mutate := range []struct {
		what string
		f    func(m map[string]any)
	}{
		{"a stray field", func(m map[string]any) { m["articles"].([]any)[0].(map[string]any)["stray"] = true }},
		{"an unknown outcome", func(m map[string]any) {
			for _, a := range m["articles"].([]any) {
				if h, ok := a.(map[string]any)["history"].([]any); ok {
					h[0].(map[string]any)["outcome"] = "postponed"
					return
				}
			}
		}},
		{"an article without a number", func(m map[string]any) {
			for _, a := range m["articles"].([]any) {
				if a.(map[string]any)["kind"] == "article" {
					delete(a.(map[string]any), "number")
					return
				}
			}
		}},
	} {
		bad := decodeJSON(t, files["data/convention.json"])
		mutate.f(bad.(map[string]any))
		if err := schema.Validate(bad); err == nil {
			t.Errorf("the schema accepts %s", mutate.what)
		}
	}

	// What the fixture holds comes through: the timeline order and
	// anchors of article 65's history, and the renumbering in Rev.3.
	var d dataDoc
	if err := json.Unmarshal(files["data/convention.json"], &d); err != nil {
		t.Fatal(err)
	}
	var a65 *dataArticle
	for i := range d.Articles {
		if d.Articles[i].Slug == "65" {
			a65 = &d.Articles[i]
		}
	}
	if a65 == nil {
		t.Fatal("no article 65 in the data")
	}
	var got []string
	for _, e := range a65.History {
		got = append(got, e.Anchor+" "+e.Session+" "+strings.Join(e.By, ","))
	}
	want := []string{"entry-1 concluding PAK", "entry-2 reconvened-concluding SYR", "entry-3 reconvened-concluding MEX", "entry-4 reconvened-concluding RUS", "entry-5 reconvened-concluding chair"}
	if !slices.Equal(got, want) {
		t.Errorf("article 65 history:\n got %q\nwant %q", got, want)
	}
	if len(a65.Versions) != 2 || a65.Versions[0].Version != "rev3" || a65.Versions[0].Number != 64 {
		t.Errorf("article 65 versions: %+v", a65.Versions)
	}
	if len(a65.Paragraphs) != 1 || a65.Paragraphs[0].Anchor != "p1" {
		t.Errorf("article 65 paragraphs: %+v", a65.Paragraphs)
	}
}

func compileSchema(t *testing.T, data []byte) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	if err := c.AddResource("convention.schema.json", decodeJSON(t, data)); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("convention.schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return s
}

func decodeJSON(t *testing.T, data []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestFeed: feed.xml is Atom with the newest entry's date as its own, and
// one entry per provision with an updated date.
func TestFeed(t *testing.T) {
	c, r := fixture()
	c.Articles[1].Updated = "2026-12-01" // article 40, now the newest
	c.Articles[2].Updated = "2026-11"    // not a full date: left out
	files := renderSite(t, Input{Corpus: c, Rendered: model.TextMapOf(r)})
	var feed struct {
		XMLName xml.Name
		Updated string `xml:"updated"`
		Entries []struct {
			Title   string `xml:"title"`
			ID      string `xml:"id"`
			Updated string `xml:"updated"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(files["feed.xml"], &feed); err != nil {
		t.Fatalf("feed.xml: %v", err)
	}
	if feed.XMLName.Space != "http://www.w3.org/2005/Atom" || feed.XMLName.Local != "feed" {
		t.Errorf("root element %v", feed.XMLName)
	}
	if feed.Updated != "2026-12-01T00:00:00Z" {
		t.Errorf("feed updated %q, want the newest entry's date", feed.Updated)
	}
	var got []string
	for _, e := range feed.Entries {
		got = append(got, e.Updated+" "+e.Link.Href+" "+e.ID)
	}
	want := []string{
		"2026-12-01T00:00:00Z https://cybercrime.example.org/articles/40/ https://cybercrime.example.org/articles/40/#updated-2026-12-01",
		"2026-11-27T00:00:00Z https://cybercrime.example.org/articles/65/ https://cybercrime.example.org/articles/65/#updated-2026-11-27",
	}
	if !slices.Equal(got, want) {
		t.Errorf("feed entries:\n got %q\nwant %q", got, want)
	}
	if !bytes.Contains(files["index.html"], []byte(`<link rel="alternate" type="application/atom+xml" href="/feed.xml"`)) {
		t.Error("pages do not announce the feed")
	}
}

// TestRedirects: an old number's page forwards with a meta refresh (which
// the Content-Security-Policy allows) and shows a note and a link for
// browsers that do not follow it; it is not in the sitemap.
func TestRedirects(t *testing.T) {
	files := renderFixture(t)
	page := string(files["versions/rev3/articles/64/index.html"])
	for _, want := range []string{
		`<meta http-equiv="refresh" content="0; url=/articles/65/">`,
		`<meta name="robots" content="noindex">`,
		`<link rel="canonical" href="https://cybercrime.example.org/articles/65/">`,
		`is article 65 of the adopted Convention.`,
		`<a href="/articles/65/">Article 65 — Entry into force</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page at rev3's article 64 lacks %s", want)
		}
	}
	if bytes.Contains(files["sitemap.xml"], []byte("/versions/rev3/articles/")) {
		t.Error("the sitemap lists a forwarding page")
	}

	// An old number that became two adopted articles lists them and
	// forwards nowhere.
	c, r := fixture()
	c.Articles[1].Versions = append(c.Articles[1].Versions, c.Articles[3].Versions[1]) // article 40 was rev3's 64 too
	files = renderSite(t, Input{Corpus: c, Rendered: model.TextMapOf(r)})
	page = string(files["versions/rev3/articles/64/index.html"])
	if strings.Contains(page, "http-equiv") || !strings.Contains(page, `<a href="/articles/40/">`) || !strings.Contains(page, `<a href="/articles/65/">`) {
		t.Errorf("an old number of two articles:\n%s", page)
	}
}

// TestTimeline: the sessions are drawn to scale: a mark's position and
// length follow the dates.
func TestTimeline(t *testing.T) {
	c, r := fixture()
	s := newSite(Input{Corpus: c, Rendered: model.TextMapOf(r)}, &Assets{urls: map[string]string{}})
	tl := s.sessionTimeline()
	if len(tl.Bars) != 2 || len(tl.Sessions) != 2 {
		t.Fatalf("%d bars, %d listed, want 2 and 2", len(tl.Bars), len(tl.Sessions))
	}
	// 2024 is drawn from x=120 to x=705 (366 days). The concluding
	// session starts on day 28 and lasts 12 days; the reconvened session
	// starts on day 210 and lasts 12 days.
	scale := float64(tlRight-tlLeft) / 366
	for i, want := range []struct{ day, days int }{{28, 12}, {210, 12}} {
		b := tl.Bars[i]
		if x := tlLeft + int(float64(want.day)*scale+0.5); b.X != x {
			t.Errorf("bar %d at x=%d, want %d", i, b.X, x)
		}
		if w := float64(want.days) * scale; float64(b.W) < w-1 || float64(b.W) > w+1 {
			t.Errorf("bar %d is %d wide, want about %.1f", i, b.W, w)
		}
	}
	if tl.Bars[0].Count != "1" || tl.Bars[1].Count != "8" {
		t.Errorf("entry counts %q and %q, want 1 and 8", tl.Bars[0].Count, tl.Bars[1].Count)
	}
}

// TestPlainFromHTML: blocks are kept apart by a space, inline elements
// add none, entities are decoded.
func TestPlainFromHTML(t *testing.T) {
	for in, want := range map[string]string{
		`<p>subject to <a class="xref" href="/articles/1000/">article 1000</a>, request</p>`: "subject to article 1000, request",
		`<p>One.</p><p>Two <em>and</em>&nbsp;<strong>three</strong>.</p>`:                    "One. Two and three.",
		`<ol><li>first</li><li>second</li></ol>`:                                             "first second",
		`<p>a <code>x&lt;y</code> b<br>c</p>`:                                                "a x<y b c",
	} {
		if got := plainFromHTML(template.HTML(in)); got != want {
			t.Errorf("plainFromHTML(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOpenDataStream checks that writeOpenData, which writes the export an
// article at a time, gives what encoding/json gives for the whole
// dataDoc: a field added to dataDoc but not to the stream fails here.
func TestOpenDataStream(t *testing.T) {
	st, _, _ := benchStage(t)
	s := st.s
	d := s.dataHead()
	for _, a := range s.c.Articles {
		d.Articles = append(d.Articles, s.dataArticle(a))
	}
	var want, got bytes.Buffer
	if err := json.NewEncoder(&want).Encode(d); err != nil {
		t.Fatal(err)
	}
	if err := s.writeOpenData(&got); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("streamed export differs from the encoded dataDoc:\n got %.300s\nwant %.300s", got.String(), want.String())
	}
}

// TestSearchDocsStop: once emit says to stop, searchDocs makes no more
// documents, so that a stopped rest of the site (a save in the preview)
// does not go on making the whole index only to drop it.
func TestSearchDocsStop(t *testing.T) {
	st, _, _ := benchStage(t)
	all := 0
	st.s.searchDocs(func(searchDoc) bool { all++; return true })
	if all < 10 {
		t.Fatalf("the test edition gives %d search documents; the test needs more", all)
	}
	for _, stopAt := range []int{1, 2, all / 2} {
		n := 0
		st.s.searchDocs(func(searchDoc) bool { n++; return n < stopAt })
		if n != stopAt {
			t.Errorf("searchDocs went on after emit said to stop: %d documents emitted, want %d", n, stopAt)
		}
	}
}
