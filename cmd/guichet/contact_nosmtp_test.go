package main

import (
	"context"
	"io"
	"log/slog"
	"net/url"
	"strings"
	"testing"
)

// TestContactWithoutSMTPNamesIt: contact.to set and no --smtp is a form
// that is configured and cannot send; the answer, in the API and in the
// form, names the missing SMTP server and the flags that fix it rather
// than "not configured".
func TestContactWithoutSMTPNamesIt(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\nbase_url: https://help.acme.test\ncontact:\n  to: support@acme.test\n")
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Get a refund\n---\nAsk for a refund from the Orders page.\n")
	m := &Main{Config: testConfig(dir, t.TempDir()), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close(context.Background()) })
	m.Publisher.Wait()

	w := serve(m, "POST", "/api/v1/contact", `{"subject":"Refund","description":"Where is it?","email":"ana@example.com","locale":"en"}`, "Content-Type", "application/json")
	if w.Code != 503 || strings.Contains(w.Body.String(), "not configured") || !strings.Contains(w.Body.String(), "SMTP") || !strings.Contains(w.Body.String(), "--smtp") {
		t.Errorf("API: %d %s, want 503 naming the missing SMTP server", w.Code, w.Body)
	}
	form := url.Values{"subject": {"Refund"}, "description": {"Where is it?"}, "email": {"ana@example.com"}}.Encode()
	w = serve(m, "POST", "/contact", form, "Sec-Fetch-Site", "same-origin")
	if w.Code != 503 || strings.Contains(w.Body.String(), "not configured") || !strings.Contains(w.Body.String(), "SMTP") {
		t.Errorf("form: %d %.600s, want 503 naming the missing SMTP server", w.Code, w.Body)
	}
}
