package e2e

// Browser tests of the compare pages (/articles/N/compare/A..B/): the two
// views and the switch between them, with and without JavaScript and on a
// phone; the list of changes and the anchors it links to; the pickers.
// The accessibility check runs on them with the other kinds of page (see
// kinds in site_test.go), and TestBrowserEveryPage loads every one.

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// comparePage returns the side-by-side URL of the compare page the tests
// use: article 65's adopted text against a proposal (Mexico's edit) when
// the edition has it, else the first compare page of the site.
func (s *shipped) comparePage(t *testing.T) string {
	t.Helper()
	var first string
	for _, p := range s.pages() {
		if !strings.Contains(p, "/compare/") || strings.HasSuffix(p, "/inline/") {
			continue
		}
		if strings.HasPrefix(p, "/articles/65/compare/adopted..proposal-") {
			return p
		}
		if first == "" {
			first = p
		}
	}
	if first == "" {
		t.Fatal("the site has no compare page")
	}
	return first
}

// viewState is what a compare page shows.
type viewState struct {
	Side    bool   `json:"side"`    // the side-by-side view is displayed
	Inline  bool   `json:"inline"`  // the inline view is displayed
	Current string `json:"current"` // the view the switch marks aria-current
	Switch  bool   `json:"switch"`  // the switch is displayed
	Picker  bool   `json:"picker"`  // the form with the selects is displayed
	Stored  string `json:"stored"`  // the choice in localStorage
}

const viewStateJS = `(() => {
  const shown = (el) => !!el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
  const cur = document.querySelector('.view-switch a[aria-current="page"]');
  let stored = '';
  try { stored = localStorage.getItem('travaux.compare.view') || ''; } catch (e) {}
  return {
    side: shown(document.getElementById('view-side')),
    inline: shown(document.getElementById('view-inline')),
    current: cur ? cur.getAttribute('data-view') : '',
    switch: shown(document.querySelector('.view-switch')),
    picker: shown(document.getElementById('compare-picker')),
    stored,
  };
})()`

func (tb *tab) viewState() viewState {
	tb.t.Helper()
	return eval[viewState](tb, viewStateJS)
}

// forgetView clears the saved choice of view.
func (tb *tab) forgetView() {
	tb.t.Helper()
	eval[bool](tb, `(() => { try { localStorage.clear(); } catch (e) {} return true; })()`)
}

// TestBrowserCompareViews switches between the views with JavaScript: in
// place, with the address bar following, and the choice remembered for
// the next compare page.
func TestBrowserCompareViews(t *testing.T) {
	s := shippedSite(t)
	side := s.comparePage(t)
	inline := side + "inline/"
	tb := s.open(t)
	tb.viewport(1280, 800, false)
	tb.openOK(side)
	tb.forgetView()
	tb.openOK(side)

	st := tb.viewState()
	if !st.Side || st.Inline || st.Current != "side" || !st.Switch {
		t.Fatalf("%s: %+v, want the side-by-side view alone, marked current in a visible switch", side, st)
	}
	if !st.Picker {
		t.Errorf("%s: the pickers are not shown with JavaScript on", side)
	}

	tb.do("switch to the inline view", chromedp.Click(chromedp.CSS(`.view-switch a[data-view="inline"]`), chromedp.NodeVisible))
	st = tb.viewState()
	if st.Side || !st.Inline || st.Current != "inline" || st.Stored != "inline" {
		t.Errorf("after the switch to inline: %+v, want the inline view alone, current and stored", st)
	}
	if got := tb.path(); got != inline {
		t.Errorf("after the switch to inline the address is %s, want %s", got, inline)
	}

	// The choice holds on the next compare page, whatever its URL says.
	tb.openOK(side)
	st = tb.viewState()
	if st.Side || !st.Inline || st.Current != "inline" {
		t.Errorf("%s after choosing inline: %+v, want the inline view", side, st)
	}
	if got := tb.path(); got != inline {
		t.Errorf("%s after choosing inline: the address is %s, want %s", side, got, inline)
	}

	tb.do("switch back to side by side", chromedp.Click(chromedp.CSS(`.view-switch a[data-view="side"]`), chromedp.NodeVisible))
	st = tb.viewState()
	if !st.Side || st.Inline || st.Current != "side" || st.Stored != "side" {
		t.Errorf("after the switch back: %+v, want the side-by-side view alone, current and stored", st)
	}
	if got := tb.path(); got != side {
		t.Errorf("after the switch back the address is %s, want %s", got, side)
	}
	tb.forgetView()
}

// targetState is where the element a fragment link led to ended up.
type targetState struct {
	Exists  bool    `json:"exists"`
	Target  string  `json:"target"` // the :target's id
	Top     float64 `json:"top"`
	Height  float64 `json:"height"`
	Inner   float64 `json:"innerHeight"`
	ScrollY float64 `json:"scrollY"`
	InView  string  `json:"inView"` // the id of the view holding it
	Tag     string  `json:"tag"`
}

const targetStateJS = `((id) => {
  const el = document.getElementById(id);
  if (!el) return {exists: false};
  const r = el.getBoundingClientRect();
  const t = document.querySelector(':target');
  const view = el.closest('.view');
  return {exists: true, target: t ? t.id : '', top: r.top, height: r.height, innerHeight,
    scrollY, inView: view ? view.id : '', tag: el.tagName.toLowerCase()};
})`

// followChange clicks the first link of the list of changes in view and
// checks that its target, a del or ins of that view, is scrolled into
// sight; mustScroll asks that the jump scrolled the page (the window is
// short enough for the change to start below it).
func (tb *tab) followChange(view string, mustScroll bool) {
	tb.t.Helper()
	sel := "#" + view + " .change-list a"
	href := eval[string](tb, fmt.Sprintf(`(document.querySelector(%q) || {getAttribute: () => ''}).getAttribute('href') || ''`, sel))
	if !strings.HasPrefix(href, "#") {
		tb.t.Fatalf("%s: no change list link in %s (href %q)", tb.path(), view, href)
	}
	id := href[1:]
	tb.do("follow "+href, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
	var st targetState
	for deadline := time.Now().Add(5 * time.Second); ; {
		st = eval[targetState](tb, fmt.Sprintf("%s(%q)", targetStateJS, id))
		if st.Target == id && st.Top >= 0 && st.Top < st.Inner || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	switch {
	case !st.Exists:
		tb.t.Errorf("%s: the change list links to #%s, which the page does not have", view, id)
	case st.Target != id:
		tb.t.Errorf("%s: after following #%s, :target is %q", view, id, st.Target)
	case st.Top < 0 || st.Top >= st.Inner || st.Height == 0:
		tb.t.Errorf("%s: #%s is at %.0f (height %.0f) after the jump, outside the window (0 to %.0f)", view, id, st.Top, st.Height, st.Inner)
	case st.InView != view:
		tb.t.Errorf("%s: #%s is in %q, not in the view its list belongs to", view, id, st.InView)
	case st.Tag != "del" && st.Tag != "ins":
		tb.t.Errorf("%s: #%s is a <%s>, want the <del> or <ins> of the change", view, id, st.Tag)
	case mustScroll && st.ScrollY <= 0:
		tb.t.Errorf("%s: following #%s did not scroll (the window must be short enough for the change to start below it)", view, id)
	}
}

// TestBrowserCompareChangeList follows a change from the list at the top
// of each view to the change itself, in a window short enough that the
// change starts below it.
func TestBrowserCompareChangeList(t *testing.T) {
	s := shippedSite(t)
	side := s.comparePage(t)
	tb := s.open(t)
	tb.viewport(1280, 420, false)
	tb.openOK(side)
	tb.forgetView()

	tb.openOK(side)
	tb.followChange("view-side", true)

	tb.openOK(side + "inline/")
	if st := tb.viewState(); !st.Inline {
		t.Fatalf("%sinline/: %+v, want the inline view", side, st)
	}
	tb.followChange("view-inline", true)
	tb.forgetView()
}

// TestBrowserComparePicker chooses two texts in the pickers, the newer
// first, and lands on their comparison, which the site publishes the
// other way round.
func TestBrowserComparePicker(t *testing.T) {
	s := shippedSite(t)
	side := s.comparePage(t)
	tb := s.open(t)
	tb.viewport(1280, 800, false)
	tb.openOK(side)
	tb.forgetView()
	tb.openOK(side)

	type pair struct {
		Old  string `json:"old"`
		New  string `json:"new"`
		Href string `json:"href"`
	}
	// A comparison other than this one.
	other := eval[pair](tb, `(() => {
	  const a = document.querySelector('.compare-pairs a[data-old]:not([aria-current])');
	  return a ? {old: a.dataset.old, new: a.dataset.new, href: a.getAttribute('href')} : {};
	})()`)
	if other.Href == "" {
		t.Skipf("%s lists no other comparison to pick", side)
	}
	resp, err := chromedp.RunResponse(tb.ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
	  document.getElementById('pick-old').value = %q;
	  document.getElementById('pick-new').value = %q;
	  document.getElementById('compare-picker').requestSubmit();
	})()`, other.New, other.Old)))
	if err != nil {
		t.Fatalf("submit the pickers: %v", err)
	}
	if resp.Status != 200 {
		t.Errorf("the picked comparison answered %d", resp.Status)
	}
	if got := tb.path(); got != other.Href {
		t.Errorf("picking %s and %s led to %s, want %s", other.New, other.Old, got, other.Href)
	}

	// The same text twice is no comparison: the form says so and stays.
	eval[bool](tb, `(() => {
	  document.getElementById('pick-old').value = document.getElementById('pick-new').value;
	  document.getElementById('compare-picker').requestSubmit();
	  return true;
	})()`)
	if msg := eval[string](tb, `document.getElementById('picker-message').textContent`); msg == "" {
		t.Error("picking one text twice gives no message")
	}
	if got := tb.path(); got != other.Href {
		t.Errorf("picking one text twice left the page for %s", got)
	}
}

// TestBrowserCompareWithoutJavaScript: the page shows the view of its URL,
// the switch is a pair of links to the two URLs, and the list of
// comparisons stands in for the pickers.
func TestBrowserCompareWithoutJavaScript(t *testing.T) {
	s := shippedSite(t)
	side := s.comparePage(t)
	tb := s.open(t)
	tb.viewport(1280, 800, false)
	tb.noScript(true)
	tb.openOK(side)

	st := tb.viewState()
	if !st.Side || st.Inline || st.Current != "side" || !st.Switch {
		t.Fatalf("%s without JavaScript: %+v, want the side-by-side view and the switch", side, st)
	}
	if st.Picker {
		t.Errorf("%s without JavaScript shows the pickers, which need it", side)
	}
	resp, err := chromedp.RunResponse(tb.ctx, chromedp.Click(chromedp.CSS(`.view-switch a[data-view="inline"]`), chromedp.NodeVisible))
	if err != nil {
		t.Fatalf("follow the inline link: %v", err)
	}
	if resp.Status != 200 || tb.path() != side+"inline/" {
		t.Fatalf("the inline link led to %s (%d), want %sinline/", tb.path(), resp.Status, side)
	}
	st = tb.viewState()
	if st.Side || !st.Inline || st.Current != "inline" {
		t.Errorf("%sinline/ without JavaScript: %+v, want the inline view", side, st)
	}
}

// TestBrowserComparePhone: under 700px the side-by-side page shows the
// inline view, without the switch, and does not scroll sideways.
func TestBrowserComparePhone(t *testing.T) {
	s := shippedSite(t)
	side := s.comparePage(t)
	tb := s.open(t)
	tb.viewport(phoneWidth, phoneHeight, true)
	tb.openOK(side)
	tb.forgetView()
	tb.openOK(side)
	st := tb.viewState()
	if st.Side || !st.Inline || st.Switch {
		t.Errorf("%s on a %dpx phone: %+v, want the inline view and no switch", side, phoneWidth, st)
	}
	tb.checkNoHorizontalScroll(side)
	tb.followChange("view-inline", false)
}

// printState is what a compare page looks like on paper.
type printState struct {
	Print    bool   `json:"print"`
	Tools    bool   `json:"tools"`    // the pickers and the switch are shown
	Side     bool   `json:"side"`     // the side-by-side view is shown
	Del      string `json:"del"`      // text-decoration-line of a deletion
	Ins      string `json:"ins"`      // and of an insertion
	DelShown bool   `json:"delShown"` // the deletion is displayed
}

// TestBrowserComparePrint: printed, a compare page keeps its redline
// (struck-through deletions, underlined insertions) and drops the
// controls.
func TestBrowserComparePrint(t *testing.T) {
	s := shippedSite(t)
	side := s.comparePage(t)
	tb := s.open(t)
	tb.viewport(1280, 800, false)
	tb.openOK(side)
	tb.forgetView()
	tb.openOK(side)
	tb.do("emulate print", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	st := eval[printState](tb, `(() => {
	  const shown = (el) => !!el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
	  const del = document.querySelector('#view-side del:not(.pilcrow)');
	  const ins = document.querySelector('#view-side ins:not(.pilcrow)');
	  return {
	    print: matchMedia('print').matches,
	    tools: shown(document.querySelector('.compare-tools')),
	    side: shown(document.getElementById('view-side')),
	    del: del ? getComputedStyle(del).textDecorationLine : '',
	    ins: ins ? getComputedStyle(ins).textDecorationLine : '',
	    delShown: shown(del),
	  };
	})()`)
	if !st.Print {
		t.Fatal("print media is not in effect")
	}
	if st.Tools {
		t.Error("printed, the page shows the pickers and the view switch")
	}
	if !st.Side || !st.DelShown {
		t.Errorf("printed, the side-by-side page does not show its view: %+v", st)
	}
	if !strings.Contains(st.Del, "line-through") || !strings.Contains(st.Ins, "underline") {
		t.Errorf("printed, deletions are %q and insertions %q; want line-through and underline", st.Del, st.Ins)
	}
}
