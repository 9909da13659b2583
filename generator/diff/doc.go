// Package diff compares two versions of a text word by word, for redlines
// and side-by-side views. It knows nothing of HTML or treaties: plain
// strings in, plain values out ([Result], [Row]).
//
// # Tokens
//
// Both texts are put in Unicode NFC (so a composed "é" equals "e" plus a
// combining accent) and split into tokens: words (letters, digits and
// marks, keeping inner hyphens and apostrophes: "Secretary-General",
// "Party's", and the point or comma inside a number: "2.5", "40,000"),
// single punctuation characters, and paragraph breaks. A
// paragraph break is a blank line, or a line break before a line that
// starts with a paragraph number ("2.") or a subparagraph ("(a)").
// Whitespace is not a token: it is folded into the space before the next
// token, so it is never a change. Typographic variants inside a word
// (’ and ', a non-breaking hyphen and -, soft hyphens) compare equal, and
// so do curly and straight quotation marks (“ ” and ", ‘ ’ and ').
// Letters of every script are word characters: an Arabic text splits
// into words as an English one does. Words align whatever their case
// ("convention" with "Convention"), so a title that gained capitals still
// lines up word for word; but a word whose case changed is then shown as
// replaced, since a capital is a change to a legal text.
// Each token keeps its spelling and the space before it, so the ops give
// back both texts exactly as [Normalize] writes them:
//
//	Old(r.Ops) == Normalize(old) && New(r.Ops) == Normalize(new)
//
// # Diff
//
// Tokens are diffed with github.com/sergi/go-diff: each distinct token
// becomes one rune (from the private use areas, never a surrogate) and
// DiffMainRunes computes a Myers diff over those runes. DiffTimeout is 0,
// which means no deadline: with a deadline go-diff returns a coarser diff
// when the machine is slow, and a page must not depend on the machine
// that built it.
//
// Myers' algorithm takes time in proportion to the length of the texts
// times the number of edits, which for a whole convention with edits all
// through it is seconds. So, as patience diff does, runs of four tokens
// that occur exactly once in each text are pinned first, in the longest
// chain that is in order in both, and DiffMainRunes only diffs the
// stretches between them. Runs holding a paragraph break or a paragraph
// label ("12.", "(b)") are never pinned: renumbered paragraphs would pin
// the wrong paragraphs together. (See anchored; BenchmarkWords measures
// 500 to 50,000 words.)
//
// DiffCleanupSemantic then folds small equal islands ("the", "of") lying
// between edits into one replacement, which is what a reader expects to
// see struck out. Its rule (fold any equality no longer than the edits on
// both sides) can also swallow a whole unchanged clause between two large
// edits, so it runs only between anchors: equal stretches of six words or
// more, or holding a paragraph break, stay as they are. Because the
// cleanup mixes byte and rune offsets in one of its passes, its output is
// checked token by token; should a cleaned stretch ever not spell the two
// texts, it is used uncleaned. go-diff's pass that slides edits to word
// boundaries scores characters, which token runes do not have; our own
// slides each lone insertion or deletion, where that gives the same
// texts, to a paragraph or sentence boundary.
//
// # Moves
//
// A sentence or paragraph deleted in one change and inserted, equal or
// nearly so, in another is a move, not a deletion plus an insertion: a
// MoveFrom op where it was and a MoveTo op where it went, sharing a
// MoveID, with the word diff of the moved text in Inner when it changed on
// the way. Both must have at least 6 words and a token similarity of at
// least 0.8 (see moveMinWords, moveMinSimilarity). Sentences are matched
// first, then whole paragraphs among what is left (a moved paragraph
// whose sentences were run together still matches as a paragraph), and
// two moves that follow each other in both texts become one.
//
// # Degenerate guard
//
// When the words recognised as unchanged (Equal, and unchanged words
// inside moves) are fewer than 30% of the longer text's words, a word diff
// is a confetti of tiny equal islands that nobody can read. The result is
// then marked Replaced: the whole old text deleted, the whole new text
// inserted, one change (see replacedBelow).
//
// # Rows
//
// [Rows] pairs paragraphs for a side-by-side view: in order, by content
// similarity (at least 0.5 on the words) with a bonus of 0.2 for the same
// paragraph number, which also lets two paragraphs with the same number
// pair however much they differ. Numbered texts thus line up by number,
// and a renumbered paragraph (old 3 is new 4 after an insertion) still
// lines up with its old self. Each row carries the word diff of its pair;
// a paragraph on one side only gets a row of its own, and a paragraph that
// moved is a pair of such rows sharing a MoveID.
package diff
