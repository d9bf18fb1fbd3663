package main

import (
	"strings"
	"testing"
	"time"
)

// TestNoSubscriptionToCommonWords: a query of only very common words ("the",
// "der die das") is no question an article can answer. The search page
// asked for a word that says what is looked for and, in the same breath,
// offered "Tell me when an article answers “the”"; the API took the
// subscription, sent a confirmation and, once confirmed, made "the" a gap
// of the report. Now the page and the contact form do not offer it and
// the API answers 400 naming the query; a real question still gets it.
func TestNoSubscriptionToCommonWords(t *testing.T) {
	smtpSink := startSink(t, "127.0.0.1:0")
	dir := contactSite(t, "http://127.0.0.1:1/unused")
	clk := &clock{t: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)}
	m := openContactMain(t, dir, t.TempDir(), smtpSink.addr, clk)

	for _, q := range []string{"the", "how+do+i", "of+the+and"} {
		w := serve(m, "GET", "/search?q="+q, "")
		if w.Code != 200 || strings.Contains(w.Body.String(), `action="/subscribe"`) {
			t.Errorf("/search?q=%s: %d, offers the subscription: %v", q, w.Code, strings.Contains(w.Body.String(), `action="/subscribe"`))
		}
		// The page holds the form once as a template for its script.
		w = serve(m, "GET", "/contact?subject="+q, "")
		if strings.Count(w.Body.String(), `<form class="subscribe-form"`) > 1 {
			t.Errorf("/contact?subject=%s offers the subscription", q)
		}
	}
	if w := serve(m, "GET", "/search?q=pay+with+bitcoin", ""); !strings.Contains(w.Body.String(), `action="/subscribe"`) {
		t.Errorf("a real question without an answer is not offered the subscription on the search page")
	}
	if w := serve(m, "GET", "/contact?subject=pay+with+bitcoin", ""); strings.Count(w.Body.String(), `<form class="subscribe-form"`) != 2 {
		t.Errorf("a real question without an answer is not offered the subscription on the contact form")
	}
	w := from(m, "203.0.113.7:1", "POST", "/api/v1/subscriptions", `{"query":"the","email":"ana@example.com","locale":"en"}`, "Content-Type", "application/json")
	if w.Code != 400 || !strings.Contains(w.Body.String(), `"query: \"the\" has only very common words`) {
		t.Errorf("subscription to \"the\": %d %s, want 400 naming the query", w.Code, w.Body)
	}
	w = from(m, "203.0.113.8:1", "POST", "/api/v1/subscriptions", `{"query":"pay with bitcoin","email":"ana@example.com","locale":"en"}`, "Content-Type", "application/json")
	if w.Code != 202 {
		t.Errorf("subscription to a real question: %d %s", w.Code, w.Body)
	}
}
