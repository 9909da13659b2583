package e2e

// The end-to-end tests of the shipped site. Every test also fails, through
// its tab's recorder, on any Content-Security-Policy violation, request to
// another host, resource that fails to load, or uncaught exception.

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"travaux/generator/model"
)

// TestBrowserHomeToArticle follows the home page's link to an article.
func TestBrowserHomeToArticle(t *testing.T) {
	s := shippedSite(t)
	tb := s.open(t)
	tb.viewport(1280, 800, false)
	tb.openOK("/")

	a := s.Corpus.Article("65")
	if a == nil {
		for _, b := range s.Corpus.Articles {
			if b.Kind == model.ProvisionArticle {
				a = b
				break
			}
		}
	}
	if a == nil {
		t.Fatal("the edition has no article")
	}
	want := articleURL(a)
	sel := fmt.Sprintf(`main a[href=%q]`, want)
	if n := eval[int](tb, fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)); n == 0 {
		t.Fatalf("the home page has no link to %s (%s)", want, sel)
	}
	resp, err := chromedp.RunResponse(tb.ctx, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil {
		t.Fatalf("click the link to %s: %v", want, err)
	}
	if resp.Status != 200 {
		t.Errorf("the article answered %d", resp.Status)
	}
	if got := tb.path(); got != want {
		t.Fatalf("after the click the path is %s, want %s", got, want)
	}
	h1 := eval[string](tb, `(document.querySelector('h1') || {}).innerText || ''`)
	if !strings.Contains(h1, a.Slug()) || !strings.Contains(h1, a.Title) {
		t.Errorf("the h1 is %q, want it to name article %s, %q", h1, a.Slug(), a.Title)
	}
}

// paragraphBelowFold returns the id of a paragraph anchor of the current
// article page whose top is below the first screen, preferring want.
const paragraphBelowFold = `((want) => {
  const below = (el) => el.getBoundingClientRect().top + scrollY > innerHeight;
  const w = document.getElementById(want);
  if (w && below(w)) return want;
  for (const el of document.querySelectorAll('#text .treaty-text [id^="p"]')) {
    if (/^p\d/.test(el.id) && below(el)) return el.id;
  }
  return '';
})`

// anchorState describes where the :target ended up.
const anchorState = `((id) => {
  const el = document.getElementById(id);
  if (!el) return {exists: false};
  const r = el.getBoundingClientRect();
  const x = r.left + Math.min(r.width / 2, 40), y = r.top + Math.min(r.height / 2, 8);
  const hit = (y >= 0 && y < innerHeight) ? document.elementFromPoint(x, y) : null;
  const t = document.querySelector(':target');
  return {
    exists: true, top: r.top, bottom: r.bottom, innerHeight, scrollY,
    target: t ? t.id : '',
    visible: !!hit && (hit === el || el.contains(hit)),
    hit: hit ? hit.tagName.toLowerCase() + (hit.id ? '#' + hit.id : '') + (typeof hit.className === 'string' && hit.className ? '.' + hit.className.trim().split(/\s+/).join('.') : '') : '',
  };
})`

type anchorInfo struct {
	Exists      bool    `json:"exists"`
	Top         float64 `json:"top"`
	Bottom      float64 `json:"bottom"`
	InnerHeight float64 `json:"innerHeight"`
	ScrollY     float64 `json:"scrollY"`
	Target      string  `json:"target"`
	Visible     bool    `json:"visible"`
	Hit         string  `json:"hit"`
}

// TestBrowserParagraphAnchor opens a paragraph permalink far down an
// article and checks that the browser scrolls the paragraph into view.
func TestBrowserParagraphAnchor(t *testing.T) {
	s := shippedSite(t)
	tb := s.open(t)
	tb.viewport(1280, 800, false)

	// The article and paragraph: 40 #p21-d or 6 #p2 when they exist below
	// the first screen, else any paragraph of theirs that is.
	var page, id string
	for _, c := range []struct{ slug, want string }{{"40", "p21-d"}, {"6", "p2"}} {
		a := s.Corpus.Article(c.slug)
		if a == nil || !hasText(a) {
			continue
		}
		tb.openOK(articleURL(a))
		if got := eval[string](tb, fmt.Sprintf(`%s(%q)`, paragraphBelowFold, c.want)); got != "" {
			page, id = articleURL(a), got
			break
		}
	}
	if id == "" {
		a := s.articleWithHistory(t)
		tb.openOK(articleURL(a))
		page, id = articleURL(a), eval[string](tb, paragraphBelowFold+`('')`)
	}
	if id == "" {
		t.Fatal("no article has a paragraph anchor below the first screen at 1280x800")
	}
	t.Logf("permalink %s#%s", page, id)

	tb.openOK("/") // so that the permalink is a new document, not a jump within one
	tb.openOK(page + "#" + id)
	// The scroll to the fragment can come just after the load event.
	inView := fmt.Sprintf(`(() => {
	  const el = document.getElementById(%q);
	  if (!el || scrollY <= 0) return false;
	  const r = el.getBoundingClientRect();
	  return r.top >= 0 && r.top < innerHeight;
	})()`, id)
	for deadline := time.Now().Add(5 * time.Second); !eval[bool](tb, inView) && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	st := eval[anchorInfo](tb, fmt.Sprintf(`%s(%q)`, anchorState, id))
	if !st.Exists {
		t.Fatalf("%s#%s: no element with id %q", page, id, id)
	}
	if st.ScrollY <= 0 {
		t.Errorf("%s#%s: scrollY = %.0f, want > 0", page, id, st.ScrollY)
	}
	if st.Top < 0 || st.Top >= st.InnerHeight {
		t.Errorf("%s#%s: the paragraph's top is at %.0f, outside the window (0 to %.0f)", page, id, st.Top, st.InnerHeight)
	}
	if st.Target != id {
		t.Errorf("%s#%s: :target is %q", page, id, st.Target)
	}
	if !st.Visible {
		t.Errorf("%s#%s: the paragraph's first line is covered by %s (a sticky header needs scroll-margin-top)", page, id, st.Hit)
	}
}

type homeNoScript struct {
	Main     string   `json:"main"`
	Chapters []string `json:"chapters"`
	Links    []string `json:"links"` // hrefs of the visible links in main
}

// TestBrowserWithoutJavaScript checks that the home page and an article are
// complete with scripts disabled.
func TestBrowserWithoutJavaScript(t *testing.T) {
	s := shippedSite(t)
	tb := s.open(t)
	tb.viewport(1280, 800, false)
	tb.noScript(true)
	tb.openOK("/")

	home := eval[homeNoScript](tb, `(() => {
	  const main = document.querySelector('main');
	  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
	  return {
	    main: main ? main.innerText : '',
	    chapters: [...document.querySelectorAll('main h2, main h3')].filter(shown).map(h => h.innerText),
	    links: [...document.querySelectorAll('main a[href]')].filter(shown).map(a => a.getAttribute('href')),
	  };
	})()`)
	headings := strings.Join(home.Chapters, "\n")
	for _, ch := range s.Corpus.Convention.Chapters {
		if !strings.Contains(headings, ch.Name) {
			t.Errorf("without JavaScript, the home page shows no heading for chapter %s, %q (headings: %q)", ch.ID, ch.Name, home.Chapters)
		}
	}
	links := map[string]bool{}
	for _, h := range home.Links {
		links[h] = true
	}
	for _, a := range s.Corpus.Articles {
		if !links[articleURL(a)] {
			t.Errorf("without JavaScript, the home page shows no link to %s", articleURL(a))
		}
	}

	a := s.articleWithHistory(t)
	tb.openOK(articleURL(a))
	text := eval[string](tb, `(() => { const el = document.querySelector('#text .treaty-text'); return el && el.getClientRects().length ? el.innerText : ''; })()`)
	if strings.TrimSpace(text) == "" {
		t.Errorf("without JavaScript, %s shows no adopted text", articleURL(a))
	}
	if n := eval[int](tb, `document.querySelectorAll('#history li').length`); n == 0 {
		t.Errorf("without JavaScript, %s shows no history entries", articleURL(a))
	}
}

// overflowJS measures horizontal overflow and names the outermost elements
// that stick out of a window w pixels wide.
const overflowJS = `((w) => {
  const out = [];
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  const sticks = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > w + 0.5 || r.left < -0.5); };
  w = Math.min(w, document.documentElement.clientWidth);
  if (document.documentElement.scrollWidth > w) {
    for (const el of document.querySelectorAll('body *')) {
      if (!sticks(el) || (el.parentElement && el.parentElement !== document.body && sticks(el.parentElement))) continue;
      const r = el.getBoundingClientRect();
      out.push(name(el) + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right) + 'px: "' + (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60) + '"');
      if (out.length >= 5) break;
    }
  }
  return {innerWidth, scrollWidth: document.documentElement.scrollWidth, offenders: out};
})`

type overflow struct {
	InnerWidth  int      `json:"innerWidth"`
	ScrollWidth int      `json:"scrollWidth"`
	Offenders   []string `json:"offenders"`
}

// phoneWidth is the viewport width of a common phone, in CSS pixels.
const phoneWidth, phoneHeight = 390, 844

// checkNoHorizontalScroll fails the test when the current page is wider
// than the phone's viewport.
func (tb *tab) checkNoHorizontalScroll(what string) {
	tb.t.Helper()
	o := eval[overflow](tb, fmt.Sprintf("%s(%d)", overflowJS, phoneWidth))
	if o.InnerWidth != phoneWidth {
		tb.t.Errorf("%s: window.innerWidth is %d on a %dpx phone: the page has no meta viewport, or the phone zoomed out to fit content wider than the screen",
			what, o.InnerWidth, phoneWidth)
	}
	if o.ScrollWidth > phoneWidth {
		tb.t.Errorf("%s scrolls sideways on a %dpx phone: scrollWidth %d; sticking out:\n\t%s",
			what, phoneWidth, o.ScrollWidth, strings.Join(o.Offenders, "\n\t"))
	}
}

// TestBrowserPhone checks that no kind of page scrolls sideways on a phone.
func TestBrowserPhone(t *testing.T) {
	s := shippedSite(t)
	for _, k := range s.kinds(t) {
		t.Run(k.name, func(t *testing.T) {
			tb := s.open(t)
			tb.viewport(phoneWidth, phoneHeight, true)
			tb.openKind(k)
			tb.checkNoHorizontalScroll(k.name + " " + k.path)
		})
	}
}

// TestBrowserAccessibility runs axe-core on one page of each kind, in the
// light and the dark colour scheme.
func TestBrowserAccessibility(t *testing.T) {
	s := shippedSite(t)
	axeSource(t) // skip early when axe-core is missing
	for _, k := range s.kinds(t) {
		t.Run(k.name, func(t *testing.T) {
			tb := s.open(t)
			tb.viewport(1280, 800, false)
			tb.colorScheme("light")
			tb.openKind(k)
			tb.checkAxe(k.name+" "+k.path+" (light)", map[string]any{"type": "tag", "values": axeTags})
			tb.colorScheme("dark")
			tb.checkAxe(k.name+" "+k.path+" (dark)", map[string]any{"type": "rule", "values": axeColorRules})
		})
	}
}

// TestBrowserEveryPage loads every page of the site on a phone: each must
// answer 200, send no request to another host, break no rule of the
// Content-Security-Policy, load all its resources, and not scroll sideways.
// The pages go in batches, each in a tab of its own with its own time limit.
func TestBrowserEveryPage(t *testing.T) {
	s := shippedSite(t)
	pages := s.pages()
	if len(pages) < len(s.Corpus.Articles)+1 {
		t.Fatalf("the site has %d pages for %d articles", len(pages), len(s.Corpus.Articles))
	}
	pages = append(pages, "/articles/999/") // the 404 page, last
	const batch = 20
	for i := 0; i < len(pages); i += batch {
		group := pages[i:min(i+batch, len(pages))]
		t.Run(fmt.Sprintf("pages %d-%d", i+1, i+len(group)), func(t *testing.T) {
			tb := s.open(t)
			tb.viewport(phoneWidth, phoneHeight, true)
			for _, p := range group {
				if p == "/articles/999/" {
					tb.open404(p)
				} else {
					tb.openOK(p)
				}
				tb.checkNoHorizontalScroll(p)
			}
		})
	}
}
