package xref

import (
	"iter"
	"strconv"
	"strings"

	"travaux/generator/model"
	"travaux/generator/source"
)

// Check reports the problems of every citation in the rendered texts, at
// the citation's position: an explicit art: link to a provision or
// paragraph that does not exist is an error (the author wrote a link that
// cannot work); a recognised citation of one is a warning (the words may
// be right and the edition incomplete). It also reports a term defined
// twice in front matter.
func (x *Index) Check(rendered *model.TextMap) source.ErrorList {
	var errs source.ErrorList
	for _, a := range x.c.Articles {
		x.memo.with(a, func(f *articleFacts) {
			if !f.checked {
				f.checked, f.errs = true, x.checkTexts(articleTexts(a), rendered)
			}
			errs.Append(f.errs)
		})
	}
	errs.Append(x.checkTexts(otherTexts(x.c), rendered))
	for _, defs := range x.byTerm {
		if len(defs) < 2 || defs[0].def == nil || defs[1].def == nil {
			continue
		}
		first := defs[0]
		for _, d := range defs[1:] {
			if d.def == nil {
				continue
			}
			errs.Add(d.def.On.Pos, "the term %q is defined twice: also in article %s (%s); a term links to one definition", d.term.Term, first.term.Article, paragraphName(first.term.Paragraph))
		}
	}
	return errs
}

// checkTexts reports the problems of the citations in the texts ts.
func (x *Index) checkTexts(ts iter.Seq[text], rendered *model.TextMap) source.ErrorList {
	var errs source.ErrorList
	for t := range ts {
		if r := rendered.Get(t.t); r != nil {
			for _, c := range r.Citations {
				x.check(c, &errs)
			}
		}
	}
	return errs
}

// check reports what is wrong with one citation.
func (x *Index) check(c model.Citation, errs *source.ErrorList) {
	problem := func(format string, args ...any) {
		if c.Explicit {
			errs.Add(c.Pos, format, args...)
		} else {
			errs.Warn(c.Pos, format, args...)
		}
	}
	switch {
	case c.Term != "":
		return
	case c.Chapter != "":
		if x.c.Chapter(c.Chapter) == nil {
			problem("%s cites chapter %s, which this edition does not have (it has %s): it is not linked", describe(c), c.Chapter, x.chapters())
		}
		return
	case c.Version != "" && !c.Explicit:
		return // another text's numbering: nothing to check against
	}
	a := x.c.Article(c.Article)
	if a == nil {
		problem("%s cites %s, which this edition does not have (%s): it is not linked", describe(c), citedName(c.Article), x.articles())
		return
	}
	if c.Paragraph == "" {
		return
	}
	body := x.body(a)
	if !knowable(a, body) || body.Paragraph(c.Paragraph) != nil {
		return
	}
	ids := make([]string, len(body.Paragraphs))
	for i, p := range body.Paragraphs {
		ids[i] = p.ID
	}
	problem("%s cites %s of %s, which its text does not have (it has %s)", describe(c), paragraphName(c.Paragraph), provisionName(a), strings.Join(ids, ", "))
}

func citedName(slug string) string {
	if _, err := strconv.Atoi(slug); err == nil {
		return "article " + slug
	}
	return "the " + slug
}

// articles describes the articles the edition has: "articles 1 to 68".
func (x *Index) articles() string {
	var nums []int
	for _, a := range x.c.Articles {
		if a.Kind == model.ProvisionArticle {
			nums = append(nums, a.Number)
		}
	}
	switch {
	case len(nums) == 0:
		return "it has no articles"
	case len(nums) == 1:
		return "it has article " + strconv.Itoa(nums[0])
	}
	contiguous := true
	for i := 1; i < len(nums); i++ {
		if nums[i] != nums[i-1]+1 {
			contiguous = false
		}
	}
	if contiguous {
		return "it has articles " + strconv.Itoa(nums[0]) + " to " + strconv.Itoa(nums[len(nums)-1])
	}
	var s []string
	for _, n := range nums {
		s = append(s, strconv.Itoa(n))
	}
	return "it has articles " + strings.Join(s, ", ")
}

func (x *Index) chapters() string {
	var ids []string
	for _, ch := range x.c.Convention.Chapters {
		ids = append(ids, ch.ID)
	}
	if len(ids) == 0 {
		return "no chapters"
	}
	return strings.Join(ids, ", ")
}
