package render

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"travaux/generator/catalog"
	"travaux/generator/model"
)

// sessionKinds spell out the kinds of session.
var sessionKinds = map[string]string{
	"session":      "Session",
	"consultation": "Intersessional consultation",
}

func sessionKind(s *model.Session) string {
	if k, ok := sessionKinds[s.Kind]; ok {
		return k
	}
	return capitalize(words(s.Kind))
}

// sessionItem is a session's line in a list.
func (s *site) sessionItem(r *catalog.SessionRecord) SessionItem {
	sess := r.Session
	entries := "no entries recorded"
	if n := len(r.Entries); n > 0 {
		entries = count(n, "entry", "entries") + " recorded"
	}
	return SessionItem{
		Link:     Link{URL: sessionURL(sess.ID), Text: sess.Name},
		Kind:     sessionKind(sess),
		Place:    sess.Place,
		Dates:    formatRange(sess.Start, sess.End),
		StartISO: sess.Start,
		Entries:  entries,
	}
}

// sessionsPage lists every session and consultation in date order.
func (s *site) sessionsPage() *ListPage {
	p := &ListPage{
		Base:    s.base(sessionsURL, "Sessions", "The sessions and intersessional consultations of the negotiation of the "+s.info.Name+", with the entries recorded at each."),
		Heading: "Sessions and consultations",
		Intro:   "Every session and intersessional consultation of the negotiation, in date order, with the number of history entries this edition records at each.",
	}
	for _, r := range s.catalog().Sessions {
		p.Sessions = append(p.Sessions, s.sessionItem(r))
	}
	return p
}

// sessionPage is the i-th session in date order.
func (s *site) sessionPage(i int) *SessionPage {
	r := s.catalog().Sessions[i]
	sess := r.Session
	p := &SessionPage{
		Base:     s.base(sessionURL(sess.ID), sess.Name, sess.Name+" of the negotiation of the "+s.info.Name+": the entries recorded at it."),
		Heading:  sess.Name,
		Kind:     sessionKind(sess),
		Place:    sess.Place,
		Dates:    formatRange(sess.Start, sess.End),
		StartISO: sess.Start,
		Articles: s.items(r.Entries),
	}
	// Every entry here is of this session: the items need not say so.
	for _, ra := range p.Articles {
		for j := range ra.Items {
			ra.Items[j].Session = nil
		}
	}
	if i > 0 {
		prev := s.catalog().Sessions[i-1].Session
		p.Prev = &Link{URL: sessionURL(prev.ID), Text: prev.Name}
	}
	if i+1 < len(s.catalog().Sessions) {
		next := s.catalog().Sessions[i+1].Session
		p.Next = &Link{URL: sessionURL(next.ID), Text: next.Name}
	}
	if len(r.Entries) == 0 {
		p.Summary = "This edition records no entries for this " + lower(p.Kind) + " yet."
	} else {
		p.Summary = count(len(r.Entries), "entry", "entries") + " on " + count(len(p.Articles), "provision", "provisions") + ": " + r.Counts.Summary() + "."
	}
	for _, v := range r.Versions {
		p.Versions = append(p.Versions, Link{URL: versionURL(v.ID), Text: versionName(v)})
	}
	for _, d := range r.Delegations {
		p.Delegations = append(p.Delegations, s.delegationLink(d.ID))
	}
	slices.SortStableFunc(p.Delegations, func(x, y Link) int { return strings.Compare(foldName(x.Text), foldName(y.Text)) })
	return p
}

// versionName is a text's label with its symbol.
func versionName(v *model.Version) string {
	if v.Symbol == "" {
		return v.Label
	}
	return v.Label + " (" + v.Symbol + ")"
}

func lower(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]-'A'+'a') + s[1:]
}

// The drawing of the sessions, in the units of its viewBox.
const (
	tlWidth     = 720
	tlLeft      = 120 // the chart starts here; the row labels sit before it
	tlRight     = 705
	tlBarH      = 18
	tlSessionY  = 22
	tlConsultY  = 54
	tlAxisY     = 92
	tlHeight    = 112
	tlMinBarW   = 3
	tlTickLabel = 107
)

// day parses a full date; ok is false for anything else.
func day(s string) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}

// sessionTimeline draws every session with a full start date to scale,
// from the first of January of the first session's year to the end of the
// last one's year.
func (s *site) sessionTimeline() *SessionTimeline {
	tl := &SessionTimeline{
		Title:      "Sessions and consultations, drawn to scale in time",
		Width:      tlWidth,
		Height:     tlHeight,
		Left:       tlLeft,
		Right:      tlRight,
		GridTop:    4,
		AxisY:      tlAxisY,
		TickEnd:    tlAxisY + 5,
		TickLabelY: tlTickLabel,
		Rows: []TimelineRow{
			{Label: "Sessions", Y: tlSessionY + 13, Line: tlSessionY + tlBarH/2},
			{Label: "Consultations", Y: tlConsultY + 13, Line: tlConsultY + tlBarH/2},
		},
	}
	for _, r := range s.catalog().Sessions {
		tl.Sessions = append(tl.Sessions, s.sessionItem(r))
	}
	var first, last time.Time
	for _, r := range s.catalog().Sessions {
		start, ok := day(r.Session.Start)
		if !ok {
			continue
		}
		end, ok := day(r.Session.End)
		if !ok || end.Before(start) {
			end = start
		}
		if first.IsZero() || start.Before(first) {
			first = start
		}
		if last.IsZero() || end.After(last) {
			last = end
		}
	}
	n := len(s.catalog().Sessions)
	if first.IsZero() {
		tl.Description = count(n, "session or consultation", "sessions and consultations") + "; none has a date to draw."
		return tl
	}
	from := time.Date(first.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(last.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC)
	span := to.Sub(from).Hours()
	x := func(t time.Time) int {
		return tlLeft + int(math.Round(t.Sub(from).Hours()/span*float64(tlRight-tlLeft)))
	}
	for y := from.Year(); y <= to.Year(); y++ {
		start := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		tick := TimelineTick{X: x(start)}
		if y < to.Year() {
			tick.Label = strconv.Itoa(y)
			tick.LabelX = (x(start) + x(time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC))) / 2
		}
		tl.Ticks = append(tl.Ticks, tick)
	}
	for _, r := range s.catalog().Sessions {
		start, ok := day(r.Session.Start)
		if !ok {
			continue
		}
		end, ok := day(r.Session.End)
		if !ok || end.Before(start) {
			end = start
		}
		// A session takes its last day whole: 9 to 20 January is twelve days.
		x0, x1 := x(start), x(end.AddDate(0, 0, 1))
		b := TimelineBar{X: x0, W: max(x1-x0, tlMinBarW), H: tlBarH, Class: "tl-session", Y: tlSessionY}
		if r.Session.Kind == "consultation" {
			b.Class, b.Y = "tl-consultation", tlConsultY
		}
		if len(r.Entries) > 0 {
			b.Count = strconv.Itoa(len(r.Entries))
			b.CountX = b.X + b.W/2
			b.CountY = b.Y - 5
			if b.Class == "tl-consultation" {
				b.CountY = b.Y + tlBarH + 13
			}
		}
		tl.Bars = append(tl.Bars, b)
	}
	tl.Description = count(n, "session or consultation", "sessions and consultations") + " from " + formatDate(first.Format("2006-01")) + " to " + formatDate(last.Format("2006-01")) +
		": sessions in the upper row, consultations in the lower, each as long as it lasted; the number beside a mark counts the history entries recorded at it. The list below says the same in words."
	return tl
}
