package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestContextAPI: the articles for a host page, by key and path, the FAQ
// when nothing fits, CORS for any origin, 400 on bad input.
func TestContextAPI(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "billing/cards.md", "---\ntitle: Update your card\ncontexts: [checkout, /settings/billing/*]\n---\nChange the card you pay with.\n")
	writeFile(t, dir, "billing/invoices.md", "---\ntitle: Download invoices\ncontexts: [/settings/billing]\n---\nEvery invoice as a PDF.\n")
	writeFile(t, dir, "account/password.md", "---\ntitle: Reset your password\nfaq: pinned\n---\nUse the forgot-password link.\n")
	m := openMain(t, dir, false)
	get := func(target string) (int, string, map[string]any) {
		w := serve(m, "GET", target, "", "Origin", "https://app.example.org")
		var body map[string]any
		json.Unmarshal(w.Body.Bytes(), &body)
		if w.Code == 200 && w.Header().Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("%s: no CORS header", target)
		}
		return w.Code, w.Body.String(), body
	}
	ids := func(body map[string]any) string {
		var out []string
		list, _ := body["articles"].([]any)
		for _, a := range list {
			a := a.(map[string]any)
			out = append(out, a["id"].(string)+":"+a["match"].(string))
		}
		return strings.Join(out, " ")
	}
	for _, c := range []struct{ q, want string }{
		{"url=https://app.example.org/settings/billing%3Ftab%3D1", "billing/invoices:path billing/cards:path"},
		{"url=/settings/billing/cards&context=checkout", "billing/cards:context"},
		{"url=/dashboard", "account/password:faq"},
		{"context=%3Cscript%3E", "account/password:faq"},
	} {
		code, raw, body := get("/api/v1/context?" + c.q)
		if code != 200 || ids(body) != c.want {
			t.Errorf("%s: %d %s, want %s", c.q, code, raw, c.want)
		}
	}
	for _, bad := range []string{"limit=0", "limit=21", "locale=xx", "context=" + strings.Repeat("a", 201)} {
		if code, _, _ := get("/api/v1/context?" + bad); code != 400 {
			t.Errorf("%s: %d, want 400", bad, code)
		}
	}
}
