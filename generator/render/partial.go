package render

import (
	"strconv"
)

// partialNote says, in one or two sentences, which paragraphs of an
// article's adopted text this edition holds, or "" when it holds the whole
// text as far as anyone can tell. nums are the paragraph numbers present
// (model.Rendered.Numbers); partial is the author's flag that the body
// holds only some paragraphs even though it looks complete.
//
// The edition only quotes wording it has verified, so many texts are
// fragments (article 40 paragraph 21, for one). A reader must never take a
// fragment for the whole article: a text that does not start at 1, or has
// gaps, names the missing paragraphs; one flagged partial says the rest is
// missing even when what it holds starts at 1.
func partialNote(nums []int, partial bool) string {
	if len(nums) == 0 {
		if partial {
			return "Only part of the text is included; the rest is not included yet."
		}
		return ""
	}
	var missing []int
	next := 1
	for _, n := range nums {
		for ; next < n; next++ {
			missing = append(missing, next)
		}
		if n >= next {
			next = n + 1
		}
	}
	last := nums[len(nums)-1]
	if len(missing) == 0 {
		if !partial {
			return ""
		}
		return "Only " + paragraphs(nums) + " " + isAre(nums) + " included; the remaining paragraphs are not included yet."
	}
	s := "This edition includes " + paragraphs(nums) + " only; " + paragraphs(missing) + " " + isAre(missing) + " not included yet."
	if partial {
		s += " Any paragraphs after paragraph " + strconv.Itoa(last) + " are not included either."
	}
	return s
}

func isAre(nums []int) string {
	if len(nums) == 1 {
		return "is"
	}
	return "are"
}

// paragraphs writes a set of paragraph numbers as runs: "paragraph 21",
// "paragraphs 1–20", "paragraphs 1–3, 5 and 7".
func paragraphs(nums []int) string {
	var runs []string
	for i := 0; i < len(nums); {
		j := i
		for j+1 < len(nums) && nums[j+1] == nums[j]+1 {
			j++
		}
		switch {
		case j == i:
			runs = append(runs, strconv.Itoa(nums[i]))
		case j == i+1:
			// Two in a row read better as "3 and 4" than "3–4".
			runs = append(runs, strconv.Itoa(nums[i]), strconv.Itoa(nums[j]))
		default:
			runs = append(runs, strconv.Itoa(nums[i])+"–"+strconv.Itoa(nums[j]))
		}
		i = j + 1
	}
	if len(nums) == 1 {
		return "paragraph " + runs[0]
	}
	return "paragraphs " + joinAnd(runs)
}
