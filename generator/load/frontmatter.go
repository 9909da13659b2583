package load

import (
	"bytes"
	"errors"
)

// FrontMatter is a Markdown file cut into its YAML front matter and its
// body. Both are slices of the file, and the offsets say where they
// start, so that a position found in either (by the YAML parser, by the
// Markdown parser) maps back to the file without shifting line numbers:
// the YAML's line 1 is the file line after the opening "---".
type FrontMatter struct {
	YAML      []byte // between the delimiter lines, without them; nil when the file has none
	YAMLStart int    // byte offset of YAML in the file
	Body      []byte // everything after the closing delimiter line (the whole file when there is no front matter)
	BodyStart int    // byte offset of Body in the file
	Found     bool   // the file starts with a front matter block
}

// errUnclosed is returned when a file opens a front matter block and never
// closes it: taking the whole file as YAML would report a confusing YAML
// error far from the real mistake.
var errUnclosed = errors.New(`front matter is not closed: add a "---" line after it`)

// SplitFrontMatter splits src, a whole Markdown file, into front matter and
// body. Front matter starts with a first line "---" (after an optional
// UTF-8 byte-order mark) and ends at the next line "---"; a delimiter line
// may carry trailing spaces and end in LF or CRLF. A file that does not
// start with "---" has no front matter: Found is false and Body is src.
// The only error is a front matter block that is never closed.
func SplitFrontMatter(src []byte) (FrontMatter, error) {
	start := 0
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		start = 3
	}
	next, ok := delimiterLine(src, start)
	if !ok {
		return FrontMatter{Body: src[start:], BodyStart: start}, nil
	}
	for line := next; line < len(src); {
		end, ok := delimiterLine(src, line)
		if ok {
			return FrontMatter{
				YAML:      src[next:line],
				YAMLStart: next,
				Body:      src[end:],
				BodyStart: end,
				Found:     true,
			}, nil
		}
		i := bytes.IndexByte(src[line:], '\n')
		if i < 0 {
			break
		}
		line += i + 1
	}
	return FrontMatter{Body: src[start:], BodyStart: start}, errUnclosed
}

// delimiterLine reports whether the line starting at off is "---" (with
// optional trailing blanks), and returns the offset of the line after it.
func delimiterLine(src []byte, off int) (next int, ok bool) {
	rest := src[off:]
	if !bytes.HasPrefix(rest, []byte("---")) {
		return 0, false
	}
	end := bytes.IndexByte(rest, '\n')
	line := rest
	next = len(src)
	if end >= 0 {
		line = rest[:end]
		next = off + end + 1
	}
	if len(bytes.TrimRight(line[3:], " \t\r")) != 0 {
		return 0, false
	}
	return next, true
}
