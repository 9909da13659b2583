package render

import (
	"strconv"
	"strings"

	"travaux/generator/model"
)

// Wording shared by the pages. Readers of a legal text expect dates in
// words ("7 August 2024") and outcomes in words, not codes or colours.

var months = [...]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// dateParts splits "YYYY-MM-DD", "YYYY-MM" or "YYYY"; missing or malformed
// parts are 0.
func dateParts(s string) (y, m, d int) {
	parts := strings.Split(s, "-")
	if len(parts) > 3 {
		return 0, 0, 0
	}
	n := make([]int, 3)
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return 0, 0, 0
		}
		n[i] = v
	}
	if n[1] < 0 || n[1] > 12 || n[2] < 0 || n[2] > 31 {
		return 0, 0, 0
	}
	return n[0], n[1], n[2]
}

// formatDate writes "2024-08-07" as "7 August 2024", "2024-08" as "August
// 2024"; anything it cannot read is returned as written.
func formatDate(s string) string {
	y, m, d := dateParts(s)
	switch {
	case y == 0:
		return s
	case m == 0:
		return strconv.Itoa(y)
	case d == 0:
		return months[m-1] + " " + strconv.Itoa(y)
	}
	return strconv.Itoa(d) + " " + months[m-1] + " " + strconv.Itoa(y)
}

// formatRange writes a session's dates as UN documents do, without
// repeating the shared month and year: "9–20 January 2023",
// "29 July – 9 August 2024".
func formatRange(start, end string) string {
	if end == "" || end == start {
		return formatDate(start)
	}
	if start == "" {
		return formatDate(end)
	}
	y1, m1, d1 := dateParts(start)
	y2, m2, d2 := dateParts(end)
	if y1 == 0 || y2 == 0 || d1 == 0 || d2 == 0 {
		return formatDate(start) + " – " + formatDate(end)
	}
	switch {
	case y1 == y2 && m1 == m2:
		return strconv.Itoa(d1) + "–" + formatDate(end)
	case y1 == y2:
		return strconv.Itoa(d1) + " " + months[m1-1] + " – " + formatDate(end)
	}
	return formatDate(start) + " – " + formatDate(end)
}

// count writes n with the right form of its noun: "1 history entry".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// joinAnd joins with commas and a final "and": "a, b and c".
func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// words turns an id such as "interpretive-statement" into "interpretive
// statement".
func words(id string) string { return strings.ReplaceAll(id, "-", " ") }

// capitalize upper-cases the first letter (ASCII is enough for our ids).
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// sourceKinds spells out the source kinds for readers.
var sourceKinds = map[string]string{
	model.SourceOfficialRecord: "official record",
	model.SourceDocument:       "document",
	model.SourceObserverReport: "observer report",
}

// paragraphLabel writes a paragraph id as a reader says it: "2" is
// "paragraph 2", "21-b" is "paragraph 21 (b)", "-a" (a lettered item of an
// unnumbered text) is "subparagraph (a)".
func paragraphLabel(id string) string {
	num, letter, _ := strings.Cut(id, "-")
	switch {
	case num == "" && letter != "":
		return "subparagraph (" + letter + ")"
	case letter != "":
		return "paragraph " + num + " (" + letter + ")"
	}
	return "paragraph " + num
}

// paragraphKey orders paragraph ids: by number, then letter.
func paragraphKey(id string) (int, string) {
	num, letter, _ := strings.Cut(id, "-")
	n, err := strconv.Atoi(num)
	if err != nil {
		n = 0
	}
	return n, letter
}
