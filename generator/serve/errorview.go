package serve

import (
	"fmt"

	"travaux/generator/source"
)

// ErrorView is one problem of a failed build as the browser overlay shows
// it: where, what, and the source line it is about.
type ErrorView struct {
	Path    string `json:"path"`             // slash-separated, relative to the site root
	Line    int    `json:"line,omitempty"`   // from 1; 0 when the whole file is meant
	Col     int    `json:"col,omitempty"`    // from 1, in characters
	Message string `json:"message"`          // what is wrong, and what would be right
	Source  string `json:"source,omitempty"` // the text of Line, without its line ending
	Warning bool   `json:"warning,omitempty"`
}

// String formats v as the command line does: path:line:col: message.
func (v ErrorView) String() string {
	pos := source.Pos{File: v.Path, Line: v.Line, Col: v.Col}
	if v.Warning {
		return fmt.Sprintf("%s: warning: %s", pos, v.Message)
	}
	return fmt.Sprintf("%s: %s", pos, v.Message)
}

// Views converts a build's problems for Fail. line returns the source
// line a position points at ("" when unknown); it may be nil.
func Views(errs source.ErrorList, line func(source.Pos) string) []ErrorView {
	out := make([]ErrorView, 0, len(errs))
	for _, e := range errs {
		v := ErrorView{
			Path:    e.Pos.File,
			Line:    e.Pos.Line,
			Col:     e.Pos.Col,
			Message: e.Msg,
			Warning: e.Severity == source.SeverityWarning,
		}
		if line != nil && e.Pos.Line > 0 {
			v.Source = line(e.Pos)
		}
		out = append(out, v)
	}
	return out
}
