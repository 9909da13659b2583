// Package templates holds the default page templates and static assets of a
// travaux site, embedded so that an installed binary builds a complete site
// with no files beside it.
//
// The root holds the page templates (*.html); static/ holds the stylesheet,
// the favicon and any other file to publish. A site's own templates/ folder
// overrides any file here with the same name; the build stage does that
// overlay and hands the result to render.Parse as one fs.FS.
//
// What each template must define, and the view model it is executed with,
// is documented in package travaux/generator/render.
package templates

import "embed"

// FS is the default templates and assets, rooted so that "layout.html" and
// "static/site.css" are top-level paths.
//
//go:embed *.html static
var FS embed.FS
