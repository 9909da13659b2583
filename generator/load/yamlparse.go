package load

import (
	"bytes"
	"io"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"

	"travaux/generator/source"
)

// This file turns YAML text into a yaml.Node tree and maps what the
// parser says (node positions, syntax errors) to file positions.

// yamlFile is one YAML text being decoded: the whole front matter of a
// Markdown file, or a whole registry file.
type yamlFile struct {
	file  string            // slash path relative to the site root
	src   []byte            // the whole file after normalisation (no BOM, LF line ends)
	lines *source.LineIndex // over src
	line0 int               // file lines before the YAML's first line: 1 for front matter, 0 for a .yaml file
	errs  *source.ErrorList
}

// pos is the file position of n.
func (y *yamlFile) pos(n *yaml.Node) source.Pos {
	return source.Pos{File: y.file, Line: n.Line + y.line0, Col: n.Column}
}

// textPos is the position of the first character of a scalar's content,
// so that positions inside a Markdown text map back to the file: after
// the opening quote, or for a block scalar ("|" or ">") on its first
// non-blank content line.
func (y *yamlFile) textPos(n *yaml.Node) source.Pos {
	p := y.pos(n)
	switch {
	case n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0:
		p.Col++
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 && n.Value != "":
		off := y.lines.Offset(p.Line, p.Col)
		if off < 0 {
			return p
		}
		i := bytes.IndexByte(y.src[off:], '\n')
		if i < 0 {
			return p
		}
		for off += i + 1; off < len(y.src); {
			line := y.src[off:]
			if j := bytes.IndexByte(line, '\n'); j >= 0 {
				line = line[:j]
			}
			if content := bytes.TrimLeft(line, " \t"); len(content) > 0 {
				return y.lines.Pos(off + len(line) - len(content))
			}
			off += len(line) + 1
		}
	}
	return p
}

// yamlLinePrefix matches the start of the parser's error messages.
var yamlLinePrefix = regexp.MustCompile(`^yaml: (?:line (\d+): )?`)

// parserProblems are the messages the YAML parser (as opposed to its
// scanner) reports. For these the library prints a zero-based line number
// and leaves it out altogether on the first line, so they need one added
// to name the line the author sees.
var parserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found undefined tag handle":             true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

// parse parses text, the YAML part of the file, and returns the root node
// of its only document (nil when the text is empty). ok is false when the
// text does not parse; the problem is recorded, and the caller should not
// report the fields as missing on top of it.
func (y *yamlFile) parse(text []byte) (root *yaml.Node, ok bool) {
	defer func() {
		// The parser is third-party code fed with anything an author
		// types; a crash in it must become a message, not end the build.
		if r := recover(); r != nil {
			y.errs.Add(y.syntaxPos(text, 1), "could not read this YAML (%v)", r)
			root, ok = nil, false
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(text))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err != io.EOF {
			y.syntaxError(text, err)
			return nil, false
		}
		return nil, true
	}
	var more yaml.Node
	switch err := dec.Decode(&more); {
	case err == io.EOF:
	case err != nil:
		y.syntaxError(text, err)
	default:
		y.errs.Add(y.pos(&more), `a second YAML document starts here, but a file holds only one (remove the "---" line before it)`)
	}
	if len(doc.Content) == 0 {
		return nil, true
	}
	return doc.Content[0], true
}

// syntaxError records a YAML syntax error at the line the parser names,
// with the parser's own words minus its "yaml: line N:" prefix.
func (y *yamlFile) syntaxError(text []byte, err error) {
	msg := err.Error()
	line := 1
	if m := yamlLinePrefix.FindStringSubmatch(msg); m != nil {
		msg = msg[len(m[0]):]
		if m[1] != "" {
			line, _ = strconv.Atoi(m[1])
			if parserProblems[msg] {
				line++
			}
		}
	}
	if m := unknownAnchor.FindStringSubmatch(msg); m != nil {
		// The library names no line here; the alias is easy to find.
		if i := bytes.Index(text, []byte("*"+m[1])); i >= 0 {
			line = bytes.Count(text[:i], []byte("\n")) + 1
		}
	}
	y.errs.Add(y.syntaxPos(text, line), "%s", msg)
}

var unknownAnchor = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)

// syntaxPos is the file position of line n of the YAML text, kept inside
// the text so that an error at its end does not point into the body.
func (y *yamlFile) syntaxPos(text []byte, n int) source.Pos {
	last := bytes.Count(text, []byte("\n"))
	if len(text) > 0 && text[len(text)-1] != '\n' {
		last++
	}
	n = min(n, last)
	return source.Pos{File: y.file, Line: max(n, 1) + y.line0}
}
