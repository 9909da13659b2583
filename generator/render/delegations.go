package render

import (
	"slices"
	"strconv"
	"strings"

	"travaux/generator/catalog"
	"travaux/generator/model"
)

// kindHeadings name the sections of the delegation index after the
// regional groups, in this order.
var kindHeadings = []struct{ kind, heading string }{
	{model.KindObserver, "Observer States"},
	{model.KindOrganisation, "Organisations"},
	{model.KindOffice, "Offices of the negotiating body"},
	{model.KindGroup, "Groups of delegations"},
}

// kindLabels describe a delegation's kind on its page.
var kindLabels = map[string]string{
	model.KindState:        "State",
	model.KindObserver:     "Observer State",
	model.KindOrganisation: "Organisation",
	model.KindOffice:       "Office of the negotiating body",
	model.KindGroup:        "Group of delegations",
}

// regionHeading is a UN regional group's name: "African Group".
func regionHeading(region string) string { return region + " Group" }

// delegationsPage is the index of the delegations in the record: by
// regional group (in the order the registry first names each), then the
// delegations of other kinds, each list alphabetical; then all of them
// A to Z.
func (s *site) delegationsPage() *DelegationsPage {
	n := len(s.catalog().Delegations)
	p := &DelegationsPage{
		Base:    s.base(delegationsURL, "Delegations", "Every delegation named in the negotiation record of the "+s.info.Name+", with its proposals, statements and positions."),
		Heading: "Delegations",
		Intro: count(n, "delegation appears", "delegations appear") + " in the negotiation record this edition holds, " +
			"directly or as a known member of a group that does. Each bar shows a delegation’s proposals, one mark each, by what became of them.",
		Legend: barLegend(),
	}
	records := slices.Clone(s.catalog().Delegations)
	slices.SortStableFunc(records, func(x, y *catalog.DelegationRecord) int {
		return strings.Compare(foldName(x.Delegation.Name), foldName(y.Delegation.Name))
	})
	var regions []string
	for _, d := range s.c.Delegations {
		if d.Kind == model.KindState && d.Region != "" && !slices.Contains(regions, d.Region) {
			regions = append(regions, d.Region)
		}
	}
	placed := map[*catalog.DelegationRecord]bool{}
	section := func(heading string, keep func(d *model.Delegation) bool) {
		g := DelegationGroup{Anchor: "group-" + strconv.Itoa(len(p.Regions)+1), Heading: heading}
		for _, r := range records {
			if !placed[r] && keep(r.Delegation) {
				g.Rows = append(g.Rows, s.delegationRow(r))
				placed[r] = true
			}
		}
		if len(g.Rows) > 0 {
			p.Regions = append(p.Regions, g)
		}
	}
	for _, region := range regions {
		section(regionHeading(region), func(d *model.Delegation) bool { return d.Kind == model.KindState && d.Region == region })
	}
	for _, k := range kindHeadings {
		section(k.heading, func(d *model.Delegation) bool { return d.Kind == k.kind })
	}
	section("Other delegations", func(*model.Delegation) bool { return true })
	for _, r := range records {
		p.Alphabetical = append(p.Alphabetical, Link{URL: delegationURL(r.Delegation.ID), Text: r.Delegation.Name})
	}
	return p
}

func (s *site) delegationRow(r *catalog.DelegationRecord) DelegationRow {
	return DelegationRow{
		Link:     Link{URL: delegationURL(r.Delegation.ID), Text: r.Delegation.Name},
		Summary:  r.Counts.Summary(),
		Entries:  count(r.Counts.Entries, "entry", "entries"),
		Bar:      outcomeBar(r.Counts),
		Outcomes: proposalsInWords(r.Counts),
	}
}

// proposalsInWords is an outcome bar in words: "3 proposals: 1 adopted,
// 2 not adopted"; "" when there are none.
func proposalsInWords(c catalog.Counts) string {
	if c.Proposals == 0 {
		return ""
	}
	return count(c.Proposals, "proposal", "proposals") + ": " + c.OutcomeSummary()
}

// delegationPage is every entry one delegation is named in, by article.
func (s *site) delegationPage(r *catalog.DelegationRecord) *DelegationPage {
	d := r.Delegation
	p := &DelegationPage{
		Base:     s.base(delegationURL(d.ID), d.Name, d.Name+" in the negotiation of the "+s.info.Name+": every proposal, statement and position recorded in this edition."),
		Heading:  d.Name,
		Kind:     kindLabels[d.Kind],
		Summary:  r.Counts.Summary(),
		Bar:      outcomeBar(r.Counts),
		Outcomes: proposalsInWords(r.Counts),
	}
	if p.Kind == "" {
		p.Kind = capitalize(words(d.Kind))
	}
	if d.Region != "" {
		p.Kind += ", " + regionHeading(d.Region)
	}
	for _, m := range d.Members {
		p.Members = append(p.Members, s.delegationLink(m.ID))
	}
	for _, g := range r.Groups {
		p.MemberOf = append(p.MemberOf, s.delegationLink(g.ID))
	}
	if r.Counts.ViaGroup > 0 || slices.ContainsFunc(r.Entries, func(in catalog.Involvement) bool { return len(in.Via) > 0 }) {
		p.GroupNote = "Entries marked “group entry” name a group that " + d.Name + " is a known member of; they are listed here too, and counted apart from its own."
	}
	p.Articles = recordArticles(r.Entries,
		func(in catalog.Involvement) *model.Article { return in.Article },
		func(in catalog.Involvement) RecordItem { return s.involvementItem(d, in) })
	return p
}

// involvementItem is an entry on a delegation's page, saying what part the
// delegation took in it.
func (s *site) involvementItem(d *model.Delegation, in catalog.Involvement) RecordItem {
	item := s.recordItem(in.Item)
	e := in.Entry
	kind := words(e.Kind)
	if kind == "" {
		kind = "entry"
	}
	var roles []string
	for _, r := range in.Roles {
		switch r {
		case catalog.RoleBy:
			role := "Made this " + kind
			var others []string
			for _, ref := range e.By {
				if ref.ID != d.ID {
					others = append(others, s.party(ref).inSentence())
				}
			}
			if len(others) > 0 {
				role += " jointly with " + joinAnd(others)
			}
			if e.OnBehalf.ID != "" && e.OnBehalf.ID != d.ID {
				role += ", on behalf of " + s.party(e.OnBehalf).inSentence()
			}
			roles = append(roles, role)
		case catalog.RoleOnBehalf:
			var by []string
			for _, ref := range e.By {
				by = append(by, s.party(ref).inSentence())
			}
			role := "The " + kind + " was made on its behalf"
			if len(by) > 0 {
				role += " by " + joinAnd(by)
			}
			roles = append(roles, role)
		case catalog.RoleSupported:
			roles = append(roles, "Supported this "+kind)
		case catalog.RoleOpposed:
			roles = append(roles, "Opposed this "+kind)
		}
	}
	item.Role = strings.Join(roles, "; ")
	var via []string
	for _, g := range in.Via {
		via = append(via, groupRole(e, g.ID)+" "+g.Name)
	}
	if len(via) > 0 {
		item.Group = capitalize(kind) + " " + joinAnd(via) + ", of which " + d.Name + " is a known member."
	}
	return item
}

// groupRole says how group id is named in entry e, as the start of a
// phrase: "made by", "made on behalf of", "supported by", "opposed by".
func groupRole(e *model.Entry, id string) string {
	var out []string
	has := func(refs []model.Ref) bool {
		return slices.ContainsFunc(refs, func(r model.Ref) bool { return r.ID == id })
	}
	if has(e.By) {
		out = append(out, "made by")
	}
	if e.OnBehalf.ID == id {
		out = append(out, "made on behalf of")
	}
	if has(e.Supported) {
		out = append(out, "supported by")
	}
	if has(e.Opposed) {
		out = append(out, "opposed by")
	}
	return strings.Join(out, " and ")
}
