package main

import (
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site/web/webtest"
)

// TestSubscribeAddressRefusedInVisitorsLanguage: an address the browser
// takes (type=email accepts "ana@example") but the server refuses was a
// dead end in English on a French page: without JavaScript, an error page
// "Requête invalide" with `email: "ana@example" is not an e-mail
// address…` in English and no form to correct it; with it, the same
// English sentence under the form, which had no data-error-email as the
// contact form has (a newcomer, rv23d). Now the form says it in the
// visitor's language, and the page without JavaScript comes back with the
// form, what was typed, and the field marked invalid.
func TestSubscribeAddressRefusedInVisitorsLanguage(t *testing.T) {
	smtpSink := startSink(t, "127.0.0.1:0")
	dir := contactSite(t, "http://127.0.0.1:1/unused")
	clk := &clock{t: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)}
	m := openContactMain(t, dir, t.TempDir(), smtpSink.addr, clk)
	const want = "Saisissez votre adresse e-mail, par exemple ana@example.com."

	d := webtest.Parse(t, serve(m, "GET", "/fr/search?q=payer+en+bitcoin", "").Body.String())
	if got := d.Attr("form.subscribe-form", "data-error-email"); got != want {
		t.Errorf("/fr/search: the subscription form's data-error-email is %q, want %q", got, want)
	}

	w := serve(m, "POST", "/subscribe", "query=payer+en+bitcoin&email=ana%40example&locale=fr&source=site", "Sec-Fetch-Site", "same-origin")
	body := w.Body.String()
	d = webtest.Parse(t, body)
	if w.Code != 400 || d.Attr("html", "lang") != "fr" {
		t.Fatalf("POST /subscribe with a refused address: %d, lang %q, want 400 in French", w.Code, d.Attr("html", "lang"))
	}
	if strings.Contains(body, "is not an e-mail address") || !strings.Contains(d.Text("main"), want) {
		t.Errorf("POST /subscribe with a refused address says %q, want %q", d.Text("main"), want)
	}
	if got := d.Attr(`form.subscribe-form input[name=email]`, "value"); got != "ana@example" {
		t.Errorf("the form again holds the address %q, want what was typed", got)
	}
	if d.Attr(`form.subscribe-form input[name=email]`, "aria-invalid") != "true" {
		t.Errorf("the address field is not marked invalid")
	}
	if got := d.Attr(`form.subscribe-form input[name=query]`, "value"); got != "payer en bitcoin" {
		t.Errorf("the form again asks about %q, want the query", got)
	}
	if n := len(smtpSink.messages()); n != 0 {
		t.Errorf("%d e-mails sent for a refused address", n)
	}
}
