package serve

import "embed"

// assets holds the browser side of live reload: reload.js (the event
// stream client, scroll keeping, stylesheet swapping, the error overlay)
// and overlay.css (the overlay's looks). Both are served under /_travaux/.
//
//go:embed assets/reload.js assets/overlay.css
var assets embed.FS
