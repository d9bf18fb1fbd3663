package contact_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/delivery"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/sqlite"
)

var tokenPattern = regexp.MustCompile(`/subscriptions/(confirm|unsubscribe)\?token=([^&\s]+)`)

// links returns the confirmation and unsubscribe tokens of a mail's text.
func links(t *testing.T, text string) (confirm, unsubscribe string) {
	t.Helper()
	for _, m := range tokenPattern.FindAllStringSubmatch(text, -1) {
		tok, err := url.QueryUnescape(m[2])
		if err != nil {
			t.Fatal(err)
		}
		if m[1] == "confirm" {
			confirm = tok
		} else {
			unsubscribe = tok
		}
	}
	return confirm, unsubscribe
}

// subscribe asks for a subscription and returns the confirmation mails
// it queued.
func (f *fixture) subscribe(query, email, locale string) ([]delivery.Mail, error) {
	f.t.Helper()
	err := f.svc.Subscribe(context.Background(), site.SubscriptionRequest{Query: query, Email: email, Locale: locale}, "v-"+email, 0, site.SourceSite)
	var out []delivery.Mail
	for _, d := range f.queued() {
		if d.Purpose != delivery.PurposeConfirm {
			f.t.Errorf("subscribing queued a %s delivery", d.Purpose)
		}
		out = append(out, mailOf(f.t, d))
	}
	return out, err
}

// Double opt-in: one confirmation mail per address, query and language,
// sent to the address, in its language, with working links; asking again
// sends nothing and answers the same.
func TestSubscribeDedupe(t *testing.T) {
	type ask struct {
		query, email, locale string
		wantMail             bool
		wantCode             string
	}
	cases := []struct {
		name string
		asks []ask
	}{
		{"same address twice: one mail", []ask{
			{"export to pdf", "jane@example.com", "en", true, ""},
			{"export to pdf", "jane@example.com", "en", false, ""},
		}},
		{"address case and query spelling do not matter", []ask{
			{"Export to PDF", "jane@example.com", "en", true, ""},
			{"export  to pdf", "Jane@Example.com", "en", false, ""},
		}},
		{"another address, query or language: another mail", []ask{
			{"export to pdf", "jane@example.com", "en", true, ""},
			{"export to pdf", "joe@example.com", "en", true, ""},
			{"export to csv", "jane@example.com", "en", true, ""},
			{"export to pdf", "jane@example.com", "fr", true, ""},
		}},
		{"no words: refused", []ask{{"?!", "jane@example.com", "en", false, site.EINVALID}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, helpContent, true, false)
			for _, a := range tc.asks {
				mails, err := f.subscribe(a.query, a.email, a.locale)
				if site.ErrorCode(err) != a.wantCode || a.wantCode == "" && err != nil {
					t.Fatalf("%v: err %v, want code %q", a, err, a.wantCode)
				}
				if got := len(mails) == 1; got != a.wantMail || len(mails) > 1 {
					t.Fatalf("%v: %d mails queued, want mail %v", a, len(mails), a.wantMail)
				}
				if !a.wantMail {
					continue
				}
				m := mails[0]
				if m.To != a.email || m.Unsubscribe == "" {
					t.Errorf("confirmation to %q, unsubscribe header %q", m.To, m.Unsubscribe)
				}
				c, u := links(t, m.Text)
				if c == "" || u == "" || c != u {
					t.Errorf("confirmation links: confirm %q unsubscribe %q in\n%s", c, u, m.Text)
				}
				if !strings.Contains(m.Text, "https://help.acme.test/subscriptions/confirm?token=") || !strings.Contains(m.Text, "Acme Help") {
					t.Errorf("confirmation text lacks the absolute link or the site:\n%s", m.Text)
				}
				if !strings.Contains(m.Text, "locale="+a.locale) {
					t.Errorf("links do not keep the language %s:\n%s", a.locale, m.Text)
				}
			}
		})
	}
}

// Without an SMTP server nobody can be asked to confirm: refused.
func TestSubscribeNeedsMail(t *testing.T) {
	f := newFixture(t, helpContent, false, true)
	if f.svc.Subscriptions() {
		t.Error("subscriptions offered with no SMTP server")
	}
	if _, err := f.subscribe("export to pdf", "jane@example.com", "en"); site.ErrorCode(err) != site.EUNAVAILABLE {
		t.Fatalf("Subscribe = %v, want EUNAVAILABLE", err)
	}
}

// Personal data in the query is never stored nor mailed back.
func TestSubscribeRedactsQuery(t *testing.T) {
	f := newFixture(t, helpContent, true, false)
	mails, err := f.subscribe("refund order 98765432 jane@example.com", "jane@example.com", "en")
	if err != nil || len(mails) != 1 {
		t.Fatalf("%d mails, %v", len(mails), err)
	}
	if strings.Contains(mails[0].Subject, "98765432") || strings.Contains(mails[0].Text, "98765432") {
		t.Errorf("order number in the confirmation: %q\n%s", mails[0].Subject, mails[0].Text)
	}
}

// Confirming, unsubscribing and bad links.
func TestConfirmAndUnsubscribe(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, helpContent, true, false)
	mails, err := f.subscribe("export to pdf", "jane@example.com", "en")
	if err != nil || len(mails) != 1 {
		t.Fatalf("%d mails, %v", len(mails), err)
	}
	token, _ := links(t, mails[0].Text)
	for _, tc := range []struct {
		name, token, code string
	}{{"missing", "", site.EINVALID}, {"unknown", "not-a-token", site.ENOTFOUND}} {
		if _, err := f.svc.Confirm(ctx, tc.token); site.ErrorCode(err) != tc.code {
			t.Errorf("Confirm with a %s token = %v, want %s", tc.name, err, tc.code)
		}
		if err := f.svc.Unsubscribe(ctx, tc.token); site.ErrorCode(err) != tc.code {
			t.Errorf("Unsubscribe with a %s token = %v, want %s", tc.name, err, tc.code)
		}
	}
	sub, err := f.svc.Confirm(ctx, token)
	if err != nil {
		t.Fatal(err)
	}
	if sub.Query != "export to pdf" || sub.Email != "jane@example.com" {
		t.Errorf("confirmed %+v", sub)
	}
	if _, err := f.svc.Confirm(ctx, token); err != nil {
		t.Errorf("confirming twice: %v", err)
	}
	if g := waitingGap(t, f); g.ID == "" {
		t.Fatal("a confirmed subscription is no tracked gap")
	}
	if err := f.svc.Unsubscribe(ctx, token); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.Unsubscribe(ctx, token); site.ErrorCode(err) != site.ENOTFOUND {
		t.Errorf("unsubscribing twice = %v, want ENOTFOUND", err)
	}
	if _, err := f.svc.Confirm(ctx, token); site.ErrorCode(err) != site.ENOTFOUND {
		t.Errorf("confirming after unsubscribing = %v, want ENOTFOUND", err)
	}
	if g := waitingGap(t, f); g.ID != "" {
		t.Errorf("gap %q still waited for after unsubscribing", g.Query)
	}
}

// A link not confirmed within the window no longer works, and the same
// address may ask again.
func TestConfirmExpires(t *testing.T) {
	f := newFixture(t, helpContent, true, false)
	mails, err := f.subscribe("export to pdf", "jane@example.com", "en")
	if err != nil || len(mails) != 1 {
		t.Fatalf("%d mails, %v", len(mails), err)
	}
	token, _ := links(t, mails[0].Text)
	f.now = f.now.Add(site.SubscriptionConfirmWindow + time.Minute)
	if _, err := f.svc.Confirm(context.Background(), token); site.ErrorCode(err) != site.ENOTFOUND {
		t.Errorf("Confirm after the window = %v, want ENOTFOUND", err)
	}
	if err := f.svc.Maintain(context.Background()); err != nil {
		t.Fatal(err)
	}
	if mails, err := f.subscribe("export to pdf", "jane@example.com", "en"); err != nil || len(mails) != 1 {
		t.Errorf("asking again after expiry: %d mails, %v", len(mails), err)
	}
}

// waitingGap returns the gap someone waits for, if any.
func waitingGap(t *testing.T, f *fixture) gaps.Gap {
	t.Helper()
	rep, err := f.gaps.Report(context.Background(), gaps.Options{KeepIgnored: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range rep.Gaps {
		if g.Waiting > 0 {
			return g
		}
	}
	return gaps.Gap{}
}

// When the team marks a gap fixed, each confirmed subscriber gets one
// e-mail in their language with the team's note; pending ones get none;
// the next check sends nothing more.
func TestNotifyWhenFixed(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, helpContent, true, false)
	var tokens []string
	for _, s := range []struct{ email, locale string }{{"jane@example.com", "en"}, {"marie@example.fr", "fr"}, {"pending@example.com", "en"}} {
		mails, err := f.subscribe("export to pdf", s.email, s.locale)
		if err != nil || len(mails) != 1 {
			t.Fatalf("%d mails, %v", len(mails), err)
		}
		tok, _ := links(t, mails[0].Text)
		tokens = append(tokens, tok)
	}
	for _, tok := range tokens[:2] {
		if _, err := f.svc.Confirm(ctx, tok); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := f.svc.Notify(ctx); err != nil || n != 0 {
		t.Fatalf("Notify before any answer = %d, %v", n, err)
	}
	// One gap per language, each waited for by its confirmed subscriber.
	rep, err := f.gaps.Report(ctx, gaps.Options{})
	if err != nil {
		t.Fatal(err)
	}
	waiting := 0
	for _, g := range rep.Gaps {
		if g.Waiting == 0 {
			continue
		}
		waiting += g.Waiting
		if _, err := f.gaps.Decide(ctx, g.ID, gaps.StatusFixed, "PDF export is in the File menu since version 4.2."); err != nil {
			t.Fatal(err)
		}
	}
	if waiting != 2 {
		t.Fatalf("gaps waited for by %d, want the 2 confirmed", waiting)
	}
	if n, err := f.svc.Notify(ctx); err != nil || n != 2 {
		t.Fatalf("Notify = %d, %v; want 2", n, err)
	}
	got := map[string]delivery.Mail{}
	for _, d := range f.queued() {
		if d.Purpose != delivery.PurposeNotify {
			t.Errorf("queued a %s delivery", d.Purpose)
		}
		m := mailOf(t, d)
		got[m.To] = m
	}
	if len(got) != 2 || got["pending@example.com"].To != "" {
		t.Fatalf("notified %v, want jane and marie only", got)
	}
	for to, m := range got {
		if !strings.Contains(m.Text, "PDF export is in the File menu") || !strings.Contains(m.Text, "export to pdf") {
			t.Errorf("%s: notification lacks the note or the query:\n%s", to, m.Text)
		}
		_, unsub := links(t, m.Text)
		if unsub == "" || m.Unsubscribe == "" || !strings.Contains(m.Unsubscribe, url.QueryEscape(unsub)) {
			t.Errorf("%s: unsubscribe link %q, header %q", to, unsub, m.Unsubscribe)
		}
		for _, old := range tokens {
			if unsub == old {
				t.Errorf("%s: the notification reuses the confirmation's token", to)
			}
		}
	}
	en, fr := got["jane@example.com"], got["marie@example.fr"]
	if en.Subject == fr.Subject {
		t.Errorf("French subscriber got the English subject %q", fr.Subject)
	}
	if n, err := f.svc.Notify(ctx); err != nil || n != 0 {
		t.Errorf("second Notify = %d, %v; each is told once", n, err)
	}
	if ds := f.queued(); len(ds) != 0 {
		t.Errorf("second Notify queued %d more", len(ds))
	}
}

// When a new article answers the question, the subscriber gets its title
// and absolute link, once.
func TestNotifyWhenAnswered(t *testing.T) {
	ctx := context.Background()
	f := confirmedSubscriber(t, "export invoices to pdf")
	f.publish(withPDFArticle())
	if n, err := f.gaps.CheckAnswered(ctx, f.view, f.idx); err != nil || n == 0 {
		t.Fatalf("CheckAnswered = %d, %v: the new article answers no gap", n, err)
	}
	f.svc.Published(ctx)
	ds := f.queued()
	if len(ds) != 1 {
		t.Fatalf("%d notifications queued, want 1", len(ds))
	}
	m := mailOf(t, ds[0])
	if m.To != "jane@example.com" || !strings.Contains(m.Text, "Export invoices to PDF") ||
		!strings.Contains(m.Text, "https://help.acme.test/billing/pdf") {
		t.Errorf("notification to %q lacks the article or its link:\n%s", m.To, m.Text)
	}
	if err := f.svc.Maintain(ctx); err != nil {
		t.Fatal(err)
	}
	if ds := f.queued(); len(ds) != 0 {
		t.Errorf("the next check queued %d more", len(ds))
	}
}

// Maintain deletes what is no longer wanted, address and all: pending
// requests past the confirmation window and any subscription past the
// maximum age; a confirmed one inside that age is kept.
func TestMaintainDeletesExpired(t *testing.T) {
	cases := []struct {
		name     string
		confirm  bool
		after    time.Duration
		wantKept bool
	}{
		{"pending, inside the window", false, site.SubscriptionConfirmWindow - time.Minute, true},
		{"pending, past the window", false, site.SubscriptionConfirmWindow + time.Minute, false},
		{"confirmed, past the window", true, site.SubscriptionConfirmWindow + time.Hour, true},
		{"confirmed, past the maximum age", true, site.SubscriptionMaxAge + time.Minute, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			f := newFixture(t, helpContent, true, false)
			mails, err := f.subscribe("export to pdf", "jane@example.com", "en")
			if err != nil || len(mails) != 1 {
				t.Fatalf("%d mails, %v", len(mails), err)
			}
			tok, _ := links(t, mails[0].Text)
			if tc.confirm {
				if _, err := f.svc.Confirm(ctx, tok); err != nil {
					t.Fatal(err)
				}
			}
			f.now = f.now.Add(tc.after)
			if err := f.svc.Maintain(ctx); err != nil {
				t.Fatal(err)
			}
			// Unsubscribing finds the subscription only if it was kept
			// (and deletes it).
			err = f.svc.Unsubscribe(ctx, tok)
			if kept := err == nil; kept != tc.wantKept {
				t.Errorf("kept %v (unsubscribe: %v), want %v", kept, err, tc.wantKept)
			}
			if err != nil && site.ErrorCode(err) != site.ENOTFOUND {
				t.Errorf("unsubscribe: %v", err)
			}
		})
	}
}

// Someone confirming a subscription to a question the team already marked
// fixed is told at once, not at the next hourly check; opening the link
// does not wait for the gap report (Run makes it in the background), and
// however often links are opened, one check is pending at a time.
func TestConfirmAlreadyFixed(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, helpContent, true, false)
	rec := sqlite.NewRecorder(f.db, sqlite.RecorderOptions{})
	for i, v := range []string{"a", "b", "c"} {
		rec.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: "export to pdf", Locale: "en", Source: site.SourceSite,
			Visitor: v, Time: f.now.Add(-time.Duration(i+1) * time.Hour)})
	}
	if err := rec.Close(ctx); err != nil {
		t.Fatal(err)
	}
	rep, err := f.gaps.Report(ctx, gaps.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fixed := 0
	for _, g := range rep.Gaps {
		if g.Query == "export to pdf" {
			if _, err := f.gaps.Decide(ctx, g.ID, gaps.StatusFixed, "Use File, Export."); err != nil {
				t.Fatal(err)
			}
			fixed++
		}
	}
	if fixed != 1 {
		t.Fatalf("%d gaps for the searches, want 1: %+v", fixed, rep.Gaps)
	}
	mails, err := f.subscribe("Export to PDF", "jane@example.com", "en")
	if err != nil || len(mails) != 1 {
		t.Fatalf("%d mails, %v", len(mails), err)
	}
	tok, _ := links(t, mails[0].Text)
	for range 3 { // a mail scanner, then the person, then again
		if _, err := f.svc.Confirm(ctx, tok); err != nil {
			t.Fatal(err)
		}
	}
	if ds := f.queued(); len(ds) != 0 {
		t.Fatalf("opening the link made the gap report on the request: queued %v", ds)
	}
	if !f.svc.CheckPending() {
		t.Fatal("confirming asked for no check")
	}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { f.svc.Run(runCtx, time.Hour); close(done) }()
	defer func() { cancel(); <-done }()
	notified := func(who string) delivery.Mail {
		t.Helper()
		var ds []delivery.Delivery
		waitUntil(t, who+" notified", func() bool { ds = f.queued(); return len(ds) > 0 })
		if len(ds) != 1 || ds[0].Purpose != delivery.PurposeNotify {
			t.Fatalf("queued %v, want one notification", ds)
		}
		return mailOf(t, ds[0])
	}
	if m := notified("jane"); m.To != "jane@example.com" || !strings.Contains(m.Text, "Use File, Export.") {
		t.Errorf("notification to %q:\n%s", m.To, m.Text)
	}
	// Run has made its first check and taken the request: the next
	// confirmation is told by the check it asks for (the hourly one is
	// far off).
	waitUntil(t, "the request taken", func() bool { return !f.svc.CheckPending() })
	mails, err = f.subscribe("Export to PDF", "bo@example.com", "en")
	if err != nil || len(mails) != 1 {
		t.Fatalf("%d mails, %v", len(mails), err)
	}
	tok, _ = links(t, mails[0].Text)
	if _, err := f.svc.Confirm(ctx, tok); err != nil {
		t.Fatal(err)
	}
	if m := notified("bo"); m.To != "bo@example.com" {
		t.Errorf("notification to %q, want bo", m.To)
	}
}

// waitUntil waits for what a background goroutine does, up to 10 s.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); {
		if time.Now().After(deadline) {
			t.Fatalf("waited 10 s for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// If the article that answered the question is unpublished before the
// subscriber is told, nobody gets a dead link: the notification waits
// until an answer is published again.
func TestNotifyWaitsForPublishedArticle(t *testing.T) {
	ctx := context.Background()
	f := confirmedSubscriber(t, "export invoices to pdf")
	f.publish(withPDFArticle())
	if n, err := f.gaps.CheckAnswered(ctx, f.view, f.idx); err != nil || n == 0 {
		t.Fatalf("CheckAnswered = %d, %v", n, err)
	}
	f.publish(helpContent) // the article is withdrawn; answered state not yet rechecked
	if n, err := f.svc.Notify(ctx); err != nil || n != 0 {
		t.Errorf("Notify with the article withdrawn = %d, %v; want 0", n, err)
	}
	if ds := f.queued(); len(ds) != 0 {
		t.Fatalf("%d mails queued while the answering article is unpublished", len(ds))
	}
	f.publish(withPDFArticle())
	if n, err := f.svc.Notify(ctx); err != nil || n != 1 {
		t.Fatalf("Notify once the article is back = %d, %v; want 1", n, err)
	}
	if ds := f.queued(); len(ds) != 1 || !strings.Contains(mailOf(t, ds[0]).Text, "https://help.acme.test/billing/pdf") {
		t.Errorf("queued %v, want the notification with the article's link", ds)
	}
}

// confirmedSubscriber is a fixture where jane@example.com has subscribed to
// query and confirmed, nothing answers it yet, and an hour has passed.
func confirmedSubscriber(t *testing.T, query string) *fixture {
	t.Helper()
	ctx := context.Background()
	f := newFixture(t, helpContent, true, false)
	if _, err := f.gaps.CheckAnswered(ctx, f.view, f.idx); err != nil {
		t.Fatal(err)
	}
	mails, err := f.subscribe(query, "jane@example.com", "en")
	if err != nil || len(mails) != 1 {
		t.Fatalf("%d mails, %v", len(mails), err)
	}
	tok, _ := links(t, mails[0].Text)
	if _, err := f.svc.Confirm(ctx, tok); err != nil {
		t.Fatal(err)
	}
	if ds := f.queued(); len(ds) != 0 {
		t.Fatalf("confirming queued %d mails before any answer", len(ds))
	}
	f.now = f.now.Add(time.Hour)
	return f
}

// withPDFArticle is the help content plus an article that answers
// "export invoices to pdf".
func withPDFArticle() fstest.MapFS {
	out := fstest.MapFS{"billing/pdf.md": {Data: []byte("---\ntitle: Export invoices to PDF\nid: invoices-pdf\n---\n" +
		"To export invoices to PDF, open Billing, select the invoices and choose Export to PDF.\n")}}
	for k, v := range helpContent {
		out[k] = v
	}
	return out
}

// A question without a word to count it by (textnorm.HasWords) is never
// subscribed to: no gap could ever answer it.
func TestSubscribeNeedsAWord(t *testing.T) {
	f := newFixture(t, helpContent, true, false)
	for _, q := range []string{"🍕🍕", "???", "½"} {
		mails, err := f.subscribe(q, "ana@example.com", "en")
		if site.ErrorCode(err) != site.EINVALID || !strings.HasPrefix(site.ErrorMessage(err), "query: ") || len(mails) != 0 {
			t.Errorf("subscribe %q: %v, %d mails; want a 400 naming query and no mail", q, err, len(mails))
		}
	}
}

// The mails name the help center by its title in the subscriber's
// language when guichet.yaml gives one per locale, as the pages do: an
// English subscriber of a Spanish-first site was told by "Centro de ayuda
// Lumbre" (rv21g).
func TestSubscriptionMailsNameTheSiteInTheirLanguage(t *testing.T) {
	ctx := context.Background()
	files := fstest.MapFS{}
	for k, v := range withPDFArticle() {
		files[k] = v
	}
	files["guichet.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(siteYAML, "title: Acme Help\n",
		"title:\n  en: Acme Help\n  fr: Aide Acme\n", 1))}
	f := newFixture(t, helpContent, true, false)
	f.publish(fstest.MapFS{"guichet.yaml": files["guichet.yaml"], "account/password.md": helpContent["account/password.md"],
		"account/password.fr.md": helpContent["account/password.fr.md"], "account/invoices.md": helpContent["account/invoices.md"]})
	if _, err := f.gaps.CheckAnswered(ctx, f.view, f.idx); err != nil {
		t.Fatal(err)
	}
	mails, err := f.subscribe("exporter les factures en pdf", "marie@example.com", "fr")
	if err != nil || len(mails) != 1 {
		t.Fatalf("%d mails, %v", len(mails), err)
	}
	if !strings.Contains(mails[0].Text, "Aide Acme") {
		t.Errorf("French confirmation does not name the French title:\n%s", mails[0].Text)
	}
	tok, _ := links(t, mails[0].Text)
	if _, err := f.svc.Confirm(ctx, tok); err != nil {
		t.Fatal(err)
	}
	f.now = f.now.Add(time.Hour)
	files["billing/pdf.fr.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Exporter les factures en PDF\nid: invoices-pdf\n---\n" +
		"Pour exporter les factures en PDF, ouvrez Facturation.\n")}
	f.publish(files)
	if _, err := f.gaps.CheckAnswered(ctx, f.view, f.idx); err != nil {
		t.Fatal(err)
	}
	f.svc.Published(ctx)
	ds := f.queued()
	if len(ds) != 1 {
		t.Fatalf("%d notifications queued, want 1", len(ds))
	}
	if m := mailOf(t, ds[0]); !strings.Contains(m.Text, "Aide Acme") || strings.Contains(m.Text, "Acme Help") {
		t.Errorf("French notification does not name the French title:\n%s", m.Text)
	}
}

// A link in a plain-text e-mail is a URI (RFC 3986): an article whose URL
// holds letters outside ASCII ("exportação", as a Portuguese or Dutch team
// names its files) is linked percent-encoded, as the pages' canonical
// links are, so that a mail client that links URI characters only does
// not cut the link at the first accent (a 404).
func TestNotifyLinksAreURIs(t *testing.T) {
	ctx := context.Background()
	f := confirmedSubscriber(t, "export invoices to pdf")
	files := withPDFArticle()
	files["billing/pdf.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Export invoices to PDF\nid: invoices-pdf\nslug: exportação-pdf\n---\n" +
		"To export invoices to PDF, open Billing, select the invoices and choose Export to PDF.\n")}
	f.publish(files)
	if n, err := f.gaps.CheckAnswered(ctx, f.view, f.idx); err != nil || n == 0 {
		t.Fatalf("CheckAnswered = %d, %v: the new article answers no gap", n, err)
	}
	f.svc.Published(ctx)
	ds := f.queued()
	if len(ds) != 1 {
		t.Fatalf("%d notifications queued, want 1", len(ds))
	}
	m := mailOf(t, ds[0])
	if want := "https://help.acme.test/billing/exporta%C3%A7%C3%A3o-pdf\n"; !strings.Contains(m.Text, want) {
		t.Errorf("notification does not link %q:\n%s", want, m.Text)
	}
}

// Anyone may type anyone's address, so the confirmation is an e-mail from
// the help center's own sender with text a stranger chose: the question
// is quoted without the web addresses typed in it, so that the form is no
// way to mail a link (a phishing page) to a list of addresses under the
// company's name. The question is otherwise quoted as typed.
func TestConfirmationQuotesNoLink(t *testing.T) {
	f := newFixture(t, helpContent, true, false)
	for _, q := range []string{
		"URGENTE sua conta será bloqueada confirme em https://pedala-seguro.example/login",
		"uw account wordt geblokkeerd: ga naar www.pedala-seguro.example nu",
		"account locked, sign in at pedala-seguro.example/login?next=%2F today",
		"account locked, sign in at HTTP://PEDALA-SEGURO.EXAMPLE",
		"account locked, sign in at ftp://pedala-seguro.example/x",
	} {
		mails, err := f.subscribe(q, "victim@example.com", "en")
		if err != nil || len(mails) != 1 {
			t.Fatalf("%q: %d mails, %v", q, len(mails), err)
		}
		m := mails[0]
		if strings.Contains(strings.ToLower(m.Subject+m.Text), "pedala-seguro") {
			t.Errorf("%q: the confirmation carries the link typed:\n%s\n%s", q, m.Subject, m.Text)
		}
		if !strings.Contains(m.Text, "[link]") || !strings.Contains(m.Text, "account") && !strings.Contains(m.Text, "conta") {
			t.Errorf("%q: the question is not quoted with [link] for its address:\n%s", q, m.Text)
		}
		f.now = f.now.Add(49 * time.Hour) // past the pending limit per address
	}
}

// The Portuguese confirmations read right whatever the help center is
// called: "Você pediu a {site} para avisar" needs "à" before a title such
// as "Central de Ajuda Pedala" (or the theme's own "Central de ajuda",
// when guichet.yaml sets none), and "a" before others, which no string
// can know (rv24a). The title signs the e-mail instead, as it signs the
// notification.
func TestPortugueseConfirmationReadsRight(t *testing.T) {
	for _, yaml := range []string{"title: Central de Ajuda Pedala\n", ""} {
		f := newFixture(t, fstest.MapFS{
			"guichet.yaml":      {Data: []byte(yaml + "default_locale: pt-BR\nlocales: [pt-BR, pt]\n")},
			"conta/senha.md":    {Data: []byte("---\ntitle: Esqueci minha senha\n---\nToque em Esqueci minha senha.\n")},
			"conta/senha.pt.md": {Data: []byte("---\ntitle: Esqueci-me da palavra-passe\n---\nToque em Esqueci-me.\n")},
		}, true, false)
		for _, loc := range []string{"pt-BR", "pt"} {
			mails, err := f.subscribe("bicicleta roubada", "ana-"+loc+"@example.com", loc)
			if err != nil || len(mails) != 1 {
				t.Fatalf("%s: %d mails, %v", loc, len(mails), err)
			}
			text := mails[0].Text
			if strings.Contains(strings.ToLower(text), "pediu a central") {
				t.Errorf("%s, %q: the confirmation writes \"pediu a Central…\" (\"à\" is due):\n%s", loc, yaml, text)
			}
			if !strings.Contains(strings.ToLower(text), "central de ajuda") {
				t.Errorf("%s, %q: the confirmation does not name the help center:\n%s", loc, yaml, text)
			}
		}
	}
}
