package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
)

// message is one server-sent event.
type message struct {
	event string
	data  []byte // one line of JSON
}

// client is one open event stream. Its channel is closed, under the
// broker's lock, when the broker drops it.
type client struct {
	ch chan message
}

// clientBuffer is how many events a slow client may fall behind before it
// is dropped (its browser reconnects and gets the current state).
const clientBuffer = 16

// broker fans events out to the open streams and remembers what a new
// stream must hear first: the build id and, after a failed build, its
// errors.
type broker struct {
	mu      sync.Mutex
	run     string // identifies this server process
	builds  int    // builds announced so far
	errors  []ErrorView
	clients map[*client]struct{}
	closed  bool
}

func (b *broker) buildID() string { return fmt.Sprintf("%s-%d", b.run, b.builds) }

// subscribe registers a stream and returns what it must send first. Both
// happen under one lock, so no event falls between the two.
func (b *broker) subscribe() (*client, []message) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil, nil
	}
	c := &client{ch: make(chan message, clientBuffer)}
	b.clients[c] = struct{}{}
	first := []message{{"hello", mustJSON(struct {
		Build string `json:"build"`
	}{b.buildID()})}}
	if b.errors != nil {
		first = append(first, errorsMessage(b.errors))
	}
	return c, first
}

func (b *broker) unsubscribe(c *client) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.clients[c]; ok {
		delete(b.clients, c)
		close(c.ch)
	}
}

// broadcast sends m to every stream. Called with mu held.
func (b *broker) broadcast(m message) {
	for c := range b.clients {
		select {
		case c.ch <- m:
		default: // too far behind: drop it, its browser will reconnect
			delete(b.clients, c)
			close(c.ch)
		}
	}
}

func (b *broker) reload(paths []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.builds++
	b.errors = nil
	paths = slices.Clone(paths)
	slices.Sort(paths)
	paths = slices.Compact(paths)
	event := "reload"
	if onlyCSS(paths) {
		event = "css"
	}
	if paths == nil {
		paths = []string{}
	}
	b.broadcast(message{event, mustJSON(struct {
		Build string   `json:"build"`
		Paths []string `json:"paths"`
	}{b.buildID(), paths})})
}

func (b *broker) fail(problems []ErrorView) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.errors = slices.Clone(problems)
	if b.errors == nil {
		b.errors = []ErrorView{}
	}
	b.broadcast(errorsMessage(b.errors))
}

func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	for c := range b.clients {
		delete(b.clients, c)
		close(c.ch)
	}
}

func (b *broker) count() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.clients)
}

// onlyCSS reports whether a build changed stylesheets and nothing else,
// which the browser can apply without reloading the page.
func onlyCSS(paths []string) bool {
	for _, p := range paths {
		if strings.ToLower(path.Ext(p)) != ".css" {
			return false
		}
	}
	return len(paths) > 0
}

func errorsMessage(problems []ErrorView) message {
	return message{"errors", mustJSON(struct {
		Problems []ErrorView `json:"problems"`
	}{problems})}
}

// mustJSON encodes v on one line (encoding/json escapes newlines inside
// strings), as an event's data line must be.
func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only our own plain structs are encoded
	}
	return b
}

// serveEvents holds an event stream open until the request's context ends
// or the server closes.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodHead {
		w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
		return
	}
	rc := http.NewResponseController(w)
	c, first := s.events.subscribe()
	if c == nil {
		http.Error(w, "server closing", http.StatusServiceUnavailable)
		return
	}
	defer s.events.unsubscribe(c)

	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	// Reconnect after one second rather than the browser's default three.
	if _, err := fmt.Fprint(w, "retry: 1000\n\n"); err != nil {
		return
	}
	for _, m := range first {
		if writeEvent(w, m) != nil {
			return
		}
	}
	if rc.Flush() != nil {
		return
	}

	beat := time.NewTicker(s.heartbeat)
	defer beat.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case m, ok := <-c.ch:
			if !ok {
				return
			}
			if writeEvent(w, m) != nil {
				return
			}
		case <-beat.C:
			if _, err := fmt.Fprint(w, ": heartbeat\n\n"); err != nil {
				return
			}
		}
		if rc.Flush() != nil {
			return
		}
	}
}

func writeEvent(w http.ResponseWriter, m message) error {
	_, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", m.event, m.data)
	return err
}
