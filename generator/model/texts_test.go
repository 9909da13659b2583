package model

import (
	"testing"

	"travaux/generator/source"
)

// TestTextMap: texts are told apart by their source even where place and
// length agree, and a nil map is empty.
func TestTextMap(t *testing.T) {
	at := source.Pos{File: "content/articles/001-a.md", Line: 3, Col: 1}
	a := Text{Source: "Alpha", Pos: at}
	b := Text{Source: "Bravo", Pos: at} // same place and length, another text
	c := Text{Source: "Alpha"}          // no position
	ra, rb := &Rendered{HTML: "a"}, &Rendered{HTML: "b"}
	m := NewTextMap(0)
	m.Set(a, ra)
	m.Set(b, rb)
	m.Set(c, nil)
	if m.Get(a) != ra || m.Get(b) != rb {
		t.Errorf("Get(a), Get(b) = %p, %p; want %p, %p", m.Get(a), m.Get(b), ra, rb)
	}
	if r, ok := m.Lookup(c); !ok || r != nil {
		t.Errorf("Lookup(c) = %v, %v; want nil, true", r, ok)
	}
	if m.Has(Text{Source: "Alphx", Pos: at}) {
		t.Error("a text never set is found")
	}
	m.Set(a, rb)
	if m.Get(a) != rb || m.Len() != 3 {
		t.Errorf("after replacing a: Get(a) = %p, Len = %d; want %p, 3", m.Get(a), m.Len(), rb)
	}
	var got []*Rendered
	for r := range m.Renderings() {
		got = append(got, r)
	}
	if len(got) != 2 || got[0] != rb || got[1] != rb {
		t.Errorf("Renderings = %v; want rb twice (a and b), not c's nil", got)
	}
	var none *TextMap
	for range none.Renderings() {
		t.Error("a nil map yields a rendering")
	}
	if none.Get(a) != nil || none.Len() != 0 || none.Has(a) {
		t.Error("a nil map is not empty")
	}
}
