package markdown

import (
	"regexp"
	"strconv"

	"github.com/yuin/goldmark/ast"
)

// anchorLikeRE matches ids of the form paragraph anchors take (p1, p21-b,
// p-a).
var anchorLikeRE = regexp.MustCompile(`^p([0-9]*-[a-z]+|[0-9]+)$`)

// fixHeadingIDs keeps goldmark's automatic heading ids (stable: they
// follow the heading's words) but moves any that look like a paragraph
// anchor out of the way, to "h-p1" and so on. An article page shows the
// treaty text next to notes and summaries, so a heading "P1" anywhere on
// it must not steal the id that #p1 links to.
func fixHeadingIDs(doc ast.Node) {
	var headings []*ast.Heading
	taken := map[string]bool{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Heading:
			if entering {
				headings = append(headings, n)
				if id, ok := headingID(n); ok {
					taken[id] = true
				}
			}
		case *anchored:
			if entering {
				taken[n.anchor] = true
			}
		}
		return ast.WalkContinue, nil
	})
	for _, h := range headings {
		id, ok := headingID(h)
		if !ok || !anchorLikeRE.MatchString(id) {
			continue
		}
		next := "h-" + id
		for i := 1; taken[next]; i++ {
			next = "h-" + id + "-" + strconv.Itoa(i)
		}
		taken[next] = true
		h.SetAttributeString("id", []byte(next))
	}
}

func headingID(h *ast.Heading) (string, bool) {
	v, ok := h.AttributeString("id")
	if !ok {
		return "", false
	}
	switch v := v.(type) {
	case []byte:
		return string(v), true
	case string:
		return v, true
	}
	return "", false
}
