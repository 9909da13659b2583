package model

import (
	"iter"

	"travaux/generator/source"
)

// TextMap maps the Markdown texts of a corpus to their renderings, as a
// map[Text]*Rendered would, but a lookup hashes only where the text starts
// and its length, then compares the text itself, which costs nothing when
// both are the same string. Every stage looks up every text of the corpus
// on every build; hashing whole texts was the largest cost of a rebuild
// after one save. The zero value is empty and ready to use; a nil
// *TextMap is empty too.
type TextMap struct {
	m map[textAt][]textEntry
	n int
}

// textAt is a text's place: no two texts of a corpus start at the same
// place with the same length unless they are the same text (texts built
// without a position share the zero one and are told apart by Source).
type textAt struct {
	pos source.Pos
	len int
}

type textEntry struct {
	src string
	r   *Rendered
}

// NewTextMap returns an empty map with room for n texts.
func NewTextMap(n int) *TextMap {
	return &TextMap{m: make(map[textAt][]textEntry, n)}
}

// Get returns the rendering of t, or nil.
func (m *TextMap) Get(t Text) *Rendered {
	r, _ := m.Lookup(t)
	return r
}

// Lookup returns the rendering of t and whether t is in the map.
func (m *TextMap) Lookup(t Text) (*Rendered, bool) {
	if m == nil {
		return nil, false
	}
	for _, e := range m.m[textAt{t.Pos, len(t.Source)}] {
		if e.src == t.Source {
			return e.r, true
		}
	}
	return nil, false
}

// Has reports whether t is in the map.
func (m *TextMap) Has(t Text) bool {
	_, ok := m.Lookup(t)
	return ok
}

// Set maps t to r, replacing what t mapped to.
func (m *TextMap) Set(t Text, r *Rendered) {
	if m.m == nil {
		m.m = map[textAt][]textEntry{}
	}
	k := textAt{t.Pos, len(t.Source)}
	list := m.m[k]
	for i := range list {
		if list[i].src == t.Source {
			list[i].r = r
			return
		}
	}
	m.m[k] = append(list, textEntry{t.Source, r})
	m.n++
}

// Len is the number of texts in the map.
func (m *TextMap) Len() int {
	if m == nil {
		return 0
	}
	return m.n
}

// Renderings yields every rendering in the map that is not nil, in no set
// order; one that several texts share, as often as they do.
func (m *TextMap) Renderings() iter.Seq[*Rendered] {
	return func(yield func(*Rendered) bool) {
		if m == nil {
			return
		}
		for _, list := range m.m {
			for _, e := range list {
				if e.r != nil && !yield(e.r) {
					return
				}
			}
		}
	}
}

// TextMapOf returns a TextMap holding the entries of m.
func TextMapOf(m map[Text]*Rendered) *TextMap {
	out := NewTextMap(len(m))
	for t, r := range m {
		out.Set(t, r)
	}
	return out
}
