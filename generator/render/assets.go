package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"strings"
)

// Static assets are published under assets/ with a fingerprint of their
// content in the name (assets/site.3f2a9c1b.css), so a host can cache them
// forever and a changed stylesheet still reaches every reader at once.
// The favicon is the exception: browsers look for it at a fixed path, so it
// keeps its name and goes to the root.

// codeCSSName is the name the markdown stage's code-highlighting
// stylesheet is published under, as if it were static/code.css.
const codeCSSName = "code.css"

// siteCSSName is the site stylesheet every page links, static/site.css.
const siteCSSName = "site.css"

// Assets maps each static file's name ("site.css", "img/seal.png") to the
// root-absolute URL it is published at. Templates reach it as .Assets:
// {{.Assets.URL "img/seal.png"}}.
type Assets struct {
	urls map[string]string
}

// URL returns the published URL of the static file name, or an error (which
// stops the build, naming the template) when there is no such file.
func (a *Assets) URL(name string) (string, error) {
	if u, ok := a.urls[name]; ok {
		return u, nil
	}
	return "", fmt.Errorf("no static file %q", name)
}

// has reports whether name is published.
func (a *Assets) has(name string) bool {
	_, ok := a.urls[name]
	return ok
}

// publishAssets adds the static files and the code stylesheet to out and
// returns where each went. codeCSS overrides a static/code.css, since it is
// generated to match the markdown stage's class names. plain keeps each
// file's own name (see Input.PlainAssetNames).
func publishAssets(static []staticFile, codeCSS []byte, out map[string][]byte, plain bool) *Assets {
	a := &Assets{urls: map[string]string{}}
	add := func(name string, data []byte) {
		p := "assets/" + fingerprint(name, data)
		if plain {
			p = "assets/" + name
		}
		if isFavicon(name) {
			p = name
		}
		out[p] = data
		a.urls[name] = "/" + p
	}
	for _, f := range static {
		if f.name == codeCSSName && len(codeCSS) > 0 {
			continue
		}
		add(f.name, f.data)
	}
	if len(codeCSS) > 0 {
		add(codeCSSName, codeCSS)
	}
	return a
}

// isFavicon reports whether name is a favicon at the top of static/.
func isFavicon(name string) bool {
	return !strings.Contains(name, "/") && strings.HasPrefix(name, "favicon.")
}

// fingerprint inserts the first 8 hex digits of data's SHA-256 before the
// extension: "img/seal.png" becomes "img/seal.1a2b3c4d.png".
func fingerprint(name string, data []byte) string {
	return fingerprintSum(name, sha256.Sum256(data))
}

// fingerprintSum is fingerprint for bytes whose SHA-256 is sum.
func fingerprintSum(name string, sum [sha256.Size]byte) string {
	h := hex.EncodeToString(sum[:4])
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + h + ext
}
