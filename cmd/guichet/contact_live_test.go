package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/guichet/guichet/site/web/webtest"
	"golang.org/x/net/html"
)

// liveSite is a Spanish and English help center with a contact form and
// "Tell me when this is answered" (an SMTP server).
func liveSite(t *testing.T) string {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\nbase_url: https://help.acme.test\nlocales: [en, es]\ncontact:\n  to: support@acme.test\n")
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Get a refund\n---\nAsk for a refund from the Orders page within 30 days.\n")
	writeFile(t, dir, "billing/refund.es.md", "---\ntitle: Obtener un reembolso\nid: billing/refund\n---\nPide el reembolso desde la página Pedidos en 30 días.\n")
	writeFile(t, dir, "account/password.md", "---\ntitle: Reset your password\n---\nClick Forgot password on the sign-in page.\n")
	writeFile(t, dir, "account/password.es.md", "---\ntitle: Restablecer la contraseña\nid: account/password\n---\nPulsa ¿Olvidaste la contraseña? al iniciar sesión.\n")
	return dir
}

// offered returns the nodes of sel on the page, not in a template (what
// the page shows without its script).
func offered(doc *webtest.Doc, sel string) []*html.Node {
	var out []*html.Node
	for _, n := range doc.All(sel) {
		in := false
		for p := n.Parent; p != nil; p = p.Parent {
			in = in || p.Type == html.ElementNode && p.Data == "template"
		}
		if !in {
			out = append(out, n)
		}
	}
	return out
}

// TestContactLiveOfferOnThePage: the contact page carries, for its script,
// "Tell me when this is answered" as the page after a lookup offers it
// (same form, same target, in the page's language) and the lookup button's
// labels once articles show, while the button without JavaScript still
// says what it does (suggest articles).
func TestContactLiveOfferOnThePage(t *testing.T) {
	smtpSink := startSink(t, "127.0.0.1:0")
	m := openContactMain(t, liveSite(t), t.TempDir(), smtpSink.addr, &clock{t: time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)})
	for _, loc := range []string{"es", "en"} {
		tr := themeStrings(t, loc)
		prefix := map[string]string{"es": "/es", "en": ""}[loc]
		w := serve(m, "GET", prefix+"/contact", "")
		if w.Code != 200 {
			t.Fatalf("GET %s/contact: %d", prefix, w.Code)
		}
		doc := webtest.Parse(t, w.Body.String())
		btn := `form.contact-lookup button[type="submit"]`
		if got := doc.Text(btn); got != tr["contact_suggest_btn"] {
			t.Errorf("%s: lookup button = %q, want %q (without JavaScript it suggests articles)", loc, got, tr["contact_suggest_btn"])
		}
		if got := doc.Attr(btn, "data-label-some"); got == "" || got != tr["contact_none_fit_btn"] {
			t.Errorf("%s: button's label once articles show = %q, want %q", loc, got, tr["contact_none_fit_btn"])
		}
		if got := doc.Attr(btn, "data-label-none"); got == "" || got != tr["contact_write_btn"] {
			t.Errorf("%s: button's label once no article matches = %q, want %q", loc, got, tr["contact_write_btn"])
		}
		if doc.Count(btn+`[data-label-some-lang]`)+doc.Count(btn+`[data-label-none-lang]`) != 0 {
			t.Errorf("%s: the button's labels are marked as in another language", loc)
		}
		if got := doc.Attr(`#g-c-suggestions`, "data-subscribe"); got != "g-c-subscribe" {
			t.Fatalf("%s: the live suggestions name no subscription form (data-subscribe %q)", loc, got)
		}
		if got := doc.Attr(`template#g-c-subscribe`, "data-intro"); got != tr["subscribe_intro"] || !strings.Contains(got, "{query}") {
			t.Errorf("%s: the offer's intro = %q, want %q", loc, got, tr["subscribe_intro"])
		}
		// The same form the page after a lookup shows, for a subject no
		// article matches.
		w = serve(m, "GET", prefix+"/contact?"+url.Values{"subject": {"zzqx wombat"}}.Encode(), "")
		after := webtest.Parse(t, w.Body.String())
		if len(offered(after, `form.subscribe-form`)) != 1 {
			t.Fatalf("%s: the page after a lookup offers no subscription", loc)
		}
		for _, sel := range []string{`form.subscribe-form`, `form.subscribe-form input[name="source"]`, `form.subscribe-form input[name="locale"]`} {
			for _, a := range []string{"action", "data-api", "value"} {
				if live, page := doc.Attr(`template#g-c-subscribe `+sel, a), webtest.Attr(offered(after, sel)[0], a); live != page {
					t.Errorf("%s: %s %s: live %q, after a lookup %q", loc, sel, a, live, page)
				}
			}
		}
		if got := doc.Text(`template#g-c-subscribe form.subscribe-form h2`); got != tr["subscribe_title"] {
			t.Errorf("%s: the offer's title = %q, want %q", loc, got, tr["subscribe_title"])
		}
		if after.Count(`template#g-c-subscribe`) != 1 || after.Attr(`#g-c-suggestions`, "data-subscribe") != "g-c-subscribe" {
			t.Errorf("%s: after a lookup, the script cannot offer it for another subject", loc)
		}
	}
	// No SMTP server: nothing to offer, live or not.
	dir := liveSite(t)
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\nbase_url: https://help.acme.test\nlocales: [en, es]\ncontact:\n  webhook: http://127.0.0.1:1/unused\n")
	cfg := testConfig(dir, t.TempDir(), func(c *Config) { c.WebhookSecret = hookSecret })
	n := &Main{Config: cfg, Logger: m.Logger}
	if err := n.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close(context.Background()) })
	n.Publisher.Wait()
	doc := webtest.Parse(t, serve(n, "GET", "/es/contact", "").Body.String())
	if doc.Count(`form.contact-lookup`) != 1 || doc.Count(`template#g-c-subscribe`)+doc.Count(`[data-subscribe]`) != 0 {
		t.Errorf("without an SMTP server: lookup form %d, subscription offers %d", doc.Count(`form.contact-lookup`), doc.Count(`template#g-c-subscribe`)+doc.Count(`[data-subscribe]`))
	}
}

// TestContactLiveOfferInBrowser: on a phone, in Spanish, the live
// suggestions offer "Tell me when this is answered" for a subject no
// article matches, or only weakly, as the page after a lookup does, and
// it subscribes without leaving the page; with articles shown it is gone.
// The lookup button says what it leads to once suggestions show, and
// still leads to the rest of the form.
func TestContactLiveOfferInBrowser(t *testing.T) {
	ctx := browser(t)
	es := themeStrings(t, "es")
	smtpSink := startSink(t, "127.0.0.1:0")
	helpLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	helpURL := "http://" + helpLn.Addr().String()
	dir := liveSite(t)
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\nbase_url: "+helpURL+"\nlocales: [en, es]\ncontact:\n  to: support@acme.test\n")
	cfg := testConfig(dir, t.TempDir(), func(c *Config) { c.SMTP, c.MailFrom = "smtp://"+smtpSink.addr, "help@acme.test" })
	m := &Main{Config: cfg, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close(context.Background()) })
	m.Publisher.Wait()
	serveOn(t, helpLn, m.Server)

	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		step, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		if err := chromedp.Do(step, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("evaluate %s: %v", js, err)
		}
		return v
	}
	// until waits for the page's state (a JavaScript expression) to be want.
	until := func(what, js, want string) {
		t.Helper()
		if !waitFor(10*time.Second, func() bool {
			v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
			return err == nil && v == want
		}) {
			t.Fatalf("%s: %s = %q, want %q; the page shows %s", what, js, eval(js), want, eval(`(document.querySelector('.contact-page') || document.body).outerHTML`))
		}
	}
	const (
		subject = `#g-c-subject`
		btn     = `document.querySelector('form.contact-lookup button[type=submit]').textContent`
		offer   = `(() => { const f = document.querySelector('#g-c-suggestions form.subscribe-form'); return f && f.getClientRects().length ? f.querySelector('h2').textContent + ' | ' + f.elements.query.value + ' | ' + f.elements.source.value : 'none' })()`
	)
	typed := func(what, text string) {
		t.Helper()
		do(what, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+subject+`').value = ''`), chromedp.SendKeys(chromedp.CSS(subject), text))
	}
	do("open the Spanish contact form on a phone",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
		chromedp.Navigate(helpURL+"/es/contact"),
		chromedp.WaitVisible(chromedp.CSS(subject)),
	)
	if got := eval(btn); got != es["contact_suggest_btn"] {
		t.Errorf("before typing, the button = %q, want %q", got, es["contact_suggest_btn"])
	}

	// Nothing matches: the offer shows in the live region, in Spanish.
	typed("type a subject no article matches", "zzqx wombat")
	until("the note that no article matches", `(document.querySelector('#g-c-suggestions p.none') || {}).textContent || ''`, es["contact_no_suggestions"])
	until("the live offer for a subject without an answer", offer, es["subscribe_title"]+" | zzqx wombat | contact")
	if got := eval(`document.querySelector('#g-c-suggestions form.subscribe-form p').textContent`); got != strings.ReplaceAll(es["subscribe_intro"], "{query}", "zzqx wombat") {
		t.Errorf("the offer's intro = %q", got)
	}
	if got := eval(`document.querySelector('#g-c-suggestions').getAttribute('aria-live') + ' ' + !!document.querySelector('#g-c-suggestions p.none + form.subscribe-form')`); got != "polite true" {
		t.Errorf("the offer is not announced under the note (live region, order) = %q", got)
	}
	until("the button once no article matches", btn, es["contact_write_btn"])
	if got := eval(`String(document.querySelector('form.contact-lookup button').lang)`); got != "" {
		t.Errorf("the button's lang = %q, want the page's", got)
	}
	if w := eval(`String(document.documentElement.scrollWidth)`); w != "390" {
		t.Errorf("the page is %s px wide on a 390 px phone", w)
	}

	// Articles that answer it: no offer; the button leads past them.
	typed("type a subject an article answers", "reembolso")
	until("the suggestion", `(document.querySelector('#g-c-suggestions a[data-article="billing/refund"]') || {}).textContent || ''`, "Obtener un reembolso")
	until("no offer with an answer", offer, "none")
	until("the button once articles show", btn, es["contact_none_fit_btn"])

	// Only weak results (an article for part of the subject): listed, and
	// offered, as the page after a lookup does.
	const weak = "reembolso wombat zzqx"
	if doc := webtest.Parse(t, serve(m, "GET", "/es/contact?"+url.Values{"subject": {weak}}.Encode(), "").Body.String()); len(offered(doc, `form.subscribe-form`)) != 1 || doc.Count(`#g-c-suggestions ol a`) == 0 {
		t.Fatalf("the page after a lookup of %q: %d suggestions, %d offers: not weak results", weak, doc.Count(`#g-c-suggestions ol a`), len(offered(doc, `form.subscribe-form`)))
	}
	typed("type a subject only weakly answered", weak)
	until("the weak suggestion", `(document.querySelector('#g-c-suggestions a[data-article="billing/refund"]') || {}).textContent || ''`, "Obtener un reembolso")
	until("the live offer under weak results", offer, es["subscribe_title"]+" | "+weak+" | contact")
	if got := eval(`String(!!document.querySelector('#g-c-suggestions ol + form.subscribe-form'))`); got != "true" {
		t.Errorf("the offer is not under the weak results")
	}
	until("the button under weak results", btn, es["contact_none_fit_btn"])

	// Subscribing from the live offer stays on the page and sends the
	// confirmation e-mail.
	do("subscribe from the live offer",
		chromedp.Evaluate[chromedp.Void](`window.samePage = true`),
		chromedp.SendKeys(chromedp.CSS("#g-c-suggestions form.subscribe-form input[name=email]"), "eva@example.com\r"),
	)
	until("the subscription's confirmation", `(document.querySelector('#g-c-suggestions .subscribe-status') || {}).textContent || ''`, es["subscribe_sent"])
	if eval(`String(window.samePage)`) != "true" {
		t.Errorf("the subscription left the page")
	}
	if !waitFor(15*time.Second, func() bool {
		m.Queue.RunOnce(context.Background())
		for _, msg := range smtpSink.messages() {
			if len(msg.To) == 1 && msg.To[0] == "eva@example.com" {
				return true
			}
		}
		return false
	}) {
		t.Fatalf("no confirmation e-mail to the subscriber: %+v", smtpSink.messages())
	}

	// Emptied, the suggestions go and the button says what it does again.
	typed("empty the subject", " ")
	until("the button with nothing typed", btn, es["contact_suggest_btn"])
	until("the suggestions hidden", `String(document.querySelector('#g-c-suggestions').hidden)`, "true")

	// The button still leads to the rest of the form (GET ?subject=).
	typed("type a subject again", "reembolso")
	until("the button once articles show", btn, es["contact_none_fit_btn"])
	do("press the button", chromedp.Click(chromedp.CSS(`form.contact-lookup button[type=submit]`)))
	until("the rest of the form", `String(!!document.querySelector('form.contact-form #g-c-description') && location.pathname + ' ' + new URLSearchParams(location.search).get('subject'))`, "/es/contact reembolso")
}
