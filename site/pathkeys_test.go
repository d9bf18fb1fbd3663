package site

import (
	"slices"
	"testing"
)

// TestPathKeys: the forms of a path the site and ticket links read as its
// page, in the order they are tried.
func TestPathKeys(t *testing.T) {
	c := Config{DefaultLocale: "en", Locales: []string{"en", "fr", "pt-BR"}}
	for _, tt := range []struct {
		path string
		want []string
	}{
		{"/", []string{"/"}},
		{"/Billing/Refund/", []string{"/billing/refund"}},
		{"/billing/refund.md", []string{"/billing/refund.md", "/billing/refund"}},
		{"/help/Refund.html", []string{"/help/refund.html", "/help/refund"}},
		{"/billing/index.html", []string{"/billing/index.html", "/billing"}},
		{"/billing/README.md", []string{"/billing/readme.md", "/billing"}},
		{"/en/billing/refund", []string{"/en/billing/refund", "/billing/refund"}},
		{"/EN/", []string{"/en", "/"}},
		{"/docs/install", []string{"/docs/install", "/install"}},
		{"/docs/", []string{"/docs", "/"}},
		{"/fr/docs/installer", []string{"/fr/docs/installer", "/fr/installer"}},
		{"/pt_br/docs/instalar", []string{"/pt_br/docs/instalar", "/pt-br/instalar"}},
		{"/en/docs/install.md", []string{"/en/docs/install.md", "/en/docs/install", "/docs/install", "/install"}},
		{"/de/docs/x", []string{"/de/docs/x"}}, // not a locale of the site
		// A locale of the site by its language, with another region or
		// none.
		{"/fr-FR/facturation", []string{"/fr-fr/facturation", "/fr/facturation"}},
		{"/fr_ca/", []string{"/fr_ca", "/fr"}},
		{"/en-US/billing/refund", []string{"/en-us/billing/refund", "/en/billing/refund", "/billing/refund"}},
		{"/pt/docs/instalar", []string{"/pt/docs/instalar", "/pt-br/docs/instalar", "/pt-br/instalar"}},
		{"/pt-PT/instalar", []string{"/pt-pt/instalar", "/pt-br/instalar"}},
		{"/frais/x", []string{"/frais/x"}},
		// Zendesk Guide finds an article by its number, whatever title
		// follows it.
		{"/hc/en-us/articles/360012345-Reset-the-lock", []string{"/hc/en-us/articles/360012345-reset-the-lock", "/hc/en-us/articles/360012345"}},
		{"/hc/en-us/articles/360012345", []string{"/hc/en-us/articles/360012345"}},
		{"/hc/de/sections/200-Schloss/", []string{"/hc/de/sections/200-schloss", "/hc/de/sections/200"}},
		{"/hc/articles/360012345-x", []string{"/hc/articles/360012345-x", "/hc/articles/360012345"}},
		{"/hc/en-us/articles/not-a-number", []string{"/hc/en-us/articles/not-a-number"}},
	} {
		if got := c.PathKeys(tt.path); !slices.Equal(got, tt.want) {
			t.Errorf("PathKeys(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}
