package build

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

// The import policy, as a statement of what each package may use. A new
// arrow needs a change here, reviewed, not just an import line: stages
// stay small and one package owns each third-party library.
var policy = map[string]struct {
	ours  []string // packages of this module it may import
	third []string // third-party module paths (prefixes) it may import
}{
	"travaux/generator/source":      {},
	"travaux/generator/model":       {ours: []string{"source"}},
	"travaux/generator/load":        {ours: []string{"internal/parallel", "source", "model"}, third: []string{"go.yaml.in/yaml/v3"}},
	"travaux/generator/markdown":    {ours: []string{"source", "model"}, third: []string{"github.com/yuin/goldmark", "github.com/alecthomas/chroma/v2", "github.com/dlclark/regexp2"}},
	"travaux/generator/xref":        {ours: []string{"source", "model"}},
	"travaux/generator/catalog":     {ours: []string{"source", "model"}},
	"travaux/generator/render":      {ours: []string{"internal/parallel", "source", "model", "catalog", "xref", "diff"}, third: []string{"github.com/sergi/go-diff", "golang.org/x/text"}},
	"travaux/generator/write":       {ours: []string{"internal/parallel"}},
	"travaux/generator/build":       {ours: []string{"internal/parallel", "source", "model", "load", "markdown", "xref", "catalog", "render", "diff"}, third: []string{"github.com/yuin/goldmark", "github.com/alecthomas/chroma/v2", "github.com/dlclark/regexp2", "go.yaml.in/yaml/v3", "github.com/sergi/go-diff", "golang.org/x/text"}},
	"travaux/generator/preview":     {ours: []string{"internal/parallel", "source", "model", "load", "markdown", "xref", "catalog", "render", "diff", "write", "build", "watch", "serve"}, third: []string{"github.com/yuin/goldmark", "github.com/alecthomas/chroma/v2", "github.com/dlclark/regexp2", "go.yaml.in/yaml/v3", "github.com/sergi/go-diff", "golang.org/x/text", "github.com/fsnotify/fsnotify", "golang.org/x/sys"}},
	"travaux/generator/cmd/travaux": {ours: []string{"internal/parallel", "source", "model", "load", "markdown", "xref", "catalog", "render", "diff", "write", "build", "watch", "serve", "preview", "templates"}, third: []string{"github.com/yuin/goldmark", "github.com/alecthomas/chroma/v2", "github.com/dlclark/regexp2", "go.yaml.in/yaml/v3", "github.com/sergi/go-diff", "golang.org/x/text", "github.com/fsnotify/fsnotify", "golang.org/x/sys"}},
	"travaux/generator/diff":        {third: []string{"github.com/sergi/go-diff", "golang.org/x/text"}},
	"travaux/generator/watch":       {third: []string{"github.com/fsnotify/fsnotify", "golang.org/x/sys"}},
	"travaux/generator/serve":       {ours: []string{"source"}},
	"travaux/templates":             {},
}

// TestImportPolicy checks every package's full dependency list (not only
// direct imports) against the policy.
func TestImportPolicy(t *testing.T) {
	out, err := exec.Command("go", "list", "-json=ImportPath,Deps,Standard", "travaux/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	seen := map[string]bool{}
	for dec.More() {
		var p struct {
			ImportPath string
			Deps       []string
		}
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		rule, ok := policy[p.ImportPath]
		if !ok {
			if strings.Contains(p.ImportPath, "/internal/") || p.ImportPath == "travaux/generator" {
				continue // test helpers and the tools file
			}
			t.Errorf("%s is not in the import policy: add it to policy in deps_test.go", p.ImportPath)
			continue
		}
		seen[p.ImportPath] = true
		for _, dep := range p.Deps {
			if !allowed(dep, rule.ours, rule.third) {
				t.Errorf("%s must not depend on %s", p.ImportPath, dep)
			}
		}
	}
	for pkg := range policy {
		if !seen[pkg] {
			t.Errorf("policy names %s, which go list did not report", pkg)
		}
	}
}

func allowed(dep string, ours, third []string) bool {
	first, _, _ := strings.Cut(dep, "/")
	if !strings.Contains(first, ".") && first != "travaux" {
		return true // standard library
	}
	if rest, ok := strings.CutPrefix(dep, "travaux/"); ok {
		rest = strings.TrimPrefix(rest, "generator/")
		for _, o := range ours {
			if rest == o {
				return true
			}
		}
		return false
	}
	for _, p := range third {
		if dep == p || strings.HasPrefix(dep, p+"/") {
			return true
		}
	}
	return false
}
