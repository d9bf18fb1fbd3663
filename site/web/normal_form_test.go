package web_test

import (
	"testing"
	"testing/fstest"
)

// TestPathsInAnyNormalForm: an accented article URL, alias or redirect is
// found whether the request writes its accents precomposed (NFC,
// /aide/r%C3%A9duction) or decomposed (NFD, /aide/re%CC%81duction, as
// macOS file names and some clients write them), and whichever form the
// writer typed in the front matter or redirects.yaml. Before, only the
// form written in the content matched: the other answered 404.
func TestPathsInAnyNormalForm(t *testing.T) {
	e := newWorldOf(t, fstest.MapFS{
		"guichet.yaml": {Data: []byte("title: Aide\nbase_url: https://aide.acme.test\nlocales: [en, fr]\n")},
		// The first redirect and the second alias are written decomposed,
		// the others precomposed.
		"redirects.yaml":         {Data: []byte("- from: \"/ancien/ga\u0302teau\"\n  to: /billing/refund\n- from: /ancien/été\n  to: /billing/refund\n- from: /retiré\n  to: gone\n- from: \"/supprime\u0301\"\n  to: gone\n")},
		"billing/_index.md":      {Data: []byte("---\ntitle: Billing\n---\n")},
		"billing/refund.md":      {Data: []byte("---\ntitle: Get a refund\naliases: [/aide/réduction, \"/aide/fac\u0327ture\"]\n---\nAsk.\n")},
		"billing/réduction.md":   {Data: []byte("---\ntitle: Discounts\n---\nAsk.\n")},
		"billing/cafe.md":        {Data: []byte("---\ntitle: Coffee\nslug: \"cafe\u0301\"\n---\nDrink.\n")},
		"billing/cre\u0300me.md": {Data: []byte("---\ntitle: Cream\n---\nPour.\n")},
	})
	for _, tt := range []struct {
		path string
		code int
		to   string
	}{
		// Aliases, in the form written and in the other.
		{"/aide/r%C3%A9duction", 301, "/billing/refund"},
		{"/aide/re%CC%81duction", 301, "/billing/refund"},
		{"/aide/re\u0301duction", 301, "/billing/refund"},
		{"/aide/fa%C3%A7ture", 301, "/billing/refund"},
		{"/aide/fac%CC%A7ture", 301, "/billing/refund"},
		{"/Aide/RE%CC%81DUCTION", 301, "/billing/refund"},
		{"/fr/aide/re%CC%81duction", 302, "/billing/refund"},
		// Redirects of redirects.yaml, and removed pages.
		{"/ancien/ga%CC%82teau", 301, "/billing/refund"},
		{"/ancien/g%C3%A2teau", 301, "/billing/refund"},
		{"/ancien/e%CC%81te%CC%81", 301, "/billing/refund"},
		{"/retir%C3%A9", 410, ""},
		{"/retire%CC%81", 410, ""},
		{"/supprim%C3%A9", 410, ""},
		{"/supprime%CC%81", 410, ""},
		// Articles: the URL in the precomposed form, whatever the file
		// name or the slug was written in; a decomposed request is sent
		// there.
		{"/billing/r%C3%A9duction", 200, ""},
		{"/billing/re%CC%81duction", 301, "/billing/r%C3%A9duction"},
		{"/billing/re%CC%81duction?src=mac", 301, "/billing/r%C3%A9duction?src=mac"},
		{"/billing/caf%C3%A9", 200, ""},
		{"/billing/cafe%CC%81", 301, "/billing/caf%C3%A9"},
		// An invisible character copied into a link (a zero-width space,
		// a soft hyphen) is no part of a path, as textnorm.Normalize reads it.
		{"/billing/r%C3%A9%E2%80%8Bduction", 301, "/billing/r%C3%A9duction"},
		{"/aide/r%C3%A9%C2%ADduction", 301, "/billing/refund"},
		{"/retir%C3%A9%E2%80%8B", 410, ""},
		{"/billing/cr%C3%A8me", 200, ""},
		{"/billing/cre%CC%80me", 301, "/billing/cr%C3%A8me"},
	} {
		w := e.do(t, "GET", tt.path, nil)
		if w.Code != tt.code || w.Header().Get("Location") != tt.to {
			t.Errorf("%s: %d → %q, want %d → %q", tt.path, w.Code, w.Header().Get("Location"), tt.code, tt.to)
		}
	}
}
