package main

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/web/webtest"
)

// TestContactFormWithoutJavaScript: a visitor whose post is refused gets
// the whole form back with a 400, an alert naming what to fix, and
// everything they typed kept; the French form posts to the French URL; a
// cross-site post is refused.
func TestContactFormWithoutJavaScript(t *testing.T) {
	smtpSink := startSink(t, "127.0.0.1:0")
	dir := contactSite(t, "http://127.0.0.1:1/unused")
	clk := &clock{t: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)}
	m := openContactMain(t, dir, t.TempDir(), smtpSink.addr, clk)

	form := func(subject, description, email string) string {
		return url.Values{"subject": {subject}, "description": {description}, "email": {email}, "locale": {"en"},
			"context": {"checkout"}, "path": {"/orders/42"}}.Encode()
	}
	// The alert names what to fix in the page's language (the theme's
	// contact_error_FIELD), not the API's English message.
	for _, tt := range []struct {
		name, target, body, field, action, input string
	}{
		{"bad e-mail", "/contact", form("Refund missing", "Ordered on Monday.\nStill waiting.", "ana-at-example"), "Enter your e-mail address", "/contact", "email"},
		{"empty description", "/contact", form("Refund missing", "  ", "ana@example.com"), "Describe your question or problem (at most 5,000 characters)", "/contact", "description"},
		{"header injection in the subject", "/contact", form("Refund\r\nBcc: all@example.com", "x", "ana@example.com"), "on one line (at most 200 characters)", "/contact", "subject"},
		{"French", "/fr/contact", form("remboursement", "Toujours rien.", "pas-une-adresse"), "Saisissez votre adresse e-mail", "/fr/contact", "email"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := serve(m, "POST", tt.target, tt.body, "Sec-Fetch-Site", "same-origin")
			if w.Code != 400 {
				t.Fatalf("POST %s: %d, want 400", tt.target, w.Code)
			}
			doc := webtest.Parse(t, w.Body.String())
			// The browser's own check (required, type=email) would stop
			// the form first, in the browser's language and one field
			// at a time (rv21g): the page says what to fix.
			if doc.Count(`form.contact-form[novalidate]`) != 1 {
				t.Error("the contact form lets the browser check its fields in its own language (no novalidate)")
			}
			alert := doc.Text(`.contact-page [role="alert"]`)
			if !strings.Contains(alert, tt.field) || doc.Count(`.contact-page [role="alert"] [lang]`) != 0 {
				t.Errorf("alert %q does not say %q in the page's language", alert, tt.field)
			}
			// The field in error is marked so, for screen readers, and
			// names the alert as its description; the others are not.
			for _, f := range []string{"subject", "description", "email"} {
				sel := `form.contact-form [name="` + f + `"]`
				inv, desc := doc.Attr(sel, "aria-invalid"), doc.Attr(sel, "aria-describedby")
				if f == tt.input && (inv != "true" || !strings.Contains(" "+desc+" ", " g-c-error-"+f+" ") || doc.Count(`#g-c-error-`+f) != 1) {
					t.Errorf("%s: aria-invalid %q, aria-describedby %q: want true and its message (#g-c-error-%s)", f, inv, desc, f)
				}
				if f != tt.input && (inv != "" || strings.Contains(desc, "g-c-error")) {
					t.Errorf("%s is not in error but has aria-invalid %q, aria-describedby %q", f, inv, desc)
				}
			}
			// The script shows the same messages for the API's errors.
			if got := doc.Attr(`form.contact-form`, "data-error-email"); !strings.Contains(got, "ana@example.com") {
				t.Errorf("form data-error-email = %q", got)
			}
			sent, _ := url.ParseQuery(tt.body)
			if got := doc.Attr(`form.contact-form input[name="email"]`, "value"); got != strings.TrimSpace(sent.Get("email")) {
				t.Errorf("e-mail field = %q, want what was typed %q", got, sent.Get("email"))
			}
			if got := doc.Text(`form.contact-form textarea[name="description"]`); got != strings.Join(strings.Fields(sent.Get("description")), " ") {
				t.Errorf("description = %q, want what was typed", got)
			}
			// The text typed stays in its field: never the page's meta
			// description, OpenGraph or Twitter description.
			for _, sel := range []string{`meta[name="description"]`, `meta[property="og:description"]`, `meta[name="twitter:description"]`} {
				if got := doc.Attr(sel, "content"); got == "" || strings.TrimSpace(sent.Get("description")) != "" && strings.Contains(got, strings.Fields(sent.Get("description"))[0]) {
					t.Errorf("%s = %q, want the page's own description", sel, got)
				}
			}
			if doc.Attr(`form.contact-form`, "action") != tt.action || doc.Attr(`form.contact-form input[name="context"]`, "value") != "checkout" ||
				doc.Attr(`form.contact-form input[name="path"]`, "value") != "/orders/42" {
				t.Errorf("form action %q, context %q, path %q: want %s, checkout, /orders/42", doc.Attr(`form.contact-form`, "action"),
					doc.Attr(`form.contact-form input[name="context"]`, "value"), doc.Attr(`form.contact-form input[name="path"]`, "value"), tt.action)
			}
		})
	}
	// Every field refused is said at once, each marked and described by
	// its own message: the form said only the first, and the customer
	// learnt of the next on the next attempt (rv19h, rv19b).
	w0 := serve(m, "POST", "/fr/contact", url.Values{"subject": {""}, "description": {" "}, "email": {"pas-une-adresse"}}.Encode(), "Sec-Fetch-Site", "same-origin")
	doc := webtest.Parse(t, w0.Body.String())
	if w0.Code != 400 || doc.Count(`.contact-page [role="alert"] li`) != 3 {
		t.Errorf("three fields refused: %d, %d messages %q; want 400 and three", w0.Code, doc.Count(`.contact-page [role="alert"] li`), doc.Text(`.contact-page [role="alert"]`))
	}
	for _, f := range []string{"subject", "description", "email"} {
		sel := `form.contact-form [name="` + f + `"]`
		if doc.Attr(sel, "aria-invalid") != "true" || !strings.Contains(doc.Attr(sel, "aria-describedby"), "g-c-error-"+f) || doc.Count(`#g-c-error-`+f) != 1 {
			t.Errorf("%s: not marked with its own message", f)
		}
	}
	// The subject the visitor typed is looked up again: the refund article is offered.
	w := serve(m, "POST", "/contact", form("refund", "x", "bad"), "Sec-Fetch-Site", "same-origin")
	if webtest.Parse(t, w.Body.String()).Count(`.contact-suggestions a[href="/billing/refund"]`) != 1 {
		t.Errorf("refused form: the refund article is not suggested: %.300s", w.Body)
	}
	if w := serve(m, "POST", "/contact", form("Refund", "x", "ana@example.com"), "Sec-Fetch-Site", "cross-site"); w.Code != 403 || webtest.Parse(t, w.Body.String()).Text("h1") != "Not allowed" {
		t.Errorf("cross-site form post: %d, h1 %q; want 403, Not allowed (refused, not malformed)", w.Code, webtest.Parse(t, w.Body.String()).Text("h1"))
	}
	if len(smtpSink.messages()) != 0 {
		t.Error("a refused request was mailed")
	}
	// Hidden fields mangled (by a page, an extension) are left out: the
	// request is sent; it was refused in English naming search_id, a
	// field the customer cannot see (a newcomer, rv19b).
	mangled := url.Values{"subject": {"Refund missing"}, "description": {"Still waiting."}, "email": {"ana@example.com"},
		"context": {"check\nout"}, "path": {"javascript:alert(1)"}, "search_id": {"<script>"}}.Encode()
	if w := serve(m, "POST", "/fr/contact", mangled, "Sec-Fetch-Site", "same-origin"); w.Code != 200 || webtest.Parse(t, w.Body.String()).Count(`.contact-page [role="alert"]`) != 0 {
		t.Errorf("mangled hidden fields: %d, %q; want the request sent", w.Code, webtest.Parse(t, w.Body.String()).Text(`.contact-page [role="alert"]`))
	}
	if _, err := m.Queue.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	if msgs := smtpSink.messages(); len(msgs) != 1 || strings.Contains(msgs[0].Body, "<script>") || strings.Contains(msgs[0].Body, "javascript:") {
		t.Errorf("mailed %d messages, want 1 without the mangled fields: %q", len(msgs), msgs)
	}
}

// TestContactUnavailable: without a contact channel the page says so and
// links to the help center's own contact URL, and the API answers 503.
func TestContactUnavailable(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Quiet Help\ncontact_url: https://quiet.example/support\n")
	writeFile(t, dir, "start/hello.md", "---\ntitle: Hello\n---\nHow to start.\n")
	m := openMainAt(t, dir, &clock{t: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)})
	w := serve(m, "GET", "/contact?subject=start", "")
	doc := webtest.Parse(t, w.Body.String())
	if w.Code != 200 || doc.Count("form.contact-form") != 0 || doc.Attr(".contact-page .note a", "href") != "https://quiet.example/support" {
		t.Errorf("GET /contact without a channel: %d, form %d, link %q", w.Code, doc.Count("form.contact-form"), doc.Attr(".contact-page .note a", "href"))
	}
	w = serve(m, "POST", "/api/v1/contact", `{"subject":"x","description":"y","email":"ana@example.com","locale":"en"}`, "Content-Type", "application/json")
	if w.Code != 503 || !strings.Contains(w.Body.String(), `"error"`) {
		t.Errorf("API contact without a channel: %d %s, want 503 with a JSON error", w.Code, w.Body)
	}
}

// TestContactUnusableFormCountsTheLinkFollowed: with a contact form set in
// guichet.yaml that cannot deliver (a webhook without its secret), the
// footer still leads to /contact, whose link to contact_url is the way to
// the team: following it is the visit's contact, recorded as the footer's
// link records one without a form. The link recorded nothing, so every
// such contact was counted as a deflection.
func TestContactUnusableFormCountsTheLinkFollowed(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Quiet Help\ncontact_url: https://quiet.example/support\ncontact:\n  webhook: https://desk.quiet.example/hook\n")
	writeFile(t, dir, "start/hello.md", "---\ntitle: Hello\n---\nHow to start.\n")
	m := openMainAt(t, dir, &clock{t: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)})
	doc := webtest.Parse(t, from(m, "10.0.0.1:1", "GET", "/contact?subject=start", "").Body.String())
	link := `.contact-page .note a[data-contact]`
	if doc.Attr(link, "href") != "https://quiet.example/support" || doc.Attr(link, "data-events") != "/api/v1/events" {
		t.Errorf("GET /contact with an unusable form: link %q, data-events %q; want contact_url recording the contact (a[data-contact][data-events], as app.js reads it)",
			doc.Attr(".contact-page .note a", "href"), doc.Attr(link, "data-events"))
	}
	// What app.js posts when the link is followed is recorded.
	ev := `{"type":"contact","path":"/contact","locale":"en","source":"site"}`
	if w := from(m, "10.0.0.1:1", "POST", "/api/v1/events", ev, "Content-Type", "application/json"); w.Code != 202 {
		t.Fatalf("contact event: %d %s", w.Code, w.Body)
	}
	if err := m.Recorder.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	admin, _, _ := m.DB.CreateToken(ctx, site.ScopeAdmin, "team")
	w := serve(m, "GET", "/api/v1/insights/summary?since=7d", "", "Authorization", "Bearer "+admin)
	var sum struct {
		Contacts int `json:"contacts"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &sum); err != nil || sum.Contacts != 1 {
		t.Errorf("summary: contacts %d (%v) %.300s; want 1, the link to contact_url followed", sum.Contacts, err, w.Body)
	}
}
