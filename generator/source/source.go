// Package source carries positions in content files as data, and collects
// the problems found at those positions.
//
// Every value the loader takes from a file keeps the Pos it came from, so a
// later stage (validation, cross-references, rendering) can still say where
// an author should look. Stages append to an ErrorList instead of stopping
// at the first problem: an author fixes a whole batch per build.
package source

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a place in a content file. Line and Col count from 1; Col counts
// characters (runes), not bytes, as editors do. A zero Line means the whole
// file.
type Pos struct {
	File string // slash-separated path relative to the site root, e.g. content/articles/065-entry-into-force.md
	Line int
	Col  int
}

// String formats p as file:line:col, dropping the parts that are unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// IsValid reports whether p names a file.
func (p Pos) IsValid() bool { return p.File != "" }

// Severity separates problems that stop a build from those that only warn.
type Severity int

const (
	SeverityError Severity = iota
	SeverityWarning
)

// Error is one problem at one position. Msg says what is wrong and, where
// it can, what would be right: `unknown delegation "MEXX" (did you mean "MEX"?)`.
type Error struct {
	Pos      Pos
	Msg      string
	Severity Severity
}

func (e *Error) Error() string {
	if e.Severity == SeverityWarning {
		return e.Pos.String() + ": warning: " + e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// ErrorList collects problems from every stage; the zero value is ready.
type ErrorList []*Error

// Add records an error at pos.
func (l *ErrorList) Add(pos Pos, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Warn records a warning at pos: reported, but the build still succeeds.
func (l *ErrorList) Warn(pos Pos, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Severity: SeverityWarning})
}

// Append adds all of other to l.
func (l *ErrorList) Append(other ErrorList) { *l = append(*l, other...) }

// Sort orders l by file, line, column and message, and drops exact repeats,
// so output is the same from run to run.
func (l *ErrorList) Sort() {
	s := *l
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		return a.Msg < b.Msg
	})
	out := s[:0]
	for i, e := range s {
		if i > 0 && *e == *s[i-1] {
			continue
		}
		out = append(out, e)
	}
	*l = out
}

// Errors returns only the entries that stop a build.
func (l ErrorList) Errors() ErrorList {
	var out ErrorList
	for _, e := range l {
		if e.Severity == SeverityError {
			out = append(out, e)
		}
	}
	return out
}

// Warnings returns only the warnings.
func (l ErrorList) Warnings() ErrorList {
	var out ErrorList
	for _, e := range l {
		if e.Severity == SeverityWarning {
			out = append(out, e)
		}
	}
	return out
}

// Err returns l as an error if it holds at least one error (not counting
// warnings), or nil.
func (l ErrorList) Err() error {
	if len(l.Errors()) == 0 {
		return nil
	}
	return l
}

// Error prints one problem per line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}
