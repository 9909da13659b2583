package e2e

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"travaux/generator/model"
)

func ids(refs []model.Ref) []string {
	var out []string
	for _, r := range refs {
		out = append(out, r.ID)
	}
	return out
}

type searchResult struct {
	Href  string   `json:"href"`
	Title string   `json:"title"`
	Text  string   `json:"text"`
	Marks []string `json:"marks"`
}

type searchState struct {
	Status  string         `json:"status"`
	Results []searchResult `json:"results"`
	Loaded  int            `json:"loaded"` // requests for the search index so far
}

const searchStateJS = `(() => ({
  status: (document.getElementById('search-status') || {}).innerText || '',
  results: [...document.querySelectorAll('#search-results > li')].map(li => {
    const a = li.querySelector('a');
    const p = li.querySelector('p');
    return {
      href: a ? a.getAttribute('href') : '', title: a ? a.innerText : '',
      text: p ? p.innerText : '', marks: [...li.querySelectorAll('mark')].map(m => m.innerText),
    };
  }),
  loaded: performance.getEntriesByType('resource').filter(e => e.name.includes('/assets/search-index.')).length,
}))()`

// TestBrowserSearch types "political offence" into the search page, as a
// reader would, and expects the Costa Rican proposal on article 40,
// paragraph 21 (whose summary speaks of political offences) among the
// first results, with the words marked; the index is fetched from the
// site itself, and only once the reader starts to search.
func TestBrowserSearch(t *testing.T) {
	s := shippedSite(t)
	tb := s.open(t)
	tb.viewport(1280, 800, false)
	tb.openOK("/search/")

	before := eval[searchState](tb, searchStateJS)
	if before.Loaded != 0 {
		t.Errorf("the search index was loaded before any search")
	}
	if !eval[bool](tb, `!document.getElementById('search-form').hidden && document.getElementById('search-nojs').hidden`) {
		t.Fatal("with JavaScript, the search form is hidden or the no-JavaScript note shows")
	}
	tb.do("type the query", chromedp.SendKeys(chromedp.CSS("#search-q"), "political offence", chromedp.NodeVisible))

	var st searchState
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		st = eval[searchState](tb, searchStateJS)
		if len(st.Results) > 0 && strings.Contains(st.Status, "political offence") {
			break
		}
	}
	if len(st.Results) == 0 {
		t.Fatalf("no results for “political offence”; status %q", st.Status)
	}
	if st.Loaded != 1 {
		t.Errorf("the search index was fetched %d times, want once", st.Loaded)
	}
	found := -1
	for i, r := range st.Results {
		if strings.HasPrefix(r.Href, "/articles/40/#") && strings.Contains(r.Title, "paragraph 21") {
			found = i
			break
		}
	}
	if found < 0 {
		t.Fatalf("no result for article 40, paragraph 21; got %+v", st.Results)
	}
	if found > 2 {
		t.Errorf("article 40, paragraph 21 is result %d, want it among the first three", found+1)
	}
	r := st.Results[found]
	var marked []string
	for _, m := range r.Marks {
		marked = append(marked, strings.ToLower(m))
	}
	joined := strings.Join(marked, " ")
	if !strings.Contains(joined, "political") || !strings.Contains(joined, "offence") {
		t.Errorf("the result does not mark both words: marks %q in %q", r.Marks, r.Text)
	}
	if !strings.Contains(st.Status, "result") {
		t.Errorf("the status line says %q", st.Status)
	}
	tb.checkAxe("search results (light)", map[string]any{"type": "tag", "values": axeTags})
	tb.colorScheme("dark")
	tb.checkAxe("search results (dark)", map[string]any{"type": "rule", "values": axeColorRules})

	// The result leads to the entry on the article page.
	tb.do("follow the result", chromedp.Click(chromedp.CSS(`#search-results > li:nth-child(`+strconv.Itoa(found+1)+`) a`), chromedp.NodeVisible))
	for deadline := time.Now().Add(5 * time.Second); tb.path() != "/articles/40/" && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	if got := tb.path(); got != "/articles/40/" {
		t.Fatalf("the result led to %s", got)
	}
	_, frag, _ := strings.Cut(r.Href, "#")
	if !eval[bool](tb, `document.getElementById('`+frag+`') !== null`) {
		t.Errorf("article 40 has no element #%s", frag)
	}

	// The query is in the address, so a search can be shared; opening it
	// searches again.
	tb.openOK("/search/?q=political+offence")
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if st = eval[searchState](tb, searchStateJS); len(st.Results) > 0 {
			break
		}
	}
	if len(st.Results) == 0 {
		t.Error("/search/?q=political+offence shows no results")
	}
}

// TestBrowserSearchWithoutJavaScript: without scripts the search page says
// that search needs JavaScript and links to the contents.
func TestBrowserSearchWithoutJavaScript(t *testing.T) {
	s := shippedSite(t)
	tb := s.open(t)
	tb.viewport(1280, 800, false)
	tb.noScript(true)
	tb.openOK("/search/")
	got := eval[struct {
		Note     string `json:"note"`
		Contents bool   `json:"contents"`
		Form     bool   `json:"form"`
	}](tb, `(() => {
	  const shown = (el) => !!el && el.getClientRects().length > 0;
	  const note = document.getElementById('search-nojs');
	  return {
	    note: shown(note) ? note.innerText : '',
	    contents: shown(note) && !!note.querySelector('a[href="/"]'),
	    form: shown(document.getElementById('search-form')),
	  };
	})()`)
	if !strings.Contains(got.Note, "JavaScript") {
		t.Errorf("without JavaScript the search page does not say it needs it (note %q)", got.Note)
	}
	if !got.Contents {
		t.Error("without JavaScript the search page does not link to the contents")
	}
	if got.Form {
		t.Error("without JavaScript the search page shows a form that cannot work")
	}
}
