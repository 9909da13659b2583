package render

import (
	"slices"
	"strconv"
	"strings"

	"travaux/generator/model"
)

// history is an article's negotiation record as a timeline: entries in the
// order of their sessions in the sessions registry (which is chronological),
// then by date within a session, keeping the author's order for ties.
// Entries of no known session come last. Dates compare as strings, which
// for YYYY-MM-DD and its shortenings is chronological; an undated entry
// sorts before the dated ones of its session.
func (s *site) history(a *model.Article, body *model.Rendered) []Entry {
	var out []Entry
	for i, e := range s.timeline(a) {
		out = append(out, s.entry(i+1, e, body))
	}
	return out
}

// timeline is the article's history entries in the order history shows
// them; the n-th is anchored #entry-n on the article page.
func (s *site) timeline(a *model.Article) []*model.Entry {
	order := map[string]int{}
	for i, sess := range s.c.Sessions {
		order[sess.ID] = i
	}
	sessionIndex := func(e *model.Entry) int {
		if i, ok := order[e.Session.ID]; ok {
			return i
		}
		return len(s.c.Sessions)
	}
	entries := slices.Clone(a.History)
	slices.SortStableFunc(entries, func(x, y *model.Entry) int {
		if d := sessionIndex(x) - sessionIndex(y); d != 0 {
			return d
		}
		return strings.Compare(x.Date, y.Date)
	})
	return entries
}

var outcomes = map[string]string{
	model.OutcomeAdopted:       "Adopted",
	model.OutcomeNotAdopted:    "Not adopted",
	model.OutcomeWithdrawn:     "Withdrawn",
	model.OutcomePartlyAdopted: "Partly adopted",
}

// entry is the n-th entry of the timeline.
func (s *site) entry(n int, e *model.Entry, body *model.Rendered) Entry {
	v := Entry{
		Anchor:        "entry-" + strconv.Itoa(n),
		Kind:          capitalize(words(e.Kind)),
		Date:          formatDate(e.Date),
		DateTime:      e.Date,
		By:            s.parties(e.By),
		Supported:     s.parties(e.Supported),
		Opposed:       s.parties(e.Opposed),
		OutcomeClass:  e.Outcome,
		Reconstructed: e.Reconstructed,
		Sources:       s.sources(e.Sources),
		onID:          e.On.ID,
	}
	if v.Kind == "" {
		v.Kind = "Entry"
	}
	if e.Outcome != "" {
		var ok bool
		if v.Outcome, ok = outcomes[e.Outcome]; !ok {
			v.Outcome = capitalize(words(e.Outcome))
		}
	}
	if sess := s.c.Session(e.Session.ID); sess != nil {
		v.Session = &Session{Name: sess.Name, Dates: formatRange(sess.Start, sess.End), Place: sess.Place}
	} else if e.Session.ID != "" {
		v.Session = &Session{Name: e.Session.ID}
	}
	if e.On.ID != "" {
		l := paragraphLink(body, e.On.ID)
		v.On = &l
	}
	if e.OnBehalf.ID != "" {
		p := s.party(e.OnBehalf)
		v.OnBehalf = &p
	}
	if strings.TrimSpace(e.Summary.Source) != "" {
		v.Summary = s.html(e.Summary)
	}
	if strings.TrimSpace(e.Wording.Source) != "" {
		v.Wording = s.html(e.Wording)
	}
	for _, ed := range e.Edits {
		v.Edits = append(v.Edits, Edit{Replace: ed.Replace, With: ed.With})
	}
	if len(e.Edits) > 0 {
		v.EditsBase = "the adopted text"
		if id := e.Base.ID; id != "" && id != "adopted" {
			v.EditsBase = id
			if ver := s.c.Version(id); ver != nil {
				v.EditsBase = ver.Label
				if ver.Symbol != "" {
					v.EditsBase += " (" + ver.Symbol + ")"
				}
			}
		}
	}

	// The heading names who acted; the short form, used in the list by
	// paragraph beside the text, adds when and with what result.
	var names []string
	for _, p := range v.By {
		names = append(names, p.inSentence())
	}
	v.Heading = v.Kind
	if len(names) > 0 {
		v.Heading += " by " + joinAnd(names)
	}
	if v.OnBehalf != nil {
		v.Heading += " on behalf of " + v.OnBehalf.inSentence()
	}
	v.short = v.Heading
	if v.Session != nil {
		v.short += ", " + v.Session.Name
	}
	if v.Outcome != "" {
		v.short += " (" + strings.ToLower(v.Outcome) + ")"
	}
	return v
}
