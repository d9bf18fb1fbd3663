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
	} {
		if got := c.PathKeys(tt.path); !slices.Equal(got, tt.want) {
			t.Errorf("PathKeys(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}
