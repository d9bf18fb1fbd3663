package check

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDocusaurusTranslations: the translations of a Docusaurus site's docs
// live in i18n/<locale>/docusaurus-plugin-content-docs/current/, which
// Guichet does not read as translations. Whether check is pointed at the
// site's docs/ folder (the translations beside it) or at the site's root,
// it says so and names where to move them (guides/setup.fr.md beside
// guides/setup.md); from the root, they are not published as English
// articles of a category "i18n". Once moved as it says, they are the
// French versions of the docs.
func TestDocusaurusTranslations(t *testing.T) {
	root := t.TempDir()
	write(t, root, "docs/guides/setup.md", "---\ntitle: Set up sync\n---\nInstall the agent.\n")
	write(t, root, "docs/guides/_category_.json", `{"label": "Guides"}`)
	write(t, root, "i18n/fr/docusaurus-plugin-content-docs/current/guides/setup.md", "---\ntitle: Configurer la synchronisation\n---\nInstallez l’agent.\n")
	write(t, root, "i18n/fr/docusaurus-plugin-content-docs/current/guides/sync.mdx", "---\ntitle: Synchroniser\n---\nTexte.\n")
	write(t, root, "i18n/fr/docusaurus-theme-classic/navbar.json", "{}")
	tests := []struct {
		name, dir, where, move string
	}{
		{"docs folder", filepath.Join(root, "docs"), "../i18n/fr/docusaurus-plugin-content-docs/current/guides/setup.md → guides/setup.fr.md", ""},
		{"site root", root, "i18n/fr/docusaurus-plugin-content-docs/current/guides/setup.md → docs/guides/setup.fr.md", "serve the docs folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := Run(context.Background(), tt.dir, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			if rep.Articles != 1 {
				t.Errorf("%d articles, want the English doc only: %+v", rep.Articles, rep.Problems)
			}
			found := false
			for _, p := range rep.Problems {
				if strings.Contains(p.Message, "2 translated docs are not read") && strings.Contains(p.Message, tt.where) &&
					strings.Contains(p.Message, "list fr in `locales` in guichet.yaml") && strings.Contains(p.Message, tt.move) &&
					strings.HasSuffix(p.File, "i18n/fr/docusaurus-plugin-content-docs/current") {
					found = true
				}
			}
			if !found {
				t.Errorf("no warning naming where to move the translations: %+v", rep.Problems)
			}
		})
	}
	// Moved as the warning says: the French version of the doc.
	write(t, root, "docs/guides/setup.fr.md", "---\ntitle: Configurer la synchronisation\n---\nInstallez l’agent.\n")
	write(t, root, "docs/guichet.yaml", "title: Help\nlocales: [en, fr]\n")
	rep, err := Run(context.Background(), filepath.Join(root, "docs"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Articles != 2 {
		t.Errorf("%d articles after the move, want the doc and its French version", rep.Articles)
	}
}
