package catalog

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"travaux/generator/model"
)

func refs(ids ...string) []model.Ref {
	var out []model.Ref
	for _, id := range ids {
		out = append(out, model.Ref{ID: id})
	}
	return out
}

func ref(id string) model.Ref { return model.Ref{ID: id} }

// corpus is a small record: three states, a group of two of them, an
// office and an observer that never appears; two sessions listed out of
// date order; two articles and the title; one negotiating text that
// numbered article 2 as 3.
func corpus() *model.Corpus {
	c := &model.Corpus{
		Sessions: []*model.Session{
			{ID: "late", Name: "Late session", Start: "2024-07-29"},
			{ID: "early", Name: "Early session", Start: "2023-01-09"},
			{ID: "empty", Name: "Consultation", Kind: "consultation", Start: "2023-03-06"},
		},
		Delegations: []*model.Delegation{
			{ID: "AAA", Name: "Aland", Kind: model.KindState},
			{ID: "BBB", Name: "Borduria", Kind: model.KindState},
			{ID: "CCC", Name: "Carpania", Kind: model.KindState},
			{ID: "OBS", Name: "Observer", Kind: model.KindObserver},
			{ID: "CHAIR", Name: "Chair", Kind: model.KindOffice},
			{ID: "grp", Name: "Group", Kind: model.KindGroup, Members: refs("AAA", "BBB")},
		},
		Topics: []*model.Topic{{ID: "t1", Name: "Topic one"}, {ID: "t2", Name: "Unused topic"}},
		Versions: []*model.Version{
			{ID: "rev1", Label: "Revised draft", Session: ref("early")},
			{ID: "rev2", Label: "Further draft"},
		},
	}
	c.Articles = []*model.Article{
		{Kind: model.ProvisionTitle, History: []*model.Entry{
			{Session: ref("late"), Kind: model.EntryDecision, By: refs("CHAIR"), Outcome: model.OutcomeAdopted},
		}, Versions: []*model.ArticleVersion{{Version: ref("rev1"), Text: model.Text{Source: "Title"}}}},
		{Kind: model.ProvisionArticle, Number: 1, Topics: refs("t1"), History: []*model.Entry{
			// Listed late first: the timeline puts the early session first.
			{Session: ref("late"), On: ref("2"), Kind: model.EntryProposal, By: refs("AAA", "CCC"), Supported: refs("BBB"), Opposed: refs("grp"), Outcome: model.OutcomeNotAdopted},
			{Session: ref("late"), Date: "2024-08-01", Kind: model.EntryStatement, By: refs("BBB"), OnBehalf: ref("grp")},
			{Session: ref("early"), On: ref("1"), Kind: model.EntryProposal, By: refs("AAA"), Outcome: model.OutcomeAdopted},
			{Session: ref("late"), Date: "2024-07-30", Kind: model.EntryProposal, By: refs("CCC"), Supported: refs("AAA")},
		}, Versions: []*model.ArticleVersion{{Version: ref("rev1")}}},
		{Kind: model.ProvisionArticle, Number: 2, Topics: refs("t1"), History: []*model.Entry{
			{Session: ref("early"), Kind: model.EntryProposal, By: refs("grp"), Base: ref("rev1"), Outcome: model.OutcomeWithdrawn},
		}, Versions: []*model.ArticleVersion{{Version: ref("rev1"), Number: 3, Text: model.Text{Source: "3. Text"}}}},
	}
	return c
}

// describe writes an item as "slug#N kind".
func describe(it Item) string {
	slug := it.Article.Slug()
	return fmt.Sprintf("%s#%d %s", slug, it.N, it.Entry.Kind)
}

func TestTimeline(t *testing.T) {
	c := corpus()
	var got []string
	for _, e := range Timeline(c, c.Articles[1]) {
		got = append(got, e.Session.ID+" "+e.Date+" "+e.Kind)
	}
	want := []string{
		"late  proposal",
		"late 2024-07-30 proposal",
		"late 2024-08-01 statement",
		"early  proposal",
	}
	// The registry lists "late" first: registry order wins over dates,
	// as on the article page.
	if !slices.Equal(got, want) {
		t.Errorf("timeline:\n got %q\nwant %q", got, want)
	}
}

func TestDelegations(t *testing.T) {
	cat := New(corpus())
	var ids []string
	for _, r := range cat.Delegations {
		ids = append(ids, r.Delegation.ID)
	}
	// OBS is named nowhere; the rest keep registry order.
	if want := []string{"AAA", "BBB", "CCC", "CHAIR", "grp"}; !slices.Equal(ids, want) {
		t.Errorf("delegations %q, want %q", ids, want)
	}
	if cat.Delegation("OBS") != nil {
		t.Error("OBS has a record")
	}

	list := func(id string) []string {
		var out []string
		for _, in := range cat.Delegation(id).Entries {
			s := describe(in.Item)
			for _, r := range in.Roles {
				s += " " + string(r)
			}
			for _, g := range in.Via {
				s += " via " + g.ID
			}
			out = append(out, s)
		}
		return out
	}
	for id, want := range map[string][]string{
		"AAA": {
			"1#1 proposal by via grp", // its group opposed what it proposed
			"1#2 proposal supported",
			"1#3 statement via grp", // the group's own statement, made by BBB
			"1#4 proposal by",
			"2#1 proposal via grp",
		},
		"BBB": {
			"1#1 proposal supported via grp",
			"1#3 statement by via grp",
			"2#1 proposal via grp",
		},
		"grp": {
			"1#1 proposal opposed",
			"1#3 statement on-behalf",
			"2#1 proposal by",
		},
		"CHAIR": {"title#1 decision by"},
	} {
		if got := list(id); !slices.Equal(got, want) {
			t.Errorf("%s:\n got %q\nwant %q", id, got, want)
		}
	}
	// AAA is opposed through grp in entry 1#1, but it made that entry
	// itself: it is listed once, with its own role and the group.
	for _, in := range cat.Delegation("AAA").Entries {
		if in.N == 1 && in.Article.Number == 1 && (!in.Direct() || len(in.Via) != 1) {
			t.Errorf("AAA in 1#1: roles %v via %v", in.Roles, in.Via)
		}
	}
	if g := cat.Delegation("AAA").Groups; len(g) != 1 || g[0].ID != "grp" {
		t.Errorf("AAA groups %v", g)
	}

	for id, want := range map[string]string{
		"AAA":   "2 proposals, 1 adopted; supported 1; 2 entries as a group member",
		"BBB":   "1 statement; supported 1; 1 entry as a group member",
		"CCC":   "2 proposals, 0 adopted",
		"grp":   "1 proposal, 0 adopted; 1 statement; opposed 1",
		"CHAIR": "1 decision",
	} {
		if got := cat.Delegation(id).Counts.Summary(); got != want {
			t.Errorf("%s summary %q, want %q", id, got, want)
		}
	}
	if got, want := cat.Delegation("AAA").Counts.OutcomeSummary(), "1 adopted, 1 not adopted"; got != want {
		t.Errorf("AAA outcomes %q, want %q", got, want)
	}
	if got, want := cat.Delegation("CCC").Counts.OutcomeSummary(), "1 not adopted, 1 with no outcome recorded"; got != want {
		t.Errorf("CCC outcomes %q, want %q", got, want)
	}
}

func TestSessions(t *testing.T) {
	cat := New(corpus())
	var got []string
	for _, r := range cat.Sessions {
		var items []string
		for _, it := range r.Entries {
			items = append(items, describe(it))
		}
		var ds []string
		for _, d := range r.Delegations {
			ds = append(ds, d.ID)
		}
		var vs []string
		for _, v := range r.Versions {
			vs = append(vs, v.ID)
		}
		got = append(got, fmt.Sprintf("%s: %s | %s | %s | %s", r.Session.ID, strings.Join(items, ", "), strings.Join(ds, " "), strings.Join(vs, " "), r.Counts.Summary()))
	}
	want := []string{
		"early: 1#4 proposal, 2#1 proposal | AAA grp | rev1 | 2 proposals, 1 adopted",
		"empty:  |  |  | no entries",
		"late: title#1 decision, 1#1 proposal, 1#2 proposal, 1#3 statement | AAA BBB CCC CHAIR grp |  | 2 proposals, 0 adopted; 1 statement, 1 decision",
	}
	if !slices.Equal(got, want) {
		t.Errorf("sessions:\n got %q\nwant %q", got, want)
	}
}

func TestTopics(t *testing.T) {
	cat := New(corpus())
	r := cat.Topic("t1")
	if len(r.Articles) != 2 || len(r.Entries) != 5 {
		t.Errorf("t1: %d articles, %d entries; want 2 and 5", len(r.Articles), len(r.Entries))
	}
	if u := cat.Topic("t2"); len(u.Articles) != 0 || len(u.Entries) != 0 {
		t.Errorf("t2 lists %d articles", len(u.Articles))
	}
}

func TestVersions(t *testing.T) {
	cat := New(corpus())
	r := cat.Version("rev1")
	if r.Session == nil || r.Session.ID != "early" {
		t.Errorf("rev1 session %v", r.Session)
	}
	var got []string
	for _, va := range r.Articles {
		got = append(got, fmt.Sprintf("%s=%d renumbered:%v text:%v", va.Article.Slug(), va.Number, va.Renumbered(), va.HasText()))
	}
	want := []string{"title=0 renumbered:false text:true", "1=1 renumbered:false text:false", "2=3 renumbered:true text:true"}
	if !slices.Equal(got, want) {
		t.Errorf("rev1 articles:\n got %q\nwant %q", got, want)
	}
	if len(r.Based) != 1 || r.Based[0].Article.Number != 2 {
		t.Errorf("rev1 based: %v", r.Based)
	}
	if r2 := cat.Version("rev2"); r2.Session != nil || len(r2.Articles) != 0 {
		t.Errorf("rev2: %+v", r2)
	}
}

// TestRecorded: Recorded lists exactly the delegations New does, in the
// same order, including a member named only through its group.
func TestRecorded(t *testing.T) {
	c := corpus()
	// DDD belongs to the group and is never named itself.
	c.Delegations = append(c.Delegations, &model.Delegation{ID: "DDD", Name: "Dolmatia", Kind: model.KindState})
	for _, d := range c.Delegations {
		if d.ID == "grp" {
			d.Members = append(d.Members, ref("DDD"))
		}
	}
	var want []string
	for _, r := range New(c).Delegations {
		want = append(want, r.Delegation.ID)
	}
	if got := Recorded(c); !slices.Equal(got, want) {
		t.Errorf("Recorded = %v, want %v", got, want)
	}
	if slices.Contains(want, "OBS") || !slices.Contains(want, "DDD") {
		t.Errorf("the fixture should record DDD but not OBS: %v", want)
	}
}
