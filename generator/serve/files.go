package serve

import (
	"bytes"
	"html"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// serveFile answers a GET or HEAD for a path of the built site.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	rel, slash, ok := requestPath(r.URL)
	if !ok {
		s.notFound(w, r)
		return
	}
	root, err := os.OpenRoot(s.root) // by name, each time: the folder is swapped by rename
	if err != nil {
		s.notFound(w, r)
		return
	}
	defer root.Close()

	name := rel
	if name == "" {
		name = "."
	}
	if !s.inside(name) {
		s.notFound(w, r)
		return
	}
	fi, err := root.Stat(name)
	if err != nil {
		s.notFound(w, r)
		return
	}
	if fi.IsDir() {
		if !slash {
			// Relative links in x/index.html resolve against /x/, not /.
			target := r.URL.EscapedPath() + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusFound)
			return
		}
		name = path.Join(name, "index.html")
		if !s.inside(name) {
			s.notFound(w, r)
			return
		}
	} else if slash {
		s.notFound(w, r) // "/about.html/" names no folder
		return
	}
	if !s.sendFile(w, r, root, name, http.StatusOK) {
		s.notFound(w, r)
	}
}

// inside reports whether name, below the root, resolves (through any
// symlinks) to a place inside the root. A name that does not exist is
// not inside: it will be a 404 anyway.
func (s *Server) inside(name string) bool {
	base, err := filepath.EvalSymlinks(s.root)
	if err != nil {
		return false
	}
	real, err := filepath.EvalSymlinks(filepath.Join(s.root, filepath.FromSlash(name)))
	if err != nil {
		return false
	}
	return real == base || strings.HasPrefix(real, base+string(filepath.Separator))
}

// sendFile writes name with status; false if it is not a readable regular
// file, before anything was written.
func (s *Server) sendFile(w http.ResponseWriter, r *http.Request, root *os.Root, name string, status int) bool {
	f, err := root.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	ctype := contentType(name)
	if isHTML(ctype) {
		page, err := io.ReadAll(f)
		if err != nil {
			return false
		}
		writeBody(w, r, status, ctype, inject(page))
		return true
	}
	w.Header().Set("Content-Type", ctype)
	if status != http.StatusOK {
		w.Header().Set("Content-Length", strconv.FormatInt(fi.Size(), 10))
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			io.Copy(w, f)
		}
		return true
	}
	// ServeContent handles HEAD, Range and Content-Length.
	http.ServeContent(w, r, name, fi.ModTime(), f)
	return true
}

// writeBody writes a complete in-memory body with its length.
func writeBody(w http.ResponseWriter, r *http.Request, status int, ctype string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// notFound answers 404 with the site's own 404.html when it has one, and
// otherwise a minimal page, which still carries the reload script: while
// the first build is failing there is no site yet, and the browser should
// show the errors and reload when the build succeeds.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if root, err := os.OpenRoot(s.root); err == nil {
		defer root.Close()
		if s.inside("404.html") && s.sendFile(w, r, root, "404.html", http.StatusNotFound) {
			return
		}
	}
	page := "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Not found</title>\n</head>\n<body>\n<h1>Not found</h1>\n<p>Nothing is built at <code>" +
		html.EscapeString(r.URL.Path) + "</code>.</p>\n</body>\n</html>\n"
	writeBody(w, r, http.StatusNotFound, "text/html; charset=utf-8", inject([]byte(page)))
}

// serveAsset answers for one of the embedded /_travaux/ files.
func serveAsset(w http.ResponseWriter, r *http.Request, name string) {
	b, err := fs.ReadFile(assets, "assets/"+name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", contentType(name))
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
}
