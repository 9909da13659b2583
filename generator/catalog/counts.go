package catalog

import (
	"slices"
	"strconv"
	"strings"

	"travaux/generator/model"
)

// Counts sum up a listing of entries.
type Counts struct {
	// Entries is the number of entries listed.
	Entries int
	// Proposals is the number of proposals among them: for a delegation,
	// those it made or that were made on its behalf.
	Proposals int
	// Outcomes are what became of those proposals.
	Outcomes Outcomes
	// Supported and Opposed are, for a delegation, the entries it
	// supported and opposed.
	Supported, Opposed int
	// ViaGroup is, for a delegation, the entries listed only because a
	// group it belongs to is named in them.
	ViaGroup int

	others map[string]int // entries made, other than proposals, by kind
}

// Outcomes count proposals by what became of them.
type Outcomes struct {
	Adopted, PartlyAdopted, NotAdopted, Withdrawn int
	// Open counts proposals with no outcome recorded.
	Open int
}

// KindCount is a number of entries of one kind.
type KindCount struct {
	Kind string // a model Entry kind
	N    int
}

// kindOrder is the order entry kinds are listed in; a kind the model does
// not know comes after, by name.
var kindOrder = []string{
	model.EntryProposal, model.EntryStatement, model.EntryObjection, model.EntryVote,
	model.EntryDecision, model.EntryDissociation, model.EntryInterpretiveStatement, model.EntryReservation,
}

// add counts entry e, in which the delegation (or, for a session or a
// topic, the record as a whole: RoleBy) took roles.
func (c *Counts) add(e *model.Entry, roles []Role) {
	c.Entries++
	if slices.Contains(roles, RoleBy) || slices.Contains(roles, RoleOnBehalf) {
		if e.Kind == model.EntryProposal {
			c.Proposals++
			switch e.Outcome {
			case model.OutcomeAdopted:
				c.Outcomes.Adopted++
			case model.OutcomePartlyAdopted:
				c.Outcomes.PartlyAdopted++
			case model.OutcomeNotAdopted:
				c.Outcomes.NotAdopted++
			case model.OutcomeWithdrawn:
				c.Outcomes.Withdrawn++
			default:
				c.Outcomes.Open++
			}
		} else {
			if c.others == nil {
				c.others = map[string]int{}
			}
			c.others[e.Kind]++
		}
	}
	if slices.Contains(roles, RoleSupported) {
		c.Supported++
	}
	if slices.Contains(roles, RoleOpposed) {
		c.Opposed++
	}
}

// Others are the entries made other than proposals, by kind, in the order
// of the model's kinds.
func (c Counts) Others() []KindCount {
	var out []KindCount
	for _, k := range kindOrder {
		if n := c.others[k]; n > 0 {
			out = append(out, KindCount{k, n})
		}
	}
	var rest []string
	for k := range c.others {
		if !slices.Contains(kindOrder, k) {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	for _, k := range rest {
		out = append(out, KindCount{k, c.others[k]})
	}
	return out
}

// Summary is the counts in one line, for a delegation's record:
// "4 proposals, 1 adopted; 2 statements; supported 3, opposed 2; 1 entry as
// a group member". Parts with nothing to count are left out; with
// nothing at all it is "no entries".
func (c Counts) Summary() string {
	var parts []string
	if c.Proposals > 0 {
		p := plural(c.Proposals, "proposal", "proposals") + ", " + strconv.Itoa(c.Outcomes.Adopted) + " adopted"
		if n := c.Outcomes.PartlyAdopted; n > 0 {
			p += ", " + strconv.Itoa(n) + " partly adopted"
		}
		parts = append(parts, p)
	}
	var others []string
	for _, kc := range c.Others() {
		w := strings.ReplaceAll(kc.Kind, "-", " ")
		others = append(others, plural(kc.N, w, w+"s"))
	}
	if len(others) > 0 {
		parts = append(parts, strings.Join(others, ", "))
	}
	var pos []string
	if c.Supported > 0 {
		pos = append(pos, "supported "+strconv.Itoa(c.Supported))
	}
	if c.Opposed > 0 {
		pos = append(pos, "opposed "+strconv.Itoa(c.Opposed))
	}
	if len(pos) > 0 {
		parts = append(parts, strings.Join(pos, ", "))
	}
	if c.ViaGroup > 0 {
		parts = append(parts, plural(c.ViaGroup, "entry", "entries")+" as a group member")
	}
	if len(parts) == 0 {
		return "no entries"
	}
	return strings.Join(parts, "; ")
}

// OutcomeSummary is what became of the proposals, in words: "1 adopted,
// 2 not adopted, 1 with no outcome recorded"; "" when there are none.
func (c Counts) OutcomeSummary() string {
	var parts []string
	o := c.Outcomes
	for _, x := range []struct {
		n    int
		what string
	}{
		{o.Adopted, "adopted"},
		{o.PartlyAdopted, "partly adopted"},
		{o.NotAdopted, "not adopted"},
		{o.Withdrawn, "withdrawn"},
		{o.Open, "with no outcome recorded"},
	} {
		if x.n > 0 {
			parts = append(parts, strconv.Itoa(x.n)+" "+x.what)
		}
	}
	return strings.Join(parts, ", ")
}

// plural writes n with the right form of its noun.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
