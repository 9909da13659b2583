package source

import (
	"sort"
	"unicode/utf8"
)

// LineIndex turns byte offsets in one file into positions. It counts a
// "\r\n" as one line break and columns in runes, so a file saved with CRLF
// endings or with multibyte characters reports what the author's editor
// shows.
type LineIndex struct {
	file  string
	src   []byte
	start []int // byte offset where each line starts
}

// NewLineIndex indexes src, the content of file.
func NewLineIndex(file string, src []byte) *LineIndex {
	idx := &LineIndex{file: file, src: src, start: []int{0}}
	for i, c := range src {
		if c == '\n' {
			idx.start = append(idx.start, i+1)
		}
	}
	return idx
}

// Pos returns the position of byte offset off (clamped to the file).
func (x *LineIndex) Pos(off int) Pos {
	if off < 0 {
		off = 0
	}
	if off > len(x.src) {
		off = len(x.src)
	}
	line := sort.Search(len(x.start), func(i int) bool { return x.start[i] > off }) - 1
	col := utf8.RuneCount(x.src[x.start[line]:off]) + 1
	return Pos{File: x.file, Line: line + 1, Col: col}
}

// Offset returns the byte offset of line and col (both from 1), or -1 if
// the file has no such place.
func (x *LineIndex) Offset(line, col int) int {
	if line < 1 || line > len(x.start) || col < 1 {
		return -1
	}
	off := x.start[line-1]
	for c := 1; c < col; c++ {
		if off >= len(x.src) || x.src[off] == '\n' {
			return -1
		}
		_, n := utf8.DecodeRune(x.src[off:])
		off += n
	}
	return off
}

// Line returns the text of line n (from 1) without its line ending, for
// showing the offending source next to an error.
func (x *LineIndex) Line(n int) string {
	if n < 1 || n > len(x.start) {
		return ""
	}
	end := len(x.src)
	if n < len(x.start) {
		end = x.start[n] - 1
	}
	s := x.src[x.start[n-1]:end]
	if len(s) > 0 && s[len(s)-1] == '\r' {
		s = s[:len(s)-1]
	}
	return string(s)
}
