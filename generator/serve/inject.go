package serve

import "bytes"

// scriptTag is what every HTML response gets. defer keeps it off the
// critical path and lets it run after the document is parsed.
const scriptTag = `<script src="/_travaux/reload.js" defer></script>`

// inject returns page with scriptTag inserted before </head>, or before
// </body> if there is no head end tag, or at the end. Tags are matched
// without regard to case.
func inject(page []byte) []byte {
	at := indexFold(page, "</head>")
	if at < 0 {
		at = indexFold(page, "</body>")
	}
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(scriptTag))
	out = append(out, page[:at]...)
	out = append(out, scriptTag...)
	return append(out, page[at:]...)
}

// indexFold is bytes.Index ignoring the ASCII case of b; s is lower case.
// Only ASCII is folded so that offsets in the folded copy are offsets in b
// (Unicode lower-casing can change a character's length).
func indexFold(b []byte, s string) int {
	lower := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	return bytes.Index(lower, []byte(s))
}
