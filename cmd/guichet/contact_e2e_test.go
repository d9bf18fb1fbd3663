package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/guichet/guichet/themes"
	"gopkg.in/yaml.v3"
)

// TestContactInBrowser drives Chromium through a guichet server with a real
// SMTP server and a real webhook receiver: on /contact, typing a subject
// shows the matching articles and one opens; the form sent by JavaScript
// shows its confirmation and reaches both the mailbox (Reply-To the
// customer) and the helpdesk (signed); "Tell me when this is answered"
// sends its confirmation e-mail; and in the widget's panel, on another
// origin, a search that finds nothing offers it too, and the contact step suggests articles, opens one inline, comes
// back with what was typed, and sends the request with the host page's
// path and context. watchCSP fails the test on any policy violation.
func TestContactInBrowser(t *testing.T) {
	ctx := browser(t)
	en := themeStrings(t, "en")

	smtpSink := startSink(t, "127.0.0.1:0")
	rcv := &hook{}
	hookLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	serveOn(t, hookLn, rcv)

	helpLn, hostLn, helpURL, hostURL := twoOrigins(t)

	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\nbase_url: "+helpURL+"\ncontact:\n  to: support@acme.test\n  webhook: http://"+hookLn.Addr().String()+"/guichet\n"+
		"widget:\n  allowed_origins: [\""+hostURL+"\"]\n")
	writeFile(t, dir, "billing/_index.md", "---\ntitle: Billing\n---\n")
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Get a refund\ndescription: Money back within 30 days.\ncontexts: [checkout]\n---\nAsk for a refund from the Orders page within 30 days.\n")
	writeFile(t, dir, "account/password.md", "---\ntitle: Reset your password\n---\nClick Forgot password on the sign-in page.\n")

	cfg := testConfig(dir, t.TempDir(), func(c *Config) {
		c.SMTP, c.MailFrom, c.WebhookSecret = "smtp://"+smtpSink.addr, "help@acme.test", hookSecret
	})
	m := &Main{Config: cfg, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close(context.Background()) })
	m.Publisher.Wait()
	// The delivery queue runs as under `guichet serve`, and stops before
	// the database closes (cleanups run last registered first).
	qctx, stopQueue := context.WithCancel(context.Background())
	queueDone := make(chan struct{})
	go func() { m.Queue.Run(qctx); close(queueDone) }()
	t.Cleanup(func() { stopQueue(); <-queueDone })

	serveOn(t, helpLn, m.Server)
	serveOn(t, hostLn, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, hostPage, "", helpURL, ` data-context="checkout"`)
	}))

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
	mailTo := func(addr string) (received, bool) {
		for _, msg := range smtpSink.messages() {
			for _, to := range msg.To {
				if to == addr {
					return msg, true
				}
			}
		}
		return received{}, false
	}
	hookBodies := func() []map[string]any {
		rcv.mu.Lock()
		defer rcv.mu.Unlock()
		var out []map[string]any
		for i, b := range rcv.bodies {
			var v map[string]any
			if err := json.Unmarshal(b, &v); err != nil || !validSignature(hookSecret, b, rcv.sigs[i]) {
				t.Errorf("webhook %d: bad JSON (%v) or signature %q: %s", i, err, rcv.sigs[i], b)
				continue
			}
			out = append(out, v)
		}
		return out
	}
	hookWith := func(subject string) map[string]any {
		for _, b := range hookBodies() {
			if b["subject"] == subject {
				return b
			}
		}
		return nil
	}

	// 1. /contact: typing the subject shows the matching articles
	// (debounced, from the suggest engine, a word still being typed
	// matching as a prefix), and one opens.
	subject := chromedp.CSS("#g-c-subject")
	const suggestion = `#g-c-suggestions a[data-article="billing/refund"]`
	// waitShown waits until the page shows sel. It polls rather than use
	// WaitVisible, which can miss a node that was in the page, hidden, all
	// along (a status line), and survives the page being replaced.
	waitShown := func(what, sel string) {
		t.Helper()
		js := fmt.Sprintf(`(() => { const n = document.querySelector(%q); return document.readyState === 'complete' && !!n && n.getClientRects().length > 0 })()`, sel)
		if !waitFor(10*time.Second, func() bool {
			v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
			return err == nil && v
		}) {
			t.Fatalf("%s: %s not shown; requests %s; the page shows %s", what, sel, eval(`JSON.stringify(performance.getEntriesByType("resource").map(e => [e.name, Math.round(e.startTime), Math.round(e.duration), e.responseStatus]).concat([performance.now(), location.href, document.activeElement.outerHTML.slice(0, 60), document.activeElement.disabled, !!document.activeElement.form && document.activeElement.form.dataset.api, (document.querySelector("form.subscribe-form input[name=email]") || {}).value]))`), eval(`(document.querySelector(".contact-page") || document.body).outerHTML`))
		}
	}
	do("type a subject on /contact",
		chromedp.Navigate(helpURL+"/contact"),
		chromedp.WaitVisible(subject),
		chromedp.SendKeys(subject, "refun"),
	)
	waitShown("a suggestion for the subject typed", suggestion)
	if got := eval(`document.querySelector('` + suggestion + `').textContent`); got != "Get a refund" {
		t.Errorf("suggestion text = %q", got)
	}
	if got := eval(`location.pathname + location.search`); got != "/contact" {
		t.Errorf("typing left the page: %s", got)
	}
	do("open the suggestion", chromedp.Click(chromedp.CSS(suggestion)), chromedp.WaitVisible(chromedp.CSS(".prose")))
	if got := eval(`location.pathname + ' ' + document.querySelector('h1').textContent.trim()`); got != "/billing/refund Get a refund" {
		t.Errorf("after clicking the suggestion: %q", got)
	}
	// The click is recorded against the contact form's search: opened and
	// not followed by a request, it counts as a deflection.
	if !waitFor(10*time.Second, func() bool {
		m.Recorder.Flush(context.Background())
		events, _ := m.DB.RecentEvents(context.Background(), 50)
		for _, e := range events {
			if e.Type == "click" && e.Source == "contact" && e.ArticleID == "billing/refund" && e.SearchID != "" {
				return true
			}
		}
		return false
	}) {
		events, _ := m.DB.RecentEvents(context.Background(), 50)
		t.Errorf("no click from the contact form's suggestions was recorded: %+v", events)
	}

	// 2. A subject no article matches says so; sent, it leads to the whole
	// form and to "Tell me when this is answered", whose confirmation
	// e-mail goes out.
	do("type an unknown subject",
		chromedp.Navigate(helpURL+"/contact"),
		chromedp.WaitVisible(subject),
		chromedp.SendKeys(subject, "zzqx wombat"),
	)
	waitShown("the note that no article matches", "#g-c-suggestions p.none")
	if got := eval(`document.querySelector('#g-c-suggestions p.none').textContent`); got != en["contact_no_suggestions"] {
		t.Errorf("no suggestion note = %q", got)
	}
	// The live suggestions offer it already (TestContactLiveOfferInBrowser):
	// the page after the lookup offers it too.
	do("go on to the form", chromedp.SendKeys(subject, "\r"))
	waitShown("the whole form", "form.contact-form #g-c-description")
	waitShown("the subscription form for an unanswered subject", "form.subscribe-form input[name=email]")
	do("subscribe on the contact page",
		chromedp.SendKeys(chromedp.CSS("form.subscribe-form input[name=email]"), "bo@example.com\r"),
	)
	waitShown("the subscription's confirmation", "form.subscribe-form .subscribe-status")
	if got := eval(`document.querySelector('form.subscribe-form .subscribe-status').textContent`); got != en["subscribe_sent"] {
		t.Errorf("subscribe status = %q, want %q", got, en["subscribe_sent"])
	}
	var confirm received
	if !waitFor(15*time.Second, func() bool { var ok bool; confirm, ok = mailTo("bo@example.com"); return ok }) {
		t.Fatalf("no confirmation e-mail to the subscriber: %+v", smtpSink.messages())
	}
	if !strings.Contains(confirm.Body, helpURL+"/") || confirm.Header.Get("List-Unsubscribe") == "" {
		t.Errorf("confirmation e-mail: List-Unsubscribe %q, body %q", confirm.Header.Get("List-Unsubscribe"), confirm.Body)
	}

	// 3. A subject with an answer: the whole form under its suggestions;
	// JavaScript posts it as JSON and says it was sent; the request
	// reaches the mailbox and the helpdesk.
	const subj = "Refund please"
	do("look up a subject",
		chromedp.Navigate(helpURL+"/contact"),
		chromedp.WaitVisible(subject),
		chromedp.SendKeys(subject, subj+"\r"),
	)
	waitShown("the contact form", "form.contact-form #g-c-description")
	waitShown("the suggestion above the form", suggestion)
	// An address the browser takes and the server refuses: the status
	// says what to fix in the page's words (data-error-email), not the
	// API's message.
	do("fill the contact form with an address the server refuses",
		chromedp.SendKeys(chromedp.CSS("#g-c-description"), "I asked a week ago.\nOrder 42."),
		chromedp.Evaluate[chromedp.Void](`window.samePage = true`),
		chromedp.SendKeys(chromedp.CSS("#g-c-email"), "ana@example\r"),
	)
	waitShown("the field's message", "form.contact-form .contact-status")
	if got := eval(`document.querySelector('form.contact-form .contact-status').textContent`); got != en["contact_error_email"] {
		t.Errorf("status after a refused address = %q, want %q", got, en["contact_error_email"])
	}
	// The field the server refused is marked, as on the page without
	// JavaScript: invalid, and described by the message (its hint kept).
	invalid := `(() => { const f = document.querySelector('#g-c-email'), s = document.querySelector('form.contact-form .contact-status');
		return f.getAttribute('aria-invalid') + ' ' + (!!s.id && (f.getAttribute('aria-describedby') || '').split(' ').includes(s.id)) + ' ' + (f.getAttribute('aria-describedby') || '').includes('g-c-email-hint') })()`
	if got := eval(invalid); got != "true true true" {
		t.Errorf("the refused address field: aria-invalid, described by the message, its hint kept = %q, want \"true true true\"", got)
	}
	do("correct the address and send",
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#g-c-email").value = ""`),
		chromedp.SendKeys(chromedp.CSS("#g-c-email"), "ana@example.com\r"),
	)
	if !waitFor(15*time.Second, func() bool {
		return eval(`document.querySelector('form.contact-form .contact-status').textContent`) == en["contact_sent"]
	}) {
		t.Errorf("status after sending = %q, want %q", eval(`document.querySelector('form.contact-form .contact-status').textContent`), en["contact_sent"])
	}
	if got := eval(`String(window.samePage)`); got != "true" {
		t.Errorf("the form was posted the plain way (the page reloaded)")
	}
	if got := eval(`String(document.querySelector('#g-c-email').getAttribute('aria-invalid'))`); got != "null" {
		t.Errorf("the address field once sent: aria-invalid = %q, want none", got)
	}
	var mail received
	if !waitFor(15*time.Second, func() bool { var ok bool; mail, ok = mailTo("support@acme.test"); return ok }) {
		t.Fatalf("no e-mail reached the SMTP server: %+v", smtpSink.messages())
	}
	if mail.Subject != subj || mail.Header.Get("Reply-To") != "<ana@example.com>" || !strings.Contains(mail.Body, "I asked a week ago.") {
		t.Errorf("e-mail: subject %q, Reply-To %q, body %q", mail.Subject, mail.Header.Get("Reply-To"), mail.Body)
	}
	var hooked map[string]any
	if !waitFor(15*time.Second, func() bool { hooked = hookWith(subj); return hooked != nil }) {
		t.Fatalf("no signed webhook for %q: %v", subj, hookBodies())
	}
	if hooked["email"] != "ana@example.com" || hooked["description"] != "I asked a week ago.\nOrder 42." {
		t.Errorf("webhook body: %v", hooked)
	}

	// 4. The widget's contact step, in its cross-origin frame.
	const shadow = `document.querySelector('[data-guichet-widget]').shadowRoot`
	button := chromedp.JSPath(shadow + `.querySelector('button')`)
	do("open the widget",
		chromedp.Navigate(hostURL+"/checkout/pay"),
		chromedp.WaitVisible(button),
		chromedp.Click(button),
		chromedp.WaitVisible(chromedp.JSPath(shadow+`.querySelector('iframe')`)),
	)
	// The iframe's node may still hold its initial about:blank document:
	// look it up again until the contact link shows.
	var frame *chromedp.Node
	if !waitFor(30*time.Second, func() bool {
		nodes, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.JSPath(shadow+`.querySelector('iframe')`)))
		if err != nil || len(nodes) != 1 {
			return false
		}
		frame = nodes[0]
		step, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		return chromedp.Do(step, chromedp.WaitVisible(chromedp.CSS(".w-foot a[data-contact]"), chromedp.FromNode(frame))) == nil
	}) {
		t.Fatal("no contact link in the widget")
	}
	inFrame := chromedp.FromNode(frame)
	inFrameJS := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Poll[string](js, chromedp.WithPollingInFrame(frame), chromedp.WithPollingTimeout(5*time.Second)))
		if err != nil {
			t.Fatalf("in the widget, %s: %v", js, err)
		}
		return v
	}
	frameShown := func(what, sel string) {
		t.Helper()
		js := fmt.Sprintf(`(() => { const n = document.querySelector(%q); return !!n && n.getClientRects().length > 0 })()`, sel)
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingInFrame(frame), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Fatalf("%s: %s not shown in the widget: %v", what, sel, err)
		}
	}
	waitHeading := func(want string) {
		t.Helper()
		if !waitFor(10*time.Second, func() bool {
			return inFrameJS(`(document.querySelector('.w-view:not([hidden]) h2') || {textContent: ''}).textContent.trim() || ' '`) == want
		}) {
			t.Fatalf("widget heading: got %q, want %q", inFrameJS(`(document.querySelector('.w-view:not([hidden]) h2') || {textContent: ''}).textContent.trim() || ' '`), want)
		}
	}
	// A search in the panel that finds nothing offers "Tell me when this
	// is answered".
	do("search in the widget", chromedp.SendKeys(chromedp.CSS("#g-wq"), "zzqx wombat\r", inFrame))
	waitHeading("No articles match “zzqx wombat”.")
	do("subscribe in the widget",
		chromedp.SendKeys(chromedp.CSS("form.subscribe-form input[name=email]"), "di@example.com", inFrame),
		chromedp.Click(chromedp.CSS("form.subscribe-form button[type=submit]"), inFrame),
	)
	frameShown("the widget's subscription confirmation", "form.subscribe-form .subscribe-status")
	if got := inFrameJS(`document.querySelector('form.subscribe-form .subscribe-status').textContent`); got != en["subscribe_sent"] {
		t.Errorf("widget subscribe status = %q", got)
	}
	if got := inFrameJS(`document.querySelector('form.subscribe-form p').textContent`); !strings.Contains(got, "“zzqx wombat”") {
		t.Errorf("widget subscribe intro = %q", got)
	}
	if !waitFor(15*time.Second, func() bool { _, ok := mailTo("di@example.com"); return ok }) {
		t.Fatalf("no confirmation e-mail to the widget's subscriber: %+v", smtpSink.messages())
	}

	// The contact step starts from what was searched.
	wsugg := chromedp.CSS(`.contact-suggestions a[data-article="billing/refund"]`)
	do("open the widget's contact step", chromedp.Click(chromedp.CSS(".w-foot a[data-contact]"), inFrame))
	waitHeading(en["contact_title"])
	if got := inFrameJS(`document.querySelector('#g-wc-subject').value`); got != "zzqx wombat" {
		t.Errorf("the contact step's subject = %q, want the search's words", got)
	}
	inFrameJS(`(document.querySelector('#g-wc-subject').value = '', 'ok')`)
	do("type a subject in the widget",
		chromedp.SendKeys(chromedp.CSS("#g-wc-subject"), "refund please", inFrame),
		chromedp.WaitVisible(wsugg, inFrame),
	)
	// A suggestion opens inline; Back returns to the form as it was left.
	do("open the widget's suggestion", chromedp.Click(wsugg, inFrame))
	waitHeading("Get a refund")
	do("go back to the form", chromedp.Click(chromedp.CSS(".w-back"), inFrame))
	waitHeading(en["contact_title"])
	if got := inFrameJS(`document.querySelector('#g-wc-subject').value`); got != "refund please" {
		t.Errorf("after Back, the subject is %q", got)
	}
	do("send from the widget",
		chromedp.SendKeys(chromedp.CSS("#g-wc-description"), "Still waiting.", inFrame),
		chromedp.SendKeys(chromedp.CSS("#g-wc-email"), "cy@example.com", inFrame),
		chromedp.Click(chromedp.CSS("form.w-contact button[type=submit]"), inFrame),
	)
	frameShown("the widget's confirmation", "form.w-contact .contact-status")
	if got := inFrameJS(`document.querySelector('form.w-contact .contact-status').textContent`); got != en["contact_sent"] {
		t.Errorf("widget status after sending = %q", got)
	}
	var wmail received
	if !waitFor(15*time.Second, func() bool {
		for _, msg := range smtpSink.messages() {
			if msg.Subject == "refund please" {
				wmail = msg
				return true
			}
		}
		return false
	}) {
		t.Fatalf("the widget's request did not reach the SMTP server: %+v", smtpSink.messages())
	}
	if wmail.Header.Get("Reply-To") != "<cy@example.com>" || !strings.Contains(wmail.Body, "Still waiting.") {
		t.Errorf("widget e-mail: Reply-To %q, body %q", wmail.Header.Get("Reply-To"), wmail.Body)
	}
	if !waitFor(15*time.Second, func() bool { hooked = hookWith("refund please"); return hooked != nil }) {
		t.Fatalf("the widget's request did not reach the helpdesk: %v", hookBodies())
	}
	if hooked["path"] != "/checkout/pay" || hooked["context"] != "checkout" || hooked["email"] != "cy@example.com" {
		t.Errorf("widget webhook: path %v, context %v, email %v", hooked["path"], hooked["context"], hooked["email"])
	}
}

// themeStrings reads the default theme's interface strings of locale (its
// i18n/<locale>.yaml), the texts a visitor sees.
func themeStrings(t *testing.T, locale string) map[string]string {
	t.Helper()
	b, err := fs.ReadFile(themes.FS, "default/i18n/"+locale+".yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := yaml.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for k, v := range m {
		if s, ok := v.(string); ok {
			out[k] = s
		}
	}
	return out
}
