package render

import (
	"encoding/json"
	"io"
)

// jsonStream writes a JSON document in pieces, so that a large one (the
// open data, the search index) is written as it is made rather than held
// whole. Values are encoded as encoding/json encodes them inside a larger
// document: compact, with <, > and & escaped (as \u003c …), so that no
// text an author wrote reads as markup even if the file were served as
// HTML. The first error stops all writing and stays in err; so does stop
// (see Staged.RestUnless), asked before each value, which sets
// ErrStopped.
type jsonStream struct {
	w    io.Writer
	stop func() bool
	err  error
}

func newJSONStream(w io.Writer, stop func() bool) *jsonStream { return &jsonStream{w: w, stop: stop} }

// raw writes s as it is: the document's punctuation and keys.
func (j *jsonStream) raw(s string) {
	if j.err == nil {
		_, j.err = io.WriteString(j.w, s)
	}
}

// ok reports whether writing goes on: nothing has failed, and stop does
// not say to give up. A writer asks it before making a costly value, so
// that a stopped stream also stops making them.
func (j *jsonStream) ok() bool {
	if j.err == nil && j.stop != nil && j.stop() {
		j.err = ErrStopped
	}
	return j.err == nil
}

// value writes v encoded.
func (j *jsonStream) value(v any) {
	if !j.ok() {
		return
	}
	data, err := json.Marshal(v)
	if err != nil {
		j.err = err
		return
	}
	_, j.err = j.w.Write(data)
}
