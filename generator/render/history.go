package render

import (
	"strconv"
	"strings"

	"travaux/generator/model"
)

// history is an article's negotiation record as a timeline, in the order
// of catalog.Timeline, whose positions the other listings link to
// (#entry-N).
func (s *site) history(a *model.Article, body *model.Rendered) []Entry {
	var out []Entry
	for i, e := range s.timeline(a) {
		out = append(out, s.entry(i+1, e, body))
	}
	return out
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
		v.Session = &Session{URL: sessionURL(sess.ID), Name: sess.Name, Dates: formatRange(sess.Start, sess.End), Place: sess.Place}
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
