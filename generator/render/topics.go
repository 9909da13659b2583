package render

import "travaux/generator/catalog"

// topicDetail says what a topic holds: "3 articles, 12 history entries".
func topicDetail(r *catalog.TopicRecord) string {
	return count(len(r.Articles), "provision", "provisions") + ", " + historyLabel(len(r.Entries))
}

// topicsPage lists the topics.
func (s *site) topicsPage() *ListPage {
	p := &ListPage{
		Base:    s.base(topicsURL, "Topics", "The themes that run across the articles of the "+s.info.Name+"."),
		Heading: "Topics",
		Intro:   "Themes that run across articles, each with an introduction, its articles and their negotiation history.",
	}
	for _, r := range s.catalog().Topics {
		p.Items = append(p.Items, ListItem{Link: Link{URL: topicURL(r.Topic.ID), Text: r.Topic.Name}, Detail: topicDetail(r)})
	}
	return p
}

// topicPage is a topic's introduction, its articles and their history.
func (s *site) topicPage(r *catalog.TopicRecord) *TopicPage {
	t := r.Topic
	p := &TopicPage{
		Base:     s.base(topicURL(t.ID), t.Name, t.Name+": a topic of the "+s.info.Name+", its articles and their negotiation history."),
		Heading:  t.Name,
		Intro:    s.html(t.Intro),
		Articles: s.items(r.Entries),
	}
	for _, a := range r.Articles {
		p.Contents = append(p.Contents, s.articleItem(a))
	}
	if len(r.Entries) > 0 {
		p.Summary = historyLabel(len(r.Entries)) + ": " + r.Counts.Summary() + "."
	}
	return p
}
