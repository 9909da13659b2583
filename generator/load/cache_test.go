package load

import (
	"strings"
	"testing"
	"testing/fstest"
)

func cacheSite() fstest.MapFS {
	return fstest.MapFS{
		"content/convention.yaml":   {Data: []byte("title: T\nchapters:\n  - {id: I, name: One}\n")},
		"content/articles/001-a.md": {Data: []byte("---\narticle: 1\ntitle: A\nchapter: I\n---\n1. Text one.\n")},
		"content/articles/002-b.md": {Data: []byte("---\narticle: 2\ntitle: B\nchapter: I\n---\n1. Text two.\n")},
	}
}

func TestCacheReusesUntilForgotten(t *testing.T) {
	site := cacheSite()
	cache := NewCache()
	c, errs := LoadCached(site, cache)
	if len(errs) > 0 || len(c.Articles) != 2 {
		t.Fatalf("first load: %d articles, problems %v", len(c.Articles), errs)
	}
	// An edit the cache was not told of is not seen: unchanged files are
	// not read again.
	site["content/articles/001-a.md"] = &fstest.MapFile{Data: []byte("---\narticle: 1\ntitle: A edited\nchapter: I\n---\n")}
	c, _ = LoadCached(site, cache)
	if got := c.Article("1").Title; got != "A" {
		t.Errorf("title = %q; the cached file should have been reused", got)
	}
	cache.Forget("content/articles/001-a.md")
	c, _ = LoadCached(site, cache)
	if got := c.Article("1").Title; got != "A edited" {
		t.Errorf("after Forget, title = %q, want the edit", got)
	}
	// Forgetting a folder forgets the files under it.
	site["content/articles/001-a.md"] = &fstest.MapFile{Data: []byte("---\narticle: 1\ntitle: A again\nchapter: I\n---\n")}
	cache.Forget("content")
	c, _ = LoadCached(site, cache)
	if got := c.Article("1").Title; got != "A again" {
		t.Errorf("after forgetting content/, title = %q, want the edit", got)
	}
	// A file's own problems come back from the cache too.
	site["content/articles/002-b.md"] = &fstest.MapFile{Data: []byte("---\narticle: 2\ntitel: B\nchapter: I\n---\n")}
	cache.Forget("content/articles/002-b.md")
	for range 2 {
		_, errs = LoadCached(site, cache)
		if !strings.Contains(errs.Error(), `unknown key "titel"`) {
			t.Errorf("problems = %v, want the unknown key", errs)
		}
	}
	// A new file is found without Forget; a removed one disappears.
	site["content/articles/003-c.md"] = &fstest.MapFile{Data: []byte("---\narticle: 3\ntitle: C\nchapter: I\n---\n")}
	delete(site, "content/articles/001-a.md")
	c, _ = LoadCached(site, cache)
	if c.Article("3") == nil || c.Article("1") != nil {
		t.Errorf("articles after add and remove: %v", c.Articles)
	}
}

func TestCachedLoadEqualsLoad(t *testing.T) {
	site := cacheSite()
	want, _ := Load(site)
	cache := NewCache()
	LoadCached(site, cache)
	got, _ := LoadCached(site, cache)
	if len(got.Articles) != len(want.Articles) {
		t.Fatalf("got %d articles, want %d", len(got.Articles), len(want.Articles))
	}
	for i := range want.Articles {
		if got.Articles[i].Title != want.Articles[i].Title || got.Articles[i].Body != want.Articles[i].Body {
			t.Errorf("article %d differs", i)
		}
	}
}

func TestCacheKeepsRegistries(t *testing.T) {
	site := cacheSite()
	site["content/topics.yaml"] = &fstest.MapFile{Data: []byte("- {id: a, name: A}\n")}
	cache := NewCache()
	LoadCached(site, cache)
	site["content/topics.yaml"] = &fstest.MapFile{Data: []byte("- {id: a, name: A edited}\n- {id: b, nmae: B}\n")}
	c, _ := LoadCached(site, cache)
	if got := c.Topic("a").Name; got != "A" {
		t.Errorf("topic a = %q; the cached registry should have been reused", got)
	}
	cache.Forget("content/topics.yaml")
	for range 2 { // the second time from the cache, problems included
		c, errs := LoadCached(site, cache)
		if got := c.Topic("a").Name; got != "A edited" {
			t.Errorf("after Forget, topic a = %q", got)
		}
		if !strings.Contains(errs.Error(), `unknown key "nmae"`) {
			t.Errorf("problems = %v, want the unknown key", errs)
		}
	}
}

// TestCachedReferencesFollowRegistries: an unchanged article's references
// are checked again when a registry changes, and only its own problems
// come back when nothing did.
func TestCachedReferencesFollowRegistries(t *testing.T) {
	site := cacheSite()
	site["content/delegations.yaml"] = &fstest.MapFile{Data: []byte("- {id: MEX, name: Mexico, kind: state}\n")}
	site["content/sessions.yaml"] = &fstest.MapFile{Data: []byte("- {id: s1, name: First, kind: session, start: 2024-01-01, end: 2024-01-02}\n")}
	site["content/sources.yaml"] = &fstest.MapFile{Data: []byte("- {id: r, title: Report, kind: document}\n")}
	site["content/articles/001-a.md"] = &fstest.MapFile{Data: []byte("---\narticle: 1\ntitle: A\nchapter: I\nhistory:\n  - {session: s1, kind: statement, by: [MEX], sources: [r]}\n---\n1. Text one.\n")}
	cache := NewCache()
	if _, errs := LoadCached(site, cache); len(errs) > 0 {
		t.Fatalf("first load: %v", errs)
	}
	site["content/delegations.yaml"] = &fstest.MapFile{Data: []byte("- {id: MEXI, name: Mexico, kind: state}\n")}
	cache.Forget("content/delegations.yaml")
	for range 2 {
		if _, errs := LoadCached(site, cache); !strings.Contains(errs.Error(), `unknown delegation "MEX"`) {
			t.Errorf("after renaming the delegation: problems = %v, want MEX unknown", errs)
		}
	}
	site["content/delegations.yaml"] = &fstest.MapFile{Data: []byte("- {id: MEX, name: Mexico, kind: state}\n")}
	cache.Forget("content/delegations.yaml")
	if _, errs := LoadCached(site, cache); len(errs) > 0 {
		t.Errorf("after the fix: %v", errs)
	}
}
