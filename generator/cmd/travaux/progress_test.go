package main

import (
	"bytes"
	"os"
	"testing"
)

// Progress is for terminals only: a pipe, a file or a buffer gets just
// the summary line, and a nil display is safe to stop.
func TestProgressOnlyOnTerminals(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if p := newProgress(w); p != nil {
		p.Stop()
		t.Error("a pipe got a progress display")
	}
	if p := newProgress(&bytes.Buffer{}); p != nil {
		t.Error("a buffer got a progress display")
	}
	var p *progress
	p.Stop()
}
