package main

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestContactInvisibleIsBlank: a subject and a description of invisible
// characters only (zero-width space, joiners, byte-order mark, soft
// hyphen) are as blank as spaces alone: refused by the API and by the
// form without JavaScript, which accepted them (202).
func TestContactInvisibleIsBlank(t *testing.T) {
	smtpSink := startSink(t, "127.0.0.1:0")
	dir := contactSite(t, "http://127.0.0.1:1/unused")
	clk := &clock{t: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)}
	m := openContactMain(t, dir, t.TempDir(), smtpSink.addr, clk)
	for _, blank := range []string{"\u200b", "\u200b\u200d", "\ufeff", " \u00ad\u2060 \u200c"} {
		for _, c := range []struct{ field, subject, description string }{
			{"subject", blank, "Still waiting."},
			{"description", "Refund missing", blank},
		} {
			body, _ := json.Marshal(map[string]string{"subject": c.subject, "description": c.description, "email": "ana@example.com", "locale": "en"})
			if w := serve(m, "POST", "/api/v1/contact", string(body), "Content-Type", "application/json"); w.Code != 400 || !strings.Contains(w.Body.String(), c.field+": ") {
				t.Errorf("API, %s %q: %d %.200s; want 400 naming %s", c.field, blank, w.Code, w.Body, c.field)
			}
			form := url.Values{"subject": {c.subject}, "description": {c.description}, "email": {"ana@example.com"}, "locale": {"en"}}.Encode()
			if w := serve(m, "POST", "/contact", form, "Sec-Fetch-Site", "same-origin"); w.Code != 400 {
				t.Errorf("form, %s %q: %d, want 400", c.field, blank, w.Code)
			}
		}
	}
	// A joiner inside visible text is the text's: kept.
	body, _ := json.Marshal(map[string]string{"subject": "Refund \u200dmissing", "description": "\u200bStill waiting.", "email": "ana@example.com", "locale": "en"})
	if w := serve(m, "POST", "/api/v1/contact", string(body), "Content-Type", "application/json"); w.Code != 202 {
		t.Errorf("API, visible text with invisible characters: %d %.200s, want 202", w.Code, w.Body)
	}
}
