// Package e2e holds the end-to-end tests of the shipped site: it builds
// content/ with the default templates once, serves the result over HTTP with
// the headers of netlify.toml, and drives a headless Chromium through it
// (navigation, paragraph anchors, citations and their previews, copying a
// citation, no JavaScript, phone widths, axe-core accessibility checks, the
// Content-Security-Policy and the hosts a page may reach).
//
// The package has no code outside its tests. The browser tests are named
// TestBrowser*, so `go test -run Browser ./generator/internal/e2e` selects
// them. They skip when Chromium or axe-core is missing, unless the
// environment variable CI is "true": then a missing tool is a failure. Run
// `bash .ci/deps` to install both.
package e2e
