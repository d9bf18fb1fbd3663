package check

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestHugoLanguageFolders: a Hugo site that translates by content
// directory (content/en/, content/fr/) read from content/ had categories
// "En" and "Fr" and, for a translation sharing its original's
// translationKey, a duplicate id error that said nothing of languages.
// check now says which folder to serve and where to move a translation;
// once moved as it says, the French file is the translation. A folder
// named with a locale code beside no folder of the default locale is a
// category like any other.
func TestHugoLanguageFolders(t *testing.T) {
	root := t.TempDir()
	write(t, root, "en/docs/setup/index.md", "---\ntitle: Setup\ntranslationKey: setup\n---\nDo it.\n")
	write(t, root, "fr/docs/configuration.md", "---\ntitle: Configuration\ntranslationKey: setup\n---\nFaites-le.\n")
	rep, err := Run(context.Background(), root, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range rep.Problems {
		if strings.Contains(p.Message, "Hugo's language folders") {
			got = append(got, filepath.Base(p.File)+": "+p.Message)
		}
	}
	want := "en: the folders en/ and fr/ look like Hugo's language folders (content/<lang>/), which Guichet reads as categories: it reads a translation beside its original, its locale before the extension; " +
		"serve the en folder (--content), move each file of fr/ there (fr/docs/configuration.md → en/docs/configuration.fr.md), and list fr in `locales` in guichet.yaml"
	if len(got) != 1 || got[0] != want {
		t.Errorf("warnings %q, want %q", got, want)
	}

	moved := t.TempDir()
	write(t, moved, "guichet.yaml", "locales: [en, fr]\n")
	write(t, moved, "docs/setup/index.md", "---\ntitle: Setup\ntranslationKey: setup\n---\nDo it.\n")
	write(t, moved, "docs/configuration.fr.md", "---\ntitle: Configuration\ntranslationKey: setup\n---\nFaites-le.\n")
	write(t, moved, "it/printers.md", "---\ntitle: Printers\n---\nIT team printers.\n")
	rep, err = Run(context.Background(), moved, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Errors != 0 || rep.Articles != 3 {
		t.Errorf("moved as told: %d articles, %d errors: %+v", rep.Articles, rep.Errors, rep.Problems)
	}
	for _, p := range rep.Problems {
		if strings.Contains(p.Message, "Hugo's language folders") {
			t.Errorf("unexpected %v", p)
		}
	}
}
