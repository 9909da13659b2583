package e2e

import (
	"testing"

	"travaux/generator/catalog"
)

// recordKinds returns one page of each kind of the record: the delegation
// index, a delegation (one with group entries when there is one), a
// session with entries, a topic, a negotiating text with a concordance,
// a listing, and the search page.
func (s *shipped) recordKinds(t *testing.T) []pageKind {
	t.Helper()
	cat := catalog.New(s.Corpus)
	out := []pageKind{
		{name: "delegation index", path: "/delegations/"},
		{name: "session list", path: "/sessions/"},
		{name: "search page", path: "/search/"},
	}
	var deleg *catalog.DelegationRecord
	for _, r := range cat.Delegations {
		if deleg == nil || (r.Counts.ViaGroup > 0 && deleg.Counts.ViaGroup == 0) {
			deleg = r
		}
	}
	if deleg != nil {
		out = append(out, pageKind{name: "delegation " + deleg.Delegation.ID, path: "/delegations/" + deleg.Delegation.ID + "/"})
	} else {
		t.Log("no delegation appears in the record: no delegation page to check")
	}
	var sess *catalog.SessionRecord
	for _, r := range cat.Sessions {
		if sess == nil || len(r.Entries) > len(sess.Entries) {
			sess = r
		}
	}
	if sess != nil {
		out = append(out, pageKind{name: "session " + sess.Session.ID, path: "/sessions/" + sess.Session.ID + "/"})
	}
	for _, r := range cat.Topics {
		if len(r.Articles) > 0 {
			out = append(out, pageKind{name: "topic " + r.Topic.ID, path: "/topics/" + r.Topic.ID + "/"})
			break
		}
	}
	for _, r := range cat.Versions {
		if len(r.Articles) > 0 {
			out = append(out, pageKind{name: "negotiating text " + r.Version.ID, path: "/versions/" + r.Version.ID + "/"})
			break
		}
	}
	return out
}

// TestBrowserDelegationPages: every delegation named in the shipped
// history has a page that lists its entries, each linking to the entry on
// its article page.
func TestBrowserDelegationPages(t *testing.T) {
	s := shippedSite(t)
	named := map[string]bool{}
	for _, a := range s.Corpus.Articles {
		for _, e := range a.History {
			for _, list := range [][]string{ids(e.By), ids(e.Supported), ids(e.Opposed), {e.OnBehalf.ID}} {
				for _, id := range list {
					if id != "" {
						named[id] = true
					}
				}
			}
		}
	}
	if len(named) == 0 {
		t.Fatal("the shipped history names no delegation")
	}
	tb := s.open(t)
	tb.viewport(1280, 800, false)
	for _, d := range s.Corpus.Delegations {
		if !named[d.ID] {
			continue
		}
		p := "/delegations/" + d.ID + "/"
		tb.openOK(p)
		got := eval[struct {
			H1      string `json:"h1"`
			Entries int    `json:"entries"`
			Broken  int    `json:"broken"`
		}](tb, `(() => ({
		  h1: (document.querySelector('h1') || {}).innerText || '',
		  entries: document.querySelectorAll('.record-item').length,
		  broken: [...document.querySelectorAll('.record-item-heading a')].filter(a => !/^\/articles\/[^/]+\/#entry-\d+$/.test(a.getAttribute('href'))).length,
		}))()`)
		if got.H1 != d.Name {
			t.Errorf("%s: h1 %q, want %q", p, got.H1, d.Name)
		}
		if got.Entries == 0 {
			t.Errorf("%s lists no entries", p)
		}
		if got.Broken > 0 {
			t.Errorf("%s: %d entries do not link to an entry of an article page", p, got.Broken)
		}
	}
}
