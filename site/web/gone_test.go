package web_test

import (
	"testing"
	"testing/fstest"
)

// TestGoneInEveryForm: a page redirects.yaml marks removed answers 410 in
// every form a live page is found by — a trailing .md or .html (links to
// the repository's files), /index, the default locale's prefix (/en/…),
// any letter case, another locale's prefix — where a live page answers
// 301 to its URL. Before, /old/gone.md and /en/old/gone answered 404.
func TestGoneInEveryForm(t *testing.T) {
	e := newWorldOf(t, fstest.MapFS{
		"guichet.yaml":      {Data: []byte("title: Acme Help\nbase_url: https://help.acme.test\nlocales: [en, de]\n")},
		"redirects.yaml":    {Data: []byte("- from: /old/gone\n  to: gone\n- from: /Old/Section/\n  to: \"\"\n- from: /old/moved\n  to: /billing/refund\n")},
		"billing/_index.md": {Data: []byte("---\ntitle: Billing\n---\n")},
		"billing/refund.md": {Data: []byte("---\ntitle: Get a refund\n---\nAsk.\n")},
	})
	for _, tt := range []struct {
		path string
		code int
		to   string
	}{
		// A live article, for comparison: every form leads to its URL.
		{"/billing/refund.md", 301, "/billing/refund"},
		{"/en/billing/refund", 301, "/billing/refund"},
		{"/en/billing/refund.md", 301, "/billing/refund"},
		{"/old/moved.md", 301, "/billing/refund"},
		// The default locale by its language with a region, as another
		// tool's links write it.
		{"/en-US/billing/refund", 301, "/billing/refund"},
		{"/en_gb/old/moved", 301, "/billing/refund"},
		// The locale's search and contact pages, as an app asking for its
		// user's locale builds them (they answered 404).
		{"/de-DE/search?q=refund", 301, "/de/search?q=refund"},
		{"/en-US/search?q=refund", 301, "/en/search?q=refund"},
		{"/de-DE/contact", 301, "/de/contact"},
		{"/en/old/moved", 301, "/billing/refund"},
		// A removed page: gone, in the same forms.
		{"/old/gone", 410, ""},
		{"/old/gone.md", 410, ""},
		{"/old/gone.html", 410, ""},
		{"/old/gone/index.md", 410, ""},
		{"/Old/Gone.MD", 410, ""},
		{"/en/old/gone", 410, ""},
		{"/en/old/gone.md", 410, ""},
		{"/EN/old/gone/", 410, ""},
		{"/de/old/gone", 410, ""},
		{"/de/old/gone.md", 410, ""},
		{"/de-DE/old/gone", 410, ""},
		{"/EN-us/old/gone", 410, ""},
		{"/old/section/", 410, ""},
		{"/old/section/_index.md", 410, ""},
		{"/en/old/section", 410, ""},
		// Other paths are still no page.
		{"/old/gone/more", 404, ""},
		{"/old/gone.txt", 404, ""},
		{"/en/old/nothing", 404, ""},
	} {
		w := e.do(t, "GET", tt.path, nil)
		if w.Code != tt.code || w.Header().Get("Location") != tt.to {
			t.Errorf("%s: %d → %q, want %d → %q", tt.path, w.Code, w.Header().Get("Location"), tt.code, tt.to)
		}
	}
}
