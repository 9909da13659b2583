package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"travaux/generator/load"
	"travaux/generator/model"
)

const newUsage = `travaux new article N "Title" [-C dir] [-chapter ID]`

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("new", newUsage, stdout, stderr)
	dir := fs.String("C", ".", "site root: the folder holding content/")
	chapter := fs.String("chapter", "", "chapter id, e.g. IV (default: the chapter of the article before it)")
	// Flags may come after the positional arguments, as in the usage line.
	var pos []string
	for len(args) > 0 {
		if code := parse(fs, args, stdout); code >= 0 {
			return code
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) != 3 || pos[0] != "article" {
		fmt.Fprintf(stderr, "travaux new: want: %s\n", newUsage)
		return exitUsage
	}
	n, err := strconv.Atoi(pos[1])
	if err != nil || n < 1 {
		fmt.Fprintf(stderr, "travaux new: article number %q is not a positive whole number\n", pos[1])
		return exitUsage
	}
	title := strings.TrimSpace(pos[2])
	if title == "" {
		fmt.Fprintln(stderr, "travaux new: the title is empty")
		return exitUsage
	}
	if code := checkSiteRoot(*dir, "new", stderr); code >= 0 {
		return code
	}

	// The corpus may have errors while an author works; what loaded is
	// enough to find duplicates and a sensible chapter.
	corpus, _ := load.Load(os.DirFS(*dir))
	if corpus != nil {
		if a := corpus.Article(strconv.Itoa(n)); a != nil {
			fmt.Fprintf(stderr, "travaux new: article %d already exists: %s\n", n, a.File)
			return exitContent
		}
	}
	ch := *chapter
	if ch == "" {
		ch = guessChapter(corpus, n)
	}
	if ch == "" {
		fmt.Fprintln(stderr, "travaux new: cannot tell the chapter: pass -chapter ID")
		return exitUsage
	}

	name := fmt.Sprintf("%03d-%s.md", n, slugify(title))
	path := filepath.Join(*dir, "content", "articles", name)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		fmt.Fprintf(stderr, "travaux new: %v\n", err)
		return exitContent
	}
	_, err = fmt.Fprintf(f, "---\narticle: %d\ntitle: %s\ntitle_unverified: true\nchapter: %s\nhistory: []\n---\n", n, yamlString(title), ch)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		fmt.Fprintf(stderr, "travaux new: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "created %s\n", filepath.ToSlash(path))
	return exitOK
}

// guessChapter returns the chapter of the nearest article numbered below n,
// or the first chapter.
func guessChapter(c *model.Corpus, n int) string {
	if c == nil {
		return ""
	}
	best := 0
	ch := ""
	for _, a := range c.Articles {
		if a.Kind == model.ProvisionArticle && a.Number < n && a.Number > best && a.Chapter.ID != "" {
			best, ch = a.Number, a.Chapter.ID
		}
	}
	if ch == "" && len(c.Convention.Chapters) > 0 {
		ch = c.Convention.Chapters[0].ID
	}
	return ch
}

// slugify keeps lower-case letters and digits and joins the words with
// hyphens: "Entry into force" -> "entry-into-force".
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	out := b.String()
	if len(out) > 60 {
		out = strings.TrimRight(out[:60], "-")
	}
	if out == "" {
		out = "article"
	}
	return out
}

// yamlString quotes s as a YAML double-quoted scalar, so any title is safe.
func yamlString(s string) string {
	return strconv.Quote(s)
}
