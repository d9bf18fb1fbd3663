package main

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestContactSubjectNamesArticle: on the sample help center, a request
// sent from no page whose subject is an article's title — as written
// through the API, or in lower case inside a reply's noise through the
// form without JavaScript — carries that article, matched by the subject,
// to its ticket, the webhook and the e-mail, although another article
// ("Get a refund for your subscription") shares its words.
func TestContactSubjectNamesArticle(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	rcv := &hook{}
	hs := httptest.NewServer(rcv)
	defer hs.Close()
	cfg, err := os.ReadFile(filepath.Join(dir, "guichet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "guichet.yaml", string(cfg)+"\nbase_url: https://help.relais.test\ncontact:\n  to: support@relais.test\n  webhook: "+hs.URL+"/guichet\n")
	smtpSink := startSink(t, "127.0.0.1:0")
	m := openContactMain(t, dir, t.TempDir(), smtpSink.addr, &clock{t: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)})

	w := serve(m, "POST", "/api/v1/contact", `{"subject":"How do I refund a client?","description":"My client cancelled.","email":"ana@example.com","locale":"en"}`,
		"Content-Type", "application/json", "Origin", "https://help.relais.test")
	if w.Code != 202 {
		t.Fatalf("POST /api/v1/contact: %d %s", w.Code, w.Body)
	}
	form := url.Values{"subject": {"Re: how do i refund a client, thanks"}, "description": {"Still waiting."}, "email": {"bo@example.com"}, "locale": {"en"}}
	if w := serve(m, "POST", "/contact", form.Encode(), "Sec-Fetch-Site", "same-origin", "Origin", "https://help.relais.test"); w.Code != 200 {
		t.Fatalf("POST /contact: %d %.300s", w.Code, w.Body)
	}
	if _, err := m.Queue.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}

	reqs, err := m.Contact.Requests(ctx, time.Time{}, time.Time{}, "", 10)
	if err != nil || len(reqs) != 2 {
		t.Fatalf("requests %v %v", reqs, err)
	}
	for _, r := range reqs {
		if r.ArticleID != "payments/refund-client" {
			t.Errorf("request %q: article %q, want payments/refund-client", r.Subject, r.ArticleID)
		}
		stored, err := m.DB.ExistingTickets(ctx, []string{"contact:" + r.ID})
		if l := stored["contact:"+r.ID].Link; err != nil || l.ArticleID != "payments/refund-client" || l.Method != "title" || l.Score != 1 {
			t.Errorf("ticket of %q: %+v (%v), want linked to payments/refund-client by title with confidence 1", r.Subject, l, err)
		}
	}
	if page := strings.Join(strings.Fields(adminPageOf(t, m)), " "); !strings.Contains(page, "0 by the team, 0 by ticket tag, 2 by title, 0 by search") {
		t.Errorf("admin page does not count the 2 tickets linked by title:\n%.2000s", page)
	}
	if len(rcv.bodies) != 2 {
		t.Fatalf("%d webhooks, want 2", len(rcv.bodies))
	}
	for _, b := range rcv.bodies {
		var body struct {
			Subject string
			Article *struct{ ID, URL, Matched string }
		}
		if err := json.Unmarshal(b, &body); err != nil {
			t.Fatal(err)
		}
		if a := body.Article; a == nil || a.ID != "payments/refund-client" || a.URL != "https://help.relais.test/payments/refund-a-client" || a.Matched != "subject" {
			t.Errorf("webhook of %q: article %+v, want payments/refund-client matched by the subject", body.Subject, a)
		}
	}
	msgs := smtpSink.messages()
	if len(msgs) != 2 {
		t.Fatalf("%d e-mails, want 2", len(msgs))
	}
	for _, msg := range msgs {
		if want := "Article matched by the subject (not the page it was sent from): How do I refund a client? — https://help.relais.test/payments/refund-a-client"; !strings.Contains(msg.Body, want) {
			t.Errorf("e-mail %q lacks %q:\n%s", msg.Subject, want, msg.Body)
		}
	}
}

// TestContactSubjectNamesUntranslatedArticle: a French request whose
// subject is the title of an article written only in English links its
// ticket to that article (the default locale, as README's rule 4 says),
// and the webhook and the e-mail name it too: the helpdesk sees the
// article the ticket counts for.
func TestContactSubjectNamesUntranslatedArticle(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	rcv := &hook{}
	hs := httptest.NewServer(rcv)
	defer hs.Close()
	cfg, err := os.ReadFile(filepath.Join(dir, "guichet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "guichet.yaml", string(cfg)+"\nbase_url: https://help.relais.test\ncontact:\n  to: support@relais.test\n  webhook: "+hs.URL+"/guichet\n")
	smtpSink := startSink(t, "127.0.0.1:0")
	m := openContactMain(t, dir, t.TempDir(), smtpSink.addr, &clock{t: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)})

	w := serve(m, "POST", "/api/v1/contact", `{"subject":"TR: Why can't I sign in to Relais?","description":"Je suis bloquée.","email":"ana@example.com","locale":"fr"}`,
		"Content-Type", "application/json", "Origin", "https://help.relais.test")
	if w.Code != 202 {
		t.Fatalf("POST /api/v1/contact: %d %s", w.Code, w.Body)
	}
	if _, err := m.Queue.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	reqs, err := m.Contact.Requests(ctx, time.Time{}, time.Time{}, "", 10)
	if err != nil || len(reqs) != 1 || reqs[0].ArticleID != "account/sign-in-problems" {
		t.Fatalf("requests %+v %v, want one for account/sign-in-problems", reqs, err)
	}
	if len(rcv.bodies) != 1 {
		t.Fatalf("%d webhooks, want 1", len(rcv.bodies))
	}
	var body struct {
		Article *struct{ ID, URL, Matched string }
	}
	if err := json.Unmarshal(rcv.bodies[0], &body); err != nil {
		t.Fatal(err)
	}
	if a := body.Article; a == nil || a.ID != "account/sign-in-problems" || a.URL != "https://help.relais.test/account/sign-in-problems" || a.Matched != "subject" {
		t.Errorf("webhook article %+v, want account/sign-in-problems matched by the subject", a)
	}
	msgs := smtpSink.messages()
	if want := "Article matched by the subject (not the page it was sent from): Why can't I sign in to Relais? — https://help.relais.test/account/sign-in-problems"; len(msgs) != 1 || !strings.Contains(msgs[0].Body, want) {
		t.Errorf("e-mails %+v, want one with %q", msgs, want)
	}
}
