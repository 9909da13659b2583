package serve

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strings"
	"time"
)

// Options tune a Server; the zero value is ready to use.
type Options struct {
	// RunID names this server process in build ids, so browsers notice a
	// restart. Default: random.
	RunID string
	// Heartbeat is the time between keep-alive comments on event
	// streams. Default 15s.
	Heartbeat time.Duration
}

// Server serves a built site folder with live reload. It is an
// http.Handler; create it with New.
type Server struct {
	root      string
	heartbeat time.Duration
	events    *broker
}

// The paths the server answers itself; everything else is the site.
const (
	prefix     = "/_travaux/"
	eventsPath = prefix + "events"
)

// New returns a Server for the built site in the folder root. The folder
// need not exist yet; until it does every path is a 404 (that still
// shows build errors).
func New(root string, opts Options) *Server {
	if opts.Heartbeat <= 0 {
		opts.Heartbeat = 15 * time.Second
	}
	if opts.RunID == "" {
		var b [6]byte
		rand.Read(b[:])
		opts.RunID = hex.EncodeToString(b[:])
	}
	return &Server{
		root:      root,
		heartbeat: opts.Heartbeat,
		events:    &broker{run: opts.RunID, clients: make(map[*client]struct{})},
	}
}

// ServeHTTP answers GET and HEAD for the site, the event stream and the
// reload assets.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch p := r.URL.Path; {
	case p == eventsPath && r.URL.RawPath == "":
		s.serveEvents(w, r)
	case (p == prefix+"reload.js" || p == prefix+"overlay.css") && r.URL.RawPath == "":
		serveAsset(w, r, strings.TrimPrefix(p, prefix))
	case strings.HasPrefix(p, prefix):
		s.notFound(w, r)
	default:
		s.serveFile(w, r)
	}
}

// Reload tells browsers that a build finished. paths are the output files
// that changed, slash-separated and relative to the site root; when all
// are stylesheets browsers swap them in place, otherwise (or when paths
// is empty, meaning unknown) they reload. It clears a failed state.
func (s *Server) Reload(paths []string) { s.events.reload(paths) }

// Fail tells browsers that a build failed; they show problems over the
// page until the next Reload. Browsers connecting meanwhile get them too.
func (s *Server) Fail(problems []ErrorView) { s.events.fail(problems) }

// Close ends every open event stream and refuses new ones, so that
// http.Server.Shutdown, which waits for responses to finish, can return.
func (s *Server) Close() { s.events.close() }
