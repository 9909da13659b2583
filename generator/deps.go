//go:build tools

// Package generator pins the third-party modules the stages use, so that
// `go mod tidy` keeps them before every stage imports them.
package generator

import (
	_ "github.com/alecthomas/chroma/v2"
	_ "github.com/chromedp/chromedp"
	_ "github.com/fsnotify/fsnotify"
	_ "github.com/sergi/go-diff/diffmatchpatch"
	_ "github.com/yuin/goldmark"
	_ "go.yaml.in/yaml/v3"
	_ "golang.org/x/text/unicode/norm"
	_ "golang.org/x/tools/txtar"
)
