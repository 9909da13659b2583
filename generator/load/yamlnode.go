package load

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"travaux/generator/model"
	"travaux/generator/source"
)

// This file is the strict YAML walker. YAML is parsed into a yaml.Node
// tree, never decoded into structs by reflection: the tree keeps the line
// and column of every key and value, so every problem (an unknown key, a
// value of the wrong type, a missing field) can be reported where the
// author wrote it, and all of them at once.

// describe names the kind of a node for "must be X, not Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias (*" + n.Value + ")"
	case yaml.DocumentNode:
		return "a document"
	}
	switch n.ShortTag() {
	case "!!null":
		return "empty"
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "true or false"
	case "!!timestamp":
		return "a date"
	}
	return "a string"
}

// isNull reports whether n is absent or an empty value ("key:" alone).
func isNull(n *yaml.Node) bool {
	return n == nil || n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// pair is one key and its value in a mapping.
type pair struct {
	key   string
	keyAt *yaml.Node
	val   *yaml.Node
}

// mapping returns the entries of n, a mapping, in file order. It reports a
// node of another kind (as "<what> must be a mapping ...") and repeated
// or non-scalar keys, and leaves those out.
func (y *yamlFile) mapping(n *yaml.Node, what string) ([]pair, bool) {
	if n.Kind != yaml.MappingNode {
		y.errs.Add(y.pos(n), "%s must be a mapping of keys to values, not %s", what, describe(n))
		return nil, false
	}
	var out []pair
	first := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || isNull(k) {
			y.errs.Add(y.pos(k), "a key must be a plain name, not %s", describe(k))
			continue
		}
		if prev := first[k.Value]; prev != nil {
			y.errs.Add(y.pos(k), "duplicate key %q (first defined at %s)", k.Value, y.pos(prev))
			continue
		}
		first[k.Value] = k
		out = append(out, pair{k.Value, k, v})
	}
	return out, true
}

// items returns the items of n, a list, or reports that it is not one.
// what describes the items, plural: "delegation ids", "history entries".
func (y *yamlFile) items(n *yaml.Node, key, what string) []*yaml.Node {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		y.errs.Add(y.pos(n), "%q must be a list of %s, not %s", key, what, describe(n))
		return nil
	}
	return n.Content
}

// record is one YAML mapping being decoded into a model struct. It knows
// the keys the struct has, reports the others with a suggestion, and
// gives typed access to the values; every accessor reports a wrong type
// and returns the zero value, so decoding always goes on.
type record struct {
	y    *yamlFile
	pos  source.Pos // the mapping's start, where missing fields are reported
	ok   bool       // the node was a mapping
	vals map[string]pair
}

// record checks that n is a mapping with only the allowed keys. A nil n
// (an empty document) is an empty mapping at the YAML's first line.
func (y *yamlFile) record(n *yaml.Node, what string, allowed ...string) *record {
	r := &record{y: y, vals: map[string]pair{}}
	if n == nil {
		r.pos = source.Pos{File: y.file, Line: y.line0 + 1, Col: 1}
		r.ok = true
		return r
	}
	r.pos = y.pos(n)
	pairs, ok := y.mapping(n, what)
	r.ok = ok
	for _, p := range pairs {
		if !contains(allowed, p.key) {
			y.errs.Add(y.pos(p.keyAt), "unknown key %q%s", p.key, source.DidYouMean(p.key, allowed))
			continue
		}
		r.vals[p.key] = p
	}
	return r
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// has reports whether key is given, even with an empty value.
func (r *record) has(key string) bool { _, ok := r.vals[key]; return ok }

// get returns the value of key, or nil when it is absent or empty.
func (r *record) get(key string) *yaml.Node {
	if n := r.vals[key].val; !isNull(n) {
		return n
	}
	return nil
}

// keyPos is the position of key, or of the mapping when key is absent.
func (r *record) keyPos(key string) source.Pos {
	if p, ok := r.vals[key]; ok {
		return r.y.pos(p.keyAt)
	}
	return r.pos
}

// valPos is the position of key's value, or of the key when it has none.
func (r *record) valPos(key string) source.Pos {
	if n := r.get(key); n != nil {
		return r.y.pos(n)
	}
	return r.keyPos(key)
}

// need reports each key that is absent or empty. A record that was not a
// mapping has already been reported, so it is not checked again.
func (r *record) need(keys ...string) {
	if !r.ok {
		return
	}
	for _, k := range keys {
		r.needWhy(k, "")
	}
}

// needWhy is need for one key, with a reason appended to the message.
func (r *record) needWhy(key, why string) {
	if !r.ok {
		return
	}
	if why != "" {
		why = " (" + why + ")"
	}
	p, ok := r.vals[key]
	switch {
	case !ok:
		r.y.errs.Add(r.pos, "missing required field %q%s", key, why)
	case isNull(p.val),
		p.val.Kind == yaml.ScalarNode && strings.TrimSpace(p.val.Value) == "",
		p.val.Kind == yaml.SequenceNode && len(p.val.Content) == 0:
		r.y.errs.Add(r.y.pos(p.keyAt), "%q must not be empty%s", key, why)
	}
}

// scalar returns the text of key's value, reporting a list or mapping
// where a single value belongs; want says what belongs there ("a string").
func (r *record) scalar(key, want string) (string, *yaml.Node) {
	n := r.get(key)
	if n == nil {
		return "", nil
	}
	if n.Kind != yaml.ScalarNode {
		r.y.errs.Add(r.y.pos(n), "%q must be %s, not %s", key, want, describe(n))
		return "", nil
	}
	return n.Value, n
}

// str returns key's value as plain text.
func (r *record) str(key string) string {
	s, _ := r.scalar(key, "a string")
	return s
}

// text returns key's value as Markdown, positioned at its first character.
func (r *record) text(key string) model.Text {
	s, n := r.scalar(key, "Markdown text")
	if n == nil {
		return model.Text{}
	}
	return model.Text{Source: s, Pos: r.y.textPos(n)}
}

// ref returns key's value as an id; what names it ("a session id").
func (r *record) ref(key, what string) model.Ref {
	s, n := r.scalar(key, what)
	if n == nil {
		return model.Ref{}
	}
	return model.Ref{ID: s, Pos: r.y.pos(n)}
}

// refs returns key's value, a list of ids; what names one ("delegation id").
func (r *record) refs(key, what string) []model.Ref {
	var out []model.Ref
	for _, n := range r.y.items(r.get(key), key, what+"s") {
		if n.Kind != yaml.ScalarNode || isNull(n) {
			r.y.errs.Add(r.y.pos(n), "each item of %q must be a %s, not %s", key, what, describe(n))
			continue
		}
		out = append(out, model.Ref{ID: n.Value, Pos: r.y.pos(n)})
	}
	return out
}

// flag returns key's value as a boolean.
func (r *record) flag(key string) bool {
	s, n := r.scalar(key, "true or false")
	if n == nil {
		return false
	}
	if n.ShortTag() != "!!bool" {
		if n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0 && (strings.EqualFold(s, "true") || strings.EqualFold(s, "false")) {
			r.y.errs.Add(r.y.pos(n), "%q must be true or false, not the string %q (remove the quotes)", key, s)
		} else {
			r.y.errs.Add(r.y.pos(n), "%q must be true or false, not %q", key, s)
		}
		return false
	}
	return strings.EqualFold(s, "true")
}

// number returns key's value as a positive whole number, and its position.
func (r *record) number(key string) (int, source.Pos) {
	s, n := r.scalar(key, "a positive whole number")
	if n == nil {
		return 0, source.Pos{}
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 1 || strings.HasPrefix(s, "+") {
		r.y.errs.Add(r.y.pos(n), "%q must be a positive whole number, not %q", key, s)
		return 0, source.Pos{}
	}
	return v, r.y.pos(n)
}

// enum returns key's value if it is one of allowed, and reports it with
// a suggestion (or the list of choices) if not.
func (r *record) enum(key string, allowed []string) string {
	s, n := r.scalar(key, "one of "+strings.Join(allowed, ", "))
	if n == nil || contains(allowed, s) {
		return s
	}
	r.y.errs.Add(r.y.pos(n), "unknown %s %q%s", key, s, choices(s, allowed))
	return ""
}

// choices is a "did you mean" hint, or the full list when nothing is close.
func choices(s string, allowed []string) string {
	if hint := source.DidYouMean(s, allowed); hint != "" {
		return hint
	}
	return fmt.Sprintf(" (one of: %s)", strings.Join(allowed, ", "))
}

// list returns the items of key's value, a list; what names them, plural.
func (r *record) list(key, what string) []*yaml.Node {
	return r.y.items(r.get(key), key, what)
}

// pairs returns the entries of key's value, a mapping with free keys
// (a term to its paragraph, a version id to its wording).
func (r *record) pairs(key string) []pair {
	n := r.get(key)
	if n == nil {
		return nil
	}
	out, _ := r.y.mapping(n, strconv.Quote(key))
	return out
}
