package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

var (
	axeOnce sync.Once
	axeJS   string
	axeErr  error
)

// axeSource returns axe-core's axe.min.js, as .ci/deps installs it. It skips
// (or, under CI, fails) the test when the file is missing.
func axeSource(t *testing.T) string {
	t.Helper()
	file := filepath.Join(repoRoot(t), ".ci", "node_modules", "axe-core", "axe.min.js")
	axeOnce.Do(func() {
		b, err := os.ReadFile(file)
		axeJS, axeErr = string(b), err
	})
	if axeErr != nil {
		missing(t, "no axe-core: %v", axeErr)
	}
	return axeJS
}

// axeTags are the rule sets every page must pass.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"}

// axeColorRules are the rules whose result depends on the colours, run
// again in the dark colour scheme.
var axeColorRules = []string{"color-contrast", "link-in-text-block"}

type axeNode struct {
	Target  []string `json:"target"`
	HTML    string   `json:"html"`
	Summary string   `json:"summary"`
}

type axeViolation struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"`
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Nodes   []axeNode `json:"nodes"`
}

// axeRun injects axe-core into the current page through the DevTools
// protocol (the page's Content-Security-Policy does not apply to that) and
// runs it with the runOnly option, given as a Go value.
func (tb *tab) axeRun(runOnly any) []axeViolation {
	tb.t.Helper()
	if !eval[bool](tb, `typeof axe === 'object' && typeof axe.run === 'function'`) {
		tb.do("inject axe-core", chromedp.Evaluate[chromedp.Void](axeSource(tb.t)))
	}
	opt, err := json.Marshal(map[string]any{"runOnly": runOnly, "resultTypes": []string{"violations"}})
	if err != nil {
		tb.t.Fatal(err)
	}
	expr := `axe.run(document, ` + string(opt) + `).then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
		nodes: v.nodes.map(n => ({
			target: n.target.map(x => String(x)), html: n.html, summary: n.failureSummary || '',
		})),
	})))`
	return eval[[]axeViolation](tb, expr, chromedp.EvalAwaitPromise)
}

// checkAxe runs axe-core on the current page and fails the test on every
// serious or critical violation; lesser ones are logged. what names the
// page and colour scheme in the messages.
func (tb *tab) checkAxe(what string, runOnly any) {
	tb.t.Helper()
	for _, v := range tb.axeRun(runOnly) {
		var b strings.Builder
		fmt.Fprintf(&b, "axe %s on %s: %s (%s), %d element(s)", v.Impact, what, v.ID, v.Help, len(v.Nodes))
		for i, n := range v.Nodes {
			if i == 5 {
				fmt.Fprintf(&b, "\n\t… and %d more", len(v.Nodes)-i)
				break
			}
			fmt.Fprintf(&b, "\n\t%s  %s", strings.Join(n.Target, " "), shorten(n.HTML, 160))
			if i == 0 && n.Summary != "" {
				fmt.Fprintf(&b, "\n\t  %s", strings.ReplaceAll(shorten(n.Summary, 400), "\n", "\n\t  "))
			}
		}
		fmt.Fprintf(&b, "\n\t%s", v.HelpURL)
		if v.Impact == "serious" || v.Impact == "critical" {
			tb.t.Error(b.String())
		} else {
			tb.t.Log(b.String())
		}
	}
}

// shorten cuts s to about n bytes, on a rune boundary.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}
