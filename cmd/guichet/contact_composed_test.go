package main

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestContactCountsComposedCharacters: a subject or description typed or
// pasted with decomposed accents (macOS text, "e" + U+0301) is counted as
// the characters a person sees, as the search API counts q: 200 "é" and
// 5,000 "é" are within the limits. Each was refused as twice as long
// ("description: 10000 characters, at most 5000"), on the API and on the
// form without JavaScript; one character more is still refused.
func TestContactCountsComposedCharacters(t *testing.T) {
	smtpSink := startSink(t, "127.0.0.1:0")
	dir := contactSite(t, "http://127.0.0.1:1/unused")
	clk := &clock{t: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)}
	m := openContactMain(t, dir, t.TempDir(), smtpSink.addr, clk)

	e := "e\u0301"
	subject, description := strings.Repeat(e, 200), strings.Repeat(e, 5000)
	body := `{"subject":"` + subject + `","description":"` + description + `","email":"ana@example.com","locale":"en"}`
	if w := from(m, "203.0.113.1:1", "POST", "/api/v1/contact", body, "Content-Type", "application/json"); w.Code != 202 {
		t.Errorf("API, 200 and 5,000 decomposed é: %d %.300s", w.Code, w.Body)
	}
	form := url.Values{"subject": {subject}, "description": {description}, "email": {"ana@example.com"}}.Encode()
	if w := from(m, "203.0.113.2:1", "POST", "/contact", form, "Content-Type", "application/x-www-form-urlencoded", "Sec-Fetch-Site", "same-origin"); w.Code != 200 {
		t.Errorf("form, 200 and 5,000 decomposed é: %d", w.Code)
	}
	// The host screen it was sent from is stored as events store screens
	// (textnorm.Path): as read, composed.
	body = `{"subject":"Menu","description":"The menu is empty","email":"ana@example.com","locale":"en","path":"/caf` + e + `/menu%20du%20jour"}`
	if w := from(m, "203.0.113.4:1", "POST", "/api/v1/contact", body, "Content-Type", "application/json"); w.Code != 202 {
		t.Errorf("API, a path with a decomposed é: %d %.300s", w.Code, w.Body)
	}
	rs, err := m.DB.ContactRequests(context.Background(), time.Time{}, time.Time{}, "", 10)
	path := "none"
	for _, r := range rs {
		if r.Subject == "Menu" {
			path = r.Path
		}
	}
	if err != nil || path != "/café/menu du jour" {
		t.Errorf("stored the request's path %+q, %v; want /café/menu du jour", path, err)
	}
	body = `{"subject":"s","description":"` + description + e + `","email":"ana@example.com","locale":"en"}`
	if w := from(m, "203.0.113.3:1", "POST", "/api/v1/contact", body, "Content-Type", "application/json"); w.Code != 400 || !strings.Contains(w.Body.String(), "description: 5001 characters, at most 5000") {
		t.Errorf("API, 5,001 decomposed é: %d %.300s", w.Code, w.Body)
	}
}
