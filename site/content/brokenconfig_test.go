package content

import (
	"context"
	"testing"
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
