package main

import (
	"encoding/json"
	"fmt"
	"github.com/guichet/guichet/site/web/webtest"
	"strings"
	"testing"
	"time"
)

// TestSubscriptionRequests: "Tell me when this is answered" refuses what
// it cannot keep with a 400 naming the field, accepts a good request as
// pending (nothing is confirmed before the visitor clicks the e-mail), and
// a wrong confirmation link is an error page, not a success.
func TestSubscriptionRequests(t *testing.T) {
	smtpSink := startSink(t, "127.0.0.1:0")
	dir := contactSite(t, "http://127.0.0.1:1/unused")
	clk := &clock{t: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)}
	m := openContactMain(t, dir, t.TempDir(), smtpSink.addr, clk)

	for i, tt := range []struct{ body, field string }{
		{`{"query":"","email":"ana@example.com","locale":"en"}`, "query"},
		{`{"query":"   ","email":"ana@example.com","locale":"en"}`, "query"},
		{`{"query":"line\nbreak","email":"ana@example.com","locale":"en"}`, "query"},
		{`{"query":"export","email":"","locale":"en"}`, "email"},
		{`{"query":"export","email":"ana@","locale":"en"}`, "email"},
		{`{"query":"export","email":"ana@example.com","locale":"en","source":"newsletter"}`, "source"},
		{`{"query":"export","email":"ana@example.com","locale":"xx"}`, "locale"},
		{`{"query":"export","email":"ana@example.com","locale":"en","extra":true}`, "extra"},
		{`{"query":"export","email":`, "subscription"},
	} {
		w := from(m, fmt.Sprintf("203.0.113.%d:1", i+1), "POST", "/api/v1/subscriptions", tt.body, "Content-Type", "application/json")
		var e struct {
			Error struct{ Code, Message string }
		}
		if w.Code != 400 || json.Unmarshal(w.Body.Bytes(), &e) != nil || !strings.Contains(e.Error.Message, tt.field) {
			t.Errorf("%s: %d %s, want 400 naming %s", tt.body, w.Code, w.Body, tt.field)
		}
	}
	w := from(m, "203.0.113.100:1", "POST", "/api/v1/subscriptions", `{"query":"export invoices","email":"ana@example.com","locale":"fr","source":"widget"}`, "Content-Type", "application/json")
	if w.Code != 202 || !strings.Contains(w.Body.String(), `"pending"`) || w.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("good subscription: %d %s (Cache-Control %q), want 202 pending, no-store", w.Code, w.Body, w.Header().Get("Cache-Control"))
	}
	// The form without JavaScript: a refused one is a 400 page, not the
	// "check your e-mail" one (the form again, with what to fix).
	if w := serve(m, "POST", "/subscribe", "query=export&email=nope&locale=en", "Sec-Fetch-Site", "same-origin"); w.Code != 400 || strings.Contains(w.Body.String(), "Check your e-mail") || !strings.Contains(w.Body.String(), `aria-invalid="true"`) {
		t.Errorf("refused subscribe form: %d", w.Code)
	}
	if w := serve(m, "POST", "/subscribe", "query=export&email=ana%40example.com&locale=en", "Sec-Fetch-Site", "cross-site"); w.Code != 403 {
		t.Errorf("cross-site subscribe form: %d, want 403", w.Code)
	}
	for _, target := range []string{"/subscriptions/confirm?token=forged", "/subscriptions/confirm"} {
		if w := serve(m, "GET", target, ""); w.Code < 400 || w.Code >= 500 {
			t.Errorf("GET %s: %d, want a 4xx", target, w.Code)
		}
	}
	// An expired or used confirmation link says so, in its language, and
	// how to ask again; it answered "Page not found" with categories
	// (rv21g).
	w = serve(m, "GET", "/subscriptions/confirm?token=forged&locale=fr", "")
	if doc := webtest.Parse(t, w.Body.String()); w.Code != 410 || !strings.Contains(doc.Text("main h1"), "Ce lien ne fonctionne plus") ||
		!strings.Contains(w.Body.String(), "48 heures") || w.Header().Get("Referrer-Policy") != "no-referrer" {
		t.Errorf("expired confirmation link: %d %q\n%.600s", w.Code, doc.Text("main h1"), w.Body)
	}
	// Unsubscribing is idempotent by design: an unknown link says done
	// (the address is gone either way), in the link's language, never cached.
	w = serve(m, "GET", "/subscriptions/unsubscribe?token=forged&locale=fr", "")
	if w.Code != 200 || w.Header().Get("Cache-Control") != "no-store" || w.Header().Get("Referrer-Policy") != "no-referrer" || !strings.Contains(w.Body.String(), `lang="fr"`) {
		t.Errorf("unknown unsubscribe link: %d, Cache-Control %q, Referrer-Policy %q", w.Code, w.Header().Get("Cache-Control"), w.Header().Get("Referrer-Policy"))
	}
	// A form or link of a page in another language than the default posts to
	// or opens a path without the locale's prefix (/subscribe, the e-mail's
	// /subscriptions/confirm?…&locale=fr): its error page is in the language
	// the form or link names, not the default locale's (rv21g).
	for _, tt := range []struct{ method, target, body string }{
		{"POST", "/subscribe", "query=export&email=nope&locale=fr"},
		{"GET", "/subscriptions/confirm?token=forged&locale=fr", ""},
	} {
		w := serve(m, tt.method, tt.target, tt.body, "Sec-Fetch-Site", "same-origin")
		if w.Code < 400 || !strings.Contains(w.Body.String(), `<html lang="fr"`) {
			t.Errorf("%s %s %s: %d, want an error page in French:\n%.400s", tt.method, tt.target, tt.body, w.Code, w.Body)
		}
	}
}
