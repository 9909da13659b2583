package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// sse is one event as a test reads it; comments have event ":".
type sse struct {
	event, data string
}

// stream is an open /_travaux/events response read event by event.
type stream struct {
	events chan sse
	cancel context.CancelFunc
	done   chan struct{} // closed when the body ends
}

func openStream(t *testing.T, client *http.Client, url string) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, "GET", url+"/_travaux/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream; charset=utf-8" {
		cancel()
		t.Fatalf("events: %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	st := &stream{events: make(chan sse, 64), cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(st.done)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var cur sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if cur.event != "" {
					st.events <- cur
				}
				cur = sse{}
			case strings.HasPrefix(line, ":"):
				st.events <- sse{event: ":", data: strings.TrimSpace(line[1:])}
			case strings.HasPrefix(line, "event: "):
				cur.event = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				cur.data = line[len("data: "):]
			}
		}
	}()
	t.Cleanup(func() {
		cancel()
		<-st.done
	})
	return st
}

// next returns the next event that is not a comment.
func (st *stream) next(t *testing.T) sse {
	t.Helper()
	deadline := time.After(timeout)
	for {
		select {
		case e := <-st.events:
			if e.event != ":" {
				return e
			}
		case <-st.done:
			t.Fatal("stream ended")
		case <-deadline:
			t.Fatalf("no event within %v", timeout)
		}
	}
}

func (st *stream) expect(t *testing.T, event string, into any) {
	t.Helper()
	e := st.next(t)
	if e.event != event {
		t.Fatalf("got event %q (%s), want %q", e.event, e.data, event)
	}
	if into != nil {
		if err := json.Unmarshal([]byte(e.data), into); err != nil {
			t.Fatalf("event %s: data %q: %v", event, e.data, err)
		}
	}
}

type buildData struct {
	Build string   `json:"build"`
	Paths []string `json:"paths"`
}

type errorsData struct {
	Problems []ErrorView `json:"problems"`
}

func TestEvents(t *testing.T) {
	site, _ := newSite(t)
	s, ts := startServer(t, site, Options{RunID: "run"})
	client := ts.Client()

	a := openStream(t, client, ts.URL)
	var hello buildData
	a.expect(t, "hello", &hello)
	if hello.Build != "run-0" {
		t.Errorf("hello build = %q, want run-0", hello.Build)
	}

	s.Reload([]string{"site.css", "about/index.html", "site.css"})
	var r buildData
	a.expect(t, "reload", &r)
	if want := (buildData{"run-1", []string{"about/index.html", "site.css"}}); r.Build != want.Build || !slices.Equal(r.Paths, want.Paths) {
		t.Errorf("reload = %+v, want %+v", r, want)
	}

	s.Reload([]string{"site.css", "print.CSS"})
	a.expect(t, "css", &r)
	if r.Build != "run-2" || !slices.Equal(r.Paths, []string{"print.CSS", "site.css"}) {
		t.Errorf("css = %+v", r)
	}

	s.Reload(nil) // unknown changes: reload everything
	a.expect(t, "reload", &r)
	if r.Paths == nil || len(r.Paths) != 0 {
		t.Errorf("reload with no paths: %+v, want an empty list", r)
	}

	problems := []ErrorView{{
		Path: "content/articles/065.md", Line: 14, Col: 11,
		Message: "unknown delegation \"MEXX\" (did you mean \"MEX\"?)\n<script>",
		Source:  "    by: [MEXX]",
	}}
	s.Fail(problems)
	var got errorsData
	a.expect(t, "errors", &got)
	if !slices.Equal(got.Problems, problems) {
		t.Errorf("errors = %+v, want %+v", got.Problems, problems)
	}

	// A browser that connects now hears the errors at once.
	b := openStream(t, client, ts.URL)
	b.expect(t, "hello", &hello)
	if hello.Build != "run-3" {
		t.Errorf("second client hello = %q, want run-3", hello.Build)
	}
	got = errorsData{}
	b.expect(t, "errors", &got)
	if !slices.Equal(got.Problems, problems) {
		t.Errorf("second client errors = %+v, want %+v", got.Problems, problems)
	}

	// The next good build clears the state for everyone.
	s.Reload([]string{"index.html"})
	a.expect(t, "reload", nil)
	b.expect(t, "reload", nil)
	c := openStream(t, client, ts.URL)
	c.expect(t, "hello", nil)
	s.Reload([]string{"index.html"})
	c.expect(t, "reload", nil) // not an errors event first
}

func TestEventsHeartbeat(t *testing.T) {
	site, _ := newSite(t)
	_, ts := startServer(t, site, Options{Heartbeat: 20 * time.Millisecond})
	st := openStream(t, ts.Client(), ts.URL)
	deadline := time.After(timeout)
	for {
		select {
		case e := <-st.events:
			if e.event == ":" {
				return
			}
		case <-deadline:
			t.Fatal("no heartbeat comment")
		}
	}
}

// TestEventsEndWithClient checks that a disconnected browser's stream
// ends and leaves no goroutine behind, and that Close ends the others.
func TestEventsEndWithClient(t *testing.T) {
	site, _ := newSite(t)
	s, ts := startServer(t, site, Options{})
	tr := &http.Transport{}
	client := &http.Client{Transport: tr}
	before := runtime.NumGoroutine()

	st := openStream(t, client, ts.URL)
	st.expect(t, "hello", nil)
	if n := s.events.count(); n != 1 {
		t.Fatalf("%d streams open, want 1", n)
	}
	st.cancel()
	<-st.done
	tr.CloseIdleConnections()
	waitFor(t, "the stream to be dropped", func() bool { return s.events.count() == 0 })
	waitFor(t, "goroutines to end", func() bool { return runtime.NumGoroutine() <= before })

	st = openStream(t, client, ts.URL)
	st.expect(t, "hello", nil)
	s.Close()
	select {
	case <-st.done:
	case <-time.After(timeout):
		t.Fatal("Close did not end the stream")
	}
	resp, err := client.Get(ts.URL + "/_travaux/events")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("events after Close: %d, want 503", resp.StatusCode)
	}
}

// TestSlowClientDropped checks that a browser that stops reading cannot
// hold up Reload.
func TestSlowClientDropped(t *testing.T) {
	b := &broker{run: "r", clients: make(map[*client]struct{})}
	c, _ := b.subscribe()
	done := make(chan struct{})
	go func() {
		for i := 0; i < clientBuffer+5; i++ {
			b.reload(nil)
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(timeout):
		t.Fatal("Reload blocked on a client that does not read")
	}
	n := 0
	for range c.ch { // closed when dropped
		n++
	}
	if n != clientBuffer || b.count() != 0 {
		t.Errorf("read %d buffered events, %d clients left; want %d and 0", n, b.count(), clientBuffer)
	}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("timed out waiting for %s\n%s", what, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}
