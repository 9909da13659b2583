package markdown

import (
	"bytes"
	_ "embed"
)

// codeCSS is the one stylesheet for highlighted code, made from chroma's
// GitHub light and dark styles with colours adjusted to a contrast of at
// least 4.5:1 (css_test.go makes it and checks it is current).
//
//go:embed code.css
var codeCSS []byte

// CSS returns the stylesheet for highlighted code: the light theme, and the
// dark one under @media (prefers-color-scheme: dark). It styles only
// colours and font variants; layout belongs to the site's stylesheet.
func CSS() []byte { return bytes.Clone(codeCSS) }
