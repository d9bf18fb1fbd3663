package content

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// A guichet.yaml that no longer parses, published over a site whose
// default locale is Italian, must not read the Italian articles as
// English ones (the defaults): the settings being served stay in force
// for the articles too, or every default-locale article is skipped as a
// duplicate of its English translation and the root serves English.
func TestBrokenConfigReadsArticlesWithServedSettings(t *testing.T) {
	files := map[string]string{
		"guichet.yaml":       "default_locale: it\nlocales: [it, en]\n",
		"spedizioni/a.md":    "---\ntitle: Come traccio il pacco?\n---\n\nTesto.\n",
		"spedizioni/a.en.md": "---\ntitle: How do I track my parcel?\n---\n\nText.\n",
	}
	prev := load(t, files)
	files["guichet.yaml"] = "title: [rotto\n"
	lib, err := Load(context.Background(), mapFS(files), Options{Previous: prev})
	if err != nil {
		t.Fatal(err)
	}
	if !lib.Config.Broken {
		t.Error("the broken guichet.yaml is not flagged as broken")
	}
	if lib.Config.DefaultLocale != "it" {
		t.Errorf("default locale %q, want the served it", lib.Config.DefaultLocale)
	}
	if len(lib.Articles) != 2 {
		t.Fatalf("%d articles, want 2; problems: %v", len(lib.Articles), lib.Problems)
	}
	if a := article(t, lib, "spedizioni/a.md"); a.Locale != "it" {
		t.Errorf("spedizioni/a.md read in locale %q, want it", a.Locale)
	}
}

// An article whose file breaks keeps its last good version even when
// another file's `slug` gives the same URL: that file was skipped as a
// duplicate while the article loaded, and took the URL over on the next
// publication, so /getting-started/install served "Install on Linux
// servers" (Docusaurus' install-linux.md with slug: install) with no word
// that the last good version was dropped (rv21k).
func TestBrokenArticleKeepsItsURLFromASlug(t *testing.T) {
	files := map[string]string{
		"getting-started/install.mdx":      "---\ntitle: Install Nimbo\n---\n\nText.\n",
		"getting-started/install-linux.md": "---\ntitle: Install on Linux servers\nslug: install\n---\n\nText.\n",
	}
	prev := load(t, files)
	files["getting-started/install.mdx"] = "---\ntitle: Install Nimbo: the new way\n---\n\nText.\n"
	lib, err := Load(context.Background(), mapFS(files), Options{Previous: prev})
	if err != nil {
		t.Fatal(err)
	}
	var at string
	for _, a := range lib.Articles {
		if a.URL == "/getting-started/install" {
			at = a.Title
		}
	}
	if at != "Install Nimbo" {
		t.Errorf("/getting-started/install serves %q, want the last good version of install.mdx; problems: %v", at, lib.Problems)
	}
	if w := (want{site.SeverityError, "getting-started/install-linux.md", 3, "slug", "duplicate URL /getting-started/install"}); !findProblem(lib, w) {
		t.Errorf("no problem %+v in %v", w, lib.Problems)
	}
}
