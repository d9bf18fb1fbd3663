package content

import (
	"strings"
	"testing"
)

// TestNamesNormalized checks that slugs and links between files go through
// the one text normalisation: a folder or file named in decomposed form
// (as macOS writes names) or with an invisible character gets the same
// URL as its composed, clean spelling, and a link typed either way finds it.
func TestNamesNormalized(t *testing.T) {
	for _, tt := range []struct{ in, slug string }{
		{"facturacio\u0301n", "facturación"},
		{"wi\u00ADfi", "wifi"},
		{"\uFEFFbilling", "billing"},
	} {
		if got := slugify(tt.in); got != tt.slug {
			t.Errorf("slugify(%q) = %q, want %q", tt.in, got, tt.slug)
		}
	}

	nfd := "facturacio\u0301n" // the folder as a Mac names it
	lib := load(t, map[string]string{
		nfd + "/_index.md":    "---\ntitle: Facturación\n---\n",
		nfd + "/reembolso.md": "---\ntitle: Reembolso\n---\nTexto.\n\n## Tarifas\n\nMás texto.\n",
		"help/links.md":       "---\ntitle: Links\n---\nSee [refund](../facturación/reembolso.md#tarifas) and [billing](../facturación/_index.md).\n",
	})
	a := article(t, lib, "help/links.md")
	for _, want := range []string{`href="/facturaci%C3%B3n/reembolso#tarifas"`, `href="/facturaci%C3%B3n/"`} {
		if !strings.Contains(string(a.HTML), want) {
			t.Errorf("HTML lacks %s:\n%s", want, a.HTML)
		}
	}
	for _, p := range lib.Problems {
		if p.File == "help/links.md" {
			t.Errorf("problem: %s", p)
		}
	}
}
