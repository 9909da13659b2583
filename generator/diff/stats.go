package diff

// Stats summarises a comparison. Words are word tokens: punctuation and
// paragraph breaks are not counted.
type Stats struct {
	// Inserted and Deleted count the words inserted and deleted,
	// including the edits inside moved text.
	Inserted, Deleted int
	// Moved counts the words of moved text, as they read in the new text.
	Moved int
	// Changes counts maximal runs of non-Equal ops: a replacement is one
	// change. The place a text moved away from is not counted separately
	// (a run holding only MoveFrom text, and at most paragraph breaks or
	// punctuation beside it): a move is one change, where the text went.
	Changes int
	// Share is the part of the longer text that is not Equal, from 0
	// (same words) to 1 (nothing in common): (longer − equal words) /
	// longer, in words. Moved words count as changed.
	Share float64
}

// replacedBelow is the degenerate guard, per mille: when the words the
// comparison recognises (Equal, and the unchanged words inside moves) are
// fewer than 30% of the longer text's words, the word diff would be a
// confetti of "the" and "of" between edits, so the texts are reported as
// Replaced instead. Semantic cleanup has already folded islands smaller
// than the edits beside them; what survives below 30% is still mostly
// noise for a reader.
const replacedBelow = 300

// beyondRecognition reports whether spans recognise too little of the
// texts for a word diff to be useful.
func beyondRecognition(a, b []token, spans []span) bool {
	wa, wb := countWords(a), countWords(b)
	if wa == 0 || wb == 0 {
		return false // nothing to recognise: an insertion or a deletion
	}
	longer := max(wa, wb)
	recognised := 0
	for _, s := range spans {
		switch s.kind {
		case Equal:
			recognised += countWords(b[s.b0:s.b1])
		case MoveTo:
			recognised += s.mv.eq
		}
	}
	return 1000*recognised < replacedBelow*longer
}

// statsOf counts spans over the texts a and b.
func statsOf(a, b []token, spans []span) Stats {
	var st Stats
	equal := 0
	// A run counts unless it is the place moved text left, with nothing
	// but punctuation or paragraph breaks deleted or inserted beside it.
	inRun, counts, hasMoveFrom := false, false, false
	endRun := func() {
		if inRun && (counts || !hasMoveFrom) {
			st.Changes++
		}
		inRun, counts, hasMoveFrom = false, false, false
	}
	for _, s := range spans {
		if s.kind == Equal {
			endRun()
			equal += countWords(b[s.b0:s.b1])
			continue
		}
		inRun = true
		switch s.kind {
		case Insert:
			w := countWords(b[s.b0:s.b1])
			st.Inserted += w
			counts = counts || w > 0
		case Delete:
			w := countWords(a[s.a0:s.a1])
			st.Deleted += w
			counts = counts || w > 0
		case MoveFrom:
			hasMoveFrom = true
		case MoveTo:
			st.Moved += countWords(b[s.b0:s.b1])
			st.Inserted += s.mv.ins
			st.Deleted += s.mv.del
			counts = true
		}
	}
	endRun()
	if longer := max(countWords(a), countWords(b)); longer > 0 {
		st.Share = float64(longer-equal) / float64(longer)
	}
	return st
}
