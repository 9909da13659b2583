// Package serve is the dev server: it serves the built site folder over
// HTTP and reloads browsers when a rebuild finishes. It uses net/http
// only; live reload is Server-Sent Events, not WebSockets.
//
// # Files
//
// The builder replaces the output folder atomically by renaming a new
// folder over it, so the server holds no descriptor on it: every request
// resolves its path against the folder's name afresh (os.OpenRoot per
// request) and sees the newest complete build. Requests are confined to
// that folder: a path with a ".." or "." segment, an empty segment, an
// encoded slash or backslash (%2f, %5c), a backslash or a NUL is refused,
// and a path whose symlinks resolve outside the folder is refused too
// (filepath.EvalSymlinks and a prefix check, and os.Root again at open).
// Refusals are 404s, indistinguishable from missing files. Only GET and
// HEAD are allowed. A folder is served through its index.html, never
// listed; "/x" for a folder redirects to "/x/". Missing pages get the
// site's own 404.html with status 404. Content types come from a fixed
// table (not the host's mime database), every response carries
// Cache-Control: no-store and X-Content-Type-Options: nosniff.
//
// # Live reload
//
// HTML responses, and only those, get one tag before </head>:
//
//	<script src="/_travaux/reload.js" defer></script>
//
// The script is a file (embedded in the binary), never inline, so pages
// keep working under a Content-Security-Policy without 'unsafe-inline'; it
// styles its error overlay through /_travaux/overlay.css and class names,
// never style attributes. It listens on /_travaux/events, an event stream
// with these events, each data line one JSON object:
//
//	hello   {"build":"<id>"}                        on connect
//	reload  {"build":"<id>","paths":[...]}           a build finished
//	css     {"build":"<id>","paths":[...]}           a build changed only stylesheets
//	errors  {"problems":[{"path","line","col","message","source"}]}  a build failed
//
// The build id names the server run and the number of builds it has
// announced. A browser that reconnects (after a restart of the server, or
// after missing events) and hears a different id reloads once. A client
// that connects while the last build has failed gets the errors at once.
// The stream sends a comment every 15 seconds so idle proxies and
// browsers keep it open, and ends when the request's context does or when
// the Server is closed.
//
// Reload and Fail are called by the caller's rebuild loop after a build,
// not on file changes, so browsers never load a half-written site.
package serve
