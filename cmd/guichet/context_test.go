package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/guichet/guichet/site/web/webtest"
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
		// The host path read as widget events read it: a segment's
		// parameters and empty segments left out (rv20l).
		{"url=/settings/billing%3Bjsessionid%3DA1", "billing/invoices:path billing/cards:path"},
		{"url=/settings//billing", "billing/invoices:path billing/cards:path"},
		{"url=https://app.example.org/settings/billing%3Bjsessionid%3D1%3Fx%3D1", "billing/invoices:path billing/cards:path"},
		{"context=%3Cscript%3E", "account/password:faq"},
		// An app routed in the fragment: its screen is there, as the widget reads it.
		{"url=https://app.example.org/%23/settings/billing%3Ftab%3D1", "billing/invoices:path billing/cards:path"},
		{"url=%2F%23!%2Fsettings%2Fbilling", "billing/invoices:path billing/cards:path"},
		{"url=/dashboard%23pricing", "account/password:faq"},
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

// TestContextInAnotherLocale: a French screen whose only help is in
// English (the default locale) gets it, labelled with its language, after
// the French matches: in the API, in the widget panel (lang on the link),
// and the opening is not a screen with no help. A screen with no match in
// either locale still is.
func TestContextInAnotherLocale(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Help\nlocales: [en, fr]\n")
	writeFile(t, dir, "billing/coupon.md", "---\ntitle: Apply a coupon\ncontexts: [checkout, promo]\n---\nType the code before you pay.\n")
	writeFile(t, dir, "billing/cards.md", "---\ntitle: Update your card\ncontexts: [checkout]\n---\nChange the card you pay with.\n")
	writeFile(t, dir, "billing/cards.fr.md", "---\ntitle: Changer de carte\n---\nChangez la carte.\n")
	writeFile(t, dir, "account/password.md", "---\ntitle: Reset your password\nfaq: pinned\n---\nUse the forgot-password link.\n")
	writeFile(t, dir, "account/password.fr.md", "---\ntitle: Réinitialiser le mot de passe\n---\nUtilisez le lien.\n")
	m := openMain(t, dir, false)
	ctxFor := func(q string) (matched bool, got string) {
		t.Helper()
		w := serve(m, "GET", "/api/v1/context?"+q, "")
		var body struct {
			Locale   string
			Matched  bool
			Articles []struct{ ID, Locale, Match string }
		}
		if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &body) != nil || body.Locale != "fr" {
			t.Fatalf("%s: %d %s", q, w.Code, w.Body)
		}
		var out []string
		for _, a := range body.Articles {
			out = append(out, a.ID+"."+a.Locale+":"+a.Match)
		}
		return body.Matched, strings.Join(out, " ")
	}
	// The translation (inheriting the contexts) first, then the English only.
	if matched, got := ctxFor("context=checkout&locale=fr"); !matched || got != "billing/cards.fr:context billing/coupon.en:context" {
		t.Errorf("checkout in French: matched %v, %s", matched, got)
	}
	if matched, got := ctxFor("context=promo&locale=fr"); !matched || got != "billing/coupon.en:context" {
		t.Errorf("a screen with help in English only, in French: matched %v, %s", matched, got)
	}
	if matched, got := ctxFor("context=reports&locale=fr"); matched || got != "account/password.fr:faq" {
		t.Errorf("a screen with no help in any locale: matched %v, %s", matched, got)
	}
	// The panel: the English article says its language, on the element too.
	w := serve(m, "GET", "/widget/frame?context=checkout&locale=fr", "")
	doc := webtest.Parse(t, w.Body.String())
	if w.Code != 200 || doc.Attr(`.w-list a[data-article="billing/coupon"]`, "lang") != "en" ||
		doc.Text(`.w-list a[data-article="billing/coupon"] .w-lang`) != "English" ||
		doc.Count(`.w-list a[data-article="billing/cards"][lang]`) != 0 || doc.Text("#g-w-home-h") != "Suggestions pour cette page" {
		t.Errorf("panel for checkout in French: %d %q / %q", w.Code, doc.Text(".w-list"), doc.Text("#g-w-home-h"))
	}
	// Openings: only the screen without help in any locale is one.
	for body, want := range map[string]string{
		`{"type":"open","source":"widget","context":"promo","locale":"fr"}`:   `"matched":true`,
		`{"type":"open","source":"widget","context":"reports","locale":"fr"}`: `"matched":false`,
	} {
		if w := serve(m, "POST", "/api/v1/events", body, "Content-Type", "application/json"); w.Code != 202 || !strings.Contains(w.Body.String(), want) {
			t.Errorf("%s: %d %s, want %s", body, w.Code, w.Body, want)
		}
	}
}
