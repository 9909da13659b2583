package e2e

// Browser tests of cross-references on the shipped site: following a
// citation, its preview (keyboard, Esc, hover, accessibility), and "copy
// citation".

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// citingPage is the article the tests start from, and the paragraph a
// citation on it points to: article 6's history cites its paragraph 2
// ("in paragraph 2"), whose text the edition holds.
const (
	citingPage = "/articles/6/"
	citedHref  = "/articles/6/#p2"
	citedID    = "p2"
)

// citationSel selects the first citation of the cited paragraph outside
// the adopted text (in the history).
var citationSel = fmt.Sprintf(`#history a.xref[href=%q]`, citedHref)

// openCiting opens the article page and checks the citation is there.
func openCiting(t *testing.T, s *shipped) *tab {
	t.Helper()
	tb := s.open(t)
	tb.viewport(1280, 800, false)
	tb.openOK(citingPage)
	if n := eval[int](tb, fmt.Sprintf(`document.querySelectorAll(%q).length`, citationSel)); n == 0 {
		t.Fatalf("%s has no citation %s", citingPage, citationSel)
	}
	return tb
}

// TestBrowserFollowCitation clicks a citation in article 6's history and
// lands on the paragraph it cites.
func TestBrowserFollowCitation(t *testing.T) {
	s := shippedSite(t)
	tb := openCiting(t, s)
	tb.do("click the citation", chromedp.ScrollIntoView(chromedp.CSS(citationSel)), chromedp.Click(chromedp.CSS(citationSel), chromedp.NodeVisible))
	var st anchorInfo
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		st = eval[anchorInfo](tb, fmt.Sprintf(`%s(%q)`, anchorState, citedID))
		if st.Target == citedID && st.Top >= 0 && st.Top < st.InnerHeight {
			break
		}
	}
	if got := tb.path(); got != citingPage {
		t.Errorf("after the click the path is %s, want %s", got, citingPage)
	}
	if st.Target != citedID {
		t.Fatalf(":target is %q, want %q", st.Target, citedID)
	}
	if st.Top < 0 || st.Top >= st.InnerHeight || !st.Visible {
		t.Errorf("the cited paragraph is not in view: top %.0f of %.0f, covered by %s", st.Top, st.InnerHeight, st.Hit)
	}
}

// TestBrowserFollowCitationToOtherPage follows citations that lead to
// other pages: from article 6's history to article 14, and from the about
// page to article 40, paragraph 21, which must land in view.
func TestBrowserFollowCitationToOtherPage(t *testing.T) {
	s := shippedSite(t)
	tb := openCiting(t, s)
	sel := `#history a.xref[href="/articles/14/"]`
	if n := eval[int](tb, fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)); n == 0 {
		t.Fatalf("%s has no citation %s", citingPage, sel)
	}
	if _, err := chromedp.RunResponse(tb.ctx, chromedp.ScrollIntoView(chromedp.CSS(sel)), chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible)); err != nil {
		t.Fatalf("click %s: %v", sel, err)
	}
	if got := tb.path(); got != "/articles/14/" {
		t.Errorf("after the click the path is %s, want /articles/14/", got)
	}

	page := s.freePage()
	if page == "" {
		t.Skip("no free page")
	}
	tb.openOK(page)
	sel = `main a.xref[href="/articles/40/#p21"]`
	if n := eval[int](tb, fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)); n == 0 {
		t.Fatalf("%s has no citation %s", page, sel)
	}
	if _, err := chromedp.RunResponse(tb.ctx, chromedp.ScrollIntoView(chromedp.CSS(sel)), chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible)); err != nil {
		t.Fatalf("click %s: %v", sel, err)
	}
	var st anchorInfo
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if st = eval[anchorInfo](tb, fmt.Sprintf(`%s(%q)`, anchorState, "p21")); st.Target == "p21" && st.Visible {
			break
		}
	}
	if got := tb.path(); got != "/articles/40/" {
		t.Errorf("after the click the path is %s, want /articles/40/", got)
	}
	if st.Target != "p21" || !st.Visible {
		t.Errorf("paragraph 21 is not the target in view: %+v", st)
	}
}

type previewState struct {
	Shown       bool    `json:"shown"`
	Text        string  `json:"text"`
	DescribedBy string  `json:"describedBy"`
	Role        string  `json:"role"`
	Active      string  `json:"active"` // href of the focused link
	Overlap     bool    `json:"overlap"`
	LinkTop     float64 `json:"linkTop"`
	PopupTop    float64 `json:"popupTop"`
}

// previewStateJS reports the preview and its relation to the link sel.
const previewStateJS = `((sel) => {
  const a = document.querySelector(sel);
  const p = document.getElementById('xref-preview');
  const shown = !!p && !p.hidden && p.getClientRects().length > 0;
  const ra = a.getBoundingClientRect();
  const rp = shown ? p.getBoundingClientRect() : null;
  const overlap = !!rp && !(rp.bottom <= ra.top || rp.top >= ra.bottom || rp.right <= ra.left || rp.left >= ra.right);
  const act = document.activeElement;
  return {
    shown, text: shown ? p.innerText : '', describedBy: a.getAttribute('aria-describedby') || '',
    role: p ? p.getAttribute('role') || '' : '', active: act && act.getAttribute('href') || '',
    overlap, linkTop: ra.top, popupTop: rp ? rp.top : 0,
  };
})`

func (tb *tab) preview(sel string) previewState {
	tb.t.Helper()
	return eval[previewState](tb, fmt.Sprintf(`%s(%q)`, previewStateJS, sel))
}

// waitPreview polls until the preview's shown state is want.
func (tb *tab) waitPreview(sel string, want bool) previewState {
	tb.t.Helper()
	var st previewState
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if st = tb.preview(sel); st.Shown == want {
			break
		}
	}
	return st
}

// focusByTab focuses the element before sel in the tab order and presses
// Tab, so that sel receives focus from the keyboard.
func (tb *tab) focusByTab(sel string) {
	tb.t.Helper()
	ok := eval[bool](tb, fmt.Sprintf(`((sel) => {
	  const target = document.querySelector(sel);
	  const all = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
	    .filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
	  const i = all.indexOf(target);
	  if (i <= 0) return false;
	  all[i - 1].focus();
	  return document.activeElement === all[i - 1];
	})(%q)`, sel))
	if !ok {
		tb.t.Fatalf("cannot focus the element before %s", sel)
	}
	tb.do("press Tab", chromedp.KeyEvent(kb.Tab))
}

// citedText is the start of the cited paragraph's text, as the preview
// must show it.
func citedText(t *testing.T, s *shipped) string {
	t.Helper()
	a := s.Corpus.Article("6")
	if a == nil {
		t.Fatal("no article 6")
	}
	for _, line := range strings.Split(a.Body.Source, "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "2. "); ok {
			return strings.Join(strings.Fields(rest), " ")[:60]
		}
	}
	t.Fatal("article 6 has no paragraph 2 in its source")
	return ""
}

// TestBrowserPreviewKeyboard opens a citation's preview with the keyboard,
// checks what it shows and where, and closes it with Esc.
func TestBrowserPreviewKeyboard(t *testing.T) {
	s := shippedSite(t)
	tb := openCiting(t, s)
	tb.focusByTab(citationSel)
	st := tb.waitPreview(citationSel, true)
	if st.Active != citedHref {
		t.Fatalf("after Tab the focus is on %q, want the citation %s", st.Active, citedHref)
	}
	if !st.Shown {
		t.Fatal("focusing the citation with the keyboard shows no preview")
	}
	if want := citedText(t, s); !strings.Contains(strings.Join(strings.Fields(st.Text), " "), want) {
		t.Errorf("the preview shows %q, want the cited paragraph's text, starting %q", st.Text, want)
	}
	if !strings.Contains(st.Text, "Paragraph 2") {
		t.Errorf("the preview does not name the paragraph: %q", st.Text)
	}
	if st.DescribedBy != "xref-preview" || st.Role != "tooltip" {
		t.Errorf("the link is described by %q (want xref-preview), the preview's role is %q (want tooltip)", st.DescribedBy, st.Role)
	}
	if st.Overlap {
		t.Errorf("the preview (top %.0f) covers the link (top %.0f)", st.PopupTop, st.LinkTop)
	}
	tb.do("press Escape", chromedp.KeyEvent(kb.Escape))
	st = tb.waitPreview(citationSel, false)
	if st.Shown {
		t.Error("Esc does not close the preview")
	}
	if st.Active != citedHref {
		t.Errorf("after Esc the focus moved to %q", st.Active)
	}
	if st.DescribedBy != "" {
		t.Errorf("after Esc the link is still described by %q", st.DescribedBy)
	}
}

// TestBrowserPreviewHover shows a preview under the pointer and checks it
// leaves the link itself uncovered and can be hovered.
func TestBrowserPreviewHover(t *testing.T) {
	s := shippedSite(t)
	tb := openCiting(t, s)
	tb.do("scroll to the citation", chromedp.ScrollIntoView(chromedp.CSS(citationSel)))
	type point struct{ X, Y float64 }
	p := eval[point](tb, fmt.Sprintf(`(() => { const r = document.querySelector(%q).getClientRects()[0]; return {X: r.left + r.width / 2, Y: r.top + r.height / 2}; })()`, citationSel))
	tb.do("hover the citation", chromedp.MouseEvent(chromedp.MouseMoved, p.X, p.Y))
	st := tb.waitPreview(citationSel, true)
	if !st.Shown {
		t.Fatal("hovering the citation shows no preview")
	}
	under := eval[string](tb, fmt.Sprintf(`(() => { const el = document.elementFromPoint(%f, %f); const a = el && el.closest('a'); return a ? a.getAttribute('href') : (el ? el.className : ''); })()`, p.X, p.Y))
	if under != citedHref {
		t.Errorf("the preview hides the link under the pointer: %q is there", under)
	}
	// The pointer can move onto the preview without closing it.
	q := eval[point](tb, `(() => { const r = document.getElementById('xref-preview').getBoundingClientRect(); return {X: r.left + 10, Y: r.top + 10}; })()`)
	tb.do("move onto the preview", chromedp.MouseEvent(chromedp.MouseMoved, q.X, q.Y))
	time.Sleep(600 * time.Millisecond)
	if st := tb.preview(citationSel); !st.Shown {
		t.Error("moving the pointer onto the preview closes it")
	}
	tb.do("move away", chromedp.MouseEvent(chromedp.MouseMoved, 5, 5))
	if st := tb.waitPreview(citationSel, false); st.Shown {
		t.Error("the preview stays open after the pointer leaves")
	}
}

// TestBrowserPreviewAccessibility runs axe-core on an article page with a
// preview open, in both colour schemes.
func TestBrowserPreviewAccessibility(t *testing.T) {
	s := shippedSite(t)
	axeSource(t)
	tb := openCiting(t, s)
	for _, scheme := range []string{"light", "dark"} {
		tb.colorScheme(scheme)
		tb.focusByTab(citationSel)
		if st := tb.waitPreview(citationSel, true); !st.Shown {
			t.Fatalf("%s: no preview", scheme)
		}
		runOnly := map[string]any{"type": "tag", "values": axeTags}
		if scheme == "dark" {
			runOnly = map[string]any{"type": "rule", "values": axeColorRules}
		}
		tb.checkAxe(citingPage+" with a preview open ("+scheme+")", runOnly)
		tb.do("press Escape", chromedp.KeyEvent(kb.Escape))
	}
}

// TestBrowserCopyCitation presses a paragraph's "Copy citation" button and
// reads the citation back from the clipboard.
func TestBrowserCopyCitation(t *testing.T) {
	s := shippedSite(t)
	tb := openCiting(t, s)
	err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for _, name := range []string{"clipboard-read", "clipboard-write"} {
			if _, err := chromedp.CallBrowser(ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
				Permission: &cdpbrowser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true},
				Setting:    cdpbrowser.PermissionSettingGranted,
				Origin:     tb.base,
			}); err != nil {
				return fmt.Errorf("grant %s: %w", name, err)
			}
		}
		_, err := cdp.Call(ctx, tg, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	button := fmt.Sprintf(`#text button.copy-cite[data-anchor=%q]`, citedID)
	if n := eval[int](tb, fmt.Sprintf(`document.querySelectorAll(%q).length`, button)); n != 1 {
		t.Fatalf("%d copy buttons %s, want 1", n, button)
	}
	name := eval[string](tb, fmt.Sprintf(`document.querySelector(%q).textContent`, button))
	if !strings.HasPrefix(name, "Copy citation") || !strings.Contains(name, "paragraph 2") {
		t.Errorf("the button's name is %q, want it to start with the visible \"Copy citation\" and name paragraph 2", name)
	}
	tb.focusByTab(button)
	tb.do("press Enter", chromedp.KeyEvent(kb.Enter))
	want := "UN Convention against Cybercrime, art. 6(2) — " + tb.base + citedHref
	var status string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if status = eval[string](tb, `(document.querySelector('.copy-status') || {}).textContent || ''`); status != "" {
			break
		}
	}
	if status != "Citation copied: "+want {
		t.Errorf("status %q, want %q", status, "Citation copied: "+want)
	}
	got := eval[string](tb, `navigator.clipboard.readText()`, chromedp.EvalAwaitPromise)
	if got != want {
		t.Errorf("clipboard holds %q, want %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(repoRoot(t), ".ci", "node_modules", "axe-core", "axe.min.js")); err == nil || os.Getenv("CI") == "true" {
		tb.checkAxe(citingPage+" with the copy status shown", map[string]any{"type": "tag", "values": axeTags})
	}
}

// TestBrowserCopyCitationFallback: without a clipboard, the citation is
// shown selected in a text field, the copy target.
func TestBrowserCopyCitationFallback(t *testing.T) {
	s := shippedSite(t)
	tb := openCiting(t, s)
	// A page whose clipboard refuses, as when the permission is denied.
	eval[bool](tb, `(Object.defineProperty(navigator, 'clipboard', {value: {writeText: () => Promise.reject(new Error('denied'))}}), true)`)
	button := fmt.Sprintf(`#text button.copy-cite[data-anchor=%q]`, citedID)
	tb.do("click copy", chromedp.Click(chromedp.CSS(button), chromedp.NodeVisible))
	type target struct {
		Value    string `json:"value"`
		Selected string `json:"selected"`
		Focused  bool   `json:"focused"`
	}
	var got target
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		got = eval[target](tb, `(() => { const i = document.querySelector('.copy-status .copy-target'); return i ? {value: i.value, selected: i.value.slice(i.selectionStart, i.selectionEnd), focused: document.activeElement === i} : {}; })()`)
		if got.Value != "" {
			break
		}
	}
	want := "UN Convention against Cybercrime, art. 6(2) — " + tb.base + citedHref
	if got.Value != want || got.Selected != want || !got.Focused {
		t.Errorf("copy target %+v, want the citation %q, selected and focused", got, want)
	}
}

// TestBrowserCitationsWithoutJavaScript: citations are plain links, and no
// copy button appears.
func TestBrowserCitationsWithoutJavaScript(t *testing.T) {
	s := shippedSite(t)
	tb := s.open(t)
	tb.noScript(true)
	tb.openOK(citingPage)
	if n := eval[int](tb, `document.querySelectorAll('button.copy-cite').length`); n != 0 {
		t.Errorf("%d copy buttons without JavaScript", n)
	}
	if href := eval[string](tb, fmt.Sprintf(`document.querySelector(%q).getAttribute('href')`, citationSel)); href != citedHref {
		t.Errorf("the citation links to %q, want %q", href, citedHref)
	}
}
