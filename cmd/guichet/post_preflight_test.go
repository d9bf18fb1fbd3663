package main

import (
	"strings"
	"testing"
)

// TestPostPreflightTakesTheAppsHeaders: a preflight from an allowed
// origin for the public posts (events, contact, subscriptions) allows the
// headers the page asked for, as the read endpoints' does. It allowed
// Content-Type only, so an app whose fetch adds a header of its own
// (X-Request-ID from an interceptor) had every post refused by the
// browser, though its origin is in widget.allowed_origins.
func TestPostPreflightTakesTheAppsHeaders(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme\nwidget:\n  allowed_origins: [\"https://app.acme.example\"]\n")
	writeFile(t, dir, "billing/cards.md", "---\ntitle: Update your card\n---\nChange the card you pay with.\n")
	m := openMain(t, dir, false)
	for _, p := range []string{"/api/v1/events", "/api/v1/contact", "/api/v1/subscriptions"} {
		w := serve(m, "OPTIONS", p, "", "Origin", "https://app.acme.example",
			"Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,x-request-id")
		allowed := strings.ToLower(w.Header().Get("Access-Control-Allow-Headers"))
		if w.Code != 204 || !strings.Contains(allowed, "x-request-id") || !strings.Contains(allowed, "content-type") {
			t.Errorf("preflight %s: %d, Access-Control-Allow-Headers %q", p, w.Code, allowed)
		}
		w = serve(m, "OPTIONS", p, "", "Origin", "https://app.acme.example", "Access-Control-Request-Method", "POST")
		if w.Code != 204 || w.Header().Get("Access-Control-Allow-Headers") != "Content-Type" {
			t.Errorf("preflight %s without headers asked: %d, %q", p, w.Code, w.Header().Get("Access-Control-Allow-Headers"))
		}
	}
}
