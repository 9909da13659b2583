package render

import (
	"strings"

	"travaux/generator/model"
)

// Registry look-ups for the view models. The loader has already refused
// unknown ids, so a miss here only happens with a hand-built corpus; it
// shows the id as written rather than failing the build.

// sources turns source ids into citations.
func (s *site) sources(refs []model.Ref) []SourceRef {
	var out []SourceRef
	for _, r := range refs {
		src := s.c.Source(r.ID)
		if src == nil {
			out = append(out, SourceRef{Title: r.ID})
			continue
		}
		kind, ok := sourceKinds[src.Kind]
		if !ok {
			kind = words(src.Kind)
		}
		out = append(out, SourceRef{
			Title:     src.Title,
			URL:       src.URL,
			Publisher: src.Publisher,
			Date:      formatDate(src.Date),
			Kind:      kind,
			KindClass: src.Kind,
		})
	}
	return out
}

// party turns a delegation id into the name readers know, with a group's
// members.
func (s *site) party(r model.Ref) Party {
	d := s.c.Delegation(r.ID)
	if d == nil {
		return Party{Name: r.ID}
	}
	p := Party{Name: d.Name, URL: s.delegationLink(d.ID).URL, office: d.Kind == model.KindOffice}
	for _, m := range d.Members {
		p.Members = append(p.Members, s.delegationLink(m.ID))
	}
	return p
}

// inSentence is the party's name as the subject of a sentence: offices
// take the article ("by the Chair of the Ad Hoc Committee"), states and
// groups do not.
func (p Party) inSentence() string {
	if p.office && !strings.HasPrefix(p.Name, "The ") && !strings.HasPrefix(p.Name, "the ") {
		return "the " + p.Name
	}
	return p.Name
}

func (s *site) parties(refs []model.Ref) []Party {
	var out []Party
	for _, r := range refs {
		out = append(out, s.party(r))
	}
	return out
}

func (s *site) delegationName(id string) string {
	if d := s.c.Delegation(id); d != nil {
		return d.Name
	}
	return id
}
